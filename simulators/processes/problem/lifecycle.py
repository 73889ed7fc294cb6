"""The problem state machine (ServiceNow's problem state model), declared as data."""

from __future__ import annotations

from simulators.desk import AGENT_ROLES, CLEAR, NOW, USER, GuardContext, Lifecycle, Transition
from simulators.processes.problem.schema import PROBLEM_STATES

NEW, ASSESS, ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS, RESOLVED, CLOSED = (
    "101",
    "102",
    "103",
    "104",
    "106",
    "107",
)
ACTIVE_STATES = frozenset({NEW, ASSESS, ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS})
FIX_APPLIED, RISK_ACCEPTED, DUPLICATE, CANCELED = (
    "fix_applied",
    "risk_accepted",
    "duplicate",
    "canceled",
)
RESOLVING_CODES = frozenset({FIX_APPLIED, RISK_ACCEPTED})
"""Resolution codes of a problem that reaches Resolved."""
EARLY_CLOSING_CODES = frozenset({DUPLICATE, CANCELED})
"""Resolution codes of a problem closed without being resolved."""


def _is_agent(context: GuardContext) -> bool:
    return context.is_admin or bool(context.roles & AGENT_ROLES)


def _code(context: GuardContext) -> str:
    return context.record.get("resolution_code", "")


GUARDS = {
    "agent": (_is_agent, "only a service desk agent may do this"),
    "resolving_code": (
        lambda c: _code(c) in RESOLVING_CODES,
        "a problem is resolved with resolution code fix_applied or risk_accepted",
    ),
    "risk_accepted": (
        lambda c: _code(c) == RISK_ACCEPTED,
        "a problem is resolved from root cause analysis only with resolution code risk_accepted",
    ),
    "fix_notes_for_fix": (
        lambda c: _code(c) != FIX_APPLIED or bool(c.record.get("fix_notes")),
        "fix_notes are mandatory when the resolution code is fix_applied",
    ),
    "early_closing_code": (
        lambda c: _code(c) in EARLY_CLOSING_CODES,
        "a problem closed before it is resolved needs resolution code canceled or duplicate",
    ),
    "duplicate_names_original": (
        lambda c: _code(c) != DUPLICATE or bool(c.record.get("duplicate_of")),
        "duplicate_of is mandatory when the resolution code is duplicate",
    ),
}

_work = ("agent",)
_close_early = ("agent", "early_closing_code", "duplicate_names_original")
PROBLEM_LIFECYCLE = Lifecycle(
    table="problem",
    label="Problem",
    state_field="state",
    states=PROBLEM_STATES,
    initial=NEW,
    transitions=(
        Transition(NEW, ASSESS, "assess", _work),
        Transition(NEW, CLOSED, "close_unresolved", _close_early),
        Transition(ASSESS, ROOT_CAUSE_ANALYSIS, "confirm", _work),
        Transition(ASSESS, CLOSED, "close_unresolved", _close_early),
        Transition(ROOT_CAUSE_ANALYSIS, FIX_IN_PROGRESS, "fix", _work),
        Transition(ROOT_CAUSE_ANALYSIS, RESOLVED, "accept_risk", ("agent", "risk_accepted")),
        Transition(ROOT_CAUSE_ANALYSIS, CLOSED, "close_unresolved", _close_early),
        Transition(FIX_IN_PROGRESS, ROOT_CAUSE_ANALYSIS, "reanalyze", _work),
        Transition(
            FIX_IN_PROGRESS, RESOLVED, "resolve", ("agent", "resolving_code", "fix_notes_for_fix")
        ),
        Transition(FIX_IN_PROGRESS, CLOSED, "close_unresolved", _close_early),
        Transition(RESOLVED, ROOT_CAUSE_ANALYSIS, "reanalyze", _work),
        Transition(RESOLVED, CLOSED, "complete", _work),
    ),
    mandatory={
        ASSESS: ("assigned_to",),
        FIX_IN_PROGRESS: ("cause_notes",),
        RESOLVED: ("resolution_code", "cause_notes"),
        CLOSED: ("resolution_code",),
    },
    effects={
        "resolve": {"resolved_at": NOW, "resolved_by": USER},
        "accept_risk": {"resolved_at": NOW, "resolved_by": USER},
        "reanalyze": {"resolution_code": CLEAR, "resolved_at": CLEAR, "resolved_by": CLEAR},
        "complete": {"closed_at": NOW, "closed_by": USER, "active": "false"},
        "close_unresolved": {"closed_at": NOW, "closed_by": USER, "active": "false"},
    },
    guards=GUARDS,
)
