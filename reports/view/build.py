"""Builds the view model of a report: the banner first, then every section in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reports.assess import Change, Outcome, Report, Scenario, Trend
from reports.view.findings import (
    blocking_section,
    criteria_section,
    defects_section,
    retests_section,
    risks_section,
    sla_section,
)
from reports.view.fmt import DASH, ids, message, outcome_cell, when
from reports.view.model import Cell, ReportView, Section, Table
from reports.view.run import (
    execution_section,
    participants_section,
    scope_section,
    verdict_banner,
)
from vocabulary import PROCESSES

TITLE = "ORT exit report"


def _changes(title: str, changes: tuple[Change, ...], empty: str) -> Table:
    rows = tuple(
        (Cell(c.scenario_id, "code", c.title), Cell(c.before), Cell(c.now)) for c in changes
    )
    return Table(title, ("Scenario", "Before", "Now"), rows, empty, "sized", widths=(60, 20, 20))


def trend_section(trend: Trend | None, number: str) -> Section:
    """What changed since the previous run, when one was given."""
    if trend is None:
        return Section(
            anchor="trend",
            number=number,
            title="Changes since the previous run",
            paragraphs=(
                "No previous summary was given. Pass a previous run's summary.json with "
                "--previous to see new failures, fixes and the trend.",
            ),
        )
    totals = tuple(
        (Cell(r.metric), Cell(r.before, "num"), Cell(r.now, "num"), Cell(r.delta, "num"))
        for r in trend.rows
    )
    return Section(
        anchor="trend",
        number=number,
        title="Changes since the previous run",
        paragraphs=(
            f"Compared with {trend.previous_source} (generated {trend.previous_generated_at}, "
            f"verdict {trend.previous_verdict}).",
        ),
        tables=(
            Table("Totals", ("Measure", "Before", "Now", "Change"), totals, ""),
            _changes("New failures", trend.new_failures, "No new failure."),
            _changes("Fixed", trend.fixed, "Nothing that failed before passes now."),
            _changes("Still failing", trend.still_failing, "Nothing fails in both runs."),
            _changes("Added scenarios", trend.added, "No scenario was added."),
            _changes("Removed scenarios", trend.removed, "No scenario was removed."),
        ),
    )


def unreadable_section(report: Report, number: str) -> Section:
    """The files of the results folder that could not be used, each with its problem."""
    rows = tuple((Cell(p.file, "code"), Cell(p.reason)) for p in report.problems)
    return Section(
        anchor="unreadable",
        number=number,
        title="Unreadable result files",
        tables=(
            Table(
                "Files",
                ("File", "Problem"),
                rows,
                "Every file in the results folder was read.",
                "sized",
                widths=(40, 60),
            ),
        ),
    )


def _appendix_order(scenario: Scenario) -> tuple[int, str, str]:
    rank = PROCESSES.index(scenario.process) if scenario.process in PROCESSES else len(PROCESSES)
    return rank, scenario.scenario_id, scenario.title


def _context(scenario: Scenario) -> str:
    """The feature, and the example's parameters for a Scenario Outline."""
    parameters = ", ".join(f"{name}={value}" for name, value in scenario.parameters)
    return " · ".join(part for part in (scenario.feature, parameters) if part)


def _print_rank(scenario: Scenario) -> int:
    """Which scenarios a cut appendix keeps first: failing, then not run, then flaky."""
    if scenario.failing:
        return 0
    if not scenario.executed:
        return 1
    return 2 if scenario.flaky else 3


def _printable(scenarios: list[Scenario], limit: int | None) -> tuple[list[Scenario], str]:
    """Scenarios for the appendix; past `limit`, those that did not pass cleanly come first."""
    if limit is None or len(scenarios) <= limit:
        return scenarios, ""
    kept = {id(s) for s in sorted(scenarios, key=_print_rank)[:limit]}
    omitted = [s for s in scenarios if id(s) not in kept]
    passed = all(s.outcome is Outcome.PASSED for s in omitted)
    note = (
        f"{len(omitted)} of {len(scenarios)} scenarios"
        + (", all passed," if passed else "")
        + " are not printed here; exit-report.html, extract.csv and summary.json list every one."
    )
    return [s for s in scenarios if id(s) in kept], note


def appendix_section(report: Report, number: str, limit: int | None = None) -> Section:
    """Every scenario with its result, failing step and message (in print, up to `limit`)."""
    book = report.assessment.defects
    chosen, note = _printable(sorted(report.scenarios, key=_appendix_order), limit)
    rows = tuple(
        (
            Cell(s.scenario_id, "code"),
            Cell(s.title, "", _context(s)),
            Cell(s.process),
            Cell(", ".join(s.parties) or DASH),
            Cell(s.priority),
            Cell(str(s.severity), "num"),
            outcome_cell(s),
            Cell(s.failing_step or DASH),
            Cell(message(s.message) or DASH, "msg"),
            Cell(ids(book.by_scenario.get(s.key, ())), "ids"),
        )
        for s in chosen
    )
    return Section(
        anchor="scenarios",
        number=number,
        title="Appendix: every scenario",
        paragraphs=(
            "Every scenario's last attempt, in process order. The same data, with defects, is "
            "in extract.csv (the Test & Defect Extract) and summary.json.",
        ),
        tables=(
            Table(
                "Scenarios",
                (
                    "ID",
                    "Scenario",
                    "Process",
                    "Parties",
                    "Priority",
                    "Sev",
                    "Result",
                    "Failing step",
                    "Message",
                    "Defects",
                ),
                rows,
                "The results folder holds no readable scenario.",
                "scenarios sized",
                note,
                widths=(9, 17, 8, 9, 6, 4, 9, 13, 16, 9),
            ),
        ),
        css="appendix",
    )


SectionBuilder = Callable[[Report, str], Section]

#: The sections after the verdict banner, in page order (DOMAIN.md §6).
SECTIONS: tuple[SectionBuilder, ...] = (
    scope_section,
    participants_section,
    execution_section,
    criteria_section,
    defects_section,
    retests_section,
    blocking_section,
    sla_section,
    risks_section,
    lambda report, number: trend_section(report.trend, number),
    unreadable_section,
    appendix_section,
)


def _cap(table: Table, limit: int | None) -> Table:
    """A table cut to `limit` rows for print, saying how many rows the cut left out."""
    if limit is None or len(table.rows) <= limit or table.note:
        return table
    left_out = len(table.rows) - limit
    return replace(
        table,
        rows=table.rows[:limit],
        note=f"{left_out} more rows are not printed here; exit-report.html lists them all.",
    )


def build_view(report: Report, print_limit: int | None = None) -> ReportView:
    """The view model of a report; `print_limit` caps long tables for the PDF."""
    executor = report.executor
    sections = [build(report, str(i)) for i, build in enumerate(SECTIONS, start=2)]
    if print_limit is not None:
        sections[-1] = appendix_section(report, sections[-1].number, print_limit)
        sections = [
            replace(s, tables=tuple(_cap(t, print_limit) for t in s.tables)) for s in sections
        ]
    subtitle = (executor.report_name or executor.build_name or executor.name) if executor else ""
    return ReportView(
        title=TITLE,
        subtitle=subtitle or f"Results: {report.results_path}",
        generated=f"Generated {when(report.generated_at)}",
        verdict=verdict_banner(report),
        sections=tuple(sections),
        footer=(
            f"{TITLE} · {report.assessment.decision.verdict.value} · {when(report.generated_at)}"
        ),
    )
