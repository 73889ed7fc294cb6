"""The change_request and sysapproval_approver tables, declared as data: fields, states, codes."""

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
from simulators.processes.incident import IMPACTS

CHANGE_STATES = {
    "-5": "New",
    "-4": "Assess",
    "-3": "Authorize",
    "-2": "Scheduled",
    "-1": "Implement",
    "0": "Review",
    "3": "Closed",
    "4": "Canceled",
}
CHANGE_TYPES = {"normal": "Normal", "standard": "Standard", "emergency": "Emergency"}
CHANGE_CLOSE_CODES = {
    "successful": "Successful",
    "successful_issues": "Successful with issues",
    "unsuccessful": "Unsuccessful",
}
CHANGE_APPROVAL = {
    "not requested": "Not Yet Requested",
    "requested": "Requested",
    "approved": "Approved",
    "rejected": "Rejected",
}
"""The change's overall approval, kept by the desk from its approval records."""
CHANGE_RISKS = {"1": "Very High", "2": "High", "3": "Moderate", "4": "Low"}
BUSINESS_SERVICES = {
    "DIP": "Data Integration Platform (DIP)",
    "MDS": "Market-wide Data Service (MDS)",
    "LSS": "Load Shaping Service (LSS)",
    "VAS": "Volume Allocation Service (VAS)",
    "ISD": "Industry Standing Data (ISD)",
    "Registration Service": "Registration Service",
    "Elexon Portal": "Elexon Portal",
}
"""The central services a change affects (DOMAIN.md §2)."""

CHANGE_REQUEST = TableSchema(
    name="change_request",
    display_field="number",
    numbered=True,
    tenancy="task",
    fields=(
        *SYSTEM_FIELDS,
        Field("number", read_only=True, label="Number"),
        Field("type", CHOICE, choices=CHANGE_TYPES, default="normal", label="Type"),
        Field("std_change_template", label="Standard change template"),
        Field("short_description", label="Short description"),
        Field("description", label="Description"),
        Field("state", CHOICE, choices=CHANGE_STATES, default="-5", label="State"),
        Field("business_service", CHOICE, choices=BUSINESS_SERVICES, label="Service"),
        Field("risk", CHOICE, choices=CHANGE_RISKS, default="3", label="Risk"),
        Field("impact", CHOICE, choices=IMPACTS, default="3", label="Impact"),
        Field("assignment_group", REFERENCE, reference="sys_user_group", label="Assignment group"),
        Field("assigned_to", REFERENCE, reference="sys_user", label="Assigned to"),
        Field("requested_by", REFERENCE, reference="sys_user", label="Requested by"),
        Field("opened_by", REFERENCE, reference="sys_user", read_only=True, label="Opened by"),
        Field("opened_at", DATETIME, read_only=True, label="Opened"),
        Field("justification", label="Justification"),
        Field("implementation_plan", label="Implementation plan"),
        Field("backout_plan", label="Backout plan"),
        Field("test_plan", label="Test plan"),
        Field("start_date", DATETIME, label="Planned start date"),
        Field("end_date", DATETIME, label="Planned end date"),
        Field(
            "approval",
            CHOICE,
            choices=CHANGE_APPROVAL,
            default="not requested",
            read_only=True,
            label="Approval",
        ),
        Field("close_code", CHOICE, choices=CHANGE_CLOSE_CODES, label="Close code"),
        Field("close_notes", label="Close notes"),
        Field("closed_at", DATETIME, read_only=True, label="Closed"),
        Field("closed_by", REFERENCE, reference="sys_user", read_only=True, label="Closed by"),
        Field("active", BOOLEAN, read_only=True, default="true", label="Active"),
        *TASK_JOURNALS,
    ),
)

APPROVAL_STATES = {
    "requested": "Requested",
    "approved": "Approved",
    "rejected": "Rejected",
    "cancelled": "Cancelled",
    "not_required": "No Longer Required",
}

SYSAPPROVAL_APPROVER = TableSchema(
    name="sysapproval_approver",
    display_field="approver",
    tenancy="child",
    parent_field="document_id",
    fields=(
        *SYSTEM_FIELDS,
        Field("approver", REFERENCE, reference="sys_user", label="Approver"),
        Field("state", CHOICE, choices=APPROVAL_STATES, default="requested", label="State"),
        Field("source_table", read_only=True, default="change_request", label="Source table"),
        Field(
            "document_id",
            REFERENCE,
            reference="change_request",
            reference_from="source_table",
            label="Approving",
        ),
        Field("comments", label="Comments"),
        Field("u_approver_role", read_only=True, label="Approving as"),
    ),
)
