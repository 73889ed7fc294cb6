"""When a change may be scheduled: a sound window, outside freezes, with enough notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from simulators.clock import parse_time
from simulators.desk import WorkingCalendar
from simulators.errors import BadRequest, InvalidTransition
from simulators.processes.change.settings import ChangeConfig, london

MAX_NOTICE_SEARCH_DAYS = 3660
"""How far the search for the n-th working day may run before the calendar is deemed closed."""


def nth_working_day_after(calendar: WorkingCalendar, day: date, count: int) -> date:
    """The `count`-th working day after `day` (`day` itself when count is 0)."""
    found, current = 0, day
    for _ in range(MAX_NOTICE_SEARCH_DAYS):
        if found == count:
            return current
        current += timedelta(days=1)
        if calendar.is_business_day(current):
            found += 1
    raise BadRequest(
        f"calendar {calendar.name} has fewer than {count} working days in ten years",
        "check the calendar's weekdays and holidays",
    )


def working_days_between(calendar: WorkingCalendar, first: date, last: date) -> int:
    """Working days d with first < d <= last (0 when last is not after first)."""
    days = (last - first).days
    return sum(
        calendar.is_business_day(first + timedelta(days=offset)) for offset in range(1, days + 1)
    )


@dataclass(frozen=True)
class Window:
    """A change's implementation window, read from its start_date and end_date."""

    start: datetime
    end: datetime

    @classmethod
    def of(cls, number: str, record: dict[str, str]) -> Window | None:
        """The record's window, None while either date is empty, 400 when they are unsound."""
        if not record.get("start_date") or not record.get("end_date"):
            return None
        window = cls(_when(number, record, "start_date"), _when(number, record, "end_date"))
        if not window.start < window.end:
            raise BadRequest(
                f"Change {number}: end_date {record['end_date']} is not after start_date "
                f"{record['start_date']}",
                "an implementation window ends after it starts (UTC times)",
            )
        return window

    def spoken(self) -> str:
        """'2026-12-14 22:00 to 2026-12-15 02:00 London time'."""
        return f"{london(self.start)} to {london(self.end)} London time"


def _when(number: str, record: dict[str, str], name: str) -> datetime:
    try:
        return parse_time(record[name])
    except BadRequest:
        raise BadRequest(
            f"Change {number}: {name} '{record[name]}' is not a date-time like "
            "'YYYY-MM-DD HH:MM:SS' (UTC)"
        ) from None


@dataclass(frozen=True)
class SchedulingRules:
    """The freeze and notice rules of one desk, applied when a change is (re)scheduled."""

    config: ChangeConfig
    calendar: WorkingCalendar

    def check(self, head: str, change_type: str, window: Window, now: datetime) -> None:
        """Refuse a window in a freeze, or too close for notice, with `head` naming the move."""
        if change_type in self.config.freeze_applies_to:
            freeze = self.config.freeze_overlapping(window.start, window.end)
            if freeze is not None:
                raise InvalidTransition(
                    f"{head}: its window {window.spoken()} overlaps the {freeze.spoken()}",
                    f"{change_type} changes are not scheduled in a freeze; move the window "
                    "after the freeze, or raise an emergency change",
                )
        required = self.config.notice_working_days
        if change_type in self.config.notice_applies_to and required:
            zone = ZoneInfo(self.calendar.timezone)
            today = now.astimezone(zone).date()
            start_day = window.start.astimezone(zone).date()
            earliest = nth_working_day_after(self.calendar, today, required)
            if start_day < earliest:
                given = working_days_between(self.calendar, today, start_day)
                raise InvalidTransition(
                    f"{head}: a {change_type} change needs {required} working days' notice, "
                    f"but it starts {london(window.start)} London time, {given} working days "
                    "from now",
                    f"the earliest start day is {earliest:%A %d %B %Y} "
                    f"(calendar {self.calendar.name})",
                )
