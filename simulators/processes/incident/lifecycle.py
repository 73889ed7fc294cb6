"""The incident state machine (ServiceNow out-of-box semantics), declared as data."""

from __future__ import annotations

from simulators.desk import (
    AGENT_ROLES,
    CLEAR,
    INCREMENT,
    NOW,
    USER,
    GuardContext,
    Lifecycle,
    Transition,
)
from simulators.processes.incident.schema import INCIDENT_STATES

NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELED = "1", "2", "3", "6", "7", "8"
AWAITING_CALLER, AWAITING_PROBLEM, AWAITING_VENDOR, AWAITING_CHANGE = "1", "3", "4", "5"
ACTIVE_STATES = frozenset({NEW, IN_PROGRESS, ON_HOLD})


def _is_agent(context: GuardContext) -> bool:
    return context.is_admin or bool(context.roles & AGENT_ROLES)


def _is_agent_or_caller(context: GuardContext) -> bool:
    return _is_agent(context) or context.record.get("caller_id") == context.user_sys_id


GUARDS = {
    "agent": (_is_agent, "only a service desk agent may do this"),
    "agent_or_caller": (_is_agent_or_caller, "only an agent or the incident's caller may do this"),
}

_work = ("agent",)
INCIDENT_LIFECYCLE = Lifecycle(
    table="incident",
    label="Incident",
    state_field="state",
    states=INCIDENT_STATES,
    initial=NEW,
    transitions=(
        Transition(NEW, IN_PROGRESS, "start_work", _work),
        Transition(NEW, ON_HOLD, "hold", _work),
        Transition(NEW, RESOLVED, "resolve", _work),
        Transition(NEW, CANCELED, "cancel", _work),
        Transition(IN_PROGRESS, ON_HOLD, "hold", _work),
        Transition(IN_PROGRESS, RESOLVED, "resolve", _work),
        Transition(IN_PROGRESS, CANCELED, "cancel", _work),
        Transition(ON_HOLD, IN_PROGRESS, "resume", ("agent_or_caller",)),
        Transition(ON_HOLD, RESOLVED, "resolve", _work),
        Transition(ON_HOLD, CANCELED, "cancel", _work),
        Transition(RESOLVED, IN_PROGRESS, "reopen", ("agent_or_caller",)),
        Transition(RESOLVED, CLOSED, "close", ("agent_or_caller",)),
    ),
    mandatory={
        ON_HOLD: ("hold_reason",),
        RESOLVED: ("close_code", "close_notes"),
        CLOSED: ("close_code", "close_notes"),
    },
    effects={
        "resume": {"hold_reason": CLEAR},
        "resolve": {"hold_reason": CLEAR, "resolved_at": NOW, "resolved_by": USER},
        "close": {"closed_at": NOW, "closed_by": USER, "active": "false"},
        "cancel": {"hold_reason": CLEAR, "closed_at": NOW, "closed_by": USER, "active": "false"},
        "reopen": {
            "reopen_count": INCREMENT,
            "resolved_at": CLEAR,
            "resolved_by": CLEAR,
            "close_code": CLEAR,
            "close_notes": CLEAR,
        },
    },
    guards=GUARDS,
)
