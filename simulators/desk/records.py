"""The write path shared by every table: system fields, numbering, rules, audit and journal."""

from __future__ import annotations

import uuid
from collections.abc import Mapping

from simulators.desk.services import WriteContext
from simulators.desk.store import OWNER_PARTY, Row
from simulators.desk.values import Readable, Submission, validate_values
from simulators.errors import Conflict, RecordNotFound

RECEIPTS = "u_ebond_receipt"


def new_sys_id() -> str:
    """A ServiceNow-style 32-hex sys_id."""
    return uuid.uuid4().hex


def insert_record(ctx: WriteContext, table: str, sub: Submission) -> Row:
    """Create a record: defaults, number, rules, audit and journal, in the caller's transaction."""
    desk, schema = ctx.services, ctx.services.schemas[table]
    _refuse_repeated_key(ctx, sub)
    validate_values(desk.store, ctx.connection, schema, sub.values, readable_by(ctx))
    record = {f.name: f.default for f in schema.stored_fields}
    record.update(sub.values)
    record.update(
        sys_id=new_sys_id(),
        sys_created_on=ctx.now_text,
        sys_created_by=ctx.actor.user_name,
        sys_updated_on=ctx.now_text,
        sys_updated_by=ctx.actor.user_name,
        sys_mod_count="0",
    )
    if schema.numbered:
        record["number"] = desk.next_number(ctx.connection, table)
    # Every task table stamps who opened it and when, as ServiceNow's task table does.
    for name, value in (("opened_by", ctx.actor.sys_id), ("opened_at", ctx.now_text)):
        if schema.field(name) is not None:
            record[name] = value
    desk.rules_for(table).on_insert(ctx, record, sub)
    record[OWNER_PARTY] = ctx.actor.party
    desk.store.insert(ctx.connection, table, record)
    _audit(ctx, table, record["sys_id"], {}, record, checkpoint=0)
    _journal(ctx, table, record["sys_id"], sub.journals)
    after = desk.store.fetch(ctx.connection, table, record["sys_id"])
    assert after is not None
    desk.rules_for(table).after_write(ctx, None, after)
    desk.on_written(ctx, table, None, after, sub)
    _keep_key(ctx, table, after, sub)
    return after


def update_record(ctx: WriteContext, table: str, sys_id: str, sub: Submission) -> Row:
    """Apply a partial update under a row lock so concurrent updates never overwrite each other."""
    desk, schema = ctx.services, ctx.services.schemas[table]
    before = desk.store.fetch(ctx.connection, table, sys_id, for_update=True)
    if before is None:
        raise RecordNotFound(detail=f"Record doesn't exist in {table}: {sys_id}")
    _refuse_repeated_key(ctx, sub)
    validate_values(desk.store, ctx.connection, schema, sub.values, readable_by(ctx))
    record = dict(before)
    record.update(sub.values)
    desk.rules_for(table).on_update(ctx, before, record, sub)
    changed = {k: v for k, v in record.items() if before.get(k) != v}
    if not changed and not sub.journals:
        return before
    checkpoint = int(before.get("sys_mod_count") or "0") + 1
    changed.update(
        sys_updated_on=ctx.now_text,
        sys_updated_by=ctx.actor.user_name,
        sys_mod_count=str(checkpoint),
    )
    desk.store.update(ctx.connection, table, sys_id, changed)
    _audit(ctx, table, sys_id, before, changed, checkpoint=checkpoint)
    _journal(ctx, table, sys_id, sub.journals)
    after = desk.store.fetch(ctx.connection, table, sys_id)
    assert after is not None
    desk.rules_for(table).after_write(ctx, before, after)
    desk.on_written(ctx, table, before, after, sub)
    _keep_key(ctx, table, after, sub)
    return after


def _refuse_repeated_key(ctx: WriteContext, sub: Submission) -> None:
    """A write whose idempotency key was applied before is refused with 409, changing nothing."""
    if not sub.idempotency_key:
        return
    receipts = ctx.services.store.table(RECEIPTS)
    seen = ctx.services.store.select(
        ctx.connection, RECEIPTS, receipts.c.idempotency_key == sub.idempotency_key, limit=1
    )
    if seen:
        raise Conflict(
            f"Write {sub.idempotency_key} was already applied",
            f"to {seen[0]['record_number'] or seen[0]['record']} ({seen[0]['record']})",
        )


def _keep_key(ctx: WriteContext, table: str, after: Row, sub: Submission) -> None:
    if sub.idempotency_key:
        ctx.services.store.insert(
            ctx.connection,
            RECEIPTS,
            system_fields(ctx)
            | {
                "idempotency_key": sub.idempotency_key,
                "record_table": table,
                "record": after["sys_id"],
                "record_number": after.get("number", ""),
            },
        )


_NOT_AUDITED = frozenset(
    {
        "sys_id",
        "sys_created_on",
        "sys_created_by",
        "sys_updated_on",
        "sys_updated_by",
        "sys_mod_count",
        "user_password",
        OWNER_PARTY,
    }
)


def _audit(
    ctx: WriteContext,
    table: str,
    sys_id: str,
    before: Mapping[str, str],
    changes: Mapping[str, str],
    *,
    checkpoint: int,
) -> None:
    if table in ("sys_audit", "sys_journal_field"):
        return
    for name, value in changes.items():
        if name in _NOT_AUDITED or (not before and value == ""):
            continue
        ctx.services.store.insert(
            ctx.connection,
            "sys_audit",
            system_fields(ctx)
            | {
                "tablename": table,
                "documentkey": sys_id,
                "fieldname": name,
                "oldvalue": before.get(name, ""),
                "newvalue": value,
                "user": ctx.actor.user_name,
                "record_checkpoint": str(checkpoint),
            },
        )


def _journal(ctx: WriteContext, table: str, sys_id: str, entries: list[tuple[str, str]]) -> None:
    for element, value in entries:
        ctx.services.store.insert(
            ctx.connection,
            "sys_journal_field",
            system_fields(ctx)
            | {"name": table, "element": element, "element_id": sys_id, "value": value},
        )


def system_fields(ctx: WriteContext, owner_party: str | None = None) -> dict[str, str]:
    """System fields of a record the desk writes itself (journal, audit, SLA, e-mail)."""
    return {
        "sys_id": new_sys_id(),
        "sys_created_on": ctx.now_text,
        "sys_created_by": ctx.actor.user_name,
        "sys_updated_on": ctx.now_text,
        "sys_updated_by": ctx.actor.user_name,
        "sys_mod_count": "0",
        OWNER_PARTY: ctx.actor.party if owner_party is None else owner_party,
    }


def readable_by(ctx: WriteContext) -> Readable:
    """The records the acting user may read, per table: what their references may name."""
    return lambda table: ctx.services.visible(table, ctx.actor)
