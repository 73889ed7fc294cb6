"""The report pipeline: results folder → scenarios → assessment → outputs, and the public API."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from reports.assess import (
    Criteria,
    Defect,
    Report,
    assess,
    classify,
    compare,
    load_criteria,
    load_register,
    read_summary,
)
from reports.read import read_evidence, read_results
from reports.view import build_view
from reports.write import extract_csv, render_html, render_markdown, write_pdf, write_summary

DEFAULTS = Path(__file__).resolve().parent.parent / "fixtures" / "defaults"
DEFAULT_CRITERIA = DEFAULTS / "exit_criteria.toml"
DEFAULT_DEFECTS = DEFAULTS / "defects.toml"

#: Output name → file name, in the order they are written.
OUTPUT_FILES: dict[str, str] = {
    "summary": "summary.json",
    "extract": "extract.csv",
    "markdown": "exit-report.md",
    "html": "exit-report.html",
    "pdf": "exit-report.pdf",
}

#: Longest table the PDF prints: a board pack stays readable (and quick to typeset) however
#: large the run; the HTML, Markdown and CSV outputs always hold every row.
PRINT_ROW_LIMIT = 200

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ReportOutcome:
    """What `write_report` produced: the verdict, its reasons, the files and the gate's code."""

    verdict: str
    reasons: tuple[str, ...]
    outputs: dict[str, Path]
    exit_code: int
    report: Report


def _quiet(_: str) -> None:
    """Progress sink that prints nothing."""


def stderr_progress(line: str) -> None:
    """Progress sink that prints one line per phase to stderr."""
    print(line, file=sys.stderr, flush=True)


def load_inputs(
    criteria: Path | None, defects: Path | None
) -> tuple[Criteria, tuple[Defect, ...], str]:
    """The criteria and the defect register, from the given files or the defaults."""
    criteria_path = criteria or DEFAULT_CRITERIA
    defects_path = defects or DEFAULT_DEFECTS
    return load_criteria(criteria_path), load_register(defects_path), str(defects_path)


def build_report(
    results_dir: Path,
    *,
    criteria: Path | None = None,
    defects: Path | None = None,
    previous: Path | None = None,
    progress: Progress = _quiet,
) -> Report:
    """Read, classify and judge a results folder (no file is written)."""
    rules, register, register_source = load_inputs(criteria, defects)
    prior = read_summary(previous) if previous else None
    folder = read_results(results_dir, progress)
    problems = list(folder.problems)
    scenarios = []
    for final in folder.results:
        scenario = classify(final)
        evidence = read_evidence(results_dir, scenario.scenario_id, final.result.attachments)
        problems.extend(evidence.problems)
        scenarios.append(replace(scenario, records=evidence.records, measures=evidence.measures))
    progress(
        f"read {len(scenarios)} scenarios from {folder.result_files} result files; "
        f"{folder.attempts - len(scenarios)} earlier attempts superseded; "
        f"{len(problems)} problems"
    )
    assessment = assess(scenarios, (p.file for p in problems), rules, register, register_source)
    progress(
        f"evaluated {len(assessment.evaluations)} exit criteria against "
        f"{len(assessment.defects.defects)} defects: {assessment.decision.verdict.value}"
    )
    trend = None
    if prior is not None:
        open_now = sum(1 for d in assessment.defects.defects if d.is_open)
        trend = compare(prior, scenarios, assessment.decision.verdict.value, open_now)
    return Report(
        generated_at=datetime.now(UTC),
        results_path=str(results_dir),
        result_files=folder.result_files,
        scenarios=tuple(scenarios),
        problems=tuple(problems),
        environment=folder.environment,
        executor=folder.executor,
        assessment=assessment,
        trend=trend,
    )


def write_outputs(report: Report, out_dir: Path, progress: Progress = _quiet) -> dict[str, Path]:
    """Write summary.json, extract.csv, exit-report.md, exit-report.html and exit-report.pdf."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / file for name, file in OUTPUT_FILES.items()}
    write_summary(report, paths["summary"])
    paths["extract"].write_text(extract_csv(report), encoding="utf-8", newline="")
    view = build_view(report)
    paths["markdown"].write_text(render_markdown(view), encoding="utf-8")
    paths["html"].write_text(render_html(view), encoding="utf-8")
    progress(f"wrote summary.json, extract.csv, exit-report.md and exit-report.html to {out_dir}")
    write_pdf(render_html(build_view(report, PRINT_ROW_LIMIT)), paths["pdf"])
    progress("wrote exit-report.pdf")
    return paths


def write_report(
    results_dir: Path,
    out_dir: Path,
    *,
    criteria: Path | None = None,
    defects: Path | None = None,
    previous: Path | None = None,
    progress: Progress = _quiet,
) -> ReportOutcome:
    """Build the exit report of a results folder and write every output to `out_dir`.

    Raises ReportInputError (a subclass per input) when the folder, criteria file, defect
    register or previous summary cannot be used.
    """
    report = build_report(
        results_dir, criteria=criteria, defects=defects, previous=previous, progress=progress
    )
    outputs = write_outputs(report, out_dir, progress)
    decision = report.assessment.decision
    return ReportOutcome(
        verdict=decision.verdict.value,
        reasons=decision.reasons,
        outputs=outputs,
        exit_code=int(report.assessment.gate),
        report=report,
    )
