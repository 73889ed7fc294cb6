"""The release gate: a verdict and exit code from a results folder or a summary.json."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reports.assess import Verdict, assess, gate_code, read_summary
from reports.errors import ResultsFolderError
from reports.pipeline import Progress, build_report, load_inputs


@dataclass(frozen=True)
class GateResult:
    """What the gate decided, from which input, and the exit code it returns."""

    verdict: str
    reasons: tuple[str, ...]
    exit_code: int
    source: str


def _quiet(_: str) -> None:
    """Progress sink that prints nothing."""


def judge(
    target: Path,
    *,
    criteria: Path | None = None,
    defects: Path | None = None,
    progress: Progress = _quiet,
) -> GateResult:
    """Judge a results folder, or a summary.json written by `ort report`.

    A summary with no criteria or defects file given repeats its recorded verdict and gate
    policy; with either file given, its scenarios are judged again (the other file falls back
    to its default, as for a results folder).
    """
    if target.is_dir():
        report = build_report(target, criteria=criteria, defects=defects, progress=progress)
        decision = report.assessment.decision
        return GateResult(
            decision.verdict.value, decision.reasons, int(report.assessment.gate), str(target)
        )
    if not target.exists():
        raise ResultsFolderError(
            f"{target} does not exist: give a results folder or a summary.json"
        )
    stored = read_summary(target)
    if criteria is None and defects is None:
        code = gate_code(Verdict(stored.verdict), stored.conditional_go)
        return GateResult(stored.verdict, stored.reasons, int(code), str(target))
    rules, register, register_source = load_inputs(criteria, defects)
    assessment = assess(
        stored.scenarios, (p.file for p in stored.unreadable), rules, register, register_source
    )
    decision = assessment.decision
    return GateResult(decision.verdict.value, decision.reasons, int(assessment.gate), str(target))
