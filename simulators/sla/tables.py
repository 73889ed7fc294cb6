"""The SLA tables: contract_sla (definitions as records) and task_sla (each running SLA)."""

from __future__ import annotations

from simulators.desk import BOOLEAN, CHOICE, DATETIME, REFERENCE, SYSTEM_FIELDS, Field, TableSchema

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
