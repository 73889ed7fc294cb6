"""Fault plans: read strictly, and a party desk misbehaves on the calls they hit, up to a limit."""

from __future__ import annotations

import pytest

from simulators.errors import BadRequest
from simulators.parties.faults import FaultPlan, FaultSwitch


def test_a_limited_plan_loses_the_first_answers_and_then_passes() -> None:
    """Two lost answers, then every call passes, and the counts say so."""
    switch = FaultSwitch()
    switch.set(FaultPlan.from_body({"mode": "fail_after", "limit": 2}))
    decisions = [switch.decide() for _ in range(5)]
    assert decisions == ["fail_after", "fail_after", "pass", "pass", "pass"]
    assert switch.report()["counts"] == {"passed": 3, "failed_before": 0, "failed_after": 2}
    assert switch.report()["limit"] == 2


def test_a_limit_counts_only_the_calls_the_plan_hits() -> None:
    """With a fraction, calls the dice spare do not use up the limit."""
    switch = FaultSwitch()
    switch.set(FaultPlan.from_body({"mode": "fail_before", "fraction": 0.5, "seed": 3, "limit": 3}))
    decisions = [switch.decide() for _ in range(40)]
    assert decisions.count("fail_before") == 3
    assert decisions[-10:] == ["pass"] * 10


def test_without_a_limit_a_plan_never_tires() -> None:
    """The default limit of 0 means every call is hit."""
    switch = FaultSwitch()
    switch.set(FaultPlan.from_body({"mode": "fail_before"}))
    assert {switch.decide() for _ in range(20)} == {"fail_before"}


@pytest.mark.parametrize("limit", [-1, 1.5, True, "2"])
def test_a_limit_must_be_a_whole_number_of_calls(limit: object) -> None:
    """Negative, fractional, boolean or text limits are refused, naming the value."""
    with pytest.raises(BadRequest, match=r"limit must be a whole number of calls, 0 or more, got"):
        FaultPlan.from_body({"mode": "fail_after", "limit": limit})


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (["fail_before"], "A fault plan is a JSON object"),
        ({"mode": "fail_before", "chance": 0.5}, r"Unknown fault plan field\(s\): chance"),
        ({"mode": "explode"}, "Fault mode 'explode' is not one of none, fail_before, fail_after"),
        ({"fraction": "half"}, "fraction must be a number from 0 to 1, got 'half'"),
        ({"fraction": 1.5}, "fraction must be from 0 to 1, got 1.5"),
        ({"delay_seconds": 61}, "delay_seconds must be 0 to 60, got 61"),
        ({"seed": 1.5}, "seed must be a whole number, got 1.5"),
    ],
)
def test_an_unclear_plan_is_refused_naming_what_is_wrong(body: object, message: str) -> None:
    """Each field is checked; the refusal quotes the field and the value."""
    with pytest.raises(BadRequest, match=message):
        FaultPlan.from_body(body)


def test_a_plan_reads_back_as_the_body_it_came_from() -> None:
    """Numbers are normalised to floats; missing fields take their defaults."""
    plan = FaultPlan.from_body({"mode": "slow", "delay_seconds": 2})

    assert plan.as_dict() == {
        "mode": "slow",
        "fraction": 1.0,
        "delay_seconds": 2.0,
        "seed": 0,
        "limit": 0,
    }


def test_a_fresh_switch_passes_everything() -> None:
    """With no plan set, every call passes and is counted."""
    switch = FaultSwitch()

    assert [switch.decide() for _ in range(3)] == ["pass"] * 3
    assert switch.report() == {
        **FaultPlan().as_dict(),
        "counts": {"passed": 3, "failed_before": 0, "failed_after": 0},
    }


def test_a_flaky_plan_fails_both_ways_repeatably_for_a_seed() -> None:
    """The same seed rolls the same dice: a flaky run can be replayed."""

    def run() -> list[str]:
        switch = FaultSwitch()
        switch.set(FaultPlan.from_body({"mode": "flaky", "fraction": 0.5, "seed": 7}))
        return [switch.decide() for _ in range(30)]

    decisions = run()
    assert decisions == run()
    assert {"pass", "fail_before", "fail_after"} == set(decisions)


def test_a_slow_plan_answers_late_but_counts_the_call_as_passed() -> None:
    """A slow call is not a failure."""
    switch = FaultSwitch()
    switch.set(FaultPlan.from_body({"mode": "slow", "delay_seconds": 0.1}))

    assert switch.decide() == "slow"
    assert switch.report()["counts"]["passed"] == 1


def test_setting_a_plan_resets_the_counts() -> None:
    """Counts belong to the plan in force."""
    switch = FaultSwitch()
    switch.set(FaultPlan.from_body({"mode": "fail_before"}))
    switch.decide()
    switch.set(FaultPlan())

    assert switch.report()["counts"] == {"passed": 0, "failed_before": 0, "failed_after": 0}
