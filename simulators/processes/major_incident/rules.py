"""Major incident behaviour on top of the incident rules: its lifecycle, notices and review task."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from simulators.clock import format_time, parse_time
from simulators.config import DeskConfig
from simulators.desk import (
    Actor,
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    apply_move,
    insert_record,
)
from simulators.processes.incident import RESOLVED as INCIDENT_RESOLVED
from simulators.processes.incident import IncidentRules
from simulators.processes.major_incident.communications import (
    DEMOTED,
    FIRST_NOTICE,
    RESOLVED,
    MajorIncidentSettings,
    read_major_incident_settings,
    send_notice,
)
from simulators.processes.major_incident.lifecycle import (
    ACCEPTED,
    CANCELED,
    INCIDENT_TASK_LIFECYCLE,
    MAJOR_INCIDENT_LIFECYCLE,
    MAJOR_INCIDENT_STATE,
    NONE,
    PIR_TYPE,
)

PIR_SUMMARY = "Post Incident Review for {number}"


class MajorIncidentRules(IncidentRules):
    """Incident rules plus ServiceNow's major incident management: propose, accept, tell, review."""

    major_lifecycle: Lifecycle = MAJOR_INCIDENT_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        super().__init__(config)
        self.settings: MajorIncidentSettings = read_major_incident_settings(config)

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        super().on_insert(ctx, record, sub)
        apply_move(self.major_lifecycle, ctx, {}, record, record.get("number", "(new)"))

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        # The major incident move is checked first, so a requester hears which role may make it.
        apply_move(self.major_lifecycle, ctx, before, record, before["number"])
        super().on_update(ctx, before, record, sub)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        super().after_write(ctx, before, after)
        was = (before or {}).get(MAJOR_INCIDENT_STATE) or NONE
        now = after.get(MAJOR_INCIDENT_STATE) or NONE
        if now == ACCEPTED and was != ACCEPTED:
            send_notice(ctx, self.settings, after, FIRST_NOTICE)
        elif was == ACCEPTED and now == CANCELED:
            send_notice(ctx, self.settings, after, DEMOTED)
        resolved_now = after.get("state") == INCIDENT_RESOLVED and (
            before is None or before.get("state") != INCIDENT_RESOLVED
        )
        if now == ACCEPTED and resolved_now:
            send_notice(ctx, self.settings, after, RESOLVED)
            open_post_incident_review(ctx, self.settings, after)


def review_due(ctx: WriteContext, settings: MajorIncidentSettings, resolved: datetime) -> datetime:
    """The review deadline: the configured working days after resolution, in the desk's calendar."""
    calendar = ctx.services.calendar()
    return calendar.add(resolved, settings.pir_due_within_working_days * calendar.day_seconds)


def open_post_incident_review(
    ctx: WriteContext, settings: MajorIncidentSettings, incident: Row
) -> Row | None:
    """Create the incident's Post Incident Review task, unless it already has one."""
    store = ctx.services.store
    tasks = store.table("incident_task")
    existing = store.select(
        ctx.connection,
        "incident_task",
        (tasks.c.parent == incident["sys_id"]) & (tasks.c.u_task_type == PIR_TYPE),
    )
    if existing:
        return None
    resolved = parse_time(incident["resolved_at"]) if incident.get("resolved_at") else ctx.now
    values = {
        "short_description": PIR_SUMMARY.format(number=incident["number"]),
        "description": (
            f"Review of major incident {incident['number']} "
            f"({incident.get('short_description', '')}): timeline, cause, communications and "
            f"actions. Resolution: {incident.get('close_notes', '')}"
        ),
        "u_task_type": PIR_TYPE,
        "parent": incident["sys_id"],
        "priority": incident.get("priority", ""),
        "assignment_group": settings.manager_group,
        "due_date": format_time(review_due(ctx, settings, resolved)),
    }
    desk_actor = Actor("", "system", ctx.services.config.party, frozenset({"admin"}))
    return insert_record(replace(ctx, actor=desk_actor), "incident_task", Submission(values))


class IncidentTaskRules(TableRules):
    """Incident tasks move along their lifecycle; the desk records who opened and closed them."""

    lifecycle: Lifecycle = INCIDENT_TASK_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        self.config = config

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        initial = {self.lifecycle.state_field: self.lifecycle.initial}
        apply_move(self.lifecycle, ctx, initial, record, record.get("number", "(new)"))

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        apply_move(self.lifecycle, ctx, before, record, before["number"])
        state = record.get("state") or self.lifecycle.initial
        self.lifecycle.check_mandatory(before["number"], state, state, record)
