"""Who a rule acts as: the user's own rights, or the desk's when it cascades to other records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from simulators.desk.auth import AGENT_ROLES
from simulators.desk.lifecycle import GuardContext, Lifecycle, Transition
from simulators.desk.services import WriteContext


def is_agent(ctx: WriteContext) -> bool:
    """Whether the acting user works tickets (itil or admin)."""
    return ctx.actor.is_admin or bool(ctx.actor.roles & AGENT_ROLES)


def desk_context(ctx: WriteContext) -> WriteContext:
    """The same transaction acting with the desk's rights, one cascade level deeper.

    A cascade is the desk's rule, not the user's edit: a CAB member's approval may move the
    change, and a problem's resolution may resolve incidents the resolver could not touch.
    """
    actor = replace(ctx.actor, roles=ctx.actor.roles | {"admin"})
    return replace(ctx, actor=actor, cascade_depth=ctx.cascade_depth + 1)


def apply_move(
    lifecycle: Lifecycle,
    ctx: WriteContext,
    before: Mapping[str, str],
    record: dict[str, str],
    number: str,
    facts: Mapping[str, str] | None = None,
) -> Transition | None:
    """Check a change of the lifecycle's state field and apply its event's effects to `record`.

    `facts` are extra values the guards may read (who fulfils, whether checks are done, …).
    """
    name = lifecycle.state_field
    source = before.get(name) or lifecycle.initial
    target = record.get(name) or lifecycle.initial
    if source == target:
        return None
    context = GuardContext(
        record={**record, **(facts or {})},
        roles=ctx.actor.roles,
        user_sys_id=ctx.actor.sys_id,
        is_admin=ctx.actor.is_admin,
    )
    transition = lifecycle.check(number, source, target, context)
    for field_name, token in lifecycle.effects_of(transition).items():
        record[field_name] = ctx.resolve_token(token, before.get(field_name, ""))
    return transition
