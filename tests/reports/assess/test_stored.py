"""summary.json read back: the same scenarios, and refusing files that are not ours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reports import build_report
from reports.assess.classification import Outcome
from reports.assess.stored import SCHEMA, read_summary
from reports.errors import SummaryFileError
from reports.write.summary import write_summary
from tests.reports.support import SAMPLE


def test_summary_reads_back_to_the_same_scenarios(tmp_path: Path) -> None:
    """Written and read again, the scenarios keep their classification and outcome."""
    report = build_report(SAMPLE)
    path = tmp_path / "summary.json"
    write_summary(report, path)
    stored = read_summary(path)
    assert stored.verdict == "NO-GO" and stored.exit_code == 1
    assert stored.open_defects == 3
    before = {s.key: s for s in report.scenarios}
    for scenario in stored.scenarios:
        original = before[scenario.key]
        assert (
            scenario.scenario_id,
            scenario.outcome,
            scenario.parties,
            scenario.tags,
            scenario.start,
        ) == (
            original.scenario_id,
            original.outcome,
            original.parties,
            original.tags,
            original.start,
        )
    assert any(s.outcome is Outcome.NOT_RUN_MANUAL for s in stored.scenarios)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", r"is not valid JSON at line 1"),
        (json.dumps({"schema": "other/1"}), r"has schema 'other/1'; expected 'ort-exit-summary/1'"),
        (json.dumps({"schema": SCHEMA, "verdict": "MAYBE"}), r"key 'verdict' has value 'MAYBE'"),
        (json.dumps({"schema": SCHEMA, "verdict": "GO"}), r"lacks key 'gate'"),
    ],
)
def test_foreign_or_broken_summary_is_refused(tmp_path: Path, content: str, message: str) -> None:
    """A file that is not a summary written by `ort report` is refused by name."""
    path = tmp_path / "summary.json"
    path.write_text(content)
    with pytest.raises(SummaryFileError, match=message):
        read_summary(path)


def test_broken_scenario_entry_names_its_key(tmp_path: Path) -> None:
    """A damaged scenario entry is named by its index and key."""
    path = tmp_path / "summary.json"
    write_summary(build_report(SAMPLE), path)
    data = json.loads(path.read_text())
    data["scenarios"][3]["outcome"] = "exploded"
    path.write_text(json.dumps(data))
    with pytest.raises(
        SummaryFileError, match=r"key 'scenarios\[3\]\.outcome' has value 'exploded'"
    ):
        read_summary(path)


def test_failure_classes_read_back(tmp_path: Path) -> None:
    """Each scenario's failure class survives summary.json; a summary without one reads as
    unclassed, and an unknown class is refused by key."""
    report = build_report(SAMPLE)
    path = tmp_path / "summary.json"
    write_summary(report, path)
    before = {s.key: s.failure_class for s in report.scenarios}
    assert {s.key: s.failure_class for s in read_summary(path).scenarios} == before
    assert set(before.values()) == {"", "product", "environment"}
    data = json.loads(path.read_text())
    for item in data["scenarios"]:
        del item["failure_class"]
    path.write_text(json.dumps(data))
    assert {s.failure_class for s in read_summary(path).scenarios} == {""}
    data["scenarios"][2]["failure_class"] = "cosmic rays"
    path.write_text(json.dumps(data))
    with pytest.raises(
        SummaryFileError,
        match=r"key 'scenarios\[2\]\.failure_class' has value 'cosmic rays'; expected '', "
        r"'product', 'test', 'environment'",
    ):
        read_summary(path)
