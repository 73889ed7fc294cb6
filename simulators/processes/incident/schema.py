"""The incident table (ServiceNow's `incident`), declared as data: fields, states and codes."""

from __future__ import annotations

from simulators.desk import (
    BOOLEAN,
    CHOICE,
    DATETIME,
    INTEGER,
    REFERENCE,
    SYSTEM_FIELDS,
    TASK_HEAD,
    TASK_JOURNALS,
    Field,
    TableSchema,
)

INCIDENT_STATES = {
    "1": "New",
    "2": "In Progress",
    "3": "On Hold",
    "6": "Resolved",
    "7": "Closed",
    "8": "Canceled",
}
HOLD_REASONS = {
    "1": "Awaiting Caller",
    "3": "Awaiting Problem",
    "4": "Awaiting Vendor",
    "5": "Awaiting Change",
}
IMPACTS = {"1": "1 - High", "2": "2 - Medium", "3": "3 - Low"}
URGENCIES = IMPACTS
PRIORITIES = {
    "1": "1 - Critical",
    "2": "2 - High",
    "3": "3 - Moderate",
    "4": "4 - Low",
    "5": "5 - Planning",
}
INCIDENT_CLOSE_CODES = {
    "Solved (Work Around)": "Solved (Work Around)",
    "Solved (Permanently)": "Solved (Permanently)",
    "Solved Remotely (Work Around)": "Solved Remotely (Work Around)",
    "Solved Remotely (Permanently)": "Solved Remotely (Permanently)",
    "Not Solved (Not Reproducible)": "Not Solved (Not Reproducible)",
    "Not Solved (Too Costly)": "Not Solved (Too Costly)",
    "Closed/Resolved by Caller": "Closed/Resolved by Caller",
    "Duplicate": "Duplicate",
    "User error": "User error",
    "Referred": "Referred",
}
MAJOR_INCIDENT_STATES = {
    "proposed": "Proposed",
    "accepted": "Accepted",
    "rejected": "Rejected",
    "canceled": "Canceled",
}
INCIDENT_CATEGORIES = {
    "inquiry": "Inquiry / Help",
    "software": "Software",
    "network": "Network",
    "database": "Database",
    "dip_outage": "DIP outage",
    "dip_degradation": "DIP degradation",
    "dip_message_processing": "DIP message processing failure",
    "dip_connectivity": "DIP connectivity fault",
    "mds": "Market-wide Data Service",
    "registration": "Registration Service",
    "settlement": "Settlement",
}

INCIDENT = TableSchema(
    name="incident",
    display_field="number",
    numbered=True,
    tenancy="task",
    fields=(
        *SYSTEM_FIELDS,
        *TASK_HEAD,
        Field("caller_id", REFERENCE, reference="sys_user", label="Caller"),
        Field("opened_by", REFERENCE, reference="sys_user", read_only=True, label="Opened by"),
        Field("opened_at", DATETIME, read_only=True, label="Opened"),
        Field("state", CHOICE, choices=INCIDENT_STATES, default="1", label="State"),
        Field("hold_reason", CHOICE, choices=HOLD_REASONS, label="On hold reason"),
        Field("impact", CHOICE, choices=IMPACTS, default="3", label="Impact"),
        Field("urgency", CHOICE, choices=URGENCIES, default="3", label="Urgency"),
        Field("priority", CHOICE, choices=PRIORITIES, read_only=True, label="Priority"),
        Field("category", CHOICE, choices=INCIDENT_CATEGORIES, default="inquiry"),
        Field("subcategory", label="Subcategory"),
        Field("assignment_group", REFERENCE, reference="sys_user_group", label="Assignment group"),
        Field("assigned_to", REFERENCE, reference="sys_user", label="Assigned to"),
        Field("close_code", CHOICE, choices=INCIDENT_CLOSE_CODES, label="Resolution code"),
        Field("close_notes", label="Resolution notes"),
        Field("resolved_at", DATETIME, read_only=True, label="Resolved"),
        Field("resolved_by", REFERENCE, reference="sys_user", read_only=True),
        Field("closed_at", DATETIME, read_only=True, label="Closed"),
        Field("closed_by", REFERENCE, reference="sys_user", read_only=True),
        Field("reopen_count", INTEGER, read_only=True, default="0", label="Reopen count"),
        Field("parent_incident", REFERENCE, reference="incident", label="Parent incident"),
        Field("problem_id", REFERENCE, reference="problem", label="Problem"),
        Field("rfc", REFERENCE, reference="change_request", label="Change request"),
        Field("major_incident_state", CHOICE, choices=MAJOR_INCIDENT_STATES),
        Field("proposed_by", REFERENCE, reference="sys_user", read_only=True, label="Proposed by"),
        Field("proposed_on", DATETIME, read_only=True, label="Proposed"),
        Field("promoted_by", REFERENCE, reference="sys_user", read_only=True, label="Promoted by"),
        Field("promoted_on", DATETIME, read_only=True, label="Promoted"),
        Field("correlation_id", label="Correlation ID"),
        Field("correlation_display", label="Correlation display"),
        Field("u_mpan", label="MPAN core(s)"),
        Field("u_interface_id", label="DIP interface"),
        Field("u_dip_transaction_id", label="DIP transaction id"),
        Field("active", BOOLEAN, read_only=True, default="true", label="Active"),
        *TASK_JOURNALS,
    ),
)
