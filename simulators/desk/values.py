"""Turning a request body into field values: coercion to strings, choices, booleans, references."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, or_

from simulators.desk.schema import BOOLEAN, CHOICE, REFERENCE, TableSchema
from simulators.desk.store import Store
from simulators.errors import BadRequest

SYS_ID = re.compile(r"^[0-9a-f]{32}$")


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
        return raw
    if isinstance(raw, Mapping) and isinstance(raw.get("value"), str):
        return raw["value"]
    raise BadRequest(
        f"Field '{name}' has an invalid value",
        f"expected a string, number or boolean, got {type(raw).__name__}",
    )


def validate_values(
    store: Store, connection: Connection, schema: TableSchema, values: dict[str, str]
) -> None:
    """Check choices and booleans; resolve references given by sys_id or display value."""
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
            values[name] = resolve_reference(store, connection, spec.reference, name, value)


def resolve_reference(
    store: Store, connection: Connection, target: str, name: str, value: str
) -> str:
    """The sys_id a reference value names: a sys_id, or the target's display value."""
    table = store.table(target)
    target_schema = store.schemas[target]
    if SYS_ID.match(value) and store.fetch(connection, target, value):
        return value
    columns = [table.c[target_schema.display_field]]
    if "user_name" in table.c:
        columns.append(table.c.user_name)
    rows = store.select(connection, target, or_(*(c == value for c in columns)), limit=2)
    if len(rows) == 1:
        return rows[0]["sys_id"]
    problem = "matches several records" if rows else "matches no record"
    raise BadRequest(
        f"Field '{name}': '{value}' {problem} in {target}",
        "give the sys_id or the exact display value of the referenced record",
    )
