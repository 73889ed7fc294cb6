"""The verdict from the criteria's RAG, and the gate's exit code for each verdict and policy."""

from __future__ import annotations

import pytest

from reports.assess.criteria import Rag
from reports.assess.evaluate import Evaluation
from reports.assess.verdict import Verdict, decide, gate_code


def _evaluation(rag: Rag, key: str = "k") -> Evaluation:
    return Evaluation(key, f"Criterion {key}", "t", "a", rag, (), f"reason {key}")


def test_decide_red_amber_green() -> None:
    """Any RED is NO-GO, else any AMBER is CONDITIONAL GO, else GO; RED reasons come first."""
    mixed = decide([_evaluation(Rag.AMBER, "a"), _evaluation(Rag.RED, "r")], executed=3)
    assert mixed.verdict is Verdict.NO_GO
    assert mixed.reasons == ("Criterion r: reason r", "Criterion a: reason a")
    assert decide([_evaluation(Rag.AMBER)], executed=3).verdict is Verdict.CONDITIONAL_GO
    green = decide([_evaluation(Rag.GREEN)], executed=3)
    assert (green.verdict, green.reasons) == (Verdict.GO, ("all 1 exit criteria are met",))


def test_nothing_executed_is_no_go_whatever_the_criteria() -> None:
    """With nothing executed the verdict is NO-GO for that one reason."""
    decision = decide([_evaluation(Rag.GREEN)], executed=0)
    assert (decision.verdict, decision.reasons) == (Verdict.NO_GO, ("nothing was executed",))


@pytest.mark.parametrize(
    ("verdict", "policy", "code"),
    [
        (Verdict.GO, "fail", 0),
        (Verdict.NO_GO, "pass", 1),
        (Verdict.CONDITIONAL_GO, "fail", 3),
        (Verdict.CONDITIONAL_GO, "pass", 0),
    ],
)
def test_gate_codes(verdict: Verdict, policy: str, code: int) -> None:
    """GO 0, NO-GO 1, CONDITIONAL GO 3 or 0 as the criteria file's policy says."""
    assert gate_code(verdict, policy) == code
