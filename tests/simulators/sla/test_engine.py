"""The SLA engine: incidents' response and resolution SLAs replayed from their history."""

from collections.abc import Mapping
from datetime import datetime

import pytest

from simulators.sla import (
    DEFAULT_SLA_CONFIG,
    HistoryError,
    Schedule,
    SlaConfig,
    SlaStatus,
    TaskChange,
    evaluate,
    load_sla_config,
    next_breach,
    parse_sla_config,
)
from tests.simulators.sla.clock import ENGLAND_WALES, SCOTLAND, london, utc

CONFIG = load_sla_config(DEFAULT_SLA_CONFIG)
NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CANCELED = "1", "2", "3", "6", "8"
AWAITING_CALLER, AWAITING_VENDOR = "1", "4"


def incident(*steps: tuple[datetime, Mapping[str, str]]) -> list[TaskChange]:
    """Return the history of an incident: each step changes some fields at a moment."""
    fields: dict[str, str] = {}
    history = []
    for at, changed in steps:
        fields = {**fields, **changed}
        history.append(TaskChange(at, fields))
    return history


def slas(
    history: list[TaskChange],
    now: datetime,
    calendar: Schedule = ENGLAND_WALES,
    config: SlaConfig = CONFIG,
) -> dict[str, SlaStatus]:
    """Return the incident's SLA statuses at `now`, by target."""
    return {s.target: s for s in evaluate(config, "incident", history, now, calendar)}


def raised(at: datetime, priority: str, state: str = NEW, **fields: str) -> tuple:
    """Return the step that raises an incident."""
    return (at, {"priority": priority, "state": state, **fields})


class TestBusinessHoursTargets:
    def test_p3_raised_friday_1730_must_be_answered_by_monday_1130(self) -> None:
        """4 business hours from Fri 18 Dec 2026 17:30 GMT run to Mon 21 Dec 11:30 GMT."""
        history = incident(raised(london(2026, 12, 18, 17, 30), "3"))
        response = slas(history, london(2026, 12, 21, 11))["response"]
        assert response.definition == "P3 response (4 business h)"
        assert response.stage == "in_progress"
        assert response.planned_end_time == london(2026, 12, 21, 11, 30)
        assert response.business_percentage == 87.5
        assert response.percentage == 1637.5  # 65.5 wall hours of a 4-hour target

    def test_p3_response_breaches_at_monday_1130(self) -> None:
        """At Mon 21 Dec 2026 11:30 GMT the unanswered P3 response has breached."""
        history = incident(raised(london(2026, 12, 18, 17, 30), "3"))
        response = slas(history, london(2026, 12, 21, 11, 30))["response"]
        assert response.stage == "breached"
        assert response.has_breached
        assert response.breach_time == london(2026, 12, 21, 11, 30)
        assert response.business_percentage == 100.0

    def test_picking_up_monday_0900_achieves_the_response(self) -> None:
        """Moving to In Progress Mon 21 Dec 09:00 GMT stops the response clock in time."""
        history = incident(
            raised(london(2026, 12, 18, 17, 30), "3"),
            (london(2026, 12, 21, 9), {"state": IN_PROGRESS}),
        )
        response = slas(history, london(2026, 12, 22, 9))["response"]
        assert response.stage == "achieved"
        assert response.end_time == london(2026, 12, 21, 9)
        assert not response.has_breached and response.breach_time is None
        assert response.business_percentage == 37.5
        assert response.percentage == 1587.5

    @pytest.mark.parametrize(
        ("calendar", "due"),
        [(ENGLAND_WALES, london(2027, 1, 6, 10)), (SCOTLAND, london(2027, 1, 7, 10))],
        ids=["england_wales: Wed 6 Jan 10:00", "scotland: Thu 7 Jan 10:00"],
    )
    def test_p3_resolution_uses_the_calendar_of_the_task(
        self, calendar: Schedule, due: datetime
    ) -> None:
        """A P3 raised Thu 31 Dec 2026 10:00 is due a day later in Scotland (4 Jan holiday)."""
        history = incident(raised(london(2026, 12, 31, 10), "3"))
        resolution = slas(history, london(2026, 12, 31, 11), calendar)["resolution"]
        assert resolution.planned_end_time == due
        assert resolution.schedule == calendar.name


class TestRoundTheClockTargets:
    def test_p1_raised_0200_sunday_must_be_answered_by_0215(self) -> None:
        """A P1 at 02:00 GMT on Sunday 20 Dec 2026 runs 24x7: response 02:15, fix by 06:00."""
        history = incident(raised(london(2026, 12, 20, 2), "1"))
        statuses = slas(history, london(2026, 12, 20, 2, 5))
        assert statuses["response"].planned_end_time == london(2026, 12, 20, 2, 15)
        assert statuses["response"].percentage == 33.33
        assert statuses["resolution"].planned_end_time == london(2026, 12, 20, 6)
        assert statuses["resolution"].schedule == "24x7"

    def test_dip_outage_gets_six_hours_to_resolve(self) -> None:
        """A DIP outage P1 raised Sat 19 Dec 2026 22:00 GMT is due Sun 20 Dec 04:00."""
        history = incident(raised(london(2026, 12, 19, 22), "1", category="dip_outage"))
        resolution = slas(history, london(2026, 12, 19, 23))["resolution"]
        assert resolution.definition == "P1 resolution, DIP outage (6 h)"
        assert resolution.planned_end_time == london(2026, 12, 20, 4)

    def test_dip_connectivity_fault_gets_ten_hours_to_resolve(self) -> None:
        """A DIP connectivity P2 raised Mon 14 Dec 2026 09:00 GMT is due 19:00."""
        history = incident(raised(london(2026, 12, 14, 9), "2", category="dip_connectivity"))
        resolution = slas(history, london(2026, 12, 14, 10))["resolution"]
        assert resolution.definition == "P2 resolution, DIP degradation (10 h)"
        assert resolution.planned_end_time == london(2026, 12, 14, 19)


class TestPauseOnHold:
    def test_hold_for_a_vendor_moves_the_p2_deadline_out_by_the_hold(self) -> None:
        """P2 raised 09:00, on hold 10:00-12:30 awaiting vendor: due 19:30, not 17:00."""
        history = incident(
            raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS),
            (utc(2026, 12, 14, 10), {"state": ON_HOLD, "hold_reason": AWAITING_VENDOR}),
            (utc(2026, 12, 14, 12, 30), {"state": IN_PROGRESS, "hold_reason": ""}),
        )
        resolution = slas(history, utc(2026, 12, 14, 14))["resolution"]
        assert resolution.stage == "in_progress"
        assert resolution.planned_end_time == utc(2026, 12, 14, 19, 30)
        assert resolution.pause_duration == resolution.business_pause_duration == 9000
        assert resolution.percentage == 31.25  # 2.5 running hours of 8

    def test_while_on_hold_the_sla_is_paused_and_cannot_breach(self) -> None:
        """During the hold the stage is paused and the deadline assumes it resumes now."""
        history = incident(
            raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS),
            (utc(2026, 12, 14, 10), {"state": ON_HOLD, "hold_reason": AWAITING_VENDOR}),
        )
        statuses = slas(history, utc(2026, 12, 14, 11))
        resolution = statuses["resolution"]
        assert resolution.stage == "paused"
        assert resolution.planned_end_time == utc(2026, 12, 14, 18)
        assert resolution.pause_duration == 3600
        assert next_breach(list(statuses.values()), utc(2026, 12, 14, 11)) is None

    def test_overnight_hold_pauses_only_business_time_and_resumes_at_the_next_minute(self) -> None:
        """P3 held Mon 14 Dec 17:00 to Tue 10:00 GMT loses 3 business hours: due Fri 09:00."""
        history = incident(
            raised(london(2026, 12, 14, 16), "3", IN_PROGRESS),
            (london(2026, 12, 14, 17), {"state": ON_HOLD, "hold_reason": AWAITING_CALLER}),
            (london(2026, 12, 15, 10), {"state": IN_PROGRESS, "hold_reason": ""}),
        )
        resolution = slas(history, london(2026, 12, 15, 12))["resolution"]
        assert resolution.planned_end_time == london(2026, 12, 18, 9)
        assert resolution.business_pause_duration == 3 * 3600
        assert resolution.pause_duration == 17 * 3600
        assert resolution.business_percentage == 10.0  # 1 h Monday + 2 h Tuesday of 30 h
        assert resolution.percentage == 10.0

    def test_hold_reasons_left_out_of_the_pause_condition_do_not_pause(self) -> None:
        """With pause limited to reasons 3, 4 and 5, Awaiting Caller keeps the clock running."""
        text = DEFAULT_SLA_CONFIG.read_text(encoding="utf-8").replace(
            'hold_reason = ["1", "3", "4", "5"]', 'hold_reason = ["3", "4", "5"]'
        )
        config = parse_sla_config(text, "no-caller-pause.toml")
        history = incident(
            raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS),
            (utc(2026, 12, 14, 10), {"state": ON_HOLD, "hold_reason": AWAITING_CALLER}),
        )
        resolution = slas(history, utc(2026, 12, 14, 11), config=config)["resolution"]
        assert resolution.stage == "in_progress"
        assert resolution.planned_end_time == utc(2026, 12, 14, 17)
        assert resolution.pause_duration == 0

    def test_a_hold_after_the_breach_does_not_undo_it(self) -> None:
        """P2 due 17:00 and put on hold at 18:00 stays breached at 17:00."""
        history = incident(
            raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS),
            (utc(2026, 12, 14, 18), {"state": ON_HOLD, "hold_reason": AWAITING_VENDOR}),
        )
        resolution = slas(history, utc(2026, 12, 14, 20))["resolution"]
        assert resolution.stage == "breached"
        assert resolution.planned_end_time == resolution.breach_time == utc(2026, 12, 14, 17)
        assert resolution.pause_duration == 7200


class TestRetargeting:
    def test_raising_a_new_p3_to_p1_retargets_both_slas_from_the_original_start(self) -> None:
        """P3 raised 09:00 and made P1 at 10:00 while still New: the response breached 09:15."""
        history = incident(
            raised(london(2026, 12, 14, 9), "3"),
            (london(2026, 12, 14, 10), {"priority": "1"}),
        )
        statuses = slas(history, london(2026, 12, 14, 10))
        response, resolution = statuses["response"], statuses["resolution"]
        assert response.definition == "P1 response (15 m)"
        assert response.start_time == london(2026, 12, 14, 9)
        assert response.stage == "breached"
        assert response.breach_time == london(2026, 12, 14, 9, 15)
        assert resolution.definition == "P1 resolution (4 h)"
        assert resolution.planned_end_time == london(2026, 12, 14, 13)

    def test_before_the_priority_change_the_p3_targets_apply(self) -> None:
        """Evaluated at 09:30, before the change, the P3 business-hour targets apply."""
        history = incident(
            raised(london(2026, 12, 14, 9), "3"),
            (london(2026, 12, 14, 10), {"priority": "1"}),
        )
        statuses = slas(history, london(2026, 12, 14, 9, 30))
        assert statuses["response"].planned_end_time == london(2026, 12, 14, 13)
        assert statuses["resolution"].planned_end_time == london(2026, 12, 17, 9)

    def test_lowering_p2_to_p4_moves_onto_business_hours(self) -> None:
        """P2 lowered to P4: 100 business h from Mon 14 Dec 2026 09:00, due Wed 30 Dec 09:00."""
        # 9 h on the 14th, 80 h over 15-24 Dec, closed 25 and 28 Dec, 10 h on the 29th, 1 h on 30th.
        history = incident(
            raised(london(2026, 12, 14, 9), "2", IN_PROGRESS),
            (london(2026, 12, 14, 9, 30), {"priority": "4"}),
        )
        resolution = slas(history, london(2026, 12, 14, 10))["resolution"]
        assert resolution.definition == "P4 resolution (100 business h)"
        assert resolution.planned_end_time == london(2026, 12, 30, 9)


class TestOutcomes:
    @pytest.mark.parametrize(
        ("resolved", "stage", "breached"),
        [((16, 59), "achieved", False), ((17, 0), "achieved", False), ((18, 0), "breached", True)],
        ids=["16:59 achieved", "17:00 exactly achieved", "18:00 breached"],
    )
    def test_p2_resolved_before_or_after_its_1700_deadline(
        self, resolved: tuple[int, int], stage: str, breached: bool
    ) -> None:
        """P2 raised 09:00 is achieved if resolved by 17:00, else breached for good."""
        history = incident(
            raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS),
            (utc(2026, 12, 14, *resolved), {"state": RESOLVED}),
        )
        resolution = slas(history, utc(2026, 12, 15, 9))["resolution"]
        assert resolution.stage == stage
        assert resolution.has_breached is breached
        assert resolution.end_time == utc(2026, 12, 14, *resolved)
        assert resolution.breach_time == (utc(2026, 12, 14, 17) if breached else None)

    def test_an_unresolved_p2_breaches_at_its_deadline_exactly(self) -> None:
        """At 17:00 exactly, with no resolution, the P2 has breached."""
        history = incident(raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS))
        resolution = slas(history, utc(2026, 12, 14, 17))["resolution"]
        assert resolution.stage == "breached"
        assert resolution.percentage == resolution.business_percentage == 100.0

    def test_cancelling_cancels_both_and_keeps_an_earlier_breach(self) -> None:
        """A P3 left New from Mon 09:00 and cancelled Tue 09:00: response had breached 13:00."""
        history = incident(
            raised(london(2026, 12, 14, 9), "3"),
            (london(2026, 12, 15, 9), {"state": CANCELED}),
        )
        statuses = slas(history, london(2026, 12, 16, 9))
        response, resolution = statuses["response"], statuses["resolution"]
        assert response.stage == resolution.stage == "cancelled"
        assert response.end_time == resolution.end_time == london(2026, 12, 15, 9)
        assert response.has_breached and response.breach_time == london(2026, 12, 14, 13)
        assert not resolution.has_breached and resolution.breach_time is None

    def test_an_incident_raised_in_progress_achieves_its_response_at_once(self) -> None:
        """Raising straight into In Progress answers the response at the same moment."""
        history = incident(raised(utc(2026, 12, 14, 9), "1", IN_PROGRESS))
        response = slas(history, utc(2026, 12, 14, 9, 5))["response"]
        assert response.stage == "achieved"
        assert response.end_time == utc(2026, 12, 14, 9)
        assert response.percentage == 0.0

    def test_reopening_after_resolution_does_not_restart_the_sla(self) -> None:
        """The resolution SLA ends at the first resolution; a reopen leaves it achieved."""
        history = incident(
            raised(utc(2026, 12, 14, 9), "2", IN_PROGRESS),
            (utc(2026, 12, 14, 12), {"state": RESOLVED}),
            (utc(2026, 12, 14, 13), {"state": IN_PROGRESS}),
        )
        resolution = slas(history, utc(2026, 12, 15, 9))["resolution"]
        assert resolution.stage == "achieved"
        assert resolution.end_time == utc(2026, 12, 14, 12)


class TestNextBreach:
    def test_next_breach_is_the_earliest_running_deadline(self) -> None:
        """A P1 at 02:00 next breaches at 02:15 (response), then at 06:00 once answered."""
        history = incident(raised(london(2026, 12, 20, 2), "1"))
        now = london(2026, 12, 20, 2, 5)
        assert next_breach(evaluate(CONFIG, "incident", history, now, ENGLAND_WALES), now) == (
            london(2026, 12, 20, 2, 15)
        )
        history += incident((london(2026, 12, 20, 2, 10), {**history[-1].fields, "state": "2"}))
        now = london(2026, 12, 20, 2, 20)
        assert next_breach(evaluate(CONFIG, "incident", history, now, ENGLAND_WALES), now) == (
            london(2026, 12, 20, 6)
        )

    def test_nothing_to_breach_once_resolved_or_breached(self) -> None:
        """Achieved and already-breached SLAs have no future breach."""
        history = incident(raised(utc(2026, 12, 14, 9), "2"))
        now = utc(2026, 12, 15, 9)
        statuses = evaluate(CONFIG, "incident", history, now, ENGLAND_WALES)
        assert [s.stage for s in statuses] == ["breached", "breached"]
        assert next_breach(statuses, now) is None


class TestHistory:
    def test_no_sla_before_the_incident_exists(self) -> None:
        """Changes after the evaluation time are not yet visible."""
        history = incident(raised(utc(2026, 12, 14, 9), "2"))
        assert evaluate(CONFIG, "incident", history, utc(2026, 12, 14, 8), ENGLAND_WALES) == []

    def test_tables_without_definitions_have_no_slas(self) -> None:
        """The default file defines no problem SLAs."""
        history = incident(raised(utc(2026, 12, 14, 9), "2"))
        assert evaluate(CONFIG, "problem", history, utc(2026, 12, 14, 10), ENGLAND_WALES) == []

    def test_history_out_of_time_order_is_refused(self) -> None:
        """Changes must come in time order; the message names both."""
        history = incident(
            raised(utc(2026, 12, 14, 9), "2"), (utc(2026, 12, 14, 8), {"state": IN_PROGRESS})
        )
        with pytest.raises(
            HistoryError,
            match=r"change 2 at 2026-12-14T08:00:00\+00:00 is earlier than change 1 at "
            r"2026-12-14T09:00:00\+00:00",
        ):
            evaluate(CONFIG, "incident", history, utc(2026, 12, 14, 10), ENGLAND_WALES)

    def test_naive_times_are_refused(self) -> None:
        """A change time without a timezone is refused."""
        history = [TaskChange(datetime(2026, 12, 14, 9), {"priority": "2", "state": NEW})]
        with pytest.raises(HistoryError, match=r"task change 1 at .* must be timezone-aware"):
            evaluate(CONFIG, "incident", history, utc(2026, 12, 14, 10), ENGLAND_WALES)
