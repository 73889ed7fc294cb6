"""Judges scenarios against defects and criteria: scope, evaluations, verdict, gate code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reports.assess.classification import Scenario
from reports.assess.criteria import Criteria
from reports.assess.defects import Defect, DefectBook, join_defects
from reports.assess.evaluate import Context, Evaluation, evaluate
from reports.assess.verdict import Decision, GateCode, decide, gate_code


@dataclass(frozen=True)
class Assessment:
    """The run judged against the exit criteria."""

    in_scope: tuple[Scenario, ...]
    out_of_scope: tuple[Scenario, ...]
    defects: DefectBook
    evaluations: tuple[Evaluation, ...]
    decision: Decision
    gate: GateCode
    criteria: Criteria


def assess(
    scenarios: Iterable[Scenario],
    unreadable: Iterable[str],
    criteria: Criteria,
    register: Iterable[Defect],
    register_source: str,
) -> Assessment:
    """Split scope, join the defect register, evaluate every criterion and decide."""
    scenarios = tuple(scenarios)
    excluded = set(criteria.out_of_scope_tags)
    in_scope = tuple(s for s in scenarios if not excluded.intersection(s.tags))
    out_of_scope = tuple(s for s in scenarios if excluded.intersection(s.tags))
    book = join_defects(register, scenarios, register_source)
    evaluations = evaluate(criteria.enabled, Context(in_scope, book, tuple(unreadable)))
    decision = decide(evaluations, executed=sum(1 for s in in_scope if s.executed))
    return Assessment(
        in_scope=in_scope,
        out_of_scope=out_of_scope,
        defects=book,
        evaluations=evaluations,
        decision=decision,
        gate=gate_code(decision.verdict, criteria.conditional_go),
        criteria=criteria,
    )
