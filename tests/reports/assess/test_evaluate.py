"""Evaluating the exit criteria: each criterion's threshold, actual and RAG."""

from __future__ import annotations

import pytest

from reports.assess.classification import Outcome, Scenario
from reports.assess.criteria import DEFAULT_RULES, CriterionRule, Rag
from reports.assess.defects import Defect, join_defects
from reports.assess.evaluate import EVALUATORS, Context, Evaluation
from tests.reports.support import scenario


def _rule(key: str) -> CriterionRule:
    return next(r for r in DEFAULT_RULES if r.key == key)


def _evaluate(
    key: str,
    scenarios: list[Scenario],
    defects: tuple[Defect, ...] = (),
    unreadable: tuple[str, ...] = (),
) -> Evaluation:
    book = join_defects(defects, scenarios, "register")
    return EVALUATORS[key](_rule(key), Context(tuple(scenarios), book, unreadable))


def _defect(
    defect_id: str,
    severity: int,
    scenarios: tuple[str, ...],
    status: str = "open",
    workaround: str = "",
    accepted_by: str = "",
    plan: str = "",
    owner: str = "ldso",
) -> Defect:
    return Defect(
        defect_id,
        f"Defect {defect_id}",
        severity,
        status,
        owner,
        workaround,
        accepted_by,
        plan,
        scenarios,
    )


@pytest.mark.parametrize(
    ("executed", "total", "rag"),
    [(10, 10, Rag.GREEN), (9, 10, Rag.AMBER), (8, 10, Rag.RED)],
)
def test_all_executed_by_threshold(executed: int, total: int, rag: Rag) -> None:
    """100% is GREEN, at least 90% AMBER, below RED; the not-run scenarios decide it."""
    run = [
        scenario(f"ort_inc_{n:03d}", Outcome.PASSED if n < executed else Outcome.NOT_RUN)
        for n in range(total)
    ]
    evaluation = _evaluate("all_executed", run)
    assert evaluation.rag is rag
    assert evaluation.deciding == tuple(f"ort_inc_{n:03d}" for n in range(executed, total))


def test_mandatory_failure_without_workaround_is_red() -> None:
    """A failing mandatory scenario with no known defect makes the criterion RED."""
    run = [
        scenario("ort_inc_001", tags=("mandatory",)),
        scenario("ort_inc_002", Outcome.PASSED, tags=("mandatory",)),
    ]
    evaluation = _evaluate("mandatory_passed", run)
    assert evaluation.rag is Rag.RED
    assert evaluation.actual == "1 of 2 passed"
    assert evaluation.reason == (
        "1 mandatory scenario did not pass and has no accepted workaround: ort_inc_001"
    )


def test_mandatory_failure_under_accepted_workaround_is_amber() -> None:
    """A failing mandatory scenario covered by an accepted workaround makes it AMBER."""
    run = [scenario("ort_inc_001", tags=("mandatory",))]
    known = (_defect("DEF-1", 1, ("ort_inc_001",), workaround="re-key", accepted_by="TM"),)
    assert _evaluate("mandatory_passed", run, known).rag is Rag.AMBER


def test_mandatory_not_run_is_red_even_with_a_defect() -> None:
    """A mandatory scenario that did not run cannot be covered by a workaround."""
    run = [scenario("ort_inc_001", Outcome.NOT_RUN, tags=("mandatory",))]
    known = (_defect("DEF-1", 1, ("ort_inc_001",), workaround="w", accepted_by="TM"),)
    assert _evaluate("mandatory_passed", run, known).rag is Rag.RED


@pytest.mark.parametrize(
    ("failed", "rag"),
    [(1, Rag.GREEN), (2, Rag.AMBER), (5, Rag.RED)],
)
def test_pass_rate_by_threshold(failed: int, rag: Rag) -> None:
    """Of 20 executed: 95% GREEN, 90% AMBER, 75% RED."""
    run = [
        scenario(f"ort_inc_{n:03d}", Outcome.FAILED if n < failed else Outcome.PASSED)
        for n in range(20)
    ]
    assert _evaluate("pass_rate", run).rag is rag


def test_pass_rate_with_nothing_executed_is_red() -> None:
    """No executed scenario: the pass rate is RED with the reason that nothing ran."""
    evaluation = _evaluate("pass_rate", [scenario("ort_inc_001", Outcome.NOT_RUN)])
    assert (evaluation.rag, evaluation.reason) == (Rag.RED, "nothing was executed")


def test_blocking_defects_red_amber_green() -> None:
    """New sev-1 is RED; known sev-1 with an accepted workaround AMBER; sev-3 only GREEN."""
    failing = [scenario("ort_inc_001", severity=1)]
    assert _evaluate("blocking_defects", failing).rag is Rag.RED
    known = (_defect("DEF-1", 1, ("ort_inc_001",), workaround="w", accepted_by="TM"),)
    assert _evaluate("blocking_defects", failing, known).rag is Rag.AMBER
    unaccepted = (_defect("DEF-1", 1, ("ort_inc_001",), workaround="w"),)
    assert _evaluate("blocking_defects", failing, unaccepted).rag is Rag.RED
    assert _evaluate("blocking_defects", [scenario("ort_inc_002", severity=3)]).rag is Rag.GREEN


def test_open_register_defect_blocks_even_without_a_failure() -> None:
    """An open severity-2 defect in the register counts though no scenario fails now."""
    open_defect = (_defect("DEF-9", 2, ()),)
    evaluation = _evaluate(
        "blocking_defects", [scenario("ort_inc_001", Outcome.PASSED)], open_defect
    )
    assert evaluation.rag is Rag.RED
    assert "DEF-9 (severity 2, open)" in evaluation.reason


def test_minor_defects_need_owner_and_plan() -> None:
    """An untriaged severity-3 failure has no plan: AMBER; a planned one: GREEN."""
    failing = [scenario("ort_inc_001", severity=3)]
    assert _evaluate("minor_defects_planned", failing).rag is Rag.AMBER
    planned = (_defect("DEF-3", 3, ("ort_inc_001",), plan="Fix in 3.2"),)
    assert _evaluate("minor_defects_planned", failing, planned).rag is Rag.GREEN


def test_sit_ops_retests_closed_deferred_or_open() -> None:
    """Passed retests are closed, deferred-defect retests deferred, the rest open (RED)."""
    run = [
        scenario("ort_prb_001", Outcome.PASSED, tags=("sit_ops_retest",)),
        scenario("ort_prb_002", tags=("sit_ops_retest",)),
    ]
    deferred = (_defect("DEF-5", 3, ("ort_prb_002",), status="deferred"),)
    green = _evaluate("sit_ops_retests", run, deferred)
    assert (green.rag, green.actual) == (Rag.GREEN, "1 closed, 1 deferred, 0 open")
    red = _evaluate("sit_ops_retests", run)
    assert (red.rag, red.deciding) == (Rag.RED, ("ort_prb_002",))


def test_unreadable_files_make_results_intact_amber() -> None:
    """Unreadable files are AMBER by default and named in the reason."""
    evaluation = _evaluate("results_intact", [], unreadable=("a-result.json",))
    assert evaluation.rag is Rag.AMBER
    assert evaluation.reason == "1 file of the results folder could not be read: a-result.json"


def test_every_rule_has_an_evaluator() -> None:
    """The rules declared as data and the evaluators agree one to one."""
    assert [r.key for r in DEFAULT_RULES] == list(EVALUATORS)
