"""summary.json: what it records of a report, for the trend and the gate to read back."""

from __future__ import annotations

from pathlib import Path

from reports import build_report
from reports.assess.stored import SCHEMA
from reports.testing import ScenarioSpec
from reports.write.summary import to_summary
from tests.reports.support import SAMPLE, results


def test_summary_records_verdict_totals_criteria_defects_and_scenarios() -> None:
    """The summary of the sample holds everything a machine needs to act on the run."""
    data = to_summary(build_report(SAMPLE))
    assert data["schema"] == SCHEMA
    assert data["verdict"] == "NO-GO" and data["gate"] == {"exit_code": 1, "conditional_go": "fail"}
    assert data["totals"] == {
        "planned": 9,
        "executed": 7,
        "passed": 4,
        "failed": 2,
        "blocked": 1,
        "not_run": 1,
        "not_run_manual": 1,
        "flaky": 1,
        "out_of_scope": 0,
        "pass_rate": 57.14,
    }
    assert [c["rag"] for c in data["criteria"]] == [
        "RED",
        "GREEN",
        "RED",
        "RED",
        "AMBER",
        "RED",
        "GREEN",
        "AMBER",
        "GREEN",
    ]
    assert {d["id"]: d["failure_class"] for d in data["defects"]} == {
        "NEW-ort_inc_002": "product",
        "NEW-ENV-ort_inc_003": "environment",
        "NEW-ort_prb_002": "product",
    }
    assert data["failure_classes"] == {"product": 2, "test": 0, "environment": 1}
    assert len(data["scenarios"]) == 9


def test_summary_lists_breach_scenarios_as_breach_handling(tmp_path: Path) -> None:
    """A scenario tagged @expected_breach is listed with what breached and whether it passed."""
    measure = {
        "record": "INC0010001",
        "desk": "elexon",
        "party": "elexon",
        "measure": "time_to_resolve",
        "seconds": 18000.0,
        "target_seconds": 14400,
        "met": False,
    }
    spec = ScenarioSpec(
        name="Breaches on purpose",
        tags=("ort_sla_042", "sla", "elexon", "expected_breach"),
        measures=(measure,),
    )
    data = to_summary(build_report(results(tmp_path, spec)))
    assert data["breach_handling"] == [
        {
            "id": "ort_sla_042",
            "outcome": "passed",
            "verified": True,
            "breached": [
                {
                    "measure": "time_to_resolve",
                    "party": "elexon",
                    "record": "INC0010001",
                    "seconds": 18000.0,
                    "target_seconds": 14400.0,
                }
            ],
        }
    ]
    assert to_summary(build_report(SAMPLE))["breach_handling"] == []
