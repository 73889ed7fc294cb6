"""The contact table (ServiceNow's interaction) and its state machine, declared as data."""

from __future__ import annotations

from simulators.desk import (
    BOOLEAN,
    CHOICE,
    DATETIME,
    INTEGER,
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
from simulators.processes.request import REQUEST_TYPES

NEW, WORK_IN_PROGRESS, CLOSED_COMPLETE = "new", "work_in_progress", "closed_complete"
INTERACTION_STATES = {
    NEW: "New",
    WORK_IN_PROGRESS: "Work in Progress",
    CLOSED_COMPLETE: "Closed Complete",
}
CLASSIFICATIONS = {
    "incident": "Incident",
    "request": "Service request",
    "business_query": "Business query",
    "referral": "Referral to another party",
}
INTERACTION_CLOSE_CODES = {
    "Incident raised": "Incident raised",
    "Request raised": "Request raised",
    "Answered": "Answered",
    "Referred": "Referred",
}
CHANNELS = {"portal": "Portal", "email": "Email", "phone": "Phone", "chat": "Chat"}

INTERACTION = TableSchema(
    name="interaction",
    display_field="number",
    numbered=True,
    tenancy="task",
    fields=(
        *SYSTEM_FIELDS,
        *TASK_HEAD,
        Field("type", CHOICE, choices=CHANNELS, default="portal", label="Channel"),
        Field("opened_for", REFERENCE, reference="sys_user", label="Opened for"),
        Field("opened_by", REFERENCE, reference="sys_user", read_only=True, label="Opened by"),
        Field("opened_at", DATETIME, read_only=True, label="Opened"),
        Field("u_party", read_only=True, label="Contacting party"),
        Field("state", CHOICE, choices=INTERACTION_STATES, default=NEW, label="State"),
        Field("u_classification", CHOICE, choices=CLASSIFICATIONS, label="Classification"),
        Field("u_classified_at", DATETIME, read_only=True, label="Classified"),
        Field(
            "u_classified_by",
            REFERENCE,
            reference="sys_user",
            read_only=True,
            label="Classified by",
        ),
        Field("assignment_group", REFERENCE, reference="sys_user_group", label="Assignment group"),
        Field("assigned_to", REFERENCE, reference="sys_user", label="Assigned to"),
        Field("u_incident", REFERENCE, reference="incident", read_only=True, label="Incident"),
        Field("u_request_type", CHOICE, choices=REQUEST_TYPES, label="Request type"),
        Field("u_request", REFERENCE, reference="sc_request", read_only=True, label="Request"),
        Field("u_referred_to", REFERENCE, reference="sys_user_group", label="Referred to"),
        Field("u_referred_party", read_only=True, label="Referred party"),
        Field("u_redirect_seconds", INTEGER, read_only=True, label="Time to redirect (s)"),
        Field("close_code", CHOICE, choices=INTERACTION_CLOSE_CODES, label="Close code"),
        Field("close_notes", label="Close notes"),
        Field("closed_at", DATETIME, read_only=True, label="Closed"),
        Field("closed_by", REFERENCE, reference="sys_user", read_only=True, label="Closed by"),
        Field("active", BOOLEAN, read_only=True, default="true", label="Active"),
        *TASK_JOURNALS,
    ),
)

TRIAGES = "_actor_triages"
"""Fact the triage rules hand to the guards: 'true' when the actor is an agent of the desk's
own party (the central service desk), which a guard cannot tell from roles alone."""


def _triages(context: GuardContext) -> bool:
    return context.is_admin or context.record.get(TRIAGES) == "true"


_central = ("central_agent",)
INTERACTION_LIFECYCLE = Lifecycle(
    table="interaction",
    label="Interaction",
    state_field="state",
    states=INTERACTION_STATES,
    initial=NEW,
    transitions=(
        Transition(NEW, WORK_IN_PROGRESS, "take", _central),
        Transition(NEW, CLOSED_COMPLETE, "close", _central),
        Transition(WORK_IN_PROGRESS, CLOSED_COMPLETE, "close", _central),
    ),
    mandatory={CLOSED_COMPLETE: ("u_classification", "close_code")},
    effects={"close": {"closed_at": NOW, "closed_by": USER, "active": "false"}},
    guards={"central_agent": (_triages, "only the central service desk may do this")},
)
