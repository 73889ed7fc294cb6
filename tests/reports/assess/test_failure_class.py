"""Failure classes in the assessment: each failing scenario's class, and what it files."""

from __future__ import annotations

from pathlib import Path

from reports import build_report
from reports.assess.classification import Outcome
from reports.assess.failure_class import class_of
from reports.testing import ScenarioSpec
from tests.reports.support import baseline, failing, passing, results
from tests.vocabulary.test_failure_classes import DESK_DOWN, MISSPELT


def _misspelt(scenario_id: str = "cpsd_02") -> ScenarioSpec:
    return ScenarioSpec(
        name="The first report of the outage becomes a priority 1 major incident",
        tags=(scenario_id, "cpsd", "elexon", "supplier", "severity_1", "mandatory"),
        status="broken",
        message=MISSPELT,
    )


def _desk_down() -> ScenarioSpec:
    return ScenarioSpec(
        name="The supplier's desk is down",
        tags=("ort_inc_007", "incident", "supplier", "severity_1"),
        status="broken",
        message=DESK_DOWN,
    )


def test_a_misspelt_step_is_a_test_defect_and_never_severity_1(tmp_path: Path) -> None:
    """A severity-1 scenario with an undefined step files NEW-TEST-…, severity 3, no owner,
    and leaves no severity-1 product defect."""
    report = build_report(results(tmp_path / "r", *baseline(), _misspelt()))
    scenario = next(s for s in report.scenarios if s.scenario_id == "cpsd_02")
    assert (scenario.outcome, scenario.failure_class) == (Outcome.BLOCKED, "test")
    (defect,) = report.assessment.defects.defects
    assert (defect.defect_id, defect.severity, defect.owner, defect.failure_class) == (
        "NEW-TEST-cpsd_02",
        3,
        "",
        "test",
    )
    assert not [d for d in report.assessment.defects.defects if d.failure_class == "product"]
    assert defect.notes[1].startswith("test defect: ")


def test_a_desk_that_is_down_is_an_environment_problem(tmp_path: Path) -> None:
    """A desk that did not answer blocks the scenario and files NEW-ENV-…, never above
    severity 3, owned by the scenario's party."""
    report = build_report(results(tmp_path / "r", *baseline(), _desk_down()))
    scenario = next(s for s in report.scenarios if s.scenario_id == "ort_inc_007")
    assert (scenario.outcome, scenario.failure_class) == (Outcome.BLOCKED, "environment")
    (defect,) = report.assessment.defects.defects
    assert (defect.defect_id, defect.severity, defect.owner) == (
        "NEW-ENV-ort_inc_007",
        3,
        "supplier",
    )


def test_a_wrong_expectation_is_a_product_defect_at_its_severity(tmp_path: Path) -> None:
    """A failed check is a product defect filed as before: NEW-<id>, the scenario's severity
    and owner."""
    report = build_report(
        results(
            tmp_path / "r", *baseline(), failing("ort_inc_001", "incident", "ldso", "severity_1")
        )
    )
    scenario = next(s for s in report.scenarios if s.scenario_id == "ort_inc_001")
    assert (scenario.outcome, scenario.failure_class) == (Outcome.FAILED, "product")
    (defect,) = report.assessment.defects.defects
    assert (defect.defect_id, defect.severity, defect.owner, defect.failure_class) == (
        "NEW-ort_inc_001",
        1,
        "ldso",
        "product",
    )


def test_passing_and_skipped_scenarios_have_no_class(tmp_path: Path) -> None:
    """Only a scenario that ran and did not pass carries a class."""
    skipped = ScenarioSpec(
        name="Skipped", tags=("ort_inc_009", "incident"), status="skipped", message="no desk"
    )
    report = build_report(results(tmp_path / "r", passing("ort_inc_008"), skipped))
    assert {s.failure_class for s in report.scenarios} == {""}
    assert class_of("") is None


def test_a_test_defect_makes_the_run_not_valid_and_an_environment_problem_is_amber(
    tmp_path: Path,
) -> None:
    """By default each class has its own criterion, AMBER when missed: at most CONDITIONAL GO
    unless another criterion is RED."""
    report = build_report(results(tmp_path / "r", *baseline(40), _misspelt("cpsd_03")))
    rags = {e.key: e for e in report.assessment.evaluations}
    assert rags["no_test_defects"].rag == "AMBER"
    assert rags["no_test_defects"].deciding == ("cpsd_03",)
    assert rags["no_test_defects"].reason == (
        "1 scenario could not run as written (test defects): cpsd_03"
    )
    assert rags["no_environment_problems"].rag == "GREEN"
    assert rags["blocking_defects"].rag == "GREEN"
    assert report.assessment.decision.verdict == "NO-GO"  # the scenario is mandatory
    down = build_report(results(tmp_path / "d", *baseline(40), _desk_down()))
    rags = {e.key: e for e in down.assessment.evaluations}
    assert (rags["no_environment_problems"].rag, rags["no_test_defects"].rag) == ("AMBER", "GREEN")
    assert down.assessment.decision.verdict == "CONDITIONAL GO"


def test_a_scenario_failing_in_two_classes_files_one_entry_per_class(tmp_path: Path) -> None:
    """Examples of one outline failing differently never hide a product defect."""
    product = failing("cpsd_02", "cpsd", "elexon", "severity_1")
    test = ScenarioSpec(
        name="Another example",
        tags=("cpsd_02", "cpsd", "elexon", "severity_1"),
        status="broken",
        message=MISSPELT,
        parameters=(("party", "ldso"),),
    )
    report = build_report(results(tmp_path / "r", product, test))
    assert sorted((d.defect_id, d.severity) for d in report.assessment.defects.defects) == [
        ("NEW-TEST-cpsd_02", 3),
        ("NEW-cpsd_02", 1),
    ]
