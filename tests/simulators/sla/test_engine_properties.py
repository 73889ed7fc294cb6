"""The SLA engine: properties of pauses and breaches for any incident timeline."""

from datetime import UTC, datetime, timedelta

from hypothesis import assume, given
from hypothesis import strategies as st

from simulators.sla import (
    DEFAULT_SLA_CONFIG,
    BusinessCalendar,
    TaskChange,
    evaluate,
    load_sla_config,
)
from tests.simulators.sla.clock import ENGLAND_WALES, HOUR, SCOTLAND

CONFIG = load_sla_config(DEFAULT_SLA_CONFIG)
FIRST = datetime(2026, 1, 1, tzinfo=UTC)
P3_RESOLUTION = 30 * HOUR

calendars = st.sampled_from([ENGLAND_WALES, SCOTLAND])
moments = st.integers(0, 365 * 24 * 60).map(lambda m: FIRST + timedelta(minutes=m))
gaps = st.integers(0, 14 * 24 * 60).map(lambda m: timedelta(minutes=m))


def _p3_with_hold(raised: datetime, held: datetime, resumed: datetime) -> list[TaskChange]:
    base = {"priority": "3", "state": "2", "hold_reason": ""}
    return [
        TaskChange(raised, base),
        TaskChange(held, {**base, "state": "3", "hold_reason": "4"}),
        TaskChange(resumed, base),
    ]


@given(calendars, moments, gaps, gaps)
def test_a_hold_before_the_breach_moves_the_deadline_by_its_business_time(
    calendar: BusinessCalendar, raised: datetime, before: timedelta, hold: timedelta
) -> None:
    """The planned end is the start plus the target plus the business time spent on hold."""
    held, resumed = raised + before, raised + before + hold
    assume(calendar.elapsed(raised, held) < P3_RESOLUTION)
    history = _p3_with_hold(raised, held, resumed)
    (resolution,) = [
        s
        for s in evaluate(CONFIG, "incident", history, resumed, calendar)
        if s.target == "resolution"
    ]
    paused = calendar.elapsed(held, resumed)
    assert resolution.business_pause_duration == paused
    assert resolution.pause_duration == hold // timedelta(seconds=1)
    assert resolution.planned_end_time == calendar.add(raised, P3_RESOLUTION + paused)
    assert not resolution.has_breached


@given(calendars, moments, gaps, gaps, gaps)
def test_business_percentage_reaches_100_exactly_at_the_planned_end(
    calendar: BusinessCalendar,
    raised: datetime,
    before: timedelta,
    hold: timedelta,
    later: timedelta,
) -> None:
    """Running business time is the target at the planned end, and breached from then on."""
    held, resumed = raised + before, raised + before + hold
    assume(calendar.elapsed(raised, held) < P3_RESOLUTION)
    history = _p3_with_hold(raised, held, resumed)
    due = next(
        s.planned_end_time
        for s in evaluate(CONFIG, "incident", history, resumed, calendar)
        if s.target == "resolution"
    )
    at_due = evaluate(CONFIG, "incident", history, due, calendar)[-1]
    assert at_due.business_percentage == 100.0
    assert at_due.stage == "breached" and at_due.breach_time == due
    afterwards = evaluate(CONFIG, "incident", history, due + later, calendar)[-1]
    assert afterwards.has_breached and afterwards.planned_end_time == due
