"""Keeps task_sla records in step with their tasks and the clock, and notifies breaches."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, func, select

from simulators.clock import format_time, parse_time
from simulators.desk import Actor, Row, Submission, WriteContext, send_email, system_fields
from simulators.sla import IN_PROGRESS, PAUSED, Schedule, SlaConfig, SlaStatus, TaskChange
from simulators.sla import evaluate as evaluate_slas

if TYPE_CHECKING:
    from simulators.desk import DeskServices

ACTIVE_STAGES = (IN_PROGRESS, PAUSED)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def glide_duration(seconds: int) -> str:
    """ServiceNow's duration value: the epoch plus the duration ('1970-01-01 04:00:00' = 4 h)."""
    return format_time(EPOCH + timedelta(seconds=seconds))


class SlaKeeper:
    """The desk's SLA engine binding: contract_sla from config, task_sla per task and target."""

    def __init__(self, desk: DeskServices, config: SlaConfig) -> None:
        self.desk = desk
        self.config = config
        self.tables = frozenset(d.table for d in config.definitions)
        self.actor = Actor("", "system", desk.config.party, frozenset({"admin"}))
        self._contracts: dict[str, str] = {}

    # -- contract_sla -----------------------------------------------------------------------------

    def seed(self, ctx: WriteContext) -> None:
        """Seed the desk's contract_sla records when it opens."""
        self.seed_contracts(ctx)

    def seed_contracts(self, ctx: WriteContext) -> None:
        """One contract_sla record per configured definition (kept across restarts by name)."""
        store = ctx.services.store
        table = store.table("contract_sla")
        for definition in self.config.definitions:
            values = {
                "name": definition.name,
                "collection": definition.table,
                "target": definition.target,
                "duration": glide_duration(definition.duration),
                "schedule": definition.schedule,
                "condition": str(definition.when),
                "active": "true",
            }
            rows = store.select(ctx.connection, "contract_sla", table.c.name == definition.name)
            if rows:
                store.update(ctx.connection, "contract_sla", rows[0]["sys_id"], values)
                self._contracts[definition.name] = rows[0]["sys_id"]
            else:
                row = system_fields(ctx, owner_party="") | values
                store.insert(ctx.connection, "contract_sla", row)
                self._contracts[definition.name] = row["sys_id"]

    # -- task_sla ---------------------------------------------------------------------------------

    def record_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        """A record was stored: bring its SLAs up to date."""
        self.refresh(ctx, table, after["sys_id"])

    def writes_done(self, now: datetime) -> None:
        """Nothing to do once writes commit: SLAs are kept inside the write."""

    def refresh(self, ctx: WriteContext, table: str, task_sys_id: str) -> list[SlaStatus]:
        """Recompute a task's SLAs as at ctx.now and store them; notify fresh breaches."""
        if table not in self.tables:
            return []
        task = ctx.services.store.fetch(ctx.connection, table, task_sys_id)
        if task is None:
            return []
        history = self._history(ctx.connection, table, task_sys_id)
        statuses = evaluate_slas(
            self.config, table, history, ctx.now, self._schedule_for(ctx, task)
        )
        for status in statuses:
            self._store_status(ctx, table, task, status)
        return statuses

    def next_due(self) -> datetime | None:
        """The earliest planned end among running SLAs (when a breach will happen)."""
        store = self.desk.store
        table = store.table("task_sla")
        statement = select(func.min(table.c.planned_end_time)).where(
            and_(table.c.stage == IN_PROGRESS, table.c.has_breached == "false")
        )
        with store.reading() as connection:
            earliest = connection.execute(statement).scalar()
        return parse_time(earliest) if earliest else None

    def fire(self, now: datetime) -> None:
        """Breach every running SLA whose planned end has come."""
        table = self.desk.store.table("task_sla")
        self._refresh_where(
            now,
            and_(
                table.c.stage == IN_PROGRESS,
                table.c.has_breached == "false",
                table.c.planned_end_time <= format_time(now),
            ),
        )

    def settle(self, now: datetime) -> None:
        """Bring every active SLA's percentages up to `now` (once the clock has stopped moving)."""
        table = self.desk.store.table("task_sla")
        self._refresh_where(now, table.c.stage.in_(ACTIVE_STAGES))

    def _refresh_where(self, now: datetime, condition: Any) -> None:
        store = self.desk.store
        with store.writing() as connection:
            rows = store.select(connection, "task_sla", condition)
            ctx = WriteContext(self.desk, connection, self.actor, now)
            tasks = dict.fromkeys((row["task_table"], row["task"]) for row in rows)
            for task_table, task_sys_id in tasks:
                self.refresh(ctx, task_table, task_sys_id)

    # -- helpers ----------------------------------------------------------------------------------

    def _schedule_for(self, ctx: WriteContext, task: Mapping[str, str]) -> Schedule:
        """The business calendar of the task's assignment group's party, else the desk's."""
        name = self.desk.config.calendar
        group_id = task.get("assignment_group", "")
        if group_id:
            group = ctx.services.store.fetch(ctx.connection, "sys_user_group", group_id)
            party = self.desk.config.find_party(group["u_party"]) if group else None
            if party is not None:
                name = party.calendar
        return self.config.calendar(name)

    def _history(self, connection: Connection, table: str, sys_id: str) -> list[TaskChange]:
        store = self.desk.store
        audit = store.table("sys_audit")
        rows = store.select(
            connection,
            "sys_audit",
            and_(audit.c.tablename == table, audit.c.documentkey == sys_id),
        )
        changes: list[TaskChange] = []
        fields: dict[str, str] = {}
        checkpoint: str | None = None
        moment = ""
        for row in rows:
            if checkpoint is not None and row["record_checkpoint"] != checkpoint:
                changes.append(TaskChange(parse_time(moment), dict(fields)))
            checkpoint, moment = row["record_checkpoint"], row["sys_created_on"]
            fields[row["fieldname"]] = row["newvalue"]
        if checkpoint is not None:
            changes.append(TaskChange(parse_time(moment), dict(fields)))
        return changes

    def _store_status(
        self, ctx: WriteContext, task_table: str, task: Row, status: SlaStatus
    ) -> None:
        store = ctx.services.store
        table = store.table("task_sla")
        values = {
            "task": task["sys_id"],
            "task_table": task_table,
            "sla": self._contracts.get(status.definition, ""),
            "target": status.target,
            "stage": status.stage,
            "schedule": status.schedule,
            "start_time": format_time(status.start_time),
            "planned_end_time": format_time(status.planned_end_time),
            "end_time": format_time(status.end_time) if status.end_time else "",
            "breach_time": format_time(status.breach_time) if status.breach_time else "",
            "has_breached": "true" if status.has_breached else "false",
            "percentage": f"{status.percentage:.2f}",
            "business_percentage": f"{status.business_percentage:.2f}",
            "duration": glide_duration(status.duration),
            "pause_duration": glide_duration(status.pause_duration),
            "business_pause_duration": glide_duration(status.business_pause_duration),
            "active": "true" if status.stage in ACTIVE_STAGES else "false",
        }
        existing = store.select(
            ctx.connection,
            "task_sla",
            and_(table.c.task == task["sys_id"], table.c.target == status.target),
        )
        if not existing:
            store.insert(ctx.connection, "task_sla", system_fields(ctx, owner_party="") | values)
            before = None
        else:
            before = existing[0]
            changed = {k: v for k, v in values.items() if before.get(k) != v}
            if not changed:
                return
            changed |= {
                "sys_updated_on": ctx.now_text,
                "sys_updated_by": ctx.actor.user_name,
                "sys_mod_count": str(int(before["sys_mod_count"] or "0") + 1),
            }
            store.update(ctx.connection, "task_sla", before["sys_id"], changed)
        if status.has_breached and (before is None or before["has_breached"] != "true"):
            self._notify_breach(ctx, task_table, task, status)

    def _notify_breach(
        self, ctx: WriteContext, task_table: str, task: Row, status: SlaStatus
    ) -> None:
        """Record the breach notification in sys_email, as ServiceNow's SLA notifications do."""
        recipients = self._recipients(ctx, task)
        breach = status.breach_time or ctx.now
        subject = f"SLA breached: {task.get('number', '')} {status.definition}"
        body = (
            f"{status.definition} on {task.get('number', '')} "
            f"({task.get('short_description', '')}) "
            f"breached at {format_time(breach)} UTC; it started at "
            f"{format_time(status.start_time)} UTC and was due by "
            f"{format_time(status.planned_end_time)} UTC."
        )
        send_email(
            ctx,
            recipients=recipients,
            subject=subject,
            body=body,
            instance=task["sys_id"],
            target_table=task_table,
            sent_at=breach,
        )

    def _recipients(self, ctx: WriteContext, task: Mapping[str, str]) -> list[str]:
        store = ctx.services.store
        emails = []
        if task.get("assignment_group"):
            group = store.fetch(ctx.connection, "sys_user_group", task["assignment_group"])
            if group and group["email"]:
                emails.append(group["email"])
        for field in ("assigned_to", "caller_id"):
            if task.get(field):
                user = store.fetch(ctx.connection, "sys_user", task[field])
                if user and user["email"]:
                    emails.append(user["email"])
        return emails or [f"servicedesk@{self.desk.config.id}.example"]
