"""Fault plans: a party desk misbehaves on the calls a plan hits, up to its limit."""

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
