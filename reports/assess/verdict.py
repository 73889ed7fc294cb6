"""The verdict (GO / CONDITIONAL GO / NO-GO), its reasons, and the gate's exit code."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from reports.assess.criteria import Rag
from reports.assess.evaluate import Evaluation

NOTHING_EXECUTED = "nothing was executed"


class Verdict(StrEnum):
    """The exit report's verdict."""

    GO = "GO"
    CONDITIONAL_GO = "CONDITIONAL GO"
    NO_GO = "NO-GO"


class GateCode(IntEnum):
    """Exit codes of `ort gate` and `ort report --gate`."""

    GO = 0
    NO_GO = 1
    BAD_INPUT = 2
    CONDITIONAL_GO_FAILS = 3


@dataclass(frozen=True)
class Decision:
    """A verdict with the reasons that led to it, most serious first."""

    verdict: Verdict
    reasons: tuple[str, ...]


def decide(evaluations: Iterable[Evaluation], executed: int) -> Decision:
    """NO-GO if nothing ran or any criterion is RED; CONDITIONAL GO if any is AMBER; else GO."""
    evaluations = tuple(evaluations)
    red = [e for e in evaluations if e.rag is Rag.RED]
    amber = [e for e in evaluations if e.rag is Rag.AMBER]
    reasons = tuple(f"{e.title}: {e.reason}" for e in (*red, *amber))
    if executed == 0:
        return Decision(Verdict.NO_GO, (NOTHING_EXECUTED,))
    if red:
        return Decision(Verdict.NO_GO, reasons)
    if amber:
        return Decision(Verdict.CONDITIONAL_GO, reasons)
    return Decision(Verdict.GO, (f"all {len(evaluations)} exit criteria are met",))


def gate_code(verdict: Verdict, conditional_go: str) -> GateCode:
    """The gate's exit code; CONDITIONAL GO passes or fails as the criteria file says."""
    if verdict is Verdict.GO:
        return GateCode.GO
    if verdict is Verdict.NO_GO:
        return GateCode.NO_GO
    return GateCode.GO if conditional_go == "pass" else GateCode.CONDITIONAL_GO_FAILS


#: The exit codes, as `ort gate --help` and `ort report --help` print them.
GATE_CODES_HELP = """\
exit codes (release gate):
  0  GO, or CONDITIONAL GO when the criteria file says conditional_go = "pass"
  1  NO-GO
  2  bad input: missing results folder or summary, broken criteria file or defect register
  3  CONDITIONAL GO when the criteria file says conditional_go = "fail" (the default)"""
