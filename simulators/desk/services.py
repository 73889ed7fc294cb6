"""The narrow faces of a desk its collaborators see: services, listeners, the write context."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection

from simulators.clock import Clock, format_time
from simulators.config import DeskConfig
from simulators.desk.auth import Actor
from simulators.desk.lifecycle import INCREMENT, NOW, USER
from simulators.desk.schema import TableSchema
from simulators.desk.store import Row, Store
from simulators.desk.values import Submission


class WorkingCalendar(Protocol):
    """A business calendar as rules use it: working days, and adding business time."""

    @property
    def name(self) -> str: ...

    @property
    def timezone(self) -> str: ...

    @property
    def day_seconds(self) -> int:
        """Business seconds in one working day."""
        ...

    def is_business_day(self, day: date) -> bool: ...

    def add(self, start: datetime, seconds: int) -> datetime:
        """The moment `seconds` of business time after `start`."""
        ...


class CalendarLookup(Protocol):
    """Finds a business calendar by its configured name (the SLA configuration supplies it)."""

    def __call__(self, name: str) -> WorkingCalendar: ...


class DeskServices(Protocol):
    """What table rules, timers, SLAs, e-bonding and behaviours may use of a desk, and no more."""

    @property
    def config(self) -> DeskConfig:
        """The desk's configuration (party, prefixes, priority matrix, parties…)."""
        ...

    @property
    def clock(self) -> Clock: ...

    @property
    def store(self) -> Store: ...

    @property
    def schemas(self) -> Mapping[str, TableSchema]:
        """Every table the desk serves, by name."""
        ...

    def schema(self, table: str) -> TableSchema:
        """The schema of a table, or a 400 naming it."""
        ...

    def actor(self, user_name: str) -> Actor:
        """The actor of a known user, without a password."""
        ...

    def next_number(self, connection: Any, table: str) -> str:
        """The next record number of a numbered table (INC0010001, …)."""
        ...

    def calendar(self, name: str | None = None) -> WorkingCalendar:
        """A business calendar by name; the desk's own calendar by default."""
        ...

    def visible(self, table: str, actor: Actor) -> ColumnElement[bool] | None:
        """A filter on `table` for the records `actor` may read, or None for all of them."""
        ...

    def rules_for(self, table: str) -> TableRules:
        """The composed rules every process contributes for a table."""
        ...

    def on_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        """Tell every write listener a record was stored (inside the write transaction)."""
        ...

    def writes_done(self, now: datetime) -> None:
        """Tell every write listener a unit of work is committed (e-bonding then sends)."""
        ...


class WriteListener(Protocol):
    """Something that reacts to the desk's writes: the SLA keeper, e-bonding, a party's script."""

    def record_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        """A record was inserted (`before` is None) or updated, in the writer's transaction."""
        ...

    def writes_done(self, now: datetime) -> None:
        """A request, or a timer's work, has committed its writes."""
        ...


class Seeder(Protocol):
    """Something that writes the desk's starting records when the desk opens (SLA contracts)."""

    def seed(self, ctx: WriteContext) -> None: ...


@dataclass
class WriteContext:
    """One write transaction: the desk's services, its connection, who acts and when."""

    services: DeskServices
    connection: Connection
    actor: Actor
    now: datetime
    cascade_depth: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def now_text(self) -> str:
        return format_time(self.now)

    def resolve_token(self, token: str, current: str) -> str:
        """The value an effect token stands for."""
        if token == NOW:
            return self.now_text
        if token == USER:
            return self.actor.sys_id
        if token == INCREMENT:
            return str(int(current or "0") + 1)
        return token


class TableRules:
    """Per-table behaviour hooks; the default table has none."""

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        """Complete or check a new record before it is stored."""

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        """Complete or check an update before it is stored (`record` is the merged result)."""

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        """React once the record is stored (cascades to related records)."""


NO_RULES = TableRules()
