"""Evaluating the exit criteria: each criterion's threshold, actual and RAG."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest

from reports.assess.classification import Outcome, Scenario
from reports.assess.criteria import DEFAULT_RULES, CriterionRule, Rag
from reports.assess.defects import Defect, join_defects
from reports.assess.evaluate import EVALUATORS, Context, Evaluation
from tests.reports.support import scenario
from vocabulary import ENVIRONMENT, TEST


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


def _case(
    key: str,
    scenarios: list[Scenario],
    defects: tuple[Defect, ...] = (),
    unreadable: tuple[str, ...] = (),
    on_miss: Rag | None = None,
    threshold: float | None = None,
) -> Evaluation:
    """Evaluate one criterion, its rule's on_miss or threshold changed as a criteria file may."""
    rule = _rule(key)
    if on_miss is not None:
        rule = replace(rule, on_miss=on_miss)
    if threshold is not None:
        rule = replace(rule, threshold=threshold)
    book = join_defects(defects, scenarios, "register")
    return EVALUATORS[key](rule, Context(tuple(scenarios), book, unreadable))


def _run(passed: int, total: int, outcome: Outcome, tags: tuple[str, ...] = ()) -> list[Scenario]:
    """Scenarios the first `passed` of which passed and the rest ended as `outcome`."""
    return [
        scenario(f"ort_inc_{n:03d}", Outcome.PASSED if n < passed else outcome, tags=tags)
        for n in range(total)
    ]


def _in_class(failure_class: str) -> list[Scenario]:
    """One passing scenario and one blocked with a failure of this class."""
    passed, blocked = _run(1, 2, Outcome.BLOCKED)
    return [passed, replace(blocked, failure_class=failure_class)]


_ACCEPTED = (_defect("DEF-1", 1, ("ort_inc_000",), workaround="re-key", accepted_by="TM"),)
_RETESTS = ("sit_ops_retest",)

#: Every criterion in every outcome it can reach: (case name, expected RAG, evaluation).
CASES: list[tuple[str, Rag, Callable[[], Evaluation]]] = [
    ("all_executed green", Rag.GREEN, lambda: _case("all_executed", _run(10, 10, Outcome.NOT_RUN))),
    ("all_executed amber", Rag.AMBER, lambda: _case("all_executed", _run(9, 10, Outcome.NOT_RUN))),
    ("all_executed red", Rag.RED, lambda: _case("all_executed", _run(8, 10, Outcome.NOT_RUN))),
    (
        "all_executed green below 100",
        Rag.GREEN,
        lambda: _case("all_executed", _run(19, 20, Outcome.NOT_RUN), threshold=95.0),
    ),
    ("all_executed empty", Rag.RED, lambda: _case("all_executed", [])),
    (
        "mandatory green",
        Rag.GREEN,
        lambda: _case("mandatory_passed", _run(2, 2, Outcome.FAILED, ("mandatory",))),
    ),
    (
        "mandatory amber",
        Rag.AMBER,
        lambda: _case("mandatory_passed", _run(0, 1, Outcome.FAILED, ("mandatory",)), _ACCEPTED),
    ),
    (
        "mandatory red",
        Rag.RED,
        lambda: _case("mandatory_passed", _run(0, 1, Outcome.FAILED, ("mandatory",))),
    ),
    (
        "mandatory red as amber",
        Rag.AMBER,
        lambda: _case(
            "mandatory_passed", _run(0, 1, Outcome.FAILED, ("mandatory",)), on_miss=Rag.AMBER
        ),
    ),
    ("mandatory empty", Rag.GREEN, lambda: _case("mandatory_passed", _run(1, 1, Outcome.FAILED))),
    ("pass_rate green", Rag.GREEN, lambda: _case("pass_rate", _run(20, 20, Outcome.FAILED))),
    (
        "pass_rate green below 100",
        Rag.GREEN,
        lambda: _case("pass_rate", _run(19, 20, Outcome.FAILED)),
    ),
    ("pass_rate amber", Rag.AMBER, lambda: _case("pass_rate", _run(18, 20, Outcome.FAILED))),
    ("pass_rate red", Rag.RED, lambda: _case("pass_rate", _run(10, 20, Outcome.BLOCKED))),
    ("pass_rate empty", Rag.RED, lambda: _case("pass_rate", _run(0, 1, Outcome.NOT_RUN))),
    ("blocking green", Rag.GREEN, lambda: _case("blocking_defects", _run(1, 1, Outcome.FAILED))),
    (
        "blocking amber",
        Rag.AMBER,
        lambda: _case("blocking_defects", [scenario("ort_inc_000", severity=1)], _ACCEPTED),
    ),
    (
        "blocking red",
        Rag.RED,
        lambda: _case("blocking_defects", [scenario("ort_inc_000", severity=1)]),
    ),
    ("blocking empty", Rag.GREEN, lambda: _case("blocking_defects", [])),
    (
        "minor green",
        Rag.GREEN,
        lambda: _case(
            "minor_defects_planned",
            [scenario("ort_inc_000", severity=3)],
            (_defect("DEF-3", 3, ("ort_inc_000",), plan="Fix in 3.2"),),
        ),
    ),
    ("minor amber", Rag.AMBER, lambda: _case("minor_defects_planned", [scenario("ort_inc_000")])),
    (
        "minor red",
        Rag.RED,
        lambda: _case("minor_defects_planned", [scenario("ort_inc_000")], on_miss=Rag.RED),
    ),
    ("minor empty", Rag.GREEN, lambda: _case("minor_defects_planned", [])),
    (
        "retests green",
        Rag.GREEN,
        lambda: _case("sit_ops_retests", _run(2, 2, Outcome.FAILED, _RETESTS)),
    ),
    (
        "retests amber",
        Rag.AMBER,
        lambda: _case("sit_ops_retests", _run(1, 2, Outcome.FAILED, _RETESTS), on_miss=Rag.AMBER),
    ),
    (
        "retests red",
        Rag.RED,
        lambda: _case("sit_ops_retests", _run(1, 2, Outcome.FAILED, _RETESTS)),
    ),
    ("retests empty", Rag.GREEN, lambda: _case("sit_ops_retests", [])),
    ("test defects green", Rag.GREEN, lambda: _case("no_test_defects", _run(2, 2, Outcome.FAILED))),
    (
        "test defects amber",
        Rag.AMBER,
        lambda: _case("no_test_defects", _in_class(TEST)),
    ),
    (
        "test defects red",
        Rag.RED,
        lambda: _case("no_test_defects", _in_class(TEST), on_miss=Rag.RED),
    ),
    (
        "environment green",
        Rag.GREEN,
        lambda: _case("no_environment_problems", _in_class(TEST)),
    ),
    (
        "environment amber",
        Rag.AMBER,
        lambda: _case("no_environment_problems", _in_class(ENVIRONMENT)),
    ),
    (
        "environment red",
        Rag.RED,
        lambda: _case("no_environment_problems", _in_class(ENVIRONMENT), on_miss=Rag.RED),
    ),
    ("intact green", Rag.GREEN, lambda: _case("results_intact", [])),
    ("intact amber", Rag.AMBER, lambda: _case("results_intact", [], unreadable=("a-result.json",))),
    (
        "intact red",
        Rag.RED,
        lambda: _case("results_intact", [], unreadable=("a-result.json",), on_miss=Rag.RED),
    ),
]

#: Words that say a criterion missed; a GREEN reason uses none of them.
MISS_WORDS = re.compile(r"\b(below|not|missed|failed|failing|without|nothing|neither)\b")
#: Words that say what falls short; an AMBER or RED reason uses one of them.
SHORT_WORDS = re.compile(r"\b(below|not|no|nothing|open|failing|neither)\b")


def test_the_cases_reach_every_criterion_and_outcome() -> None:
    """The reason cases cover each criterion as GREEN, AMBER and RED."""
    reached = {f"{case().key} {rag}" for _, rag, case in CASES}
    assert reached == {f"{r.key} {rag}" for r in DEFAULT_RULES for rag in Rag}


@pytest.mark.parametrize(("name", "rag", "case"), CASES, ids=[c[0] for c in CASES])
def test_every_reason_agrees_with_its_rag(
    name: str, rag: Rag, case: Callable[[], Evaluation]
) -> None:
    """A GREEN reason says what was met; an AMBER or RED one says what missed and who."""
    evaluation = case()
    assert evaluation.rag is rag
    assert evaluation.reason
    if rag is Rag.GREEN:
        assert not MISS_WORDS.search(evaluation.reason), evaluation.reason
    else:
        assert SHORT_WORDS.search(evaluation.reason), evaluation.reason
        named = [i for i in (*evaluation.deciding, "DEF-", ".json") if i in evaluation.reason]
        assert named or not evaluation.deciding, evaluation.reason
