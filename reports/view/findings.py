"""View builders for the findings: criteria, defects, retests, blocking factors, SLA, risks."""

from __future__ import annotations

from collections import Counter

from reports.assess import (
    OPEN_STATUSES,
    REGISTER_STATUSES,
    BreachCheck,
    Defect,
    Outcome,
    Report,
    Scenario,
    aggregate,
    breach_checks,
    duration,
    performance_measures,
    plural,
    retest_state,
)
from reports.view.classes import CLASS_NOTE, class_tables
from reports.view.fmt import DASH, OUTCOME_CSS, ids, num, outcome_cell, percent, rag_cell
from reports.view.model import Cell, Section, Table
from vocabulary import EXPECTED_BREACH, FAILURE_CLASSES_BY_KEY, MEASURES, PRODUCT, SEVERITY_NAMES

#: Defect statuses in the order the matrix shows them.
STATUS_ORDER: tuple[str, ...] = ("new", "reopened", *REGISTER_STATUSES)
#: How much of a blocking message identifies the factor.
FACTOR_CHARS = 160


def criteria_section(report: Report, number: str) -> Section:
    """Exit criteria: threshold, actual and RAG, with the scenarios that decided each."""
    a = report.assessment
    rows = tuple(
        (
            Cell(e.title, "criterion", e.reason),
            Cell(e.threshold),
            Cell(e.actual),
            rag_cell(e.rag),
            Cell(ids(e.deciding), "ids"),
        )
        for e in a.evaluations
    )
    return Section(
        anchor="criteria",
        number=number,
        title="Exit criteria",
        paragraphs=(
            f"Criteria from {a.criteria.source}. RED in any criterion means NO-GO; AMBER "
            "means CONDITIONAL GO.",
        ),
        tables=(
            Table(
                "Criteria",
                ("Criterion", "Threshold", "Actual", "RAG", "Decided by"),
                rows,
                "Every criterion is disabled in the criteria file.",
                "criteria sized",
                widths=(34, 16, 18, 8, 24),
            ),
        ),
    )


def _defect_order(defect: Defect) -> tuple[bool, int, str]:
    return (not defect.is_open, defect.severity, defect.defect_id)


def _defect_row(defect: Defect) -> tuple[Cell, ...]:
    workaround = defect.workaround or "none"
    accepted = f"accepted by {defect.accepted_by}" if defect.accepted_by else "not accepted"
    scenarios = [f"{s} (failing)" if s in defect.failing else s for s in defect.scenarios]
    kind = "" if defect.failure_class == PRODUCT else defect.failure_class
    return (
        Cell(defect.defect_id, "code", FAILURE_CLASSES_BY_KEY[kind].label if kind else ""),
        Cell(defect.title),
        Cell(SEVERITY_NAMES[defect.severity], f"sev sev-{defect.severity}"),
        Cell(defect.status.replace("_", " "), "status-open" if defect.is_open else ""),
        Cell(defect.owner or "unassigned"),
        Cell(workaround, "", accepted if defect.workaround else ""),
        Cell(defect.plan or DASH),
        Cell(ids(scenarios), "ids"),
        Cell("; ".join(defect.notes) or DASH),
    )


def defects_section(report: Report, number: str) -> Section:
    """Defects: a severity by status matrix, then every defect with owner and workaround."""
    book = report.assessment.defects
    counts = Counter((d.severity, d.status) for d in book.defects)
    statuses = [s for s in STATUS_ORDER if any(k[1] == s for k in counts)]
    matrix = tuple(
        (
            Cell(SEVERITY_NAMES[sev], f"sev sev-{sev}"),
            *(num(counts[(sev, status)]) for status in statuses),
            num(sum(counts[(sev, status)] for status in statuses)),
        )
        for sev in sorted(SEVERITY_NAMES)
    )
    new = sum(1 for d in book.defects if d.new)
    classes = class_tables(report)
    return Section(
        anchor="defects",
        number=number,
        title="Defects",
        paragraphs=(
            f"Register: {book.source}. Failures are matched to known defects by scenario id; "
            f"{plural(new, 'failure')} match{'es' if new == 1 else ''} none and "
            f"{'is' if new == 1 else 'are'} listed as new, untriaged defects with the severity "
            "their scenario's tags give. Open statuses: " + ", ".join(sorted(OPEN_STATUSES)) + ".",
            *((CLASS_NOTE,) if classes else ()),
        ),
        tables=(
            Table(
                "By severity and status",
                ("Severity", *(s.replace("_", " ") for s in statuses), "Total"),
                matrix if statuses else (),
                "No defect is known or new.",
            ),
            Table(
                "Defect list",
                (
                    "ID",
                    "Title",
                    "Severity",
                    "Status",
                    "Owner",
                    "Workaround",
                    "Plan",
                    "Scenarios",
                    "Notes",
                ),
                tuple(_defect_row(d) for d in sorted(book.defects, key=_defect_order)),
                "No defect is known or new.",
                "defects sized",
                widths=(10, 20, 8, 7, 7, 14, 10, 12, 12),
            ),
            *classes,
        ),
    )


def retests_section(report: Report, number: str) -> Section:
    """SIT Operations retests and whether each is closed, deferred or still open."""
    a = report.assessment
    rule = next((r for r in a.criteria.rules if r.key == "sit_ops_retests"), None)
    tag = (rule.tag if rule else None) or "sit_ops_retest"
    retests = [s for s in a.in_scope if s.has(tag)]
    rows = tuple(
        (
            Cell(s.scenario_id, "code", s.title),
            outcome_cell(s),
            Cell(retest_state(s, a.defects), f"retest-{retest_state(s, a.defects)}"),
            Cell(ids(d.defect_id for d in a.defects.of(s)), "ids"),
        )
        for s in retests
    )
    return Section(
        anchor="retests",
        number=number,
        title="SIT Operations retests",
        paragraphs=(
            f"Scenarios tagged @{tag}. Closed: passed. Deferred: a linked defect is formally "
            "deferred. Open: neither.",
        ),
        tables=(
            Table(
                "Retests",
                ("Scenario", "Result", "Retest", "Defects"),
                rows,
                f"No scenario in scope is tagged @{tag}.",
                "sized",
                widths=(40, 15, 15, 30),
            ),
        ),
    )


def _factor(scenario: Scenario) -> str:
    first = (scenario.message.strip().splitlines() or ["no message"])[0]
    return first[:FACTOR_CHARS]


def blocking_section(report: Report, number: str) -> Section:
    """Blocking factors: what stopped scenarios from running or completing, grouped by cause."""
    groups: dict[tuple[str, str], list[Scenario]] = {}
    for s in report.assessment.in_scope:
        if s.outcome is Outcome.BLOCKED:
            groups.setdefault(("blocked", _factor(s)), []).append(s)
        elif s.outcome is Outcome.NOT_RUN:
            groups.setdefault(("not run", _factor(s)), []).append(s)
        elif s.outcome is Outcome.NOT_RUN_MANUAL:
            groups.setdefault(("not run", "manual scenario: needs a person"), []).append(s)
    ordered = sorted(groups.items(), key=lambda item: (item[0][0], -len(item[1]), item[0][1]))
    rows = tuple(
        (
            Cell(cause, "msg"),
            Cell(kind),
            num(len(items)),
            Cell(", ".join(sorted({p for s in items for p in s.parties})) or DASH),
            Cell(ids(s.scenario_id for s in items), "ids"),
        )
        for (kind, cause), items in ordered
    )
    return Section(
        anchor="blocking",
        number=number,
        title="Blocking factors",
        paragraphs=("Causes that stopped scenarios, grouped by their first message line.",),
        tables=(
            Table(
                "Factors",
                ("Cause", "Effect", "Scenarios", "Parties", "Which"),
                rows,
                "Nothing blocked or prevented a scenario in scope.",
                "sized",
                widths=(44, 8, 8, 14, 26),
            ),
        ),
    )


def _breached(check: BreachCheck) -> str:
    """What breached in a breach scenario: each measure and party, with its target."""
    return "; ".join(
        dict.fromkeys(
            f"{MEASURES[m.measure]} for {m.party or 'a party'}"
            + (f", target {duration(m.target_seconds)}" if m.target_seconds is not None else "")
            for m in check.breached
        )
    )


def sla_section(report: Report, number: str) -> Section:
    """SLA/OLA measures from the scenarios that expected their targets met; breaches apart."""
    checks = sorted(breach_checks(report.assessment.in_scope), key=lambda c: c.scenario_id)
    measured_apart = any(s.measures for s in report.assessment.in_scope)
    breach_rows = tuple(
        (
            Cell(c.scenario_id, "code", c.title),
            Cell(c.outcome.value.upper(), OUTCOME_CSS[c.outcome]),
            Cell("verified" if c.verified else "not verified", "" if c.verified else "bad"),
            Cell(_breached(c) or "no breach measured"),
        )
        for c in checks
    )
    rows = tuple(
        (
            Cell(MEASURES[r.measure]),
            Cell(r.party or DASH, "code"),
            num(r.count),
            Cell(duration(r.median_seconds), "num"),
            Cell(duration(r.max_seconds), "num"),
            Cell(
                f"{percent(r.met_percent)} of {r.judged}" if r.met_percent is not None else DASH,
                "num" if not r.missed_by else "num bad",
            ),
            Cell(ids(r.missed_by), "ids"),
        )
        for r in aggregate(performance_measures(report.assessment.in_scope))
    )
    return Section(
        anchor="sla",
        number=number,
        title="SLA/OLA measures",
        paragraphs=(
            "Measured by the scenarios on the desks' tickets (time to acknowledge, time to "
            "resolve, hand-off latency). Met counts only measures with a target.",
            f"Scenarios tagged @{EXPECTED_BREACH} let a target lapse on purpose to check that "
            "the breach is detected and handled; their measures are verified breach handling, "
            "listed apart and never counted as performance or as a residual risk.",
        ),
        tables=(
            Table(
                "Measures",
                ("Measure", "Party", "Count", "Median", "Max", "Met", "Missed by"),
                rows,
                "Only scenarios tagged @expected_breach recorded SLA/OLA measures."
                if measured_apart
                else "No scenario recorded SLA/OLA measures.",
                "sized",
                widths=(18, 10, 8, 12, 12, 14, 26),
            ),
            Table(
                "Verified breach handling",
                ("Scenario", "Result", "Handling", "Breached"),
                breach_rows,
                f"No scenario in scope is tagged @{EXPECTED_BREACH}.",
                "sized",
                widths=(22, 12, 14, 52),
            ),
        ),
    )


def risks_section(report: Report, number: str) -> Section:
    """Residual risks the run leaves, each with where it comes from."""
    a = report.assessment
    risks: list[tuple[str, str, str]] = []
    for d in a.defects.defects:
        if d.is_open and d.workaround_accepted:
            risks.append(
                (
                    f"{d.defect_id} stays open; the workaround is in use: {d.workaround}",
                    f"severity {d.severity}, accepted by {d.accepted_by}",
                    d.owner or DASH,
                )
            )
        elif d.status == "deferred":
            risks.append(
                (f"{d.defect_id} is deferred: {d.title}", f"severity {d.severity}", d.owner or DASH)
            )
    minor = [d for d in a.defects.defects if d.is_open and d.severity >= 3]
    if minor:
        risks.append(
            (
                f"{plural(len(minor), 'open severity 3 or 4 defect')} go live",
                ids(d.defect_id for d in minor),
                "defect owners",
            )
        )
    not_run = [s for s in a.in_scope if not s.executed]
    if not_run:
        processes = sorted({s.process for s in not_run})
        risks.append(
            (
                f"{plural(len(not_run), 'scenario')} not executed, so parts of "
                f"{', '.join(processes)} are unproven",
                ids(s.scenario_id for s in not_run),
                "test manager",
            )
        )
    flaky = [s for s in a.in_scope if s.flaky]
    if flaky:
        risks.append(
            (
                f"{plural(len(flaky), 'scenario')} passed only after a retry",
                ids(s.scenario_id for s in flaky),
                "test manager",
            )
        )
    for r in aggregate(performance_measures(a.in_scope)):
        if r.missed_by:
            risks.append(
                (
                    f"{MEASURES[r.measure]} missed its target for {r.party or 'a party'} "
                    f"({r.judged - r.met} of {r.judged})",
                    ids(r.missed_by),
                    r.party or DASH,
                )
            )
    if report.problems:
        risks.append(
            (
                f"{plural(len(report.problems), 'result file')} could not be read; "
                "what they held is unknown",
                ids(p.file for p in report.problems),
                "test manager",
            )
        )
    if a.out_of_scope:
        risks.append(
            (
                f"{plural(len(a.out_of_scope), 'scenario')} out of scope",
                ids(s.scenario_id for s in a.out_of_scope),
                "test manager",
            )
        )
    rows = tuple((Cell(risk), Cell(source, "ids"), Cell(owner)) for risk, source, owner in risks)
    return Section(
        anchor="risks",
        number=number,
        title="Residual risks",
        tables=(
            Table(
                "Risks",
                ("Risk", "Source", "Owner"),
                rows,
                "The run leaves no residual risk it can see.",
                "sized",
                widths=(55, 30, 15),
            ),
        ),
    )
