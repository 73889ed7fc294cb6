"""The findings' view builders: criteria, defects, retests, blocking factors, SLA and risks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import build_report
from reports.assess import Report
from reports.testing import ScenarioSpec
from reports.view.classes import CLASS_NOTE, TREATMENT
from reports.view.findings import (
    blocking_section,
    criteria_section,
    defects_section,
    retests_section,
    risks_section,
    sla_section,
)
from reports.view.fmt import DASH
from reports.view.model import Section, Table
from tests.reports.support import ACCEPTED_WORKAROUND, failing, passing, results


def _report(tmp_path: Path, *specs: ScenarioSpec, register: str | None = None) -> Report:
    """The report on a results folder holding the specs, judged with an optional register."""
    defects = None
    if register is not None:
        defects = tmp_path / "defects.toml"
        defects.write_text(register)
    return build_report(results(tmp_path / "allure-results", *specs), defects=defects)


def _mixed(tmp_path: Path) -> Report:
    """A pass, a severity-1 failure with an accepted workaround, a blocked and a skipped one."""
    return _report(
        tmp_path,
        passing("ort_inc_002", "incident", "supplier", "sit_ops_retest"),
        failing(
            "ort_inc_001",
            "incident",
            "supplier",
            "ldso",
            "severity_1",
            "p1",
            message="never acknowledged\nsecond line",
        ),
        ScenarioSpec(
            name="Desk down",
            tags=("ort_inc_003", "incident", "mss"),
            status="broken",
            message="ConnectionError: desk down",
        ),
        ScenarioSpec(
            name="Skipped",
            tags=("ort_inc_004", "problem", "supplier"),
            status="skipped",
            message="no problem desk",
        ),
        register=ACCEPTED_WORKAROUND,
    )


def _only_table(section: Section) -> Table:
    (table,) = section.tables
    return table


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def _column(table: Table, header: str) -> list[str]:
    index = table.headers.index(header)
    return [row[index].text for row in table.rows]


def test_criteria_section_shows_each_criterion_with_its_rag_and_deciding_scenarios(
    tmp_path: Path,
) -> None:
    """Each criterion is a row with threshold, actual, RAG and the scenarios deciding it."""
    report = _mixed(tmp_path)
    section = criteria_section(report, "5")
    assert (section.anchor, section.number, section.title) == ("criteria", "5", "Exit criteria")
    assert section.paragraphs[0].startswith(f"Criteria from {report.assessment.criteria.source}.")
    table = _only_table(section)
    assert table.headers == ("Criterion", "Threshold", "Actual", "RAG", "Decided by")
    assert len(table.rows) == len(report.assessment.evaluations)
    rows = {row[0].text: row for row in table.rows}
    executed = rows["All in-scope scenarios executed"]
    assert [c.text for c in executed[2:]] == ["3 of 4 (75.0%)", "RED", "ort_inc_004"]
    assert executed[3].css == "rag rag-red"
    assert executed[0].sub.startswith(
        "75.0% executed is below the amber 90%: 1 of 4 in-scope scenarios not executed"
    )


def test_defects_section_counts_by_severity_and_status_and_lists_open_first(
    tmp_path: Path,
) -> None:
    """The matrix shows only statuses present; the list shows owner, workaround and acceptance."""
    section = defects_section(_mixed(tmp_path), "6")
    matrix, listing, by_class = section.tables
    assert matrix.headers == ("Severity", "new", "open", "Total")
    assert _texts(matrix) == [
        ["1 Critical", "0", "1", "1"],
        ["2 High", "0", "0", "0"],
        ["3 Medium", "1", "0", "1"],
        ["4 Low", "0", "0", "0"],
    ]
    assert _column(listing, "ID") == ["DEF-0101", "NEW-ENV-ort_inc_003"]
    accepted = listing.rows[0]
    assert accepted[listing.headers.index("Workaround")].sub == (
        "accepted by ORT test manager, 2026-06-20"
    )
    assert accepted[listing.headers.index("Scenarios")].text == "ort_inc_001 (failing)"
    assert _column(listing, "Owner") == ["ldso", "mss"]
    assert "1 failure matches none and is listed as new" in section.paragraphs[0]
    assert _texts(by_class) == [
        ["Product defect", "1", "ort_inc_001", "DEF-0101", TREATMENT["product"]],
        [
            "Environment problem",
            "1",
            "ort_inc_003",
            "NEW-ENV-ort_inc_003",
            TREATMENT["environment"],
        ],
    ]
    assert listing.rows[1][0].sub == "Environment problem"
    assert section.paragraphs[1] == CLASS_NOTE


def test_defects_section_is_empty_for_a_clean_run(tmp_path: Path) -> None:
    """With nothing known or new, both tables are empty and say so."""
    section = defects_section(_report(tmp_path, passing("ort_inc_001")), "6")
    assert [(t.rows, t.empty) for t in section.tables] == [
        ((), "No defect is known or new."),
        ((), "No defect is known or new."),
    ]
    assert "0 failures match none and are listed as new" in section.paragraphs[0]
    assert len(section.paragraphs) == 1


def test_retests_section_says_whether_each_retest_is_closed_or_open(tmp_path: Path) -> None:
    """A passing @sit_ops_retest scenario is closed; a failing one with no deferral is open."""
    report = _report(
        tmp_path,
        passing("ort_inc_001", "incident", "supplier", "sit_ops_retest"),
        failing("ort_inc_002", "incident", "supplier", "sit_ops_retest"),
        passing("ort_inc_003"),
    )
    table = _only_table(retests_section(report, "7"))
    assert sorted((r[0].text, r[2].text, r[2].css) for r in table.rows) == [
        ("ort_inc_001", "closed", "retest-closed"),
        ("ort_inc_002", "open", "retest-open"),
    ]


def test_retests_section_names_the_tag_when_there_are_none(tmp_path: Path) -> None:
    """With no retest in scope, the table is empty and names the tag it looked for."""
    table = _only_table(retests_section(_report(tmp_path, passing("ort_inc_001")), "7"))
    assert (table.rows, table.empty) == ((), "No scenario in scope is tagged @sit_ops_retest.")


def test_blocking_section_groups_blocked_and_not_run_scenarios_by_first_message_line(
    tmp_path: Path,
) -> None:
    """Blocked causes come before not-run ones; each names its parties and scenarios."""
    report = _report(
        tmp_path,
        ScenarioSpec(
            name="A",
            tags=("ort_inc_001", "incident", "mss"),
            status="broken",
            message="desk down\ntraceback",
        ),
        ScenarioSpec(
            name="B",
            tags=("ort_inc_002", "incident", "ldso"),
            status="broken",
            message="desk down\nother traceback",
        ),
        ScenarioSpec(
            name="C",
            tags=("ort_inc_003", "problem", "supplier"),
            status="skipped",
            message="no problem desk",
        ),
        failing("ort_inc_004"),
    )
    table = _only_table(blocking_section(report, "8"))
    rows = _texts(table)
    rows[0][4] = ", ".join(sorted(rows[0][4].split(", ")))
    assert rows == [
        ["RuntimeError: desk down", "blocked", "2", "ldso, mss", "ort_inc_001, ort_inc_002"],
        ["no problem desk", "not run", "1", "supplier", "ort_inc_003"],
    ]


def test_sla_section_rows_come_from_the_measures_and_name_who_missed(tmp_path: Path) -> None:
    """Each measure and party is a row; a missed target marks Met and names the scenario."""
    measure = {
        "record": "INC0010001",
        "desk": "ldso",
        "party": "ldso",
        "measure": "time_to_acknowledge",
        "target_seconds": 900,
    }
    report = _report(
        tmp_path,
        ScenarioSpec(
            name="Fast",
            tags=("ort_inc_001", "incident", "ldso"),
            measures=({**measure, "seconds": 300.0, "met": True},),
        ),
        ScenarioSpec(
            name="Slow",
            tags=("ort_inc_002", "incident", "ldso"),
            measures=({**measure, "seconds": 1200.0, "met": False},),
        ),
    )
    table, _ = sla_section(report, "9").tables
    (row,) = table.rows
    cells = dict(zip(table.headers, row, strict=True))
    assert [cells[h].text for h in ("Measure", "Party", "Count", "Missed by")] == [
        "Time to acknowledge",
        "ldso",
        "2",
        "ort_inc_002",
    ]
    assert (cells["Met"].text, cells["Met"].css) == ("50.0% of 2", "num bad")


def test_sla_section_is_empty_without_measures(tmp_path: Path) -> None:
    """No measures in evidence leaves both tables empty with their reasons."""
    table, breaches = sla_section(_report(tmp_path, passing("ort_inc_001")), "9").tables
    assert (table.rows, table.empty) == ((), "No scenario recorded SLA/OLA measures.")
    assert (breaches.title, breaches.rows) == ("Verified breach handling", ())
    assert breaches.empty == "No scenario in scope is tagged @expected_breach."


def _breach_run(tmp_path: Path, outcome: str = "passed") -> Report:
    """A scenario that met its target, and one tagged @expected_breach that missed it."""
    measure = {
        "record": "INC0010001",
        "desk": "elexon",
        "party": "elexon",
        "measure": "time_to_resolve",
        "target_seconds": 14400,
    }
    return _report(
        tmp_path,
        ScenarioSpec(
            name="Resolved in time",
            tags=("ort_sla_044", "sla", "elexon"),
            measures=({**measure, "seconds": 10800.0, "met": True},),
        ),
        ScenarioSpec(
            name="Breaches on purpose",
            tags=("ort_sla_042", "sla", "elexon", "expected_breach"),
            status=outcome,
            measures=(
                {**measure, "seconds": 18000.0, "met": False},
                {**measure, "measure": "time_to_acknowledge", "seconds": 60.0, "met": True},
            ),
        ),
    )


def test_a_breach_scenario_is_breach_handling_not_performance(tmp_path: Path) -> None:
    """An @expected_breach scenario's measures stay out of the measures and show as handling."""
    report = _breach_run(tmp_path)
    measures, breaches = sla_section(report, "9").tables
    assert [[c.text for c in row[:3]] + [row[5].text, row[6].text] for row in measures.rows] == [
        ["Time to resolve", "elexon", "1", "100.0% of 1", DASH]
    ]
    assert _texts(breaches) == [
        [
            "ort_sla_042",
            "PASSED",
            "verified",
            "Time to resolve for elexon, target 4 h 00 min",
        ]
    ]
    assert "ort_sla_042" not in str(_texts(_only_table(risks_section(report, "10"))))


def test_a_failed_breach_scenario_is_not_verified(tmp_path: Path) -> None:
    """A breach scenario that did not pass shows its handling as not verified."""
    _, breaches = sla_section(_breach_run(tmp_path, "failed"), "9").tables
    (row,) = breaches.rows
    assert [c.text for c in row[1:3]] == ["FAILED", "not verified"]
    assert row[2].css == "bad"


def test_a_missed_target_outside_breach_scenarios_is_a_residual_risk(tmp_path: Path) -> None:
    """Without the tag the same missed target is measured performance and a residual risk."""
    measure = {
        "record": "INC0010001",
        "desk": "elexon",
        "party": "elexon",
        "measure": "time_to_resolve",
        "target_seconds": 14400,
        "seconds": 18000.0,
        "met": False,
    }
    report = _report(
        tmp_path,
        ScenarioSpec(name="Slow", tags=("ort_sla_042", "sla", "elexon"), measures=(measure,)),
    )
    measures, breaches = sla_section(report, "9").tables
    assert [row[6].text for row in measures.rows] == ["ort_sla_042"]
    assert breaches.rows == ()
    assert _texts(_only_table(risks_section(report, "10"))) == [
        ["Time to resolve missed its target for elexon (1 of 1)", "ort_sla_042", "elexon"]
    ]


def test_risks_section_lists_accepted_workarounds_minor_defects_and_unexecuted_scenarios(
    tmp_path: Path,
) -> None:
    """Each residual risk names its source and owner."""
    table = _only_table(risks_section(_mixed(tmp_path), "10"))
    assert _texts(table) == [
        [
            "DEF-0101 stays open; the workaround is in use: "
            "The supplier telephones the LDSO desk and records the call",
            "severity 1, accepted by ORT test manager, 2026-06-20",
            "ldso",
        ],
        ["1 open severity 3 or 4 defect go live", "NEW-ENV-ort_inc_003", "defect owners"],
        [
            "1 scenario not executed, so parts of problem are unproven",
            "ort_inc_004",
            "test manager",
        ],
    ]


@pytest.mark.parametrize(
    "builder",
    [
        criteria_section,
        defects_section,
        retests_section,
        blocking_section,
        sla_section,
        risks_section,
    ],
)
def test_every_builder_numbers_its_section_as_told(tmp_path: Path, builder) -> None:
    """The number given is the number the section carries."""
    assert builder(_report(tmp_path, passing("ort_inc_001")), "42").number == "42"


def test_risks_section_is_empty_for_a_clean_run(tmp_path: Path) -> None:
    """A run with every scenario passing and nothing open leaves no risk."""
    table = _only_table(risks_section(_report(tmp_path, passing("ort_inc_001")), "10"))
    assert (table.rows, table.empty) == ((), "The run leaves no residual risk it can see.")


def test_measures_only_from_breach_scenarios_leave_the_measures_empty_and_say_why(
    tmp_path: Path,
) -> None:
    """When every measure comes from a breach scenario the measures table says so."""
    measure = {
        "record": "INC0010001",
        "desk": "elexon",
        "party": "elexon",
        "measure": "time_to_acknowledge",
        "seconds": 900.0,
        "target_seconds": 900,
        "met": False,
    }
    spec = ScenarioSpec(
        name="Breaches on purpose",
        tags=("ort_sla_043", "sla", "elexon", "expected_breach"),
        measures=(measure, measure),
    )
    measures, breaches = sla_section(_report(tmp_path, spec), "9").tables
    assert measures.rows == ()
    assert measures.empty == "Only scenarios tagged @expected_breach recorded SLA/OLA measures."
    assert _texts(breaches)[0][3] == "Time to acknowledge for elexon, target 15 min 00 s"
