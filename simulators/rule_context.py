"""Who a rule acts as: the user's own rights, or the desk's when it cascades to other records."""

from __future__ import annotations

from dataclasses import replace

from simulators.incident_lifecycle import AGENT_ROLES
from simulators.records import WriteContext


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
