"""Major incident management as data: the major incident state machine and the review task table."""

from __future__ import annotations

from simulators.desk import (
    AGENT_ROLES,
    BOOLEAN,
    CHOICE,
    DATETIME,
    NOW,
    REFERENCE,
    SYSTEM_FIELDS,
    TASK_HEAD,
    TASK_JOURNALS,
    USER,
    Field,
    GuardContext,
    Lifecycle,
    TableSchema,
    Transition,
)
from simulators.processes.incident import ACTIVE_STATES

NONE, PROPOSED, ACCEPTED, REJECTED, CANCELED = "", "proposed", "accepted", "rejected", "canceled"
MAJOR_INCIDENT_MANAGER = "major_incident_manager"
MAJOR_INCIDENT_STATE = "major_incident_state"


def _is_agent(context: GuardContext) -> bool:
    return context.is_admin or bool(context.roles & AGENT_ROLES)


def _is_major_incident_manager(context: GuardContext) -> bool:
    return context.is_admin or MAJOR_INCIDENT_MANAGER in context.roles


def _incident_is_open(context: GuardContext) -> bool:
    return (context.record.get("state") or "1") in ACTIVE_STATES


MAJOR_INCIDENT_GUARDS = {
    "agent": (_is_agent, "only a service desk agent may do this"),
    "major_incident_manager": (
        _is_major_incident_manager,
        "only a major incident manager may do this",
    ),
    "open_incident": (
        _incident_is_open,
        "only an open incident (New, In Progress or On Hold) may be a major incident",
    ),
}


class MajorIncidentLifecycle(Lifecycle):
    """A lifecycle whose empty state reads as its label alone ('None', not 'None ()')."""

    def describe(self, state: str) -> str:
        if state == NONE:
            return self.states[NONE]
        return super().describe(state)


_manager = ("major_incident_manager",)
MAJOR_INCIDENT_LIFECYCLE = MajorIncidentLifecycle(
    table="incident",
    label="Major incident",
    state_field=MAJOR_INCIDENT_STATE,
    states={
        NONE: "None",
        PROPOSED: "Proposed",
        ACCEPTED: "Accepted",
        REJECTED: "Rejected",
        CANCELED: "Canceled",
    },
    initial=NONE,
    transitions=(
        Transition(NONE, PROPOSED, "propose", ("agent", "open_incident")),
        Transition(PROPOSED, ACCEPTED, "accept", (*_manager, "open_incident")),
        Transition(PROPOSED, REJECTED, "reject", _manager),
        Transition(ACCEPTED, CANCELED, "demote", _manager),
    ),
    effects={
        "propose": {"proposed_by": USER, "proposed_on": NOW},
        "accept": {"promoted_by": USER, "promoted_on": NOW},
    },
    guards=MAJOR_INCIDENT_GUARDS,
)
"""ServiceNow's major_incident_state: an agent proposes, a major incident manager decides."""

# -- the Post Incident Review task -----------------------------------------------------------------
# A review is an `incident_task` (ServiceNow's task table for work on an incident) whose `parent`
# is the major incident; its `due_date` is the review's deadline in working days.

TASK_OPEN, TASK_WORK_IN_PROGRESS = "1", "2"
TASK_CLOSED_COMPLETE, TASK_CLOSED_INCOMPLETE, TASK_CLOSED_SKIPPED = "3", "4", "7"
INCIDENT_TASK_STATES = {
    TASK_OPEN: "Open",
    TASK_WORK_IN_PROGRESS: "Work in Progress",
    TASK_CLOSED_COMPLETE: "Closed Complete",
    TASK_CLOSED_INCOMPLETE: "Closed Incomplete",
    TASK_CLOSED_SKIPPED: "Closed Skipped",
}
PIR_TYPE = "post_incident_review"
GOVERNANCE_ESCALATION = "governance_escalation"
"""A breach case taken to code governance (performance assurance, DIP breach handling)."""
INCIDENT_TASK_TYPES = {
    PIR_TYPE: "Post Incident Review",
    GOVERNANCE_ESCALATION: "Governance escalation",
    "general": "General",
}

INCIDENT_TASK = TableSchema(
    name="incident_task",
    display_field="number",
    numbered=True,
    tenancy="task",
    fields=(
        *SYSTEM_FIELDS,
        *TASK_HEAD,
        Field("u_task_type", CHOICE, choices=INCIDENT_TASK_TYPES, default="general", label="Type"),
        Field("parent", REFERENCE, reference="incident", label="Parent"),
        Field("state", CHOICE, choices=INCIDENT_TASK_STATES, default=TASK_OPEN, label="State"),
        Field("priority", label="Priority"),
        Field("assignment_group", REFERENCE, reference="sys_user_group", label="Assignment group"),
        Field("assigned_to", REFERENCE, reference="sys_user", label="Assigned to"),
        Field("due_date", DATETIME, label="Due date"),
        Field("opened_by", REFERENCE, reference="sys_user", read_only=True, label="Opened by"),
        Field("opened_at", DATETIME, read_only=True, label="Opened"),
        Field("close_notes", label="Close notes"),
        Field("closed_at", DATETIME, read_only=True, label="Closed"),
        Field("closed_by", REFERENCE, reference="sys_user", read_only=True, label="Closed by"),
        Field("active", BOOLEAN, read_only=True, default="true", label="Active"),
        *TASK_JOURNALS,
    ),
)

_close = {"closed_at": NOW, "closed_by": USER, "active": "false"}
INCIDENT_TASK_LIFECYCLE = Lifecycle(
    table="incident_task",
    label="Incident task",
    state_field="state",
    states=INCIDENT_TASK_STATES,
    initial=TASK_OPEN,
    transitions=(
        Transition(TASK_OPEN, TASK_WORK_IN_PROGRESS, "start_work", ("agent",)),
        Transition(TASK_OPEN, TASK_CLOSED_SKIPPED, "skip", ("agent",)),
        Transition(TASK_WORK_IN_PROGRESS, TASK_CLOSED_COMPLETE, "complete", ("agent",)),
        Transition(TASK_WORK_IN_PROGRESS, TASK_CLOSED_INCOMPLETE, "close_incomplete", ("agent",)),
    ),
    mandatory={
        TASK_CLOSED_COMPLETE: ("close_notes",),
        TASK_CLOSED_INCOMPLETE: ("close_notes",),
        TASK_CLOSED_SKIPPED: ("close_notes",),
    },
    effects={"skip": _close, "complete": _close, "close_incomplete": _close},
    guards={"agent": MAJOR_INCIDENT_GUARDS["agent"]},
)
"""An incident task (here: a Post Incident Review) is worked and closed by agents."""
