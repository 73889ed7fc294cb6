"""View builders for the run itself: verdict banner, scope and window, participants, execution."""

from __future__ import annotations

from collections import Counter

from reports.assess import (
    GateCode,
    Report,
    Scenario,
    Tally,
    Verdict,
    duration,
    group_by,
    plural,
    tally,
)
from reports.view.fmt import DASH, ids, num, percent, when
from reports.view.model import Cell, Figure, Section, Table, VerdictView
from reports.view.svg import stacked_bars
from vocabulary import PARTIES, PRIORITIES, PROCESSES, UNTAGGED

VERDICT_LOOK: dict[Verdict, tuple[str, str, str]] = {
    Verdict.GO: ("verdict-go", "✔", "The run meets every exit criterion."),
    Verdict.CONDITIONAL_GO: (
        "verdict-conditional",
        "▲",
        "The run meets the exit criteria only under the conditions below.",
    ),
    Verdict.NO_GO: ("verdict-nogo", "✖", "The run does not meet the exit criteria."),
}

GATE_MEANING: dict[GateCode, str] = {
    GateCode.GO: "pass",
    GateCode.NO_GO: "fail",
    GateCode.CONDITIONAL_GO_FAILS: "fail",
    GateCode.BAD_INPUT: "bad input",
}

TALLY_HEADERS = ("Planned", "Executed", "Passed", "Failed", "Blocked", "Not run", "Pass rate")


def verdict_banner(report: Report) -> VerdictView:
    """The banner: verdict, reasons, gate code and the key figures."""
    a = report.assessment
    css, symbol, headline = VERDICT_LOOK[a.decision.verdict]
    totals = tally(a.in_scope)
    blocking = [d for d in a.defects.defects if d.is_open and d.severity <= 2]
    policy = a.criteria.conditional_go
    gate = (
        f"Release gate: exit code {int(a.gate)} ({GATE_MEANING[a.gate]}). "
        f"A CONDITIONAL GO {'passes' if policy == 'pass' else 'fails'} the gate "
        f'(conditional_go = "{policy}" in {a.criteria.source}).'
    )
    figures = (
        Figure("Planned", str(totals.planned)),
        Figure("Executed", str(totals.executed)),
        Figure("Passed", str(totals.passed), "fig-passed"),
        Figure("Failed", str(totals.failed), "fig-failed" if totals.failed else ""),
        Figure("Blocked", str(totals.blocked), "fig-blocked" if totals.blocked else ""),
        Figure("Not run", str(totals.not_executed), "fig-notrun"),
        Figure("Pass rate", percent(totals.pass_rate)),
        Figure("Open sev 1 or 2 defects", str(len(blocking))),
    )
    return VerdictView(
        verdict=a.decision.verdict.value,
        css=css,
        symbol=symbol,
        headline=headline,
        reasons=a.decision.reasons,
        gate=gate,
        figures=figures,
    )


def _window(scenarios: tuple[Scenario, ...]) -> tuple[str, str]:
    starts = [s.start for s in scenarios if s.start]
    stops = [s.stop for s in scenarios if s.stop]
    if not starts or not stops:
        return "no timed results", DASH
    first, last = min(starts), max(stops)
    return f"{when(first)} to {when(last)}", duration((last - first).total_seconds())


def _pair(key: str, value: str) -> tuple[Cell, ...]:
    return (Cell(key, "key"), Cell(value))


def scope_section(report: Report, number: str) -> Section:
    """Scope and test window: what was read, from where, judged by which files."""
    a = report.assessment
    window, length = _window(report.scenarios)
    retried = sum(1 for s in report.scenarios if s.attempts > 1)
    attempts = sum(s.attempts for s in report.scenarios)
    executor = report.executor
    processes = [p for p, _ in group_by(a.in_scope, lambda s: [s.process], PROCESSES)]
    run_rows = [
        _pair("Test window", window),
        _pair("Duration", length),
        _pair("Results folder", report.results_path),
        _pair(
            "Result files",
            f"{report.result_files} read as {plural(len(report.scenarios), 'scenario')} "
            f"({attempts} attempts, {retried} retried); "
            f"{len(report.problems)} unreadable",
        ),
        _pair(
            "In scope",
            f"{plural(len(a.in_scope), 'scenario')} in "
            f"{plural(len(processes), 'process', 'processes')}: "
            + (", ".join(processes) or "none"),
        ),
        _pair(
            "Out of scope",
            f"{plural(len(a.out_of_scope), 'scenario')} tagged "
            + (", ".join(f"@{t}" for t in a.criteria.out_of_scope_tags) or "(no tag excluded)"),
        ),
        _pair("Exit criteria", a.criteria.source),
        _pair("Defect register", a.defects.source),
    ]
    if executor:
        run_rows.insert(
            0,
            _pair(
                "Executor",
                " · ".join(v for v in (executor.name, executor.build_name, executor.build_url) if v)
                or DASH,
            ),
        )
    environment = tuple(_pair(k, v) for k, v in report.environment)
    return Section(
        anchor="scope",
        number=number,
        title="Scope and test window",
        tables=(
            Table("Run", ("Item", "Value"), tuple(run_rows), "", "keyvalue"),
            Table(
                "Environment",
                ("Property", "Value"),
                environment,
                "The results folder holds no environment.properties.",
                "keyvalue",
            ),
        ),
    )


def _tally_cells(t: Tally) -> tuple[Cell, ...]:
    return (
        num(t.planned),
        num(t.executed),
        num(t.passed),
        Cell(str(t.failed), "num bad" if t.failed else "num"),
        Cell(str(t.blocked), "num warn" if t.blocked else "num"),
        num(t.not_executed),
        Cell(percent(t.pass_rate) if t.executed else DASH, "num"),
    )


def participants_section(report: Report, number: str) -> Section:
    """Participants: every party role that took part, and the desks seen in evidence."""
    scenarios = report.assessment.in_scope
    groups = group_by(scenarios, lambda s: s.parties, tuple(PARTIES))
    owned = Counter(s.owner for s in scenarios if s.owner)
    rows = tuple(
        (
            Cell(party, "code"),
            Cell(PARTIES.get(party, "not in the party vocabulary")),
            num(owned[party]),
            *_tally_cells(t)[:6],
        )
        for party, t in groups
    )
    desks: Counter[str] = Counter()
    tables: dict[str, set[str]] = {}
    unreachable: dict[str, set[str]] = {}
    for scenario in report.scenarios:
        for record in scenario.records:
            if record.unreachable:
                unreachable.setdefault(record.desk, set()).add(record.unreachable)
                continue
            desks[record.desk] += 1
            tables.setdefault(record.desk, set()).add(record.table)
    desk_rows = tuple(
        (
            Cell(desk, "code"),
            num(desks[desk]),
            Cell(
                "; ".join(
                    (
                        *([", ".join(sorted(tables[desk]))] if desk in tables else []),
                        *(f"unreachable at {url}" for url in sorted(unreachable.get(desk, ()))),
                    )
                )
            ),
        )
        for desk in sorted({*desks, *unreachable})
    )
    return Section(
        anchor="participants",
        number=number,
        title="Participants",
        paragraphs=("A scenario involving several parties counts once for each of them.",),
        tables=(
            Table(
                "Parties",
                (
                    "Role",
                    "Name",
                    "Owns",
                    "Planned",
                    "Executed",
                    "Passed",
                    "Failed",
                    "Blocked",
                    "Not run",
                ),
                rows,
                "No scenario carries a party tag.",
            ),
            Table(
                "Desks seen in evidence",
                ("Desk", "Records", "Tables"),
                desk_rows,
                "No scenario attached a timeline.",
            ),
        ),
    )


def _group_table(
    title: str, first: str, groups: tuple[tuple[str, Tally], ...], total: Tally | None
) -> Table:
    rows = [(Cell(name, "code"), *_tally_cells(t)) for name, t in groups]
    if total is not None and groups:
        rows.append((Cell("All", "total"), *_tally_cells(total)))
    return Table(title, (first, *TALLY_HEADERS), tuple(rows), "No scenario in scope.")


def execution_section(report: Report, number: str) -> Section:
    """Execution summary: a chart and the counts by process, party and priority."""
    scenarios = report.assessment.in_scope
    total = tally(scenarios)
    by_process = group_by(scenarios, lambda s: [s.process], (*PROCESSES, UNTAGGED))
    by_party = group_by(scenarios, lambda s: s.parties or (UNTAGGED,), (*PARTIES, UNTAGGED))
    by_priority = group_by(scenarios, lambda s: [s.priority], (*PRIORITIES, UNTAGGED))
    chart_rows = [(name, (t.passed, t.failed, t.blocked, t.not_executed)) for name, t in by_process]
    chart_rows.append(("All", (total.passed, total.failed, total.blocked, total.not_executed)))
    flaky = [s.scenario_id for s in scenarios if s.flaky]
    paragraphs = [
        "Executed counts passed, failed and blocked scenarios. Blocked: an error other than a "
        "failed check stopped the scenario (Allure status broken), e.g. a party desk was "
        "unreachable. Not run: skipped, with the reason, or manual.",
        f"{plural(len(flaky), 'scenario')} passed only on a retry (flaky): {ids(flaky)}."
        if flaky
        else "No scenario needed a retry to pass.",
    ]
    return Section(
        anchor="execution",
        number=number,
        title="Execution summary",
        paragraphs=tuple(paragraphs),
        charts=(stacked_bars("chart-process", "Scenario outcomes by process", chart_rows),),
        tables=(
            _group_table("By process", "Process", by_process, total),
            _group_table("By party", "Party", by_party, None),
            _group_table("By priority", "Priority", by_priority, total),
        ),
    )
