"""The view model built from a report: banner, sections, and the print cut for long tables."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reports import build_report
from reports.testing import ScenarioSpec
from reports.view.build import build_view
from reports.view.model import ReportView, Section, Table
from tests.reports.support import SAMPLE, results


def _section(view: ReportView, anchor: str) -> Section:
    return next(s for s in view.sections if s.anchor == anchor)


def _table(view: ReportView, anchor: str, title: str) -> Table:
    return next(t for t in _section(view, anchor).tables if t.title == title)


def _column(table: Table, header: str) -> list[str]:
    index = table.headers.index(header)
    return [row[index].text for row in table.rows]


def test_banner_states_verdict_gate_and_figures() -> None:
    """The banner carries the verdict, why, the gate's code and the key figures."""
    view = build_view(build_report(SAMPLE))
    banner = view.verdict
    assert (banner.verdict, banner.css, banner.symbol) == ("NO-GO", "verdict-nogo", "✖")
    assert banner.gate.startswith("Release gate: exit code 1 (fail).")
    figures = {f.label: f.value for f in banner.figures}
    assert figures["Planned"] == "9" and figures["Pass rate"] == "57.1%"
    assert view.subtitle == "ORT rehearsal 3: Harbour Energy Supply and partners"


def test_sections_are_numbered_in_report_order() -> None:
    """Sections follow the verdict as 2, 3, ... in the exit report's order."""
    view = build_view(build_report(SAMPLE))
    assert [(s.number, s.anchor) for s in view.sections] == [
        ("2", "scope"),
        ("3", "participants"),
        ("4", "execution"),
        ("5", "criteria"),
        ("6", "defects"),
        ("7", "retests"),
        ("8", "blocking"),
        ("9", "sla"),
        ("10", "risks"),
        ("11", "trend"),
        ("12", "unreadable"),
        ("13", "scenarios"),
    ]


def test_evidence_feeds_participants_and_sla_sections() -> None:
    """Desks come from timelines; SLA rows come from the sla-measures attachments."""
    view = build_view(build_report(SAMPLE))
    assert _column(_table(view, "participants", "Desks seen in evidence"), "Desk") == [
        "elexon",
        "ldso",
        "supplier",
    ]
    sla = _table(view, "sla", "Measures")
    assert _column(sla, "Measure")[:2] == ["Time to acknowledge", "Time to acknowledge"]
    assert "66.7% of 3" in _column(sla, "Met")


def test_blocking_factors_group_blocked_and_skipped_causes() -> None:
    """The unreachable desk, the real desk without virtual time and the manual scenario."""
    view = build_view(build_report(SAMPLE))
    causes = _column(_table(view, "blocking", "Factors"), "Cause")
    assert causes == [
        "ConnectionError: party desk 'mss' at http://127.0.0.1:8713 refused the connection",
        "manual scenario: needs a person",
        "the elexon desk is a real desk: virtual time is unavailable",
    ]


def test_html_view_lists_every_scenario() -> None:
    """On screen the appendix has every scenario and no note."""
    table = _table(build_view(build_report(SAMPLE)), "scenarios", "Scenarios")
    assert len(table.rows) == 9 and table.note == ""


def test_print_view_keeps_what_did_not_pass_and_says_what_it_left_out() -> None:
    """Past the print limit the appendix keeps failures and skips first, then says so."""
    table = _table(build_view(build_report(SAMPLE), print_limit=5), "scenarios", "Scenarios")
    assert sorted(_column(table, "Result")) == [
        "BLOCKED",
        "FAILED",
        "FAILED",
        "NOT RUN",
        "NOT RUN (MANUAL)",
    ]
    assert table.note.startswith("4 of 9 scenarios, all passed, are not printed here")


def test_print_view_cuts_other_long_tables_with_a_note() -> None:
    """Any other table past the limit is cut with the number of rows left out."""
    table = _table(build_view(build_report(SAMPLE), print_limit=1), "defects", "Defect list")
    assert len(table.rows) == 1
    assert table.note == "2 more rows are not printed here; exit-report.html lists them all."


def test_outline_examples_show_their_parameters(tmp_path: Path) -> None:
    """Examples of one Scenario Outline are told apart by their parameters."""
    base = ScenarioSpec(
        "Impact and urgency give the priority",
        ("ort_inc_001", "incident"),
        feature="Incident priority",
    )
    folder = results(
        tmp_path,
        replace(base, parameters=(("impact", "low"), ("urgency", "low"))),
        replace(base, parameters=(("impact", "high"), ("urgency", "low"))),
    )
    table = _table(build_view(build_report(folder)), "scenarios", "Scenarios")
    subs = sorted(row[1].sub for row in table.rows)
    assert subs == [
        "Incident priority · impact=high, urgency=low",
        "Incident priority · impact=low, urgency=low",
    ]
