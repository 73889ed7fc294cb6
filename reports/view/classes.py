"""View builder for the failure classes: failing scenarios and defect entries per class."""

from __future__ import annotations

from reports.assess import Report
from reports.view.fmt import ids, num
from reports.view.model import Cell, Table
from vocabulary import ENVIRONMENT, FAILURE_CLASS_KEYS, FAILURE_CLASSES_BY_KEY, PRODUCT, TEST

#: How the default exit criteria treat each class (docs/exit-report.md, "Failure classes").
TREATMENT: dict[str, str] = {
    PRODUCT: "judged by severity: blocking and minor defect criteria",
    TEST: "the run is not valid: “No test defect” criterion; never above severity 3",
    ENVIRONMENT: "scenarios blocked: “No scenario blocked by the environment” criterion",
}

#: The sentence the defects section adds when any scenario failed.
CLASS_NOTE = (
    "Each failure is classed from the failure itself as a product defect (a desk did other "
    "than expected), a test defect (NEW-TEST-…: an undefined or ambiguous step, bad feature "
    "data or broken configuration; never above severity 3) or an environment problem "
    "(NEW-ENV-…: a desk did not answer, a timeout)."
)


def class_tables(report: Report) -> tuple[Table, ...]:
    """The by-class table, when any in-scope scenario failed (none for a clean run)."""
    table = class_table(report)
    return (table,) if table.rows else ()


def class_table(report: Report) -> Table:
    """Failing in-scope scenarios and open defect entries by failure class, product first."""
    book = report.assessment.defects
    failing = [s for s in report.assessment.in_scope if s.failing]
    rows = []
    for key in FAILURE_CLASS_KEYS:
        scenarios = [s.scenario_id for s in failing if s.failure_class == key]
        entries = [d for d in book.defects if d.failure_class == key and d.is_open]
        if not scenarios and not entries:
            continue
        failure_class = FAILURE_CLASSES_BY_KEY[key]
        rows.append(
            (
                Cell(failure_class.label, f"class class-{key}", failure_class.description),
                num(len(scenarios)),
                Cell(ids(scenarios), "ids"),
                Cell(ids(d.defect_id for d in entries), "ids"),
                Cell(TREATMENT[key]),
            )
        )
    return Table(
        "By failure class",
        ("Class", "Failing", "Scenarios", "Open entries", "Exit criteria"),
        tuple(rows),
        "No scenario failed.",
    )
