"""The problem table (ServiceNow's `problem`), declared as data: fields, states and codes."""

from __future__ import annotations

from simulators.desk import (
    BOOLEAN,
    CHOICE,
    DATETIME,
    REFERENCE,
    SYSTEM_FIELDS,
    TASK_JOURNALS,
    Field,
    TableSchema,
)
from simulators.processes.incident import IMPACTS, INCIDENT_CATEGORIES, PRIORITIES, URGENCIES

PROBLEM_STATES = {
    "101": "New",
    "102": "Assess",
    "103": "Root Cause Analysis",
    "104": "Fix in Progress",
    "106": "Resolved",
    "107": "Closed",
}
PROBLEM_RESOLUTION_CODES = {
    "fix_applied": "Fix Applied",
    "risk_accepted": "Risk Accepted",
    "duplicate": "Duplicate",
    "canceled": "Canceled",
}

PROBLEM = TableSchema(
    name="problem",
    display_field="number",
    numbered=True,
    tenancy="task",
    fields=(
        *SYSTEM_FIELDS,
        Field("number", read_only=True, label="Number"),
        Field("short_description", label="Problem statement"),
        Field("description", label="Description"),
        Field("state", CHOICE, choices=PROBLEM_STATES, default="101", label="State"),
        Field("category", CHOICE, choices=INCIDENT_CATEGORIES, default="inquiry"),
        Field("impact", CHOICE, choices=IMPACTS, default="3", label="Impact"),
        Field("urgency", CHOICE, choices=URGENCIES, default="3", label="Urgency"),
        Field("priority", CHOICE, choices=PRIORITIES, read_only=True, label="Priority"),
        Field("assignment_group", REFERENCE, reference="sys_user_group", label="Assignment group"),
        Field("assigned_to", REFERENCE, reference="sys_user", label="Assigned to"),
        Field("opened_by", REFERENCE, reference="sys_user", read_only=True, label="Opened by"),
        Field("opened_at", DATETIME, read_only=True, label="Opened"),
        Field("first_reported_by_task", REFERENCE, reference="incident", label="First reported by"),
        Field("u_interface_id", label="DIP interface"),
        Field("known_error", BOOLEAN, default="false", label="Known error"),
        Field("workaround", label="Workaround"),
        Field("cause_notes", label="Cause notes"),
        Field("fix_notes", label="Fix notes"),
        Field("resolution_code", CHOICE, choices=PROBLEM_RESOLUTION_CODES, label="Resolution code"),
        Field("duplicate_of", REFERENCE, reference="problem", label="Duplicate of"),
        Field("rfc", REFERENCE, reference="change_request", label="Change request"),
        Field("resolved_at", DATETIME, read_only=True, label="Resolved"),
        Field("resolved_by", REFERENCE, reference="sys_user", read_only=True, label="Resolved by"),
        Field("closed_at", DATETIME, read_only=True, label="Closed"),
        Field("closed_by", REFERENCE, reference="sys_user", read_only=True, label="Closed by"),
        Field("active", BOOLEAN, read_only=True, default="true", label="Active"),
        *TASK_JOURNALS,
    ),
)
