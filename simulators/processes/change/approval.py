"""CAB and eCAB approvals (sysapproval_approver): who may decide, and what a decision does."""

from __future__ import annotations

from simulators.config import DeskConfig
from simulators.desk import (
    GuardContext,
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    desk_context,
    is_agent,
    update_record,
)
from simulators.errors import BadRequest, Forbidden, InvalidTransition
from simulators.processes.change.lifecycle import (
    APPROVAL_LIFECYCLE,
    APPROVAL_ROLES,
    APPROVED,
    AUTHORIZE,
    NEW,
    NOT_REQUIRED,
    REJECTED,
    REQUESTED,
)
from simulators.processes.change.schema import CHANGE_TYPES

FIXED_FIELDS = ("approver", "document_id")
DECISIONS = {APPROVED: "approved", REJECTED: "rejected"}
"""An approval's decision and the change approval it gives."""


class ApprovalRules(TableRules):
    """Hooks that make sysapproval_approver the CAB's record of authorising a change."""

    lifecycle: Lifecycle = APPROVAL_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        self.config = config

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        if not is_agent(ctx):
            raise Forbidden(
                f"User {ctx.actor.user_name} may not request an approval",
                "approvals are requested by service desk agents or by the desk itself",
            )
        change = self._change(ctx, record)
        number, change_type = change["number"], change["type"]
        role = APPROVAL_ROLES.get(change_type)
        if role is None:
            raise BadRequest(
                f"Change {number} is a {change_type} change: it is pre-approved by its template "
                "and takes no approval",
                "approvals are for normal (CAB) and emergency (eCAB) changes",
            )
        if change["state"] != AUTHORIZE:
            raise BadRequest(
                f"Change {number}: approvals are requested while a change is in Authorize",
                f"it is in state {change['state']}",
            )
        if (record.get("state") or REQUESTED) != REQUESTED:
            raise BadRequest(
                f"Approval for {number}: a new approval starts as requested, not {record['state']}",
                "the approver decides it afterwards",
            )
        approver = ctx.services.store.fetch(ctx.connection, "sys_user", record.get("approver", ""))
        if approver is None or role not in approver["roles"].split(","):
            who = approver["user_name"] if approver else record.get("approver") or "nobody"
            raise BadRequest(
                f"Approval for {number}: {who} does not hold the {role} role, so cannot authorise "
                f"a {change_type} change",
                f"{_board(change_type)} members hold {role}",
            )
        record["source_table"] = "change_request"
        record["u_approver_role"] = role

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        change = self._change(ctx, before)
        number = change["number"]
        for name in FIXED_FIELDS:
            if record.get(name) != before.get(name):
                raise BadRequest(
                    f"Approval for {number}: {name} cannot change once requested",
                    "withdraw the approval by canceling the change, then request a new one",
                )
        if record.get("state") == before.get("state"):
            return
        head = (
            f"Approval for {number} cannot move from {self.lifecycle.describe(before['state'])} "
            f"to {self.lifecycle.describe(record['state'])}"
        )
        role = before.get("u_approver_role", "")
        if record["state"] in DECISIONS and not ctx.actor.is_admin and role not in ctx.actor.roles:
            raise InvalidTransition(
                f"{head}: deciding a {change['type']} change needs the {role} role, which "
                f"{ctx.actor.user_name} does not hold",
                f"only {_board(change['type'])} members ({role}) authorise {change['type']} "
                "changes",
            )
        context = GuardContext(
            record=record,
            roles=ctx.actor.roles,
            user_sys_id=ctx.actor.sys_id,
            is_admin=ctx.actor.is_admin,
        )
        self.lifecycle.check(f"for {number}", before["state"], record["state"], context)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        if before is None or before.get("state") == after.get("state"):
            return
        decision = DECISIONS.get(after["state"])
        if decision is None:
            return
        rule_ctx = desk_context(ctx)
        table = ctx.services.store.table("sysapproval_approver")
        others = ctx.services.store.select(
            ctx.connection,
            "sysapproval_approver",
            (table.c.document_id == after["document_id"])
            & (table.c.state == REQUESTED)
            & (table.c.sys_id != after["sys_id"]),
        )
        for other in others:
            update_record(
                rule_ctx,
                "sysapproval_approver",
                other["sys_id"],
                Submission(values={"state": NOT_REQUIRED}),
            )
        values = {"approval": decision}
        if decision == "rejected":
            values["state"] = NEW
        approver = ctx.services.store.fetch(ctx.connection, "sys_user", after["approver"])
        name = approver["name"] if approver else ctx.actor.user_name
        note = f"{decision.capitalize()} by {name} ({after['u_approver_role']})"
        if after.get("comments"):
            note += f": {after['comments']}"
        update_record(
            rule_ctx,
            "change_request",
            after["document_id"],
            Submission(values=values, journals=[("work_notes", note)]),
        )

    @staticmethod
    def _change(ctx: WriteContext, record: dict[str, str] | Row) -> Row:
        change = ctx.services.store.fetch(
            ctx.connection, "change_request", record.get("document_id", "")
        )
        if change is None:
            raise BadRequest(
                "An approval needs the change it authorises: document_id is mandatory",
                "document_id holds the change_request's sys_id or number",
            )
        return change


def _board(change_type: str) -> str:
    """'the CAB' or 'the emergency CAB (eCAB)'."""
    label = CHANGE_TYPES.get(change_type, change_type).lower()
    return "the emergency CAB (eCAB)" if label == "emergency" else "the CAB"
