"""Judging the run: classified scenarios, counts, defects, exit criteria, verdict, SLA and trend."""

from reports.assess.assessment import Assessment, assess
from reports.assess.classification import Outcome, Scenario, classify
from reports.assess.counts import Tally, group_by, plural, tally
from reports.assess.criteria import Criteria, CriterionRule, Rag, load_criteria
from reports.assess.defects import OPEN_STATUSES, REGISTER_STATUSES, Defect, load_register
from reports.assess.evaluate import Evaluation, retest_state
from reports.assess.report import Report
from reports.assess.sla import (
    BreachCheck,
    SlaRow,
    aggregate,
    breach_checks,
    duration,
    performance_measures,
)
from reports.assess.stored import SCHEMA, StoredSummary, read_summary
from reports.assess.trend import Change, Trend, TrendRow, compare
from reports.assess.verdict import GATE_CODES_HELP, Decision, GateCode, Verdict, gate_code

__all__ = [
    "GATE_CODES_HELP",
    "OPEN_STATUSES",
    "REGISTER_STATUSES",
    "SCHEMA",
    "Assessment",
    "BreachCheck",
    "Change",
    "Criteria",
    "CriterionRule",
    "Decision",
    "Defect",
    "Evaluation",
    "GateCode",
    "Outcome",
    "Rag",
    "Report",
    "Scenario",
    "SlaRow",
    "StoredSummary",
    "Tally",
    "Trend",
    "TrendRow",
    "Verdict",
    "aggregate",
    "assess",
    "breach_checks",
    "classify",
    "compare",
    "duration",
    "gate_code",
    "group_by",
    "load_criteria",
    "load_register",
    "performance_measures",
    "plural",
    "read_summary",
    "retest_state",
    "tally",
]
