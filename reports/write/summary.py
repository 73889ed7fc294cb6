"""summary.json: the machine-readable result of a report, written for the trend and the gate."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from reports.assess import SCHEMA, BreachCheck, Report, Scenario, breach_checks, tally
from vocabulary import FAILURE_CLASS_KEYS


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _scenario(scenario: Scenario, defect_ids: tuple[str, ...]) -> dict[str, Any]:
    return {
        "key": scenario.key,
        "id": scenario.scenario_id,
        "title": scenario.title,
        "feature": scenario.feature,
        "process": scenario.process,
        "parties": list(scenario.parties),
        "priority": scenario.priority,
        "severity": scenario.severity,
        "tags": list(scenario.tags),
        "outcome": scenario.outcome.value,
        "failing_step": scenario.failing_step,
        "message": scenario.message,
        "flaky": scenario.flaky,
        "attempts": scenario.attempts,
        "start": _iso(scenario.start),
        "stop": _iso(scenario.stop),
        "parameters": [list(p) for p in scenario.parameters],
        "failure_class": scenario.failure_class,
        "defects": list(defect_ids),
    }


def _breach_check(check: BreachCheck) -> dict[str, Any]:
    return {
        "id": check.scenario_id,
        "outcome": check.outcome.value,
        "verified": check.verified,
        "breached": [
            {
                "measure": m.measure,
                "party": m.party,
                "record": m.record,
                "seconds": m.seconds,
                "target_seconds": m.target_seconds,
            }
            for m in check.breached
        ],
    }


def to_summary(report: Report) -> dict[str, Any]:
    """The summary.json document of a report."""
    assessment = report.assessment
    totals = tally(assessment.in_scope)
    book = assessment.defects
    return {
        "schema": SCHEMA,
        "generated_at": report.generated_at.isoformat(),
        "results": report.results_path,
        "verdict": assessment.decision.verdict.value,
        "reasons": list(assessment.decision.reasons),
        "gate": {
            "exit_code": int(assessment.gate),
            "conditional_go": assessment.criteria.conditional_go,
        },
        "criteria_file": assessment.criteria.source,
        "defects_file": book.source,
        "totals": {
            "planned": totals.planned,
            "executed": totals.executed,
            "passed": totals.passed,
            "failed": totals.failed,
            "blocked": totals.blocked,
            "not_run": totals.not_run,
            "not_run_manual": totals.manual,
            "flaky": totals.flaky,
            "out_of_scope": len(assessment.out_of_scope),
            "pass_rate": round(totals.pass_rate, 2),
        },
        "failure_classes": {
            key: sum(1 for s in assessment.in_scope if s.failing and s.failure_class == key)
            for key in FAILURE_CLASS_KEYS
        },
        "criteria": [
            {
                "key": e.key,
                "title": e.title,
                "threshold": e.threshold,
                "actual": e.actual,
                "rag": e.rag.value,
                "reason": e.reason,
                "deciding": list(e.deciding),
            }
            for e in assessment.evaluations
        ],
        "defects": [
            {
                "id": d.defect_id,
                "title": d.title,
                "severity": d.severity,
                "status": d.status,
                "open": d.is_open,
                "owner": d.owner,
                "workaround": d.workaround,
                "accepted_by": d.accepted_by,
                "plan": d.plan,
                "scenarios": list(d.scenarios),
                "failing": list(d.failing),
                "new": d.new,
                "failure_class": d.failure_class,
                "notes": list(d.notes),
            }
            for d in book.defects
        ],
        "unreadable": [{"file": p.file, "reason": p.reason} for p in report.problems],
        "breach_handling": [_breach_check(c) for c in breach_checks(assessment.in_scope)],
        "scenarios": [_scenario(s, book.by_scenario.get(s.key, ())) for s in report.scenarios],
    }


def write_summary(report: Report, path: Path) -> None:
    """Write summary.json (UTF-8, indented, stable key order)."""
    path.write_text(json.dumps(to_summary(report), indent=2, ensure_ascii=False) + "\n", "utf-8")
