"""The by-failure-class table: only for a run with failures, product defects first."""

from __future__ import annotations

from pathlib import Path

from reports import build_report
from reports.testing import ScenarioSpec
from reports.view.classes import TREATMENT, class_table, class_tables
from tests.reports.support import failing, passing, results
from tests.vocabulary.test_failure_classes import MISSPELT


def test_a_clean_run_has_no_class_table(tmp_path: Path) -> None:
    """With nothing failing the defects section is unchanged: no table is added."""
    report = build_report(results(tmp_path / "r", passing("ort_inc_001")))
    assert class_tables(report) == ()
    assert class_table(report).empty == "No scenario failed."


def test_classes_are_listed_product_first_with_their_entries(tmp_path: Path) -> None:
    """Each class present gets one row: failing scenarios, open entries and its treatment."""
    misspelt = ScenarioSpec(
        name="Misspelt", tags=("cpsd_05", "cpsd", "elexon"), status="broken", message=MISSPELT
    )
    report = build_report(results(tmp_path / "r", misspelt, failing("ort_inc_002")))
    (table,) = class_tables(report)
    assert [[c.text for c in row] for row in table.rows] == [
        ["Product defect", "1", "ort_inc_002", "NEW-ort_inc_002", TREATMENT["product"]],
        ["Test defect", "1", "cpsd_05", "NEW-TEST-cpsd_05", TREATMENT["test"]],
    ]
    assert table.rows[1][0].css == "class class-test"
