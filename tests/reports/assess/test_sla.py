"""SLA/OLA measures: aggregation per measure and party, and durations people read."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reports.assess.classification import Outcome
from reports.assess.sla import aggregate, breach_checks, duration, performance_measures
from reports.read.evidence import SlaMeasure
from tests.reports.support import scenario


def _m(
    measure: str, party: str, seconds: float, met: bool | None, scenario_id: str = "ort_inc_001"
) -> SlaMeasure:
    return SlaMeasure(
        scenario_id, "INC1", "elexon", party, measure, seconds, None if met is None else 900.0, met
    )


def test_rows_per_measure_and_party_in_vocabulary_order() -> None:
    """Rows group by measure then party, with count, median, max and share met."""
    rows = aggregate(
        [
            _m("time_to_resolve", "ldso", 100, True),
            _m("time_to_acknowledge", "supplier", 300, True),
            _m("time_to_acknowledge", "ldso", 100, True),
            _m("time_to_acknowledge", "ldso", 200, False, "ort_inc_007"),
            _m("time_to_acknowledge", "ldso", 900, None),
        ]
    )
    assert [(r.measure, r.party) for r in rows] == [
        ("time_to_acknowledge", "supplier"),
        ("time_to_acknowledge", "ldso"),
        ("time_to_resolve", "ldso"),
    ]
    ldso = rows[1]
    assert (ldso.count, ldso.median_seconds, ldso.max_seconds) == (3, 200, 900)
    assert (ldso.judged, ldso.met, ldso.met_percent) == (2, 1, 50.0)
    assert ldso.missed_by == ("ort_inc_007",)


def test_no_judged_measure_has_no_share_met() -> None:
    """Measures without targets give no percentage rather than a false 0%."""
    (row,) = aggregate([_m("handoff_latency", "mss", 3, None)])
    assert row.met_percent is None


def test_measures_of_breach_scenarios_are_not_performance() -> None:
    """Only scenarios that expected their targets met give performance measures."""
    met = _m("time_to_resolve", "elexon", 100, True, "ort_sla_044")
    missed = _m("time_to_resolve", "elexon", 900, False, "ort_sla_042")
    run = [
        replace(scenario("ort_sla_044", Outcome.PASSED), measures=(met,)),
        replace(
            scenario("ort_sla_042", Outcome.PASSED, tags=("expected_breach",)), measures=(missed,)
        ),
    ]
    assert performance_measures(run) == (met,)
    (check,) = breach_checks(run)
    assert (check.scenario_id, check.breached, check.verified) == ("ort_sla_042", (missed,), True)


def test_a_breach_scenario_that_failed_is_not_verified() -> None:
    """A breach scenario verifies its handling only by passing."""
    run = [scenario("ort_sla_042", Outcome.FAILED, tags=("expected_breach",))]
    (check,) = breach_checks(run)
    assert (check.breached, check.verified) == ((), False)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(3.2, "3 s"), (125, "2 min 05 s"), (3 * 3600 + 300, "3 h 05 min"), (50 * 3600, "2 d 02 h")],
)
def test_duration_reads_like_a_person_would_say_it(seconds: float, text: str) -> None:
    """Seconds, minutes, hours and days, with leading zeros only after the first unit."""
    assert duration(seconds) == text
