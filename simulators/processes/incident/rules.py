"""Incident behaviour: priority lookup, lifecycle checks, caller updates, parent/child sync."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from simulators.config import DeskConfig
from simulators.desk import (
    AGENT_ROLES,
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    apply_move,
    update_record,
)
from simulators.errors import Forbidden
from simulators.processes.incident.lifecycle import (
    ACTIVE_STATES,
    AWAITING_CALLER,
    AWAITING_CHANGE,
    AWAITING_PROBLEM,
    AWAITING_VENDOR,
    IN_PROGRESS,
    INCIDENT_LIFECYCLE,
    NEW,
    ON_HOLD,
    RESOLVED,
)

REQUESTER_FIELDS = frozenset({"state"})
"""Fields a requester (no agent role) may change besides adding comments."""

MAJOR_INCIDENT_HALTS_SYNC = frozenset({"proposed", "accepted"})
MAX_CASCADE_DEPTH = 5


@dataclass(frozen=True)
class ChildSync:
    """What children do when their parent enters a state (DOMAIN.md §4, ServiceNow's rules)."""

    parent_state: str
    child_states: frozenset[str]
    copy_fields: tuple[str, ...] = ()
    hold_reasons: frozenset[str] = frozenset()
    agent_only: bool = False


CHILD_SYNC_RULES: tuple[ChildSync, ...] = (
    # Parent In Progress: New and On Hold children follow.
    ChildSync(IN_PROGRESS, frozenset({NEW, ON_HOLD})),
    # Parent On Hold for a problem, vendor or change: children follow with the same reason.
    ChildSync(
        ON_HOLD,
        frozenset({NEW, IN_PROGRESS, ON_HOLD}),
        copy_fields=("hold_reason",),
        hold_reasons=frozenset({AWAITING_PROBLEM, AWAITING_VENDOR, AWAITING_CHANGE}),
    ),
    # Parent Resolved: active children resolve with the parent's resolution.
    ChildSync(RESOLVED, frozenset(ACTIVE_STATES), copy_fields=("close_code", "close_notes")),
)
# Parent reopened by an agent: resolved children reopen too (a requester reopens only the parent).
REOPEN_SYNC = ChildSync(IN_PROGRESS, frozenset({RESOLVED}), agent_only=True)


def compute_priority(config: DeskConfig, record: Mapping[str, str]) -> str:
    """Priority from the category override, else the impact x urgency matrix."""
    for override in config.priority_overrides:
        if record.get("category") == override.category:
            return override.priority
    key = (record.get("impact") or "3", record.get("urgency") or "3")
    return config.priority_matrix.get(key, "5")


def _is_desk_agent(ctx: WriteContext) -> bool:
    """An agent of the party that runs this desk (or its admin), not another party's user.

    Another party's agent, or its desk's e-bond user, acts as the incident's requester here: its
    reopen is the requester's dispute, which reopens only the parent.
    """
    if ctx.actor.is_admin:
        return True
    return bool(ctx.actor.roles & AGENT_ROLES) and ctx.actor.party == ctx.services.config.party


class IncidentRules(TableRules):
    """Hooks that give the incident table ServiceNow's out-of-box behaviour."""

    lifecycle: Lifecycle = INCIDENT_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        self.config = config

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        record["caller_id"] = record.get("caller_id") or ctx.actor.sys_id
        record["priority"] = compute_priority(self.config, record)
        state = record.get("state") or NEW
        if state != NEW:
            self._move(ctx, {**record, "state": NEW}, record, "(new)")

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        if self._caller_answers_hold(ctx, before, record, sub):
            record["state"] = IN_PROGRESS
        record["priority"] = compute_priority(self.config, record)
        if record.get("state") != before.get("state"):
            self._move(ctx, before, record, before["number"])
        else:
            state = record.get("state") or NEW
            self.lifecycle.check_mandatory(before["number"], state, state, record)
        self._check_requester(ctx, before, sub)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        if before is None or before.get("state") == after.get("state"):
            return
        if after.get("major_incident_state") in MAJOR_INCIDENT_HALTS_SYNC:
            return
        if ctx.cascade_depth >= MAX_CASCADE_DEPTH:
            return
        for rule in self._rules_for(ctx, before, after):
            self._sync_children(ctx, after, rule)

    def _move(
        self, ctx: WriteContext, before: Mapping[str, str], record: dict[str, str], number: str
    ) -> None:
        apply_move(self.lifecycle, ctx, before, record, number)

    def _check_requester(self, ctx: WriteContext, before: Row, sub: Submission) -> None:
        if ctx.actor.is_admin or ctx.actor.roles & AGENT_ROLES:
            return
        touched = {k for k, v in sub.values.items() if before.get(k) != v}
        refused = sorted(touched - REQUESTER_FIELDS)
        journals = {name for name, _ in sub.journals} - {"comments"}
        if refused or journals:
            raise Forbidden(
                f"User {ctx.actor.user_name} may not change "
                f"{', '.join(refused + sorted(journals))} on incident {before['number']}",
                "a requester may add comments, reopen or close; agents work the incident",
            )

    @staticmethod
    def _caller_answers_hold(
        ctx: WriteContext, before: Row, record: Mapping[str, str], sub: Submission
    ) -> bool:
        return (
            before.get("state") == ON_HOLD
            and before.get("hold_reason") == AWAITING_CALLER
            and record.get("state") == ON_HOLD
            and any(name == "comments" for name, _ in sub.journals)
            and ctx.actor.sys_id == before.get("caller_id")
        )

    @staticmethod
    def _rules_for(ctx: WriteContext, before: Row, after: Row) -> list[ChildSync]:
        if before.get("state") == RESOLVED and after.get("state") == IN_PROGRESS:
            return [REOPEN_SYNC] if _is_desk_agent(ctx) else []
        rules = [r for r in CHILD_SYNC_RULES if r.parent_state == after.get("state")]
        reason = after.get("hold_reason")
        return [r for r in rules if not r.hold_reasons or reason in r.hold_reasons]

    def _sync_children(self, ctx: WriteContext, parent: Row, rule: ChildSync) -> None:
        store = ctx.services.store
        table = store.table("incident")
        children = store.select(
            ctx.connection,
            "incident",
            (table.c.parent_incident == parent["sys_id"])
            & table.c.state.in_(sorted(rule.child_states)),
        )
        values = {"state": rule.parent_state} | {name: parent[name] for name in rule.copy_fields}
        # The sync is the desk's rule, not the user's edit: it acts on the user's behalf with the
        # desk's rights, so a caller whose comment resumes the parent does not need the agent role.
        rule_ctx = replace(ctx, actor=replace(ctx.actor, roles=ctx.actor.roles | {"admin"}))
        rule_ctx.cascade_depth += 1
        for child in children:
            if child.get("major_incident_state") in MAJOR_INCIDENT_HALTS_SYNC:
                continue
            if all(child.get(k) == v for k, v in values.items()):
                continue
            note = f"State synchronised from parent incident {parent['number']}"
            update_record(
                rule_ctx,
                "incident",
                child["sys_id"],
                Submission(values=dict(values), journals=[("work_notes", note)]),
            )
