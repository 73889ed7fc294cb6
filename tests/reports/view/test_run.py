"""The run's view builders: verdict banner, scope and window, participants and execution."""

from __future__ import annotations

from pathlib import Path

from reports import build_report
from reports.assess import Report
from reports.testing import ScenarioSpec
from reports.view.fmt import DASH
from reports.view.model import Table
from reports.view.run import (
    execution_section,
    participants_section,
    scope_section,
    verdict_banner,
)
from tests.reports.support import ACCEPTED_WORKAROUND, baseline, failing, passing, results


def _report(tmp_path: Path, *specs: ScenarioSpec, register: str | None = None) -> Report:
    """The report on a results folder holding the specs, judged with an optional register."""
    defects = None
    if register is not None:
        defects = tmp_path / "defects.toml"
        defects.write_text(register)
    return build_report(results(tmp_path / "allure-results", *specs), defects=defects)


def _mixed(tmp_path: Path) -> Report:
    """A pass, a failure, a blocked and a skipped scenario across two processes."""
    return _report(
        tmp_path,
        passing("ort_inc_002", "incident", "supplier"),
        failing("ort_inc_001", "incident", "supplier", "ldso", "p1"),
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
    )


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_banner_for_a_clean_run_is_go_and_passes_the_gate(tmp_path: Path) -> None:
    """Every scenario passing gives the GO look, exit code 0 and the run's figures."""
    banner = verdict_banner(_report(tmp_path, *baseline(3)))
    assert (banner.verdict, banner.css, banner.symbol, banner.reasons) == (
        "GO",
        "verdict-go",
        "✔",
        ("all 9 exit criteria are met",),
    )
    assert banner.headline == "The run meets every exit criterion."
    assert banner.gate.startswith("Release gate: exit code 0 (pass). A CONDITIONAL GO fails")
    figures = {f.label: (f.value, f.css) for f in banner.figures}
    assert figures["Planned"] == ("3", "")
    assert figures["Passed"] == ("3", "fig-passed")
    assert figures["Failed"] == ("0", "")
    assert figures["Pass rate"] == ("100.0%", "")


def test_banner_for_an_accepted_workaround_is_conditional_go(tmp_path: Path) -> None:
    """An open severity-1 defect with an accepted workaround gives CONDITIONAL GO, exit 3."""
    failure = failing("ort_inc_001", "incident", "supplier", "ldso", "severity_1", "p1")
    banner = verdict_banner(_report(tmp_path, *baseline(), failure, register=ACCEPTED_WORKAROUND))
    assert (banner.verdict, banner.css, banner.symbol) == (
        "CONDITIONAL GO",
        "verdict-conditional",
        "▲",
    )
    assert banner.gate.startswith("Release gate: exit code 3 (fail).")
    figures = {f.label: (f.value, f.css) for f in banner.figures}
    assert figures["Failed"] == ("1", "fig-failed")
    assert figures["Open sev 1 or 2 defects"] == ("1", "")


def test_banner_for_a_failing_run_is_no_go_with_its_reasons(tmp_path: Path) -> None:
    """A failure and a blocked scenario give NO-GO, whose reasons name the criteria."""
    banner = verdict_banner(_mixed(tmp_path))
    assert (banner.verdict, banner.css) == ("NO-GO", "verdict-nogo")
    assert banner.headline == "The run does not meet the exit criteria."
    assert any(r.startswith("Pass rate of executed scenarios: ") for r in banner.reasons)
    figures = {f.label: (f.value, f.css) for f in banner.figures}
    assert figures["Blocked"] == ("1", "fig-blocked")
    assert figures["Not run"] == ("1", "fig-notrun")


def test_scope_section_says_what_was_read_from_where_and_judged_by_what(tmp_path: Path) -> None:
    """The run table names the folder, the files read, the processes and both input files."""
    report = _mixed(tmp_path)
    section = scope_section(report, "2")
    assert (section.anchor, section.number, section.title) == (
        "scope",
        "2",
        "Scope and test window",
    )
    run, environment = section.tables
    rows = dict(_texts(run))
    assert rows["Results folder"] == str(tmp_path / "allure-results")
    assert rows["Result files"] == "4 read as 4 scenarios (4 attempts, 0 retried); 0 unreadable"
    assert rows["In scope"] == "4 scenarios in 2 processes: incident, problem"
    assert rows["Out of scope"] == "0 scenarios tagged (no tag excluded)"
    assert rows["Exit criteria"] == report.assessment.criteria.source
    assert rows["Test window"].startswith("Thu 18 Jun 2026 09:00 BST to ")
    assert (environment.rows, environment.empty) == (
        (),
        "The results folder holds no environment.properties.",
    )


def test_scope_section_without_timed_results_says_so(tmp_path: Path) -> None:
    """An empty folder has no test window and no duration."""
    (tmp_path / "allure-results").mkdir()
    rows = dict(_texts(scope_section(build_report(tmp_path / "allure-results"), "2").tables[0]))
    assert (rows["Test window"], rows["Duration"]) == ("no timed results", DASH)


def test_participants_section_counts_each_party_once_per_scenario(tmp_path: Path) -> None:
    """Every party tagged is a row with its name, what it owns, and its outcome counts."""
    parties, desks = participants_section(_mixed(tmp_path), "3").tables
    assert parties.headers[:3] == ("Role", "Name", "Owns")
    assert _texts(parties) == [
        ["supplier", "Supplier", "3", "3", "2", "1", "1", "0", "1"],
        ["ldso", "LDSO (DNO or iDNO)", "0", "1", "1", "0", "1", "0", "0"],
        ["mss", "Metering Service (Smart)", "1", "1", "1", "0", "0", "1", "0"],
    ]
    assert (desks.rows, desks.empty) == ((), "No scenario attached a timeline.")


def test_participants_section_lists_the_desks_seen_in_timelines(tmp_path: Path) -> None:
    """Desks come from the timeline records, with how many records and which tables."""
    records = (
        {"desk": "ldso", "table": "incident", "number": "INC0010001"},
        {"desk": "ldso", "table": "x_ort_handoff", "number": "HND0010001"},
    )
    report = _report(
        tmp_path, ScenarioSpec(name="A", tags=("ort_inc_001", "incident", "ldso"), records=records)
    )
    _, desks = participants_section(report, "3").tables
    assert _texts(desks) == [["ldso", "2", "incident, x_ort_handoff"]]


def test_participants_section_shows_an_unreachable_desk_with_its_url(tmp_path: Path) -> None:
    """A desk the evidence could not reach counts no record and says where it was not reached."""
    records = (
        {"desk": "ldso", "table": "incident", "number": "INC0010001"},
        {"desk": "ldso", "unreachable": "http://127.0.0.1:8002"},
        {"desk": "mss", "unreachable": "http://127.0.0.1:8003"},
    )
    report = _report(
        tmp_path, ScenarioSpec(name="A", tags=("ort_inc_001", "incident", "ldso"), records=records)
    )
    _, desks = participants_section(report, "3").tables
    assert _texts(desks) == [
        ["ldso", "1", "incident; unreachable at http://127.0.0.1:8002"],
        ["mss", "0", "unreachable at http://127.0.0.1:8003"],
    ]


def test_execution_section_tallies_by_process_party_and_priority(tmp_path: Path) -> None:
    """Process and priority tables end with an All row; the party table has none."""
    section = execution_section(_mixed(tmp_path), "4")
    by_process, by_party, by_priority = section.tables
    assert _texts(by_process) == [
        ["incident", "3", "3", "1", "1", "1", "0", "33.3%"],
        ["problem", "1", "0", "0", "0", "0", "1", DASH],
        ["All", "4", "3", "1", "1", "1", "1", "33.3%"],
    ]
    assert [row[0] for row in _texts(by_party)] == ["supplier", "ldso", "mss"]
    assert [row[0] for row in _texts(by_priority)] == ["p1", "untagged", "All"]
    failed = by_process.headers.index("Failed")
    assert by_process.rows[0][failed].css == "num bad"
    assert section.paragraphs[1] == "No scenario needed a retry to pass."
    assert len(section.charts) == 1


def test_execution_section_names_scenarios_that_passed_only_on_retry(tmp_path: Path) -> None:
    """A scenario that failed then passed under the same history is named as flaky."""
    folder = tmp_path / "allure-results"
    results(folder, failing("ort_inc_001"))
    results(folder, ScenarioSpec(**{**vars(passing("ort_inc_001")), "start_ms": 1_781_769_700_000}))
    section = execution_section(build_report(folder), "4")
    assert section.paragraphs[1] == "1 scenario passed only on a retry (flaky): ort_inc_001."
