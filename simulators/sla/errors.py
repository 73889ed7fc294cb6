"""Errors raised by the SLA package: wrong configuration, wrong inputs, unusable calendars."""

from simulators.errors import DurationError, SimulatorError

__all__ = [
    "CalendarError",
    "DurationError",
    "HistoryError",
    "SlaConfigError",
    "SlaError",
    "TimeValueError",
    "UnknownCalendarError",
]


class SlaError(SimulatorError):
    """Base class of every error the SLA package raises on purpose."""


class SlaConfigError(SlaError):
    """An SLA configuration file is wrong; the message names the file, definition and key."""


class CalendarError(SlaError):
    """A business calendar cannot be built or used (bad hours, zone or holiday region)."""


class UnknownCalendarError(SlaError):
    """A calendar name is asked for that the configuration does not declare."""


class TimeValueError(SlaError, ValueError):
    """A schedule receives a naive datetime, a negative duration or an end before its start."""


class HistoryError(SlaError, ValueError):
    """The task history given to the engine is empty, naive or out of time order."""
