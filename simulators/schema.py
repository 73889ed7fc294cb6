"""Table schemas of the reference desk, declared as data: fields, kinds, choices and references."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

STRING = "string"
INTEGER = "integer"
BOOLEAN = "boolean"
DATETIME = "datetime"
REFERENCE = "reference"
CHOICE = "choice"
JOURNAL = "journal"
PASSWORD = "password"


@dataclass(frozen=True)
class Field:
    """One column of a table as the Table API shows it."""

    name: str
    kind: str = STRING
    label: str = ""
    reference: str = ""
    reference_from: str = ""
    """For a reference whose table varies: the field of the same record that names the table."""
    choices: Mapping[str, str] = field(default_factory=dict)
    default: str = ""
    read_only: bool = False

    @property
    def is_stored(self) -> bool:
        """Journal fields are write-only appends kept in sys_journal_field, not columns."""
        return self.kind != JOURNAL


@dataclass(frozen=True)
class TableSchema:
    """A table: its fields, its number prefix key and the field that names a record."""

    name: str
    fields: tuple[Field, ...]
    display_field: str
    numbered: bool = False
    read_only: bool = False
    admin_only_writes: bool = False
    tenancy: str = ""
    """How parties see it: "task" (raised by, assigned to or called in by the party), "child"
    (visible with the task its `parent_field` names), "party" (the party's own rows), "" (all)."""
    parent_field: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def field(self, name: str) -> Field | None:
        """The field called `name`, or None."""
        return self._by_name.get(name)  # type: ignore[attr-defined]

    @property
    def stored_fields(self) -> tuple[Field, ...]:
        """Fields kept as columns."""
        return tuple(f for f in self.fields if f.is_stored)

    @property
    def journal_fields(self) -> tuple[Field, ...]:
        """Write-only journal fields (work notes, comments)."""
        return tuple(f for f in self.fields if not f.is_stored)


SYSTEM_FIELDS = (
    Field("sys_id", read_only=True, label="Sys ID"),
    Field("sys_created_on", DATETIME, read_only=True, label="Created"),
    Field("sys_created_by", read_only=True, label="Created by"),
    Field("sys_updated_on", DATETIME, read_only=True, label="Updated"),
    Field("sys_updated_by", read_only=True, label="Updated by"),
    Field("sys_mod_count", INTEGER, read_only=True, default="0", label="Updates"),
)

TASK_HEAD = (
    Field("number", read_only=True, label="Number"),
    Field("short_description", label="Short description"),
    Field("description", label="Description"),
)
"""The fields every task table (incident, problem, change, request, …) starts with."""
TASK_JOURNALS = (
    Field("work_notes", JOURNAL, label="Work notes"),
    Field("comments", JOURNAL, label="Additional comments"),
)
"""The journal fields every task table ends with: write-only, read from sys_journal_field."""

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

SYS_USER = TableSchema(
    name="sys_user",
    display_field="name",
    admin_only_writes=True,
    tenancy="party",
    fields=(
        *SYSTEM_FIELDS,
        Field("user_name", label="User ID"),
        Field("name", label="Name"),
        Field("email", label="Email"),
        Field("user_password", PASSWORD, label="Password"),
        Field("roles", label="Roles"),
        Field("u_party", label="Party"),
        Field("active", BOOLEAN, default="true"),
    ),
)

SYS_USER_GROUP = TableSchema(
    name="sys_user_group",
    display_field="name",
    admin_only_writes=True,
    fields=(
        *SYSTEM_FIELDS,
        Field("name", label="Name"),
        Field("description", label="Description"),
        Field("email", label="Group email"),
        Field("u_party", label="Party"),
        Field("active", BOOLEAN, default="true"),
    ),
)

SYS_JOURNAL_FIELD = TableSchema(
    name="sys_journal_field",
    display_field="element_id",
    read_only=True,
    tenancy="child",
    parent_field="element_id",
    fields=(
        *SYSTEM_FIELDS,
        Field("name", label="Table"),
        Field("element", label="Field"),
        Field("element_id", label="Record"),
        Field("value", label="Value"),
    ),
)

SYS_AUDIT = TableSchema(
    name="sys_audit",
    display_field="documentkey",
    read_only=True,
    admin_only_writes=True,
    tenancy="child",
    parent_field="documentkey",
    fields=(
        *SYSTEM_FIELDS,
        Field("tablename", label="Table"),
        Field("documentkey", label="Record"),
        Field("fieldname", label="Field"),
        Field("oldvalue", label="Old value"),
        Field("newvalue", label="New value"),
        Field("user", label="User"),
        Field("record_checkpoint", INTEGER, label="Update number"),
    ),
)

SLA_TARGETS = {"response": "Response", "resolution": "Resolution"}
SLA_STAGES = {
    "in_progress": "In progress",
    "paused": "Paused",
    "achieved": "Achieved",
    "breached": "Breached",
    "cancelled": "Cancelled",
}

CONTRACT_SLA = TableSchema(
    name="contract_sla",
    display_field="name",
    read_only=True,
    fields=(
        *SYSTEM_FIELDS,
        Field("name", label="Name"),
        Field("collection", label="Table"),
        Field("target", CHOICE, choices=SLA_TARGETS, label="Target"),
        Field("duration", label="Duration"),
        Field("schedule", label="Schedule"),
        Field("condition", label="Applies when"),
        Field("active", BOOLEAN, default="true"),
    ),
)

TASK_SLA = TableSchema(
    name="task_sla",
    display_field="sla",
    read_only=True,
    tenancy="child",
    parent_field="task",
    fields=(
        *SYSTEM_FIELDS,
        Field("task", REFERENCE, reference="incident", reference_from="task_table", label="Task"),
        Field("task_table", label="Task table", default="incident"),
        Field("sla", REFERENCE, reference="contract_sla", label="SLA definition"),
        Field("target", CHOICE, choices=SLA_TARGETS, label="Target"),
        Field("stage", CHOICE, choices=SLA_STAGES, label="Stage"),
        Field("schedule", label="Schedule"),
        Field("start_time", DATETIME, label="Start time"),
        Field("planned_end_time", DATETIME, label="Planned end time"),
        Field("end_time", DATETIME, label="Stop time"),
        Field("breach_time", DATETIME, label="Breach time"),
        Field("has_breached", BOOLEAN, default="false", label="Has breached"),
        Field("percentage", label="Actual elapsed percentage"),
        Field("business_percentage", label="Business elapsed percentage"),
        Field("duration", label="Target duration"),
        Field("pause_duration", label="Actual pause duration"),
        Field("business_pause_duration", label="Business pause duration"),
        Field("active", BOOLEAN, default="true"),
    ),
)

SYS_EMAIL = TableSchema(
    name="sys_email",
    display_field="subject",
    read_only=True,
    tenancy="child",
    parent_field="instance",
    fields=(
        *SYSTEM_FIELDS,
        Field("type", label="Type", default="sent"),
        Field("recipients", label="Recipients"),
        Field("subject", label="Subject"),
        Field("body", label="Body"),
        Field("instance", label="Target record"),
        Field("target_table", label="Target table"),
        Field("sent_at", DATETIME, label="Sent"),
    ),
)
