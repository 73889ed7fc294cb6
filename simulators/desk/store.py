"""The desk's record store: one SQL table per Table API table, through SQLAlchemy Core."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from simulators.desk.schema import TableSchema
from simulators.errors import ConfigError

OWNER_PARTY = "_owner_party"
"""Hidden column: the party that raised the record (tenancy); never shown by the API."""

SEQUENCE = "_seq"
"""Hidden column: insertion order, the tie-break when timestamps are equal."""

Row = dict[str, str]


class Store:
    """Records of every table, kept in SQLite (default) or PostgreSQL; writes are serialised."""

    def __init__(self, url: str, schemas: Mapping[str, TableSchema], namespace: str = "") -> None:
        self.url = url
        self.schemas = dict(schemas)
        self.engine = _make_engine(url)
        self.metadata = MetaData()
        prefix = f"{namespace}_" if namespace else ""
        self.tables: dict[str, Table] = {
            name: _table_for(self.metadata, f"{prefix}{name}", schema)
            for name, schema in self.schemas.items()
        }
        self._counters = Table(
            f"{prefix}sys_number",
            self.metadata,
            Column("prefix", String(40), primary_key=True),
            Column("next_value", Integer, nullable=False),
        )
        self._write_lock = threading.RLock()
        self._shared_connection = url.startswith("sqlite") and _is_memory(url)
        self.metadata.create_all(self.engine)

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One write transaction; concurrent writers queue so no update is lost."""
        with self._write_lock, self.engine.connect() as connection:
            connection.execution_options(immediate=True)
            with connection.begin():
                yield connection

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """A read-only connection with a consistent snapshot."""
        if self._shared_connection:
            with self._write_lock, self.engine.connect() as connection:
                yield connection
        else:
            with self.engine.connect() as connection:
                yield connection

    def table(self, name: str) -> Table:
        """The SQL table behind a Table API table."""
        return self.tables[name]

    def insert(self, connection: Connection, table: str, values: Mapping[str, str]) -> None:
        """Insert one record; missing columns are stored as empty strings."""
        sql_table = self.tables[table]
        row = {
            column.name: values.get(column.name, "")
            for column in sql_table.columns
            if column.name != SEQUENCE
        }
        connection.execute(sql_table.insert().values(**row))

    def fetch(
        self, connection: Connection, table: str, sys_id: str, *, for_update: bool = False
    ) -> Row | None:
        """One record by sys_id, or None; with for_update the row is locked where the DB can."""
        sql_table = self.tables[table]
        statement = select(sql_table).where(sql_table.c.sys_id == sys_id)
        if for_update:
            statement = statement.with_for_update()
        row = connection.execute(statement).mappings().first()
        return _as_row(row) if row else None

    def update(
        self, connection: Connection, table: str, sys_id: str, values: Mapping[str, str]
    ) -> None:
        """Write the given columns of one record."""
        sql_table = self.tables[table]
        connection.execute(
            sql_table.update().where(sql_table.c.sys_id == sys_id).values(**dict(values))
        )

    def delete(self, connection: Connection, table: str, sys_id: str) -> None:
        """Delete one record."""
        sql_table = self.tables[table]
        connection.execute(sql_table.delete().where(sql_table.c.sys_id == sys_id))

    def select(
        self,
        connection: Connection,
        table: str,
        where: ColumnElement[bool] | None = None,
        order: Sequence[ColumnElement[Any]] = (),
        limit: int | None = None,
        offset: int = 0,
    ) -> list[Row]:
        """Records matching `where`, ordered, paged."""
        sql_table = self.tables[table]
        statement = select(sql_table)
        if where is not None:
            statement = statement.where(where)
        statement = statement.order_by(*order, sql_table.c.sys_created_on, sql_table.c[SEQUENCE])
        if limit is not None:
            statement = statement.limit(limit)
        if offset:
            statement = statement.offset(offset)
        return [_as_row(row) for row in connection.execute(statement).mappings()]

    def count(
        self, connection: Connection, table: str, where: ColumnElement[bool] | None = None
    ) -> int:
        """How many records match `where`."""
        sql_table = self.tables[table]
        statement = select(func.count()).select_from(sql_table)
        if where is not None:
            statement = statement.where(where)
        return int(connection.execute(statement).scalar_one())

    def next_number(self, connection: Connection, prefix: str, first: int) -> int:
        """Take the next value of a record-number sequence (inside a write transaction)."""
        counters = self._counters
        current = connection.execute(
            select(counters.c.next_value).where(counters.c.prefix == prefix).with_for_update()
        ).scalar()
        if current is None:
            connection.execute(counters.insert().values(prefix=prefix, next_value=first + 1))
            return first
        connection.execute(
            counters.update().where(counters.c.prefix == prefix).values(next_value=current + 1)
        )
        return int(current)


def _table_for(metadata: MetaData, sql_name: str, schema: TableSchema) -> Table:
    # _seq orders records written in the same second (the virtual clock often stands still).
    columns: list[Column[Any]] = [Column(SEQUENCE, Integer, primary_key=True, autoincrement=True)]
    columns += [
        Column(f.name, Text, nullable=False, default="", unique=(f.name == "sys_id"))
        for f in schema.stored_fields
    ]
    columns.append(Column(OWNER_PARTY, Text, nullable=False, default=""))
    return Table(sql_name, metadata, *columns)


def _as_row(mapping: Mapping[Any, Any]) -> Row:
    return {
        key: "" if value is None else str(value)
        for key, value in mapping.items()
        if key != SEQUENCE
    }


def _is_memory(url: str) -> bool:
    return url in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in url


def _make_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    if _is_memory(url):
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so writers can start with BEGIN IMMEDIATE:
        # a second process then waits for the lock instead of failing mid-transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not _is_memory(url):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def latest_stored_time(url: str) -> str:
    """The latest `sys_updated_on` of any record already in the database at `url` ('' if none).

    A virtual clock resuming on a kept store starts there, never before what it already holds.
    """
    if _is_memory(url):
        return ""
    try:
        engine = _make_engine(url)
    except (ArgumentError, ImportError) as error:
        raise ConfigError(
            f"--db {url!r} is not a database URL SQLAlchemy can use: {error}"
        ) from None
    try:
        metadata = MetaData()
        metadata.reflect(engine)
        latest = ""
        with engine.connect() as connection:
            for table in metadata.tables.values():
                if "sys_updated_on" in table.c:
                    value = connection.execute(select(func.max(table.c.sys_updated_on))).scalar()
                    latest = max(latest, value or "")
        return latest
    except SQLAlchemyError as error:
        shown = engine.url.render_as_string(hide_password=True)
        raise ConfigError(f"cannot read the store at {shown}: {type(error).__name__}") from None
    finally:
        engine.dispose()
