"""Evaluates each exit criterion to threshold / actual / RAG, with the scenarios that decided it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reports.assess.classification import Outcome, Scenario
from reports.assess.counts import plural
from reports.assess.criteria import CriterionRule, Rag
from reports.assess.defects import DEFERRED, Defect, DefectBook
from vocabulary import ENVIRONMENT, TEST

#: How many ids a reason sentence names before "and N more".
REASON_IDS = 5


@dataclass(frozen=True)
class Context:
    """What the criteria are evaluated against."""

    scenarios: tuple[Scenario, ...]
    defects: DefectBook
    unreadable: tuple[str, ...]


@dataclass(frozen=True)
class Evaluation:
    """One exit criterion, evaluated."""

    key: str
    title: str
    threshold: str
    actual: str
    rag: Rag
    deciding: tuple[str, ...]
    reason: str


def name_ids(ids: Iterable[str], limit: int = REASON_IDS) -> str:
    """A short list of ids for a sentence: 'a, b, c and 4 more'."""
    ids = list(dict.fromkeys(ids))
    shown = ", ".join(ids[:limit])
    return f"{shown} and {len(ids) - limit} more" if len(ids) > limit else shown


def _percent(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _by_threshold(rule: CriterionRule, value: float) -> Rag:
    """GREEN at or above the threshold, AMBER at or above the amber threshold, else RED."""
    assert rule.threshold is not None and rule.amber_threshold is not None
    if value >= rule.threshold:
        return Rag.GREEN
    return Rag.AMBER if value >= rule.amber_threshold else Rag.RED


def _threshold_text(rule: CriterionRule) -> str:
    return f"≥ {rule.threshold:g}% (amber ≥ {rule.amber_threshold:g}%)"


def _against_threshold(rule: CriterionRule, rag: Rag) -> str:
    """Where a value stands against the thresholds, as the RAG it earned says."""
    if rag is Rag.GREEN:
        return f"at or above {rule.threshold:g}%"
    if rag is Rag.AMBER:
        return f"below {rule.threshold:g}% but at or above the amber {rule.amber_threshold:g}%"
    return f"below the amber {rule.amber_threshold:g}%"


def _miss(rule: CriterionRule) -> Rag:
    assert rule.on_miss is not None
    return rule.on_miss


def _ids(scenarios: Iterable[Scenario]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.scenario_id for s in scenarios))


def all_executed(rule: CriterionRule, ctx: Context) -> Evaluation:
    """Share of in-scope scenarios that ran."""
    total = len(ctx.scenarios)
    missing = [s for s in ctx.scenarios if not s.executed]
    value = _percent(total - len(missing), total)
    rag = _by_threshold(rule, value) if total else Rag.RED
    manual = sum(1 for s in missing if s.outcome is Outcome.NOT_RUN_MANUAL)
    if not total:
        reason = "no scenario is in scope"
    elif not missing:
        reason = f"all {plural(total, 'in-scope scenario')} executed"
    elif rag is Rag.GREEN:
        reason = (
            f"{value:.1f}% of in-scope scenarios executed ({total - len(missing)} of {total}), "
            f"{_against_threshold(rule, rag)}"
        )
    else:
        reason = (
            f"{value:.1f}% executed is {_against_threshold(rule, rag)}: "
            f"{len(missing)} of {plural(total, 'in-scope scenario')} not executed "
            f"({manual} manual): {name_ids(s.scenario_id for s in missing)}"
        )
    return Evaluation(
        rule.key,
        rule.display_title,
        _threshold_text(rule),
        f"{total - len(missing)} of {total} ({value:.1f}%)",
        rag,
        _ids(missing),
        reason,
    )


def mandatory_passed(rule: CriterionRule, ctx: Context) -> Evaluation:
    """Every mandatory scenario passed, or fails only under an accepted workaround."""
    mandatory = [s for s in ctx.scenarios if s.has(rule.tag or "")]
    not_passed = [s for s in mandatory if s.outcome is not Outcome.PASSED]
    covered: list[Scenario] = []
    uncovered: list[Scenario] = []
    for scenario in not_passed:
        ok = scenario.failing and ctx.defects.covered_by_workaround(scenario)
        (covered if ok else uncovered).append(scenario)
    passed = len(mandatory) - len(not_passed)
    actual = f"{passed} of {len(mandatory)} passed"
    if covered:
        actual += f"; {len(covered)} failing under an accepted workaround"
    if uncovered:
        rag = _miss(rule)
        reason = (
            f"{plural(len(uncovered), 'mandatory scenario')} did not pass and "
            f"{'has' if len(uncovered) == 1 else 'have'} no accepted workaround: "
            f"{name_ids(s.scenario_id for s in uncovered)}"
        )
    elif covered:
        rag = Rag.AMBER
        reason = (
            f"{plural(len(covered), 'mandatory scenario')} failing under an accepted workaround: "
            f"{name_ids(s.scenario_id for s in covered)}"
        )
    elif mandatory:
        rag, reason = Rag.GREEN, f"all {plural(len(mandatory), 'mandatory scenario')} passed"
    else:
        rag, reason = Rag.GREEN, f"no scenario tagged @{rule.tag} is in scope"
    if not mandatory:
        actual = f"no scenario tagged @{rule.tag}"
    return Evaluation(
        rule.key, rule.display_title, "100% passed", actual, rag, _ids(not_passed), reason
    )


def pass_rate(rule: CriterionRule, ctx: Context) -> Evaluation:
    """Share of executed scenarios that passed."""
    executed = [s for s in ctx.scenarios if s.executed]
    failing = [s for s in executed if s.failing]
    value = _percent(len(executed) - len(failing), len(executed))
    rag = _by_threshold(rule, value) if executed else Rag.RED
    passed = len(executed) - len(failing)
    if not executed:
        reason = "nothing was executed"
    elif rag is Rag.GREEN:
        reason = (
            f"pass rate is {value:.1f}% ({passed} of {len(executed)}), "
            f"{_against_threshold(rule, rag)}"
        )
    else:
        reason = (
            f"pass rate {value:.1f}% is {_against_threshold(rule, rag)}: {len(failing)} of "
            f"{plural(len(executed), 'executed scenario')} failed or blocked: "
            f"{name_ids(s.scenario_id for s in failing)}"
        )
    return Evaluation(
        rule.key,
        rule.display_title,
        _threshold_text(rule),
        f"{value:.1f}% ({len(executed) - len(failing)} of {len(executed)})",
        rag,
        _ids(failing),
        reason,
    )


def _severities(rule: CriterionRule) -> str:
    return " or ".join(str(s) for s in rule.severities or ())


def _defect_ids(defects: Iterable[Defect]) -> str:
    return name_ids(f"{d.defect_id} (severity {d.severity}, {d.status})" for d in defects)


def _defect_scenarios(defects: Iterable[Defect]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for d in defects for s in (d.failing or d.scenarios)))


def blocking_defects(rule: CriterionRule, ctx: Context) -> Evaluation:
    """No open high-severity defect lacks an accepted workaround."""
    severities = rule.severities or ()
    blocking = [d for d in ctx.defects.defects if d.is_open and d.severity in severities]
    without = [d for d in blocking if not d.workaround_accepted]
    with_workaround = [d for d in blocking if d.workaround_accepted]
    if without:
        rag = _miss(rule)
        reason = f"open without an accepted workaround: {_defect_ids(without)}"
    elif with_workaround:
        rag = Rag.AMBER
        reason = f"open with an accepted workaround: {_defect_ids(with_workaround)}"
    else:
        rag, reason = Rag.GREEN, f"no severity {_severities(rule)} defect is open"
    return Evaluation(
        rule.key,
        rule.display_title,
        "0 open without an accepted workaround",
        f"{len(without)} open without, {len(with_workaround)} open with an accepted workaround",
        rag,
        _defect_scenarios(blocking),
        reason,
    )


def minor_defects_planned(rule: CriterionRule, ctx: Context) -> Evaluation:
    """Every open defect of the given severities has an owner and a plan (or a workaround)."""
    severities = rule.severities or ()
    open_defects = [d for d in ctx.defects.defects if d.is_open and d.severity in severities]
    unplanned = [d for d in open_defects if not (d.owner and (d.plan or d.workaround))]
    rag = _miss(rule) if unplanned else Rag.GREEN
    if unplanned:
        reason = f"open without an owner and a plan: {_defect_ids(unplanned)}"
    elif open_defects:
        reason = (
            f"every open severity {_severities(rule)} defect has an owner and a plan "
            f"({len(open_defects)})"
        )
    else:
        reason = f"no severity {_severities(rule)} defect is open"
    return Evaluation(
        rule.key,
        rule.display_title,
        "every open one planned",
        f"{len(open_defects) - len(unplanned)} of {len(open_defects)} planned",
        rag,
        _defect_scenarios(unplanned),
        reason,
    )


def retest_state(scenario: Scenario, defects: DefectBook) -> str:
    """closed (passed), deferred (a linked defect is formally deferred), or open."""
    if scenario.outcome is Outcome.PASSED:
        return "closed"
    if any(d.status == DEFERRED for d in defects.of(scenario)):
        return "deferred"
    return "open"


def sit_ops_retests(rule: CriterionRule, ctx: Context) -> Evaluation:
    """Every SIT Operations retest passed or is formally deferred."""
    retests = [s for s in ctx.scenarios if s.has(rule.tag or "")]
    states = [retest_state(s, ctx.defects) for s in retests]
    still_open = [s for s, state in zip(retests, states, strict=True) if state == "open"]
    rag = _miss(rule) if still_open else Rag.GREEN
    reason = (
        f"{plural(len(still_open), 'retest')} neither passed nor deferred: "
        f"{name_ids(s.scenario_id for s in still_open)}"
        if still_open
        else f"all {plural(len(retests), 'retest')} closed or deferred"
        if retests
        else f"no scenario tagged @{rule.tag} is in scope"
    )
    actual = (
        f"{states.count('closed')} closed, {states.count('deferred')} deferred, "
        f"{len(still_open)} open"
        if retests
        else f"no scenario tagged @{rule.tag}"
    )
    return Evaluation(rule.key, rule.display_title, "0 open", actual, rag, _ids(still_open), reason)


def results_intact(rule: CriterionRule, ctx: Context) -> Evaluation:
    """Every file of the results folder could be read."""
    count = len(ctx.unreadable)
    rag = _miss(rule) if count else Rag.GREEN
    reason = (
        f"{plural(count, 'file')} of the results folder could not be read: "
        f"{name_ids(ctx.unreadable)}"
        if count
        else "every file of the results folder was read"
    )
    return Evaluation(
        rule.key, rule.display_title, "0 unreadable", f"{count} unreadable", rag, (), reason
    )


def _failing_in_class(
    rule: CriterionRule, ctx: Context, key: str, what: str, met: str
) -> Evaluation:
    """No in-scope scenario failed with a failure of this class (failure_class.py)."""
    hit = [s for s in ctx.scenarios if s.failing and s.failure_class == key]
    rag = _miss(rule) if hit else Rag.GREEN
    reason = (
        f"{plural(len(hit), 'scenario')} {what}: {name_ids(s.scenario_id for s in hit)}"
        if hit
        else met
    )
    return Evaluation(rule.key, rule.display_title, "0", f"{len(hit)}", rag, _ids(hit), reason)


def no_test_defects(rule: CriterionRule, ctx: Context) -> Evaluation:
    """No scenario failed because of the test itself (undefined step, bad data, config)."""
    return _failing_in_class(
        rule,
        ctx,
        TEST,
        "could not run as written (test defects)",
        "every scenario that ran was written in the known vocabulary with good data",
    )


def no_environment_problems(rule: CriterionRule, ctx: Context) -> Evaluation:
    """No scenario was blocked by the environment (a desk that did not answer, a timeout)."""
    return _failing_in_class(
        rule,
        ctx,
        ENVIRONMENT,
        "could not run: blocked by the environment",
        "every desk the scenarios used answered",
    )


#: Criterion key → evaluator; criteria.DEFAULT_RULES holds one rule for each.
EVALUATORS: dict[str, Callable[[CriterionRule, Context], Evaluation]] = {
    "all_executed": all_executed,
    "mandatory_passed": mandatory_passed,
    "pass_rate": pass_rate,
    "blocking_defects": blocking_defects,
    "minor_defects_planned": minor_defects_planned,
    "sit_ops_retests": sit_ops_retests,
    "no_test_defects": no_test_defects,
    "no_environment_problems": no_environment_problems,
    "results_intact": results_intact,
}


def evaluate(rules: Iterable[CriterionRule], ctx: Context) -> tuple[Evaluation, ...]:
    """Evaluate every enabled rule in order."""
    return tuple(EVALUATORS[rule.key](rule, ctx) for rule in rules if rule.enabled)
