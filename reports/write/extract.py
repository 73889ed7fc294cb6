"""The Test & Defect Extract (extract.csv): one row per scenario, then one row per defect."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from reports.assess import Report

COLUMNS: tuple[str, ...] = (
    "record_type",
    "id",
    "title",
    "feature",
    "process",
    "parties",
    "priority",
    "severity",
    "status",
    "failing_step",
    "message",
    "flaky",
    "attempts",
    "start",
    "stop",
    "defects",
    "owner",
    "workaround",
    "accepted_by",
    "plan",
    "scenarios",
    "notes",
)

#: Cell openings a spreadsheet would run as a formula; such cells get a leading quote.
FORMULA_OPENINGS = ("=", "+", "@", "\t", "\r")


def _safe(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_OPENINGS) else text


def _rows(report: Report) -> Iterator[dict[str, object]]:
    book = report.assessment.defects
    for s in report.scenarios:
        yield {
            "record_type": "test",
            "id": s.scenario_id,
            "title": s.title,
            "feature": s.feature,
            "process": s.process,
            "parties": " ".join(s.parties),
            "priority": s.priority,
            "severity": s.severity,
            "status": s.outcome.value,
            "failing_step": s.failing_step,
            "message": s.message,
            "flaky": "yes" if s.flaky else "no",
            "attempts": s.attempts,
            "start": s.start.isoformat() if s.start else "",
            "stop": s.stop.isoformat() if s.stop else "",
            "defects": " ".join(book.by_scenario.get(s.key, ())),
            "owner": s.owner,
        }
    for d in book.defects:
        yield {
            "record_type": "defect",
            "id": d.defect_id,
            "title": d.title,
            "severity": d.severity,
            "status": d.status,
            "owner": d.owner,
            "workaround": d.workaround,
            "accepted_by": d.accepted_by,
            "plan": d.plan,
            "scenarios": " ".join(d.scenarios),
            "notes": "; ".join(d.notes),
        }


def extract_csv(report: Report) -> str:
    """The extract as CSV text (header row first, RFC 4180 quoting)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in _rows(report):
        writer.writerow({key: _safe(row.get(key, "")) for key in COLUMNS})
    return buffer.getvalue()
