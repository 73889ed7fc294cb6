"""Change behaviour: a lifecycle per type, templates, CAB requests, freezes, notice and notices."""

from __future__ import annotations

from collections.abc import Mapping

from simulators.config import DeskConfig
from simulators.desk import (
    GuardContext,
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    desk_context,
    insert_record,
    is_agent,
    update_record,
    validate_values,
)
from simulators.errors import BadRequest, Forbidden, InvalidTransition
from simulators.processes.change.lifecycle import (
    APPROVAL_ROLES,
    AUTHORIZE,
    CANCELED,
    CHANGE_LIFECYCLES,
    CLOSED,
    IMPLEMENT,
    NEW,
    NORMAL,
    REQUESTED,
    SCHEDULED,
    STANDARD,
)
from simulators.processes.change.notices import CANCELED as CANCELED_NOTICE
from simulators.processes.change.notices import COMPLETED, RESCHEDULED, notify_participants
from simulators.processes.change.notices import SCHEDULED as SCHEDULED_NOTICE
from simulators.processes.change.scheduling import SchedulingRules, Window
from simulators.processes.change.schema import CHANGE_TYPES
from simulators.processes.change.settings import ChangeConfig, load_change_config

FIXED_AFTER_RAISING = ("type", "std_change_template")
NOTIFIED_STATES = frozenset({SCHEDULED, IMPLEMENT})
"""States in which participants have been told the window (so a cancel is notified too)."""


def lifecycle_for(change_type: str) -> Lifecycle:
    """The state machine a change of this type follows (normal when the type is empty)."""
    return CHANGE_LIFECYCLES[change_type or NORMAL]


def approvers(ctx: WriteContext, role: str) -> list[Row]:
    """Active users of this desk holding `role`, in creation order."""
    users = ctx.services.store.table("sys_user")
    rows = ctx.services.store.select(ctx.connection, "sys_user", users.c.active == "true")
    return [row for row in rows if role in row["roles"].split(",")]


class ChangeRules(TableRules):
    """Hooks that give change_request ServiceNow's change management behaviour."""

    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.settings: ChangeConfig = load_change_config(config)

    # -- hooks ------------------------------------------------------------------------------------

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        number = record["number"]
        self._require_agent(ctx, "raise", "a change")
        record["requested_by"] = record.get("requested_by") or ctx.actor.sys_id
        self._apply_template(ctx, number, record, sub)
        Window.of(number, record)
        state = record.get("state") or NEW
        if state != NEW:
            self._move(ctx, {**record, "state": NEW}, record)

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        number = before["number"]
        self._require_agent(ctx, "change", f"change {number}")
        for name in FIXED_AFTER_RAISING:
            if record.get(name, "") != before.get(name, ""):
                raise BadRequest(
                    f"Change {number}: {name} cannot change after the change is raised "
                    f"(it is {before.get(name) or 'empty'!r}, the update asks for "
                    f"{record.get(name) or 'empty'!r})",
                    "cancel the change and raise a new one of the right type",
                )
        window = Window.of(number, record)
        lifecycle = lifecycle_for(record.get("type", ""))
        if record.get("state") != before.get("state"):
            self._move(ctx, before, record)
        else:
            state = record.get("state") or NEW
            lifecycle.check_mandatory(number, state, state, record)
            moved = any(record.get(k) != before.get(k) for k in ("start_date", "end_date"))
            if state == SCHEDULED and moved and window is not None:
                head = f"{lifecycle.label} {number} in {lifecycle.describe(state)}"
                self._scheduling(ctx).check(head, record["type"], window, ctx.now)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        source = before.get("state", NEW) if before else NEW
        target = after.get("state", NEW)
        if source != target and target == AUTHORIZE:
            self._request_approvals(ctx, after)
        if source != target and target == SCHEDULED:
            notify_participants(ctx, after, SCHEDULED_NOTICE)
        elif before is not None and target == SCHEDULED and _window_moved(before, after):
            notify_participants(ctx, after, RESCHEDULED)
        if source != target and target == CLOSED:
            notify_participants(ctx, after, COMPLETED)
        if source != target and target == CANCELED:
            self._withdraw_approvals(ctx, after)
            if source in NOTIFIED_STATES:
                notify_participants(ctx, after, CANCELED_NOTICE)

    # -- raising ----------------------------------------------------------------------------------

    def _apply_template(
        self, ctx: WriteContext, number: str, record: dict[str, str], sub: Submission
    ) -> None:
        name = record.get("std_change_template", "")
        if not name:
            if record.get("type") == STANDARD:
                raise BadRequest(
                    f"Change {number}: a standard change is raised from a template, and "
                    "std_change_template is empty",
                    f"templates: {', '.join(sorted(self.settings.templates)) or 'none configured'}",
                )
            record["approval"] = "not requested"
            return
        template = self.settings.templates.get(name)
        if template is None:
            raise BadRequest(
                f"Change {number}: std_change_template '{name}' is not a standard change template",
                f"templates in {self.config.source}: "
                f"{', '.join(sorted(self.settings.templates)) or 'none'}",
            )
        asked = sub.values.get("type", "")
        if asked not in ("", STANDARD):
            raise BadRequest(
                f"Change {number}: a change raised from template '{name}' is a standard change, "
                f"not {CHANGE_TYPES.get(asked, asked).lower()}",
                "leave type empty or set it to standard",
            )
        prefill = {k: v for k, v in template.values.items() if not sub.values.get(k)}
        validate_values(
            ctx.services.store, ctx.connection, ctx.services.schemas["change_request"], prefill
        )
        record.update(prefill)
        record["type"] = STANDARD
        record["approval"] = "approved"

    # -- moving -----------------------------------------------------------------------------------

    def _move(self, ctx: WriteContext, before: Mapping[str, str], record: dict[str, str]) -> None:
        number = record["number"]
        lifecycle = lifecycle_for(record.get("type", ""))
        context = GuardContext(
            record=record,
            roles=ctx.actor.roles,
            user_sys_id=ctx.actor.sys_id,
            is_admin=ctx.actor.is_admin,
        )
        source = before.get("state") or NEW
        transition = lifecycle.check(number, source, record["state"], context)
        for name, token in lifecycle.effects_of(transition).items():
            record[name] = ctx.resolve_token(token, before.get(name, ""))
        head = (
            f"{lifecycle.label} {number} cannot move from {lifecycle.describe(source)} "
            f"to {lifecycle.describe(transition.target)}"
        )
        if transition.target == AUTHORIZE:
            self._require_approvers(ctx, head, record)
        if transition.target == SCHEDULED:
            window = Window.of(number, record)
            assert window is not None  # mandatory fields were checked
            self._scheduling(ctx).check(head, record["type"], window, ctx.now)

    def _scheduling(self, ctx: WriteContext) -> SchedulingRules:
        calendar = ctx.services.calendar()
        return SchedulingRules(self.settings, calendar)

    # -- approvals --------------------------------------------------------------------------------

    @staticmethod
    def _require_approvers(ctx: WriteContext, head: str, record: Mapping[str, str]) -> None:
        role = APPROVAL_ROLES[record["type"]]
        if not approvers(ctx, role):
            raise InvalidTransition(
                f"{head}: no user holds the {role} role, so nobody could authorise it",
                f"add a user with role {role} to {ctx.services.config.source}",
            )

    @staticmethod
    def _request_approvals(ctx: WriteContext, change: Row) -> None:
        rule_ctx = desk_context(ctx)
        role = APPROVAL_ROLES[change["type"]]
        for user in approvers(ctx, role):
            insert_record(
                rule_ctx,
                "sysapproval_approver",
                Submission(
                    values={
                        "approver": user["sys_id"],
                        "document_id": change["sys_id"],
                        "state": REQUESTED,
                    }
                ),
            )

    @staticmethod
    def _withdraw_approvals(ctx: WriteContext, change: Row) -> None:
        rule_ctx = desk_context(ctx)
        table = ctx.services.store.table("sysapproval_approver")
        pending = ctx.services.store.select(
            ctx.connection,
            "sysapproval_approver",
            (table.c.document_id == change["sys_id"]) & (table.c.state == REQUESTED),
        )
        for approval in pending:
            update_record(
                rule_ctx,
                "sysapproval_approver",
                approval["sys_id"],
                Submission(values={"state": "cancelled"}),
            )

    @staticmethod
    def _require_agent(ctx: WriteContext, verb: str, what: str) -> None:
        if not is_agent(ctx):
            raise Forbidden(
                f"User {ctx.actor.user_name} may not {verb} {what}",
                "changes are raised and worked by service desk agents (role itil)",
            )


def _window_moved(before: Row, after: Row) -> bool:
    return any(before.get(k) != after.get(k) for k in ("start_date", "end_date"))
