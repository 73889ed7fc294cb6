"""Turning a request body into field values: coercion to strings, choices, booleans, references."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, or_

from simulators.desk.auth import hash_password
from simulators.desk.schema import BOOLEAN, CHOICE, PASSWORD, REFERENCE, TableSchema
from simulators.desk.store import Store
from simulators.errors import BadRequest

SYS_ID = re.compile(r"^[0-9a-f]{32}$")
Readable = Callable[[str], ColumnElement[bool] | None]
"""For a table, the filter on the records the writer may read (None: all of them)."""


@dataclass
class Submission:
    """What a write asks for: stored field values and journal entries (work notes, comments)."""

    values: dict[str, str] = field(default_factory=dict)
    journals: list[tuple[str, str]] = field(default_factory=list)
    idempotency_key: str = ""
    """A sender's key for this write (`u_ebond_key` in the body): applied once, refused after."""


IDEMPOTENCY_KEY = "u_ebond_key"


def read_submission(schema: TableSchema, body: Any) -> Submission:
    """Coerce a JSON body; unknown and read-only fields are ignored, as ServiceNow does."""
    if not isinstance(body, Mapping):
        raise BadRequest(
            "Exception while reading request",
            f"the request body must be a JSON object, got {type(body).__name__}",
        )
    submission = Submission()
    for name, raw in body.items():
        if name == IDEMPOTENCY_KEY:
            submission.idempotency_key = _as_text(name, raw)
            continue
        spec = schema.field(name)
        if spec is None or (spec.read_only and spec.is_stored):
            continue
        value = _as_text(name, raw)
        if not spec.is_stored:
            if value.strip():
                submission.journals.append((name, value))
        elif spec.kind == PASSWORD:
            # A password is kept only as a salted hash, however it arrives.
            submission.values[name] = hash_password(value) if value else ""
        else:
            submission.values[name] = value
    return submission


def _as_text(name: str, raw: Any) -> str:
    if raw is None:
        return ""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float):
        return str(int(raw)) if raw.is_integer() else str(raw)
    if isinstance(raw, str):
        return _storable(name, raw)
    if isinstance(raw, Mapping) and isinstance(raw.get("value"), str):
        return _storable(name, raw["value"])
    raise BadRequest(
        f"Field '{name}' has an invalid value",
        f"expected a string, number or boolean, got {type(raw).__name__}",
    )


def validate_values(
    store: Store,
    connection: Connection,
    schema: TableSchema,
    values: dict[str, str],
    readable: Readable | None = None,
) -> None:
    """Check choices and booleans; resolve references given by sys_id or display value.

    With `readable`, a reference resolves only among the records the writer may read: one to a
    record they may not see is refused exactly like one to a record that does not exist.
    """
    for name, value in list(values.items()):
        spec = schema.field(name)
        if spec is None or value == "":
            continue
        if spec.kind == CHOICE and value not in spec.choices:
            valid = ", ".join(f"{code} ({label})" for code, label in spec.choices.items())
            raise BadRequest(
                f"Field '{name}' of {schema.name}: '{value}' is not a valid choice",
                f"valid choices: {valid}",
            )
        if spec.kind == BOOLEAN:
            lowered = value.lower()
            if lowered not in ("true", "false"):
                raise BadRequest(f"Field '{name}' of {schema.name}: '{value}' is not true or false")
            values[name] = lowered
        if spec.kind == REFERENCE:
            where = readable(spec.reference) if readable else None
            values[name] = resolve_reference(store, connection, spec.reference, name, value, where)


def resolve_reference(
    store: Store,
    connection: Connection,
    target: str,
    name: str,
    value: str,
    where: ColumnElement[bool] | None = None,
) -> str:
    """The sys_id a reference value names: a sys_id, or the target's display value.

    `where` narrows the records it may name (those the writer may read).
    """
    table = store.table(target)
    target_schema = store.schemas[target]
    columns = [table.c.sys_id] if SYS_ID.match(value) else []
    columns.append(table.c[target_schema.display_field])
    if "user_name" in table.c:
        columns.append(table.c.user_name)
    condition = or_(*(c == value for c in columns))
    if where is not None:
        condition = and_(condition, where)
    rows = store.select(connection, target, condition, limit=2)
    if SYS_ID.match(value) and any(row["sys_id"] == value for row in rows):
        return value
    if len(rows) == 1:
        return rows[0]["sys_id"]
    problem = "matches several records" if rows else "matches no record"
    raise BadRequest(
        f"Field '{name}': '{value}' {problem} in {target}",
        "give the sys_id or the exact display value of the referenced record",
    )


def _storable(name: str, text: str) -> str:
    """Text every store keeps as sent: valid Unicode (no lone surrogate) and no NUL character."""
    if "\x00" in text:
        raise BadRequest(
            f"Field '{name}' has an invalid value", "the text contains a NUL character"
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRequest(
            f"Field '{name}' has an invalid value", "the text contains a lone surrogate"
        ) from None
    return text
