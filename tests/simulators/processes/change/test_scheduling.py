"""When a change may be scheduled: a sound window, outside freezes, with enough notice."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from simulators import default_sla_config
from simulators.errors import BadRequest, InvalidTransition
from simulators.processes.change.scheduling import (
    SchedulingRules,
    Window,
    nth_working_day_after,
    working_days_between,
)
from simulators.processes.change.settings import ChangeConfig, FreezeWindow
from tests.simulators.conftest import TableApi
from tests.simulators.processes.change.conftest import (
    AUTHORIZE,
    CHRISTMAS,
    LABELS,
    SCHEDULED,
    START,
    Api,
    authorised,
    change_in,
    decide,
    move,
    moved,
    raise_change,
    refusal,
    state,
)


def test_a_window_must_end_after_it_starts(agent: TableApi) -> None:
    """end_date before start_date is refused, naming the change and both dates."""
    record = raise_change(agent)

    message = refusal(
        agent.patch(
            f"change_request/{record['sys_id']}",
            {"start_date": "2026-11-18 02:00:00", "end_date": "2026-11-17 22:00:00"},
        )
    )

    assert message == (
        f"Change {record['number']}: end_date 2026-11-17 22:00:00 is not after start_date "
        "2026-11-18 02:00:00"
    )


def test_a_window_date_must_be_a_date_time(agent: TableApi) -> None:
    """A start date that is not 'YYYY-MM-DD HH:MM:SS' is refused by name."""
    record = raise_change(agent)

    message = refusal(
        agent.patch(
            f"change_request/{record['sys_id']}",
            {"start_date": "next Tuesday", "end_date": "2026-11-17 22:00:00"},
        )
    )

    assert message.startswith(f"Change {record['number']}: start_date 'next Tuesday' is not")


def test_scheduling_needs_a_window(agent: TableApi, api: Api) -> None:
    """Scheduled requires start_date and end_date."""
    record = change_in(agent, api, "normal", AUTHORIZE)
    decide(api, record, "approved")

    message = refusal(move(agent, record, SCHEDULED, start_date="", end_date=""))

    assert message.endswith("start_date, end_date are mandatory")


@pytest.mark.parametrize("change_type", ["normal", "standard"])
def test_a_window_in_the_freeze_is_refused_naming_change_and_freeze(
    agent: TableApi, api: Api, change_type: str
) -> None:
    """Normal and standard changes are not scheduled in the Christmas freeze."""
    record = (
        raise_change(agent, "standard") if change_type == "standard" else authorised(agent, api)
    )
    source = record["state"] if change_type == "standard" else AUTHORIZE

    message = refusal(move(agent, record, SCHEDULED, **CHRISTMAS))

    assert message == (
        f"{LABELS[change_type]} {record['number']} cannot move from {state(source)} to "
        "Scheduled (-2): its window 2026-12-21 22:00 to 2026-12-22 02:00 London time overlaps "
        "the Christmas freeze (2026-12-18 18:00 to 2027-01-04 08:00 London time)"
    )


def test_an_emergency_change_is_not_frozen(agent: TableApi, api: Api) -> None:
    """An eCAB-approved emergency change may be scheduled inside the freeze."""
    record = authorised(agent, api, "emergency")

    assert moved(agent, record, SCHEDULED, **CHRISTMAS)["state"] == SCHEDULED


def test_a_window_ending_as_the_freeze_starts_is_accepted(agent: TableApi, api: Api) -> None:
    """Windows are half-open: ending at 18:00 on the 18th does not touch the freeze."""
    record = authorised(agent, api)
    window = {"start_date": "2026-12-18 14:00:00", "end_date": "2026-12-18 18:00:00"}

    assert moved(agent, record, SCHEDULED, **window)["state"] == SCHEDULED


def test_rescheduling_into_the_freeze_is_refused(agent: TableApi, api: Api) -> None:
    """Moving a scheduled change's window into a freeze is refused too."""
    record = moved(agent, authorised(agent, api), SCHEDULED)

    message = refusal(agent.patch(f"change_request/{record['sys_id']}", CHRISTMAS))

    assert message.startswith(f"Normal change {record['number']} in Scheduled (-2): its window")
    assert message.endswith(
        "overlaps the Christmas freeze (2026-12-18 18:00 to 2027-01-04 08:00 London time)"
    )


def test_a_normal_change_needs_ten_working_days_notice(agent: TableApi, api: Api) -> None:
    """Monday 2 November: Friday 13 November is nine working days away, Monday 16 is ten."""
    record = authorised(agent, api)
    early = {"start_date": "2026-11-13 22:00:00", "end_date": "2026-11-14 02:00:00"}

    response = move(agent, record, SCHEDULED, **early)

    assert refusal(response).endswith(
        "a normal change needs 10 working days' notice, but it starts 2026-11-13 22:00 London "
        "time, 9 working days from now"
    )
    assert "earliest start day is Monday 16 November 2026" in response.json()["error"]["detail"]
    on_time = {"start_date": "2026-11-16 22:00:00", "end_date": "2026-11-17 02:00:00"}
    assert moved(agent, record, SCHEDULED, **on_time)["state"] == SCHEDULED


@pytest.mark.parametrize("change_type", ["standard", "emergency"])
def test_standard_and_emergency_changes_need_no_notice(
    agent: TableApi, api: Api, change_type: str
) -> None:
    """Notice applies to normal changes only."""
    record = (
        raise_change(agent, "standard")
        if change_type == "standard"
        else authorised(agent, api, change_type)
    )
    tomorrow = {"start_date": "2026-11-03 20:00:00", "end_date": "2026-11-03 22:00:00"}

    assert moved(agent, record, SCHEDULED, **tomorrow)["state"] == SCHEDULED


def test_working_days_skip_weekends_and_bank_holidays() -> None:
    """From Monday 21 December 2026 the tenth working day is Thursday 7 January 2027."""
    calendar = default_sla_config().calendar("england_wales")

    assert nth_working_day_after(calendar, date(2026, 12, 21), 10) == date(2027, 1, 7)
    assert working_days_between(calendar, date(2026, 12, 21), date(2027, 1, 5)) == 8
    assert working_days_between(calendar, date(2026, 12, 21), date(2026, 12, 21)) == 0


def test_scheduling_rules_follow_the_configured_types() -> None:
    """freeze_applies_to and notice_applies_to decide which types a rule touches."""
    freeze = FreezeWindow(
        "Gate closure freeze", datetime(2026, 11, 5, tzinfo=UTC), datetime(2026, 11, 6, tzinfo=UTC)
    )
    config = ChangeConfig(
        notice_working_days=2,
        notice_applies_to=frozenset({"standard"}),
        freezes=(freeze,),
        freeze_applies_to=frozenset({"emergency"}),
    )
    rules = SchedulingRules(config, default_sla_config().calendar("england_wales"))
    in_freeze = Window(datetime(2026, 11, 5, 1, tzinfo=UTC), datetime(2026, 11, 5, 2, tzinfo=UTC))
    tomorrow = Window(datetime(2026, 11, 3, 1, tzinfo=UTC), datetime(2026, 11, 3, 2, tzinfo=UTC))

    rules.check("Normal change CHG1", "normal", in_freeze, START)
    with pytest.raises(InvalidTransition, match=r"^Emergency CHG2: .* overlaps the Gate closure"):
        rules.check("Emergency CHG2", "emergency", in_freeze, START)
    with pytest.raises(InvalidTransition, match="needs 2 working days' notice"):
        rules.check("Standard CHG3", "standard", tomorrow, START)


def test_a_window_is_read_only_when_both_dates_are_given() -> None:
    """Window.of is None until both dates are filled in."""
    assert Window.of("CHG1", {"start_date": "2026-11-17 22:00:00", "end_date": ""}) is None
    with pytest.raises(BadRequest, match="end_date 2026-11-17 21:00:00 is not after"):
        Window.of("CHG1", {"start_date": "2026-11-17 22:00:00", "end_date": "2026-11-17 21:00:00"})
