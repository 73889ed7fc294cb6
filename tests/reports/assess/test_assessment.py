"""Assessment: scope split by tag, defects joined, criteria evaluated, verdict and gate code."""

from __future__ import annotations

from dataclasses import replace

from reports.assess.assessment import assess
from reports.assess.classification import Outcome
from reports.assess.criteria import Rag, default_criteria
from reports.assess.verdict import GateCode, Verdict
from tests.reports.support import scenario


def test_out_of_scope_tags_take_scenarios_out_of_the_judgement() -> None:
    """A scenario tagged out of scope is listed apart, and its not running costs the run nothing."""
    criteria = replace(default_criteria(), out_of_scope_tags=("wip",))
    ok = [scenario(f"ort_inc_{n:03d}", Outcome.PASSED) for n in range(20)]
    parked = scenario("ort_inc_900", Outcome.NOT_RUN, tags=("wip",))
    assessment = assess([*ok, parked], (), criteria, (), "register")
    assert assessment.out_of_scope == (parked,)
    assert len(assessment.in_scope) == 20
    assert assessment.decision.verdict is Verdict.GO
    assert assessment.gate is GateCode.GO
    in_scope_too = assess([*ok, parked], (), default_criteria(), (), "register")
    assert in_scope_too.decision.verdict is not Verdict.GO


def test_a_failure_without_a_defect_makes_the_run_no_go() -> None:
    """An in-scope severity 1 failure with no register entry fails a criterion and the gate."""
    scenarios = [scenario("ort_inc_001", Outcome.FAILED, severity=1)]
    assessment = assess(scenarios, (), default_criteria(), (), "register")
    assert any(e.rag is Rag.RED for e in assessment.evaluations)
    assert assessment.decision.verdict is Verdict.NO_GO
    assert assessment.gate is GateCode.NO_GO
    assert [d.defect_id for d in assessment.defects.defects] == ["NEW-ort_inc_001"]
