"""Business calendars and the 24x7 schedule: deadlines and elapsed business time in closed form."""

import threading
from bisect import bisect_left
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol, runtime_checkable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_package

from simulators.sla.errors import CalendarError, TimeValueError

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONDAY_TO_FRIDAY = frozenset(range(5))
_MICROSECOND = timedelta(microseconds=1)
_PER_SECOND = 1_000_000
# A calendar that finds no business day within this many days of a date is unusable.
_SEARCH_LIMIT_DAYS = 366 * 20


@runtime_checkable
class Schedule(Protocol):
    """When the SLA clock runs: all datetimes are timezone-aware; results are in UTC."""

    @property
    def name(self) -> str:
        """The schedule's name, e.g. '24x7' or 'england_wales'."""
        ...

    def add(self, start: datetime, seconds: int) -> datetime:
        """Return the deadline `seconds` of schedule time after `start`."""
        ...

    def elapsed(self, start: datetime, end: datetime) -> int:
        """Return the whole seconds of schedule time in [start, end) (0 when end <= start)."""
        ...

    def is_open(self, at: datetime) -> bool:
        """Return whether the clock runs at `at`."""
        ...

    def next_open(self, at: datetime) -> datetime:
        """Return `at` itself when open, else the next moment the clock starts running."""
        ...


class HolidaySource(Protocol):
    """Where a calendar's closed days come from."""

    def dates(self, year: int) -> Collection[date]:
        """Return the holidays falling in `year`."""
        ...


@dataclass(frozen=True)
class UkBankHolidays:
    """UK bank holidays of one subdivision (ENG, WLS, SCT, NIR), substitute days included."""

    subdivision: str = "ENG"

    def __post_init__(self) -> None:
        known = holidays_package.UK.subdivisions
        if self.subdivision not in known:
            raise CalendarError(
                f"bank holiday subdivision {self.subdivision!r} is not a UK subdivision; "
                f"expected one of {', '.join(known)}"
            )

    def dates(self, year: int) -> frozenset[date]:
        """Return the bank holidays (and substitute days) falling in `year`."""
        # Neighbouring years too, so a substitute day moved across New Year is not lost.
        found = holidays_package.UK(subdiv=self.subdivision, years=(year - 1, year, year + 1))
        return frozenset(day for day in found if day.year == year)


def _require_aware(at: datetime, what: str) -> datetime:
    if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
        raise TimeValueError(f"{what} {at!r} must be a timezone-aware datetime")
    return at.astimezone(UTC)


def _require_seconds(seconds: int) -> int:
    if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds < 0:
        raise TimeValueError(f"duration {seconds!r} must be a whole number of seconds >= 0")
    return seconds


class TwentyFourSeven:
    """The schedule that never closes: schedule time is wall time."""

    @property
    def name(self) -> str:
        """The schedule's name: '24x7'."""
        return "24x7"

    def add(self, start: datetime, seconds: int) -> datetime:
        """Return `start` plus `seconds`."""
        return _require_aware(start, "start") + timedelta(seconds=_require_seconds(seconds))

    def elapsed(self, start: datetime, end: datetime) -> int:
        """Return the whole seconds in [start, end)."""
        span = _require_aware(end, "end") - _require_aware(start, "start")
        return max(0, span // timedelta(seconds=1))

    def is_open(self, at: datetime) -> bool:
        """Return True: the clock always runs."""
        _require_aware(at, "time")
        return True

    def next_open(self, at: datetime) -> datetime:
        """Return `at` in UTC."""
        return _require_aware(at, "time")

    def __repr__(self) -> str:
        return "TwentyFourSeven()"


@dataclass(frozen=True)
class _HolidayIndex:
    """Holidays on business weekdays for the loaded ordinal range [first, end)."""

    first: int
    end: int
    ordinals: tuple[int, ...]
    members: frozenset[int]
    years: frozenset[int]


class BusinessCalendar:
    """Working hours in a local timezone on chosen weekdays, closed on bank holidays."""

    def __init__(
        self,
        name: str,
        timezone: str = "Europe/London",
        opening: time = time(8),
        closing: time = time(18),
        weekdays: Iterable[int] = MONDAY_TO_FRIDAY,
        holidays: HolidaySource | None = None,
    ) -> None:
        try:
            self._zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise CalendarError(
                f"calendar {name!r}: timezone {timezone!r} is not a known IANA zone "
                "such as 'Europe/London'"
            ) from error
        if opening.tzinfo is not None or closing.tzinfo is not None:
            raise CalendarError(f"calendar {name!r}: opening and closing are local wall times")
        if opening.microsecond or closing.microsecond:
            raise CalendarError(f"calendar {name!r}: opening and closing are whole seconds")
        if not opening < closing:
            raise CalendarError(
                f"calendar {name!r}: opening {opening:%H:%M} must be before closing "
                f"{closing:%H:%M} on the same day"
            )
        days = frozenset(weekdays)
        if not days or not days <= frozenset(range(7)):
            raise CalendarError(
                f"calendar {name!r}: weekdays {sorted(days)} must be a non-empty set of 0 (Mon) "
                "to 6 (Sun)"
            )
        self._name = name
        self._timezone = timezone
        self._opening = opening
        self._closing = closing
        self._weekdays = days
        self._holidays = holidays if holidays is not None else UkBankHolidays("ENG")
        self._day = _wall_seconds(closing) - _wall_seconds(opening)
        self._day_us = self._day * _PER_SECOND
        self._per_week = len(days)
        # _partial[w][n]: business weekdays among n consecutive days starting on weekday w.
        self._partial = tuple(
            tuple(sum((w + i) % 7 in days for i in range(n)) for n in range(8)) for w in range(7)
        )
        self._index = _HolidayIndex(0, 0, (), frozenset(), frozenset())
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The calendar's name, e.g. 'england_wales'."""
        return self._name

    @property
    def timezone(self) -> str:
        """The IANA zone the working hours are read in."""
        return self._timezone

    @property
    def opening(self) -> time:
        """Local opening time."""
        return self._opening

    @property
    def closing(self) -> time:
        """Local closing time."""
        return self._closing

    @property
    def weekdays(self) -> frozenset[int]:
        """Working weekdays, 0 (Mon) to 6 (Sun)."""
        return self._weekdays

    @property
    def day_seconds(self) -> int:
        """Business seconds in one working day."""
        return self._day

    def __repr__(self) -> str:
        days = ",".join(WEEKDAY_NAMES[d] for d in sorted(self._weekdays))
        return (
            f"BusinessCalendar({self._name!r}, {self._timezone} "
            f"{self._opening:%H:%M}-{self._closing:%H:%M} {days}, holidays={self._holidays!r})"
        )

    # -- public interface -------------------------------------------------------------------

    def is_business_day(self, day: date) -> bool:
        """Return whether `day` (a local date) is a working weekday and not a holiday."""
        ordinal = day.toordinal()
        return self._is_business(ordinal, self._covering(ordinal, ordinal + 1))

    def holidays_between(self, first: date, last: date) -> list[date]:
        """Return the holidays on working weekdays from `first` to `last` inclusive."""
        a, b = first.toordinal(), last.toordinal() + 1
        index = self._covering(a, b)
        lo, hi = bisect_left(index.ordinals, a), bisect_left(index.ordinals, b)
        return [date.fromordinal(o) for o in index.ordinals[lo:hi]]

    def is_open(self, at: datetime) -> bool:
        """Return whether `at` falls inside working hours on a business day."""
        ordinal, offset = self._locate(_require_aware(at, "time"))
        index = self._covering(ordinal, ordinal + 1)
        return self._is_business(ordinal, index) and 0 <= offset < self._day_us

    def next_open(self, at: datetime) -> datetime:
        """Return `at` when open, else the next opening time (in UTC)."""
        at = _require_aware(at, "time")
        ordinal, offset = self._locate(at)
        index = self._covering(ordinal, ordinal + 1)
        if self._is_business(ordinal, index) and offset < self._day_us:
            return at if offset >= 0 else self._opening_utc(ordinal)
        return self._opening_utc(self._kth_business_day(ordinal + 1, 1))

    def add(self, start: datetime, seconds: int) -> datetime:
        """Return the moment `seconds` of business time after `start` (UTC).

        Counting begins at the next opening when `start` is outside hours; a deadline that uses
        up a day exactly ends at that day's closing time, not at the next opening.
        """
        start = _require_aware(start, "start")
        remaining = _require_seconds(seconds) * _PER_SECOND
        ordinal, offset = self._locate(start)
        index = self._covering(ordinal, ordinal + 1)
        if self._is_business(ordinal, index) and offset < self._day_us:
            base = start
            if offset < 0:  # before opening: counting begins at opening
                base, offset = self._opening_utc(ordinal), 0
            room = self._day_us - offset
            if remaining <= room:
                return base + remaining * _MICROSECOND
            remaining -= room
        days = max(1, -(-remaining // self._day_us))
        landing = self._kth_business_day(ordinal + 1, days)
        into_day = remaining - (days - 1) * self._day_us
        return self._opening_utc(landing) + into_day * _MICROSECOND

    def elapsed(self, start: datetime, end: datetime) -> int:
        """Return the whole business seconds in [start, end) (0 when end <= start)."""
        start, end = _require_aware(start, "start"), _require_aware(end, "end")
        if end <= start:
            return 0
        first, first_offset = self._locate(start)
        last, last_offset = self._locate(end)
        index = self._covering(first, last + 1)
        total = (
            self._business_days(first, last, index) * self._day_us
            - self._clipped(first, first_offset, index)
            + self._clipped(last, last_offset, index)
        )
        return total // _PER_SECOND

    # -- closed-form arithmetic over day ordinals --------------------------------------------

    def _locate(self, at: datetime) -> tuple[int, int]:
        """Return the local day ordinal of `at` and its microseconds after that day's opening."""
        ordinal = at.astimezone(self._zone).date().toordinal()
        return ordinal, (at - self._opening_utc(ordinal)) // _MICROSECOND

    def _opening_utc(self, ordinal: int) -> datetime:
        local = datetime.combine(date.fromordinal(ordinal), self._opening, tzinfo=self._zone)
        return local.astimezone(UTC)

    def _clipped(self, ordinal: int, offset: int, index: _HolidayIndex) -> int:
        """Business microseconds of day `ordinal` before the given offset from its opening."""
        if not self._is_business(ordinal, index):
            return 0
        return min(max(offset, 0), self._day_us)

    def _is_business(self, ordinal: int, index: _HolidayIndex) -> bool:
        return (ordinal - 1) % 7 in self._weekdays and ordinal not in index.members

    def _business_days(self, first: int, end: int, index: _HolidayIndex) -> int:
        """Count business days in the ordinal range [first, end): whole weeks, then the rest."""
        weeks, rest = divmod(end - first, 7)
        count = weeks * self._per_week + self._partial[(first - 1) % 7][rest]
        return count - (bisect_left(index.ordinals, end) - bisect_left(index.ordinals, first))

    def _kth_business_day(self, first: int, k: int) -> int:
        """Return the ordinal of the k-th (k >= 1) business day on or after `first`."""
        limit = first + (k // self._per_week + 1) * 7 + _SEARCH_LIMIT_DAYS
        # Skip whole weeks arithmetically; holidays inside them leave a shortfall to repeat on.
        while (weeks := (k - 1) // self._per_week) > 0:
            end = first + weeks * 7
            index = self._covering(first, end)
            k -= self._business_days(first, end, index)
            first = end
            if first > limit:
                break
        day = first
        while day <= limit:
            index = self._covering(day, day + 1)
            if self._is_business(day, index):
                k -= 1
                if k == 0:
                    return day
            day += 1
        raise CalendarError(
            f"calendar {self._name!r}: no business day found within {_SEARCH_LIMIT_DAYS} days "
            f"of {date.fromordinal(first)}; check its weekdays and holidays"
        )

    # -- holiday index, loaded a year at a time ----------------------------------------------

    def _covering(self, first: int, end: int) -> _HolidayIndex:
        """Return a holiday index covering the ordinal range [first, end)."""
        index = self._index
        if index.first <= first and end <= index.end:
            return index
        with self._lock:
            index = self._index
            first_year = date.fromordinal(first).year
            last_year = date.fromordinal(max(first, end - 1)).year
            if index.years:
                first_year = min(first_year, min(index.years))
                last_year = max(last_year, max(index.years))
            years = range(first_year, last_year + 1)
            found = set(index.members)
            for year in years:
                if year not in index.years:
                    found |= self._load_year(year)
            self._index = _HolidayIndex(
                first=date(first_year, 1, 1).toordinal(),
                end=date(last_year + 1, 1, 1).toordinal(),
                ordinals=tuple(sorted(found)),
                members=frozenset(found),
                years=frozenset(years),
            )
            return self._index

    def _load_year(self, year: int) -> set[int]:
        """Return the year's holidays on working weekdays, after checking its clock changes."""
        self._check_hours_avoid_clock_changes(year)
        return {
            day.toordinal()
            for day in self._holidays.dates(year)
            if day.year == year and day.weekday() in self._weekdays
        }

    def _check_hours_avoid_clock_changes(self, year: int) -> None:
        """Refuse hours that contain a clock change: a business day must be a fixed length."""
        day = date(year, 1, 1)
        while day.year == year:
            if day.weekday() not in self._weekdays:
                day += timedelta(days=1)
                continue
            offsets = {
                datetime.combine(day, moment.replace(fold=fold), tzinfo=self._zone).utcoffset()
                for moment in (self._opening, self._closing)
                for fold in (0, 1)
            }
            if len(offsets) > 1:
                raise CalendarError(
                    f"calendar {self._name!r}: working hours {self._opening:%H:%M}-"
                    f"{self._closing:%H:%M} on {day} contain a clock change in "
                    f"{self._timezone}; choose hours that lie wholly on one side of it"
                )
            day += timedelta(days=1)


def _wall_seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second
