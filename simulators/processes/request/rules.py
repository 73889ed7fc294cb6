"""Service request behaviour: owning groups, type fields, fulfilment checks and the lifecycle."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from simulators.config import DeskConfig
from simulators.desk import (
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    apply_move,
    send_email,
)
from simulators.errors import BadRequest, Forbidden
from simulators.processes.request.lifecycle import (
    CHECKS_DONE,
    FULFILS,
    IN_PROCESS,
    REQUEST_LIFECYCLE,
    REQUESTED,
    REQUESTS,
)
from simulators.processes.request.schema import (
    CHECK_FLAGS,
    REQUEST_TYPE_RULES,
    REQUEST_TYPES,
    Notice,
    RequestType,
)
from simulators.processes.request.settings import read_owning_groups
from vocabulary import LONDON

MPID = re.compile(r"[A-Z]{4}")
DATE_FORMAT = "%Y-%m-%d"
REQUESTER_FIELDS = frozenset({"request_state"})
"""Fields the requesting party may change (to cancel) besides adding comments."""


class RequestRules(TableRules):
    """Hooks that give sc_request its types, owning groups, fulfilment checks and lifecycle."""

    lifecycle: Lifecycle = REQUEST_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.owning_groups = read_owning_groups(config)

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        record["requested_for"] = record.get("requested_for") or ctx.actor.sys_id
        record["u_party"] = _party_of_user(ctx, record["requested_for"]) or ctx.actor.party
        if record["u_party"] != ctx.actor.party and not self._is_desk_agent(ctx):
            raise Forbidden(
                f"User {ctx.actor.user_name} may not raise a request for another party's user",
                f"requested_for belongs to {record['u_party']}; a party raises its own requests",
            )
        kind = self._request_type(record, "(new)")
        # The portal routes a party's request to its owning group; only the desk's agents choose.
        if not (record.get("assignment_group") and self._is_desk_agent(ctx)):
            owning = self.owning_groups.get(kind.code, "")
            record["assignment_group"] = _group_id(ctx, owning) if owning else ""
        if not record.get("short_description"):
            party = self.config.find_party(record["u_party"])
            record["short_description"] = f"{kind.label} for {party.name if party else 'a party'}"
        self._check_type_fields(ctx, kind, {}, record, "(new)")
        if (record.get("request_state") or REQUESTED) != REQUESTED:
            self._move(ctx, kind, {**record, "request_state": REQUESTED}, record, "(new)")
        self._apply_checks(ctx, kind, {}, record, "(new)")

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        number = before["number"]
        self._check_requester(ctx, before, sub)
        if record.get("u_request_type") != before.get("u_request_type"):
            raise BadRequest(
                f"Request {number}: the request type is fixed once raised",
                f"it is {REQUEST_TYPES.get(before.get('u_request_type', ''), 'unset')}; "
                "cancel it and raise a request of the other type",
            )
        kind = self._request_type(record, number)
        self._check_type_fields(ctx, kind, before, record, number)
        state = record.get("request_state") or REQUESTED
        if state != before.get("request_state"):
            self._move(ctx, kind, before, record, number)
            if state == IN_PROCESS and not record.get("assigned_to"):
                record["assigned_to"] = ctx.actor.sys_id
        else:
            self.lifecycle.check_mandatory(number, state, state, record)
        self._apply_checks(ctx, kind, before, record, number)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        kind = REQUEST_TYPE_RULES.get(after.get("u_request_type", ""))
        if kind is None:
            return
        for check in kind.checks:
            was_done = before is not None and before.get(check.flag) == "true"
            if check.notice and after.get(check.flag) == "true" and not was_done:
                self._send_notice(ctx, kind, check.notice, after)

    # -- checks ----------------------------------------------------------------------------------

    def _request_type(self, record: Mapping[str, str], number: str) -> RequestType:
        code = record.get("u_request_type", "")
        if code not in REQUEST_TYPE_RULES:
            raise BadRequest(
                f"Request {number}: u_request_type is mandatory",
                f"request types: {', '.join(f'{k} ({v})' for k, v in REQUEST_TYPES.items())}",
            )
        return REQUEST_TYPE_RULES[code]

    def _check_type_fields(
        self,
        ctx: WriteContext,
        kind: RequestType,
        before: Mapping[str, str],
        record: Mapping[str, str],
        number: str,
    ) -> None:
        missing = [name for name in kind.mandatory if not record.get(name)]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            raise BadRequest(
                f"Request {number}: {', '.join(missing)} {verb} mandatory for {kind.label}",
                f"mandatory for {kind.label}: {', '.join(kind.mandatory)}",
            )

        def changed(name: str) -> bool:
            return bool(record.get(name)) and record.get(name) != before.get(name)

        for name in filter(changed, kind.mpid_fields):
            if not MPID.fullmatch(record[name]):
                raise BadRequest(
                    f"Request {number}: {name} '{record[name]}' is not an MPID",
                    "a market participant id is four upper-case letters, e.g. LANT",
                )
        for name in filter(changed, kind.party_fields):
            if self.config.find_party(record[name]) is None:
                known = ", ".join(f"{p.id} ({p.name})" for p in self.config.parties)
                raise BadRequest(
                    f"Request {number}: {name} '{record[name]}' is not a party of this desk",
                    f"known parties: {known}",
                )
        named = [record.get(name, "") for name in kind.party_fields]
        if len(set(named)) < len(named):
            raise BadRequest(
                f"Request {number}: {' and '.join(kind.party_fields)} name the same party "
                f"'{named[0]}'",
                "the incoming supplier takes the roles of a different, failed supplier",
            )
        today = ctx.now.astimezone(LONDON).date()
        for name in filter(changed, kind.date_fields):
            day = _date(record[name], f"Request {number}: {name}")
            if day < today:
                raise BadRequest(
                    f"Request {number}: {name} {day.isoformat()} is before today "
                    f"({today.isoformat()})",
                    f"{kind.label} takes effect on or after the day it is requested",
                )
        foreign = sorted(CHECK_FLAGS - {c.flag for c in kind.checks})
        for name in foreign:
            if record.get(name) == "true":
                raise BadRequest(
                    f"Request {number}: {name} does not apply to {kind.label}",
                    f"checks of {kind.label}: {', '.join(c.flag for c in kind.checks) or 'none'}",
                )

    def _check_requester(self, ctx: WriteContext, before: Row, sub: Submission) -> None:
        if self._fulfils(ctx, before):
            return
        touched = {k for k, v in sub.values.items() if before.get(k) != v}
        refused = sorted(touched - REQUESTER_FIELDS)
        journals = sorted({name for name, _ in sub.journals} - {"comments"})
        if refused or journals:
            raise Forbidden(
                f"User {ctx.actor.user_name} may not change {', '.join(refused + journals)} "
                f"on request {before['number']}",
                "the requesting party may cancel its request or add comments; "
                "the fulfilling team works it",
            )

    def _apply_checks(
        self,
        ctx: WriteContext,
        kind: RequestType,
        before: Mapping[str, str],
        record: dict[str, str],
        number: str,
    ) -> None:
        in_process = IN_PROCESS in (before.get("request_state"), record.get("request_state"))
        for check in kind.checks:
            was_done = before.get(check.flag) == "true"
            done = record.get(check.flag) == "true"
            if was_done and not done:
                raise BadRequest(
                    f"Request {number}: {check.flag} cannot be withdrawn once recorded",
                    f"{check.outcome}; raise a new request to reverse a fulfilled step",
                )
            if not done or was_done:
                continue
            if not in_process:
                state = self.lifecycle.describe(record.get("request_state") or REQUESTED)
                raise BadRequest(
                    f"Request {number} cannot {check.action} while it is {state}",
                    f"the fulfilling team may {check.action} only while the request is "
                    f"{self.lifecycle.describe(IN_PROCESS)}",
                )
            pending = [c for c in kind.checks if c.flag in check.after]
            pending = [c for c in pending if record.get(c.flag) != "true"]
            if pending:
                raise BadRequest(
                    f"Request {number} cannot {check.action} until "
                    f"{' and '.join(c.outcome for c in pending)}",
                    f"{check.action} follows: {', '.join(c.action for c in pending)}",
                )
            for name, token in check.stamps.items():
                record[name] = ctx.resolve_token(token, before.get(name, ""))

    # -- moves -----------------------------------------------------------------------------------

    def _move(
        self,
        ctx: WriteContext,
        kind: RequestType,
        before: Mapping[str, str],
        record: dict[str, str],
        number: str,
    ) -> None:
        facts = {
            FULFILS: _flag(self._fulfils(ctx, record)),
            REQUESTS: _flag(ctx.actor.party == record.get("u_party")),
            CHECKS_DONE: _flag(all(record.get(c.flag) == "true" for c in kind.checks)),
        }
        apply_move(self.lifecycle, ctx, before, record, number, facts)

    def _is_desk_agent(self, ctx: WriteContext) -> bool:
        return ctx.actor.is_admin or (
            "itil" in ctx.actor.roles and ctx.actor.party == self.config.party
        )

    def _fulfils(self, ctx: WriteContext, record: Mapping[str, str]) -> bool:
        """Admins, and agents of the party that owns the assignment group (else the desk's)."""
        if ctx.actor.is_admin:
            return True
        owner = self.config.party
        group_id = record.get("assignment_group", "")
        if group_id:
            group = ctx.services.store.fetch(ctx.connection, "sys_user_group", group_id)
            owner = group["u_party"] if group else owner
        return "itil" in ctx.actor.roles and ctx.actor.party == owner

    # -- notices ---------------------------------------------------------------------------------

    def _send_notice(
        self, ctx: WriteContext, kind: RequestType, notice: Notice, request: Row
    ) -> None:
        store = ctx.services.store
        groups = store.table("sys_user_group")
        values: dict[str, Any] = dict(request)
        recipients: list[str] = []
        for name in kind.party_fields:
            party_id = request.get(name, "")
            party = self.config.find_party(party_id)
            values[f"{name}_name"] = party.name if party else party_id
            rows = store.select(ctx.connection, "sys_user_group", groups.c.u_party == party_id)
            recipients += [row["email"] for row in rows if row["email"]]
        send_email(
            ctx,
            recipients=dict.fromkeys(recipients),
            subject=notice.subject.format_map(values),
            body=notice.body.format_map(values),
            instance=request["sys_id"],
            target_table="sc_request",
        )


def _flag(value: bool) -> str:
    return "true" if value else "false"


def _date(text: str, where: str) -> date:
    try:
        return datetime.strptime(text, DATE_FORMAT).date()
    except ValueError:
        raise BadRequest(
            f"{where} '{text}' is not a date like 2026-12-31", "give the date as YYYY-MM-DD"
        ) from None


def _party_of_user(ctx: WriteContext, user_sys_id: str) -> str:
    user = ctx.services.store.fetch(ctx.connection, "sys_user", user_sys_id)
    return user["u_party"] if user else ""


def _group_id(ctx: WriteContext, name: str) -> str:
    groups = ctx.services.store.table("sys_user_group")
    rows = ctx.services.store.select(ctx.connection, "sys_user_group", groups.c.name == name)
    return rows[0]["sys_id"] if rows else ""
