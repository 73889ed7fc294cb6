"""Classifying a result: process, parties, priority, id, severity, purpose and outcome."""

from __future__ import annotations

from pathlib import Path

from reports.assess.classification import Outcome, Scenario, classify, purposes_of
from reports.read.results import read_results
from reports.testing import ScenarioSpec
from tests.reports.support import SAMPLE, results


def _one(tmp_path: Path, spec: ScenarioSpec) -> Scenario:
    results(tmp_path, spec)
    (final,) = read_results(tmp_path).results
    return classify(final)


def _sample() -> dict[str, Scenario]:
    return {s.scenario_id: s for s in (classify(r) for r in read_results(SAMPLE).results)}


def test_tags_give_process_parties_priority_id_and_severity(tmp_path: Path) -> None:
    """Every dimension comes from the Gherkin tags."""
    scenario = _one(
        tmp_path,
        ScenarioSpec(
            name="Hand-off",
            tags=("ldso", "incident", "p2", "severity_2", "ort_inc_004", "supplier", "mandatory"),
        ),
    )
    assert scenario.scenario_id == "ort_inc_004"
    assert scenario.process == "incident"
    assert scenario.parties == ("supplier", "ldso")
    assert scenario.priority == "p2"
    assert scenario.severity == 2
    assert purposes_of(scenario) == ("mandatory",)


def test_real_sample_is_classified_from_its_tags() -> None:
    """The sample's major incident scenario: the suite's epic and owner labels, then the
    vocabulary's order."""
    scenario = _sample()["cpsd_02"]
    assert scenario.process == "major_incident"
    assert scenario.parties == ("supplier", "ldso", "dcp", "elexon")
    assert scenario.owner == "supplier"
    assert (scenario.priority, scenario.severity) == ("p1", 1)
    assert scenario.feature == "DIP outage is a major incident"


def test_suite_owner_label_puts_that_party_first(tmp_path: Path) -> None:
    """When the owner label names one of the party tags, that party owns the scenario."""
    spec = ScenarioSpec(
        "Owned",
        ("incident", "supplier", "ldso"),
        with_suite_labels=False,
        extra_labels=(("owner", "ldso"), ("epic", "incident")),
    )
    assert _one(tmp_path, spec).parties == ("ldso", "supplier")


def test_graver_of_two_severity_tags_wins(tmp_path: Path) -> None:
    """A scenario tagged severity_3 and severity_1 counts as severity 1."""
    scenario = _one(tmp_path, ScenarioSpec("S", ("incident", "severity_3", "severity_1")))
    assert scenario.severity == 1


def test_untagged_dimensions_fall_back_to_defaults(tmp_path: Path) -> None:
    """No process, priority or severity tag: untagged, untagged, severity 3."""
    scenario = _one(tmp_path, ScenarioSpec("Loose", ("smoke",)))
    assert (scenario.process, scenario.priority, scenario.severity) == ("untagged", "untagged", 3)
    assert scenario.scenario_id == "features/sample.feature:Loose"


def test_labels_stand_in_when_tags_are_absent(tmp_path: Path) -> None:
    """The suite's epic, party, ort_id, priority and severity labels classify a tagless result."""
    spec = ScenarioSpec(
        "Labelled",
        (),
        with_suite_labels=False,
        extra_labels=(
            ("epic", "problem"),
            ("party", "mss"),
            ("ort_id", "ort_prb_009"),
            ("priority", "p4"),
            ("severity", "critical"),
        ),
    )
    scenario = _one(tmp_path, spec)
    assert (scenario.process, scenario.parties, scenario.scenario_id) == (
        "problem",
        ("mss",),
        "ort_prb_009",
    )
    assert (scenario.priority, scenario.severity) == ("p4", 2)


def test_outcomes_follow_allure_status() -> None:
    """passed, failed, broken and skipped map to passed, failed, blocked and not run."""
    sample = _sample()
    assert sample["ort_inc_001"].outcome is Outcome.PASSED
    assert sample["ort_inc_002"].outcome is Outcome.FAILED
    assert sample["ort_inc_003"].outcome is Outcome.BLOCKED
    assert sample["ort_mi_001"].outcome is Outcome.NOT_RUN
    assert sample["ort_chg_001"].outcome is Outcome.NOT_RUN_MANUAL


def test_failure_names_the_failing_step_and_its_message() -> None:
    """A failed scenario carries its first failing step and the assertion message."""
    scenario = _sample()["ort_inc_002"]
    assert scenario.failing_step == "Then the LDSO ticket shows the MPAN"
    assert scenario.message.startswith("AssertionError: ticket INC0020001 on the ldso desk")


def test_skip_reason_is_kept_without_pytests_prefix() -> None:
    """A skipped scenario shows the reason, not 'Skipped: '."""
    assert _sample()["ort_mi_001"].message == (
        "the elexon desk is a real desk: virtual time is unavailable"
    )


def test_flaky_scenario_is_flagged_with_its_attempts() -> None:
    """The retried-then-passed sample scenario is a flaky pass after two attempts."""
    scenario = _sample()["ort_chg_002"]
    assert scenario.outcome is Outcome.PASSED
    assert scenario.flaky and scenario.attempts == 2
