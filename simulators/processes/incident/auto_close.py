"""Desk timers the clock fires: the auto-close of resolved incidents."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from simulators.clock import format_time, parse_time
from simulators.desk import Actor, Submission, WriteContext, update_record
from simulators.processes.incident.lifecycle import CLOSED, RESOLVED

if TYPE_CHECKING:
    from simulators.desk import DeskServices

AUTO_CLOSE_NOTE = "Incident automatically closed after {days:g} days in the Resolved state."


class AutoClose:
    """Closes incidents that stayed Resolved for the configured period."""

    def __init__(self, desk: DeskServices) -> None:
        self.desk = desk
        self.period = timedelta(seconds=desk.config.auto_close_after_seconds)
        self.actor = Actor("", "system", desk.config.party, frozenset({"admin", "itil"}))

    def next_due(self) -> datetime | None:
        table = self.desk.store.table("incident")
        statement = select(func.min(table.c.resolved_at)).where(table.c.state == RESOLVED)
        with self.desk.store.reading() as connection:
            earliest = connection.execute(statement).scalar()
        return parse_time(earliest) + self.period if earliest else None

    def fire(self, now: datetime) -> None:
        store = self.desk.store
        table = store.table("incident")
        cutoff = format_time(now - self.period)
        with store.writing() as connection:
            due = store.select(
                connection,
                "incident",
                (table.c.state == RESOLVED) & (table.c.resolved_at <= cutoff),
            )
            ctx = WriteContext(self.desk, connection, self.actor, now)
            note = AUTO_CLOSE_NOTE.format(days=self.period.total_seconds() / 86400)
            for row in due:
                update_record(
                    ctx,
                    "incident",
                    row["sys_id"],
                    Submission({"state": CLOSED}, [("work_notes", note)]),
                )
