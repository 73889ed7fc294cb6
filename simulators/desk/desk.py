"""A service desk: its tables, users, rules and timers behind the Table API operations."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_

from simulators.clock import Clock
from simulators.config import DeskConfig
from simulators.desk.auth import (
    ADMIN_PASSWORD_ENV,
    ADMIN_USER,
    Actor,
    generate_password,
    stored_hash,
    verify_password,
)
from simulators.desk.extensions import HttpExtensions
from simulators.desk.process import Process
from simulators.desk.records import insert_record, update_record
from simulators.desk.rules import compose_rules
from simulators.desk.schema import TableSchema
from simulators.desk.serialize import Renderer, RenderOptions
from simulators.desk.services import (
    NO_RULES,
    CalendarLookup,
    Seeder,
    TableRules,
    WorkingCalendar,
    WriteContext,
    WriteListener,
)
from simulators.desk.store import Row, Store
from simulators.desk.tenancy import Tenancy
from simulators.desk.values import Submission, read_submission
from simulators.errors import BadRequest, ConfigError, Forbidden, NotAuthenticated, RecordNotFound
from simulators.query import (
    QueryError,
    Sysparms,
    UnknownField,
    compile_filter,
    compile_order,
    parse_encoded_query,
)
from tomlconfig import check_keys


@dataclass(frozen=True)
class Page:
    """One page of a list request and the total it was cut from."""

    records: list[dict[str, Any]]
    total: int


class Desk:
    """One desk (the reference desk or a party's), independent of HTTP.

    It knows only the processes and collaborators it is given: the front door
    (`simulators.build_desk`) assembles the default desk, SLA keeper, e-bonding and behaviours.
    """

    def __init__(
        self,
        config: DeskConfig,
        clock: Clock,
        processes: Sequence[Process],
        calendars: CalendarLookup,
        store_url: str = "sqlite://",
    ) -> None:
        self.config = config
        self.clock = clock
        self.processes = tuple(processes)
        self.schemas: dict[str, TableSchema] = {
            schema.name: schema for process in self.processes for schema in process.schemas
        }
        _check_numbered_tables(config, self.schemas)
        self.store = Store(store_url, self.schemas, namespace=config.id)
        self.tenancy = Tenancy(self.store, config.party)
        self._rules: dict[str, TableRules] = compose_rules(self.processes, config)
        self._calendars = calendars
        self._listeners: list[WriteListener] = []
        self.http = HttpExtensions()
        self.passwords: dict[str, str] = {}
        for process in self.processes:
            for make_timer in process.timers:
                clock.subscribe(make_timer(self))

    def listen(self, *listeners: WriteListener) -> None:
        """Tell these listeners about every write, in the order given."""
        self._listeners.extend(listeners)

    def open(
        self, passwords: Mapping[str, str] | None = None, seeders: Sequence[Seeder] = ()
    ) -> Desk:
        """Create the configured groups and users, then let seeders write their starting records."""
        self.passwords = self._seed_directory(passwords or {}, seeders)
        return self

    def __repr__(self) -> str:
        return f"Desk({self.config.id!r})"

    # -- users -----------------------------------------------------------------------------

    def authenticate(self, user_name: str, password: str) -> Actor:
        """The actor for these credentials, or NotAuthenticated (the password is never logged).

        The user's row is read on every request, so a deactivation, a role change or a new
        password acts at once; only the costly hash check is remembered, keyed by the stored hash.
        """
        users = self.store.table("sys_user")
        with self.store.reading() as connection:
            rows = self.store.select(
                connection,
                "sys_user",
                and_(users.c.user_name == user_name, users.c.active == "true"),
            )
        if not rows or not verify_password(password, rows[0]["user_password"]):
            raise NotAuthenticated(detail="Required to provide Auth information")
        row = rows[0]
        return Actor(
            sys_id=row["sys_id"],
            user_name=user_name,
            party=row["u_party"],
            roles=frozenset(r for r in row["roles"].split(",") if r),
        )

    def actor(self, user_name: str) -> Actor:
        """The actor of a known user, without a password (for timers and behaviours)."""
        users = self.store.table("sys_user")
        with self.store.reading() as connection:
            rows = self.store.select(connection, "sys_user", users.c.user_name == user_name)
        if not rows:
            raise RecordNotFound(detail=f"no user {user_name} on desk {self.config.id}")
        row = rows[0]
        return Actor(row["sys_id"], user_name, row["u_party"], frozenset(row["roles"].split(",")))

    def _seed_directory(
        self, given: Mapping[str, str], seeders: Sequence[Seeder]
    ) -> dict[str, str]:
        """Create the configured groups and users; return each user's password.

        A password comes from `given`, else the user's environment variable, else is generated.
        """
        passwords: dict[str, str] = {}
        system = Actor("", "system", self.config.party, frozenset({"admin"}))
        with self.store.writing() as connection:
            ctx = WriteContext(self, connection, system, self.clock.now())
            admin_password = (
                given.get(ADMIN_USER) or os.environ.get(ADMIN_PASSWORD_ENV) or generate_password()
            )
            passwords[ADMIN_USER] = admin_password
            self._upsert(
                ctx,
                "sys_user",
                "user_name",
                {
                    "user_name": ADMIN_USER,
                    "name": "System Administrator",
                    "roles": "admin,itil",
                    "u_party": self.config.party,
                    "user_password": stored_hash(admin_password),
                },
            )
            for party in self.config.parties:
                for group in party.groups:
                    self._upsert(
                        ctx,
                        "sys_user_group",
                        "name",
                        {
                            "name": group.name,
                            "description": group.description,
                            "u_party": party.id,
                            "email": f"{_slug(group.name)}@{party.id}.example",
                        },
                    )
                for user in party.users:
                    password = (
                        given.get(user.user_name)
                        or (user.password_env and os.environ.get(user.password_env))
                        or generate_password()
                    )
                    passwords[user.user_name] = password
                    self._upsert(
                        ctx,
                        "sys_user",
                        "user_name",
                        {
                            "user_name": user.user_name,
                            "name": user.name,
                            "roles": ",".join(user.roles),
                            "u_party": party.id,
                            "email": f"{user.user_name}@{party.id}.example",
                            "user_password": stored_hash(password),
                        },
                    )
            for seeder in seeders:
                seeder.seed(ctx)
        return passwords

    def _upsert(self, ctx: WriteContext, table: str, key: str, values: dict[str, str]) -> None:
        sql_table = self.store.table(table)
        rows = self.store.select(ctx.connection, table, sql_table.c[key] == values[key])
        if rows:
            self.store.update(ctx.connection, table, rows[0]["sys_id"], values)
        else:
            insert_record(ctx, table, Submission(values=values))

    # -- plumbing used by the write path ------------------------------------------------------

    def on_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        """After any record is stored: every listener (SLAs, e-bonding, behaviour), in order."""
        for listener in self._listeners:
            listener.record_written(ctx, table, before, after, sub)

    def writes_done(self, now: datetime) -> None:
        """After a unit of work commits: every listener (e-bonding sends what it queued)."""
        for listener in self._listeners:
            listener.writes_done(now)

    def visible(self, table: str, actor: Actor) -> ColumnElement[bool] | None:
        """A filter on `table` for the records `actor` may read, or None for all of them."""
        return self.tenancy.visible(table, actor)

    def rules_for(self, table: str) -> TableRules:
        """The composed rules of a table (every process's contribution), or none."""
        return self._rules.get(table, NO_RULES)

    def calendar(self, name: str | None = None) -> WorkingCalendar:
        """A business calendar by name; the desk's own calendar by default."""
        return self._calendars(name or self.config.calendar)

    def next_number(self, connection: Any, table: str) -> str:
        prefix = self.config.prefixes.get(table, table[:3].upper())
        value = self.store.next_number(connection, prefix, self.config.number_start.get(table, 1))
        return f"{prefix}{value:07d}"

    def schema(self, table: str) -> TableSchema:
        """The schema of a table, or a 400 naming it."""
        if table not in self.schemas:
            raise BadRequest(
                f"Invalid table {table}",
                f"this desk serves: {', '.join(sorted(self.schemas))}",
            )
        return self.schemas[table]

    # -- Table API operations -----------------------------------------------------------------

    def list(self, table: str, actor: Actor, params: Sysparms, base_url: str) -> Page:
        """Records of `table` visible to `actor`, filtered, ordered and paged."""
        schema = self.schema(table)
        where, order = self._compile_query(table, params.query)
        visible = self.tenancy.visible(table, actor)
        clauses = [c for c in (where, visible) if c is not None]
        condition = and_(*clauses) if clauses else None
        with self.store.reading() as connection:
            rows = self.store.select(
                connection, table, condition, order, limit=params.limit, offset=params.offset
            )
            total = self.store.count(connection, table, condition)
            renderer = Renderer(self.store, connection, _render_options(params, base_url))
            return Page(renderer.render_many(schema, rows), total)

    def get(self, table: str, sys_id: str, actor: Actor, params: Sysparms, base_url: str) -> dict:
        """One visible record."""
        schema = self.schema(table)
        with self.store.reading() as connection:
            row = self._visible_row(connection, table, sys_id, actor)
            return Renderer(self.store, connection, _render_options(params, base_url)).render(
                schema, row
            )

    def create(self, table: str, body: Any, actor: Actor, params: Sysparms, base_url: str) -> dict:
        """Insert a record from a request body."""
        schema = self.schema(table)
        self.tenancy.check_table_write(schema, actor)
        submission = read_submission(schema, body)
        with self.store.writing() as connection:
            ctx = WriteContext(self, connection, actor, self.clock.now())
            row = insert_record(ctx, table, submission)
            result = Renderer(self.store, connection, _render_options(params, base_url)).render(
                schema, row
            )
        self.writes_done(self.clock.now())
        return result

    def update(
        self, table: str, sys_id: str, body: Any, actor: Actor, params: Sysparms, base_url: str
    ) -> dict:
        """Apply a partial update (PUT and PATCH behave alike, as in ServiceNow)."""
        schema = self.schema(table)
        self.tenancy.check_table_write(schema, actor)
        submission = read_submission(schema, body)
        with self.store.writing() as connection:
            self._visible_row(connection, table, sys_id, actor)
            ctx = WriteContext(self, connection, actor, self.clock.now())
            row = update_record(ctx, table, sys_id, submission)
            result = Renderer(self.store, connection, _render_options(params, base_url)).render(
                schema, row
            )
        self.writes_done(self.clock.now())
        return result

    def delete(self, table: str, sys_id: str, actor: Actor) -> None:
        """Delete a record (admin only for task tables)."""
        schema = self.schema(table)
        self.tenancy.check_table_write(schema, actor)
        with self.store.writing() as connection:
            self._visible_row(connection, table, sys_id, actor)
            if not actor.is_admin:
                raise Forbidden(
                    f"User {actor.user_name} may not delete {table} records",
                    "cancel or close the record instead; only the admin user deletes",
                )
            self.store.delete(connection, table, sys_id)

    # -- helpers ---------------------------------------------------------------------------------

    def _visible_row(self, connection: Any, table: str, sys_id: str, actor: Actor) -> Row:
        sql_table = self.store.table(table)
        condition = sql_table.c.sys_id == sys_id
        visible = self.tenancy.visible(table, actor)
        if visible is not None:
            condition = and_(condition, visible)
        rows = self.store.select(connection, table, condition, limit=1)
        if not rows:
            raise RecordNotFound(
                detail="Record doesn't exist or ACL restricts the record retrieval"
            )
        return rows[0]

    def _compile_query(
        self, table: str, text: str
    ) -> tuple[ColumnElement[bool] | None, Sequence[ColumnElement[Any]]]:
        schema = self.schemas[table]
        sql_table = self.store.table(table)

        def resolve(name: str) -> tuple[ColumnElement[Any], str]:
            spec = schema.field(name)
            if spec is None or not spec.is_stored or spec.kind == "password":
                raise UnknownField(name, table)
            return sql_table.c[name], spec.kind

        try:
            query = parse_encoded_query(text)
            return compile_filter(query, resolve), compile_order(query, resolve)
        except QueryError as error:
            raise BadRequest(str(error), f"sysparm_query={text}") from None


def _slug(name: str) -> str:
    return "-".join(name.lower().split())


def _render_options(params: Sysparms, base_url: str) -> RenderOptions:
    return RenderOptions(
        base_url=base_url,
        fields=params.fields,
        display_value=params.display_value,
        exclude_reference_link=params.exclude_reference_link,
    )


def _check_numbered_tables(config: DeskConfig, schemas: Mapping[str, TableSchema]) -> None:
    """Number prefixes and first numbers name tables this desk serves (a typo is refused)."""
    for section, settings in (("prefixes", config.prefixes), ("number_start", config.number_start)):
        check_keys(
            settings, schemas, where=config.source, prefix=f"desk.{section}", error=ConfigError
        )
