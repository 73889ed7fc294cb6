"""The Test & Defect Extract (extract.csv)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from reports import build_report
from reports.write.extract import COLUMNS, extract_csv
from tests.reports.support import SAMPLE


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_scenario_then_one_per_defect() -> None:
    """Scenario rows come first, then defect rows, under one documented header."""
    text = extract_csv(build_report(SAMPLE))
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = _rows(text)
    assert [r["record_type"] for r in rows] == ["test"] * 9 + ["defect"] * 3
    failed = next(r for r in rows if r["id"] == "ort_inc_002" and r["record_type"] == "test")
    assert failed["status"] == "failed"
    assert failed["failing_step"] == "Then the LDSO ticket shows the MPAN"
    assert failed["defects"] == "NEW-ort_inc_002"
    assert failed["parties"] == "supplier ldso"
    defect = next(r for r in rows if r["id"] == "NEW-ort_inc_002")
    assert (defect["severity"], defect["status"], defect["owner"]) == ("2", "new", "supplier")


def test_cells_that_would_run_as_formulas_are_neutralised() -> None:
    """A message starting with '=' is written with a leading quote."""
    report = build_report(SAMPLE)
    first = replace(report.scenarios[0], message='=HYPERLINK("x")')
    text = extract_csv(replace(report, scenarios=(first, *report.scenarios[1:])))
    assert _rows(text)[0]["message"] == '\'=HYPERLINK("x")'
