"""The time every desk of a run reads: the system clock, or a virtual clock that fires timers."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol

from simulators.errors import BadRequest, DurationError

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_FIRINGS_PER_MOVE = 1_000_000


class TimerSource(Protocol):
    """Something with deadlines (SLA breach, auto-close, behaviour steps) the clock must fire."""

    def next_due(self) -> datetime | None:
        """The earliest moment something falls due, or None."""

    def fire(self, now: datetime) -> None:
        """Do everything due at or before `now`."""


def settle(sources: list[TimerSource], now: datetime) -> None:
    """Let sources that keep running figures (SLA percentages) bring them up to `now`."""
    for source in sources:
        settle_source = getattr(source, "settle", None)
        if settle_source is not None:
            settle_source(now)


class Clock(Protocol):
    """What desks ask for the time."""

    virtual: bool

    def now(self) -> datetime: ...

    def subscribe(self, source: TimerSource) -> None: ...


def format_time(moment: datetime) -> str:
    """ServiceNow's glide date-time text, in UTC."""
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def parse_time(text: str) -> datetime:
    """A UTC datetime from ServiceNow's 'YYYY-MM-DD HH:MM:SS'."""
    try:
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise BadRequest(f"'{text}' is not a date-time like 'YYYY-MM-DD HH:MM:SS'") from None


class SystemClock:
    """Real time, to the second; timers are fired by a ticker thread the server runs."""

    virtual = False

    def __init__(self) -> None:
        self._sources: list[TimerSource] = []

    def now(self) -> datetime:
        return datetime.now(UTC).replace(microsecond=0)

    def subscribe(self, source: TimerSource) -> None:
        self._sources.append(source)

    def tick(self) -> None:
        """Fire whatever is due now."""
        now = self.now()
        for source in list(self._sources):
            source.fire(now)
        settle(list(self._sources), now)


class VirtualClock:
    """A clock that only moves when told; moving it fires every due timer in time order."""

    virtual = True

    def __init__(self, start: datetime | None = None) -> None:
        self._now = (start or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
        self._sources: list[TimerSource] = []
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"VirtualClock({format_time(self._now)})"

    def now(self) -> datetime:
        return self._now

    def subscribe(self, source: TimerSource) -> None:
        with self._lock:
            self._sources.append(source)

    def advance(self, seconds: float) -> datetime:
        """Move forward by `seconds`."""
        if seconds < 0:
            raise BadRequest(f"the clock cannot move backwards (advance_seconds={seconds:g})")
        return self.move_to(self._now + timedelta(seconds=seconds))

    def move_to(self, target: datetime) -> datetime:
        """Move to `target`, firing each due timer at its own moment, earliest first."""
        target = target.astimezone(UTC).replace(microsecond=0)
        with self._lock:
            if target < self._now:
                raise BadRequest(
                    f"the clock cannot move backwards from {format_time(self._now)} "
                    f"to {format_time(target)}"
                )
            for _ in range(MAX_FIRINGS_PER_MOVE):
                due = self._earliest_due()
                if due is None or due > target:
                    break
                self._now = max(self._now, due)
                self._fire(self._now)
            else:
                raise RuntimeError("timers kept falling due without end; a timer source is broken")
            self._now = target
            self._fire(target)
            settle(list(self._sources), target)
        return self._now

    def _earliest_due(self) -> datetime | None:
        dues = [due for source in self._sources if (due := source.next_due()) is not None]
        return min(dues) if dues else None

    def _fire(self, now: datetime) -> None:
        for source in list(self._sources):
            source.fire(now)


# -- durations written in settings: '15m', '4h', '1h30m' ------------------------------------
# Days, hours, minutes and seconds, each optional, in that order, no spaces: '7d', '4h', '1h30m'.
_DURATION = re.compile(
    r"(?:(?P<d>[0-9]+)d)?(?:(?P<h>[0-9]+)h)?(?:(?P<m>[0-9]+)m)?(?:(?P<s>[0-9]+)s)?"
)
_EXAMPLES = "'15m', '4h' or '30h'"


def parse_duration(text: str) -> int:
    """Return the number of seconds a duration string such as '7d', '4h' or '1h30m' stands for."""
    match = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if not text or match is None:
        raise DurationError(
            f"duration {text!r} is not a duration like {_EXAMPLES} "
            "(days 'd', hours 'h', minutes 'm', seconds 's', in that order, no spaces)"
        )
    units = {"d": 86400, "h": 3600, "m": 60, "s": 1}
    seconds = sum(int(match[unit] or 0) * size for unit, size in units.items())
    if seconds == 0:
        raise DurationError(f"duration {text!r} is zero; a target needs a positive duration")
    return seconds


def format_duration(seconds: int) -> str:
    """Return the shortest duration string for a number of seconds, e.g. 5400 -> '1h30m'."""
    if seconds <= 0:
        raise DurationError(f"duration of {seconds} seconds cannot be formatted; it must be > 0")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "h"), (minutes, "m"), (secs, "s")]
    return "".join(f"{value}{unit}" for value, unit in parts if value)
