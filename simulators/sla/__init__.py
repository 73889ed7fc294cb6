"""SLA engine: business calendars, SLA definitions from TOML, and task_sla stages from history."""

from simulators.clock import format_duration, parse_duration
from simulators.sla.calendar import (
    MONDAY_TO_FRIDAY,
    BusinessCalendar,
    HolidaySource,
    Schedule,
    TwentyFourSeven,
    UkBankHolidays,
)
from simulators.sla.definitions import (
    BUSINESS,
    TARGETS,
    TWENTY_FOUR_SEVEN,
    Condition,
    SlaConfig,
    SlaDefinition,
)
from simulators.sla.engine import (
    ACHIEVED,
    BREACHED,
    CANCELLED,
    IN_PROGRESS,
    PAUSED,
    SlaStatus,
    TaskChange,
    evaluate,
    next_breach,
)
from simulators.sla.errors import (
    CalendarError,
    DurationError,
    HistoryError,
    SlaConfigError,
    SlaError,
    TimeValueError,
    UnknownCalendarError,
)
from simulators.sla.keeper import SlaKeeper
from simulators.sla.loader import DEFAULT_SLA_CONFIG, load_sla_config, parse_sla_config
from simulators.sla.tables import CONTRACT_SLA, TASK_SLA

__all__ = [
    "ACHIEVED",
    "BREACHED",
    "BUSINESS",
    "CANCELLED",
    "CONTRACT_SLA",
    "DEFAULT_SLA_CONFIG",
    "IN_PROGRESS",
    "MONDAY_TO_FRIDAY",
    "PAUSED",
    "TARGETS",
    "TASK_SLA",
    "TWENTY_FOUR_SEVEN",
    "BusinessCalendar",
    "CalendarError",
    "Condition",
    "DurationError",
    "HistoryError",
    "HolidaySource",
    "Schedule",
    "SlaConfig",
    "SlaConfigError",
    "SlaDefinition",
    "SlaError",
    "SlaKeeper",
    "SlaStatus",
    "TaskChange",
    "TimeValueError",
    "TwentyFourSeven",
    "UkBankHolidays",
    "UnknownCalendarError",
    "evaluate",
    "format_duration",
    "load_sla_config",
    "next_breach",
    "parse_duration",
    "parse_sla_config",
]
