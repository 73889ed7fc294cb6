"""Business calendars: properties that hold for every start, duration and split point."""

from datetime import UTC, date, datetime, timedelta

import holidays
from hypothesis import given
from hypothesis import strategies as st

from simulators.sla import BusinessCalendar
from tests.simulators.sla.clock import ENGLAND_WALES, HOUR, LONDON, SCOTLAND

FIRST = datetime(2025, 1, 1, tzinfo=UTC)
LAST = datetime(2029, 12, 31, tzinfo=UTC)

calendars = st.sampled_from([ENGLAND_WALES, SCOTLAND])
# Whole seconds, so floors of partial seconds cannot blur sums of elapsed times.
moments = st.integers(0, int((LAST - FIRST).total_seconds())).map(
    lambda s: FIRST + timedelta(seconds=s)
)
durations = st.integers(0, 400 * HOUR)
# Durations of a few whole hours or minutes, so exact closings and openings are hit often.
round_durations = st.one_of(
    st.integers(0, 120).map(lambda h: h * HOUR), st.integers(0, 600).map(lambda m: m * 60)
)


def _at_closing(calendar: BusinessCalendar, moment: datetime) -> bool:
    local = moment.astimezone(LONDON)
    return local.time() == calendar.closing and calendar.is_business_day(local.date())


def _day_by_day(
    calendar: BusinessCalendar, subdivision: str, start: datetime, end: datetime
) -> int:
    """Business seconds in [start, end), summed one London day at a time from the package."""
    closed = holidays.UK(subdiv=subdivision, years=range(start.year - 1, end.year + 2))
    total = timedelta(0)
    day: date = start.astimezone(LONDON).date()
    while day <= end.astimezone(LONDON).date():
        if day.weekday() < 5 and day not in closed:
            opening = datetime.combine(day, calendar.opening, tzinfo=LONDON)
            closing = datetime.combine(day, calendar.closing, tzinfo=LONDON)
            overlap = min(end, closing) - max(start, opening)
            total += max(overlap, timedelta(0))
        day += timedelta(days=1)
    return total // timedelta(seconds=1)


@given(calendars, moments, durations)
def test_elapsed_undoes_add_for_every_start(
    calendar: BusinessCalendar, start: datetime, seconds: int
) -> None:
    """The business time from a start to its deadline is the duration, in hours or not."""
    assert calendar.elapsed(start, calendar.add(start, seconds)) == seconds


@given(calendars, moments, durations)
def test_start_outside_hours_counts_from_the_next_opening(
    calendar: BusinessCalendar, start: datetime, seconds: int
) -> None:
    """A deadline from any start equals the deadline from its next opening."""
    assert calendar.add(start, seconds) == calendar.add(calendar.next_open(start), seconds)


@given(calendars, moments, st.one_of(durations, round_durations).filter(bool))
def test_deadline_is_inside_hours_or_exactly_at_closing(
    calendar: BusinessCalendar, start: datetime, seconds: int
) -> None:
    """A business deadline never falls in closed time, except exactly at close of business."""
    due = calendar.add(start, seconds)
    assert due > start
    assert calendar.is_open(due) or _at_closing(calendar, due)


@given(calendars, moments, round_durations, round_durations)
def test_add_is_monotonic_in_the_duration(
    calendar: BusinessCalendar, start: datetime, first: int, second: int
) -> None:
    """A longer target never ends earlier, and a strictly longer one ends strictly later."""
    shorter, longer = sorted((first, second))
    assert calendar.add(start, shorter) <= calendar.add(start, longer)
    if shorter < longer:
        assert calendar.add(start, shorter) < calendar.add(start, longer)


@given(calendars, moments, round_durations, round_durations.filter(bool))
def test_add_composes(calendar: BusinessCalendar, start: datetime, first: int, then: int) -> None:
    """Adding a, then a positive b, reaches the same deadline as adding a + b at once."""
    assert calendar.add(calendar.add(start, first), then) == calendar.add(start, first + then)


@given(calendars, moments, moments, moments)
def test_elapsed_is_additive_over_a_split_point(
    calendar: BusinessCalendar, a: datetime, b: datetime, c: datetime
) -> None:
    """Business time over [start, end) is the sum over [start, split) and [split, end)."""
    start, split, end = sorted((a, b, c))
    assert calendar.elapsed(start, end) == calendar.elapsed(start, split) + calendar.elapsed(
        split, end
    )


@given(calendars, moments, st.integers(0, 60 * 24 * 3600))
def test_elapsed_matches_a_day_by_day_count_over_the_holidays_package(
    calendar: BusinessCalendar, start: datetime, span: int
) -> None:
    """The closed form agrees with summing each day's overlap with working hours."""
    end = start + timedelta(seconds=span)
    subdivision = "ENG" if calendar is ENGLAND_WALES else "SCT"
    assert calendar.elapsed(start, end) == _day_by_day(calendar, subdivision, start, end)


@given(calendars, moments)
def test_next_open_is_open_and_nothing_before_it_is(
    calendar: BusinessCalendar, moment: datetime
) -> None:
    """The next opening is open, and the time from the moment to it holds no business time."""
    opening = calendar.next_open(moment)
    assert calendar.is_open(opening)
    assert calendar.elapsed(moment, opening) == 0
    assert opening == moment or not calendar.is_open(moment)
