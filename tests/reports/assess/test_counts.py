"""Execution counts: outcomes tallied overall and by group, and counted nouns."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reports.assess.classification import Outcome
from reports.assess.counts import Tally, group_by, plural, tally
from tests.reports.support import scenario


def test_tally_counts_each_outcome_and_the_flaky_passes() -> None:
    """Every scenario is planned once and counted under its outcome; flaky ones are noted."""
    counted = tally(
        [
            scenario("a", Outcome.PASSED),
            replace(scenario("b", Outcome.PASSED), flaky=True),
            scenario("c", Outcome.FAILED),
            scenario("d", Outcome.BLOCKED),
            scenario("e", Outcome.NOT_RUN),
            scenario("f", Outcome.NOT_RUN_MANUAL),
        ]
    )
    assert counted == Tally(planned=6, passed=2, failed=1, blocked=1, not_run=1, manual=1, flaky=1)
    assert (counted.executed, counted.not_executed) == (4, 2)
    assert counted.pass_rate == 50.0


def test_pass_rate_is_zero_when_nothing_ran() -> None:
    """With nothing executed the pass rate is 0, not a division by zero."""
    assert tally([scenario("a", Outcome.NOT_RUN)]).pass_rate == 0.0


def test_group_by_puts_the_given_order_first_then_names() -> None:
    """Groups in the given order come first, unknown ones after in name order."""
    scenarios = [
        scenario("a", Outcome.PASSED, parties=("ldso", "supplier")),
        scenario("b", Outcome.FAILED, parties=("zeta",)),
        scenario("c", Outcome.FAILED, parties=("alpha", "supplier", "supplier")),
    ]
    groups = group_by(scenarios, lambda s: s.parties, ["supplier", "ldso"])
    assert [(key, t.planned, t.failed) for key, t in groups] == [
        ("supplier", 2, 1),
        ("ldso", 1, 0),
        ("alpha", 1, 1),
        ("zeta", 1, 1),
    ]


@pytest.mark.parametrize(
    ("count", "many", "text"),
    [
        (0, None, "0 scenarios"),
        (1, None, "1 scenario"),
        (3, None, "3 scenarios"),
        (2, "processes", "2 processes"),
        (1, "processes", "1 process"),
    ],
)
def test_plural_counts_a_noun(count: int, many: str | None, text: str) -> None:
    """The noun is singular for one, else the regular or the given plural."""
    singular = "process" if many else "scenario"
    assert plural(count, singular, many) == text
