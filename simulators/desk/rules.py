"""Table rules composed from every process's contributions, in a declared order, not list order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from simulators.config import DeskConfig
from simulators.desk.process import Process, RuleContribution
from simulators.desk.services import TableRules, WriteContext
from simulators.desk.store import Row
from simulators.desk.values import Submission


class ComposedRules(TableRules):
    """Several processes' rules for one table, outermost first, run like nested wrappers.

    Before a write (`on_insert`, `on_update`) the outermost rules run first; once the record is
    stored (`after_write`) the innermost run first, so an extension sees the owner's cascades done.
    """

    def __init__(self, parts: Sequence[TableRules]) -> None:
        self.parts = tuple(parts)

    def __repr__(self) -> str:
        return f"ComposedRules({', '.join(type(p).__name__ for p in self.parts)})"

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        for part in self.parts:
            part.on_insert(ctx, record, sub)

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        for part in self.parts:
            part.on_update(ctx, before, record, sub)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        for part in reversed(self.parts):
            part.after_write(ctx, before, after)


def ordered_contributions(
    processes: Iterable[Process], table: str
) -> list[tuple[Process, RuleContribution]]:
    """A table's contributions, outermost first: highest layer first, then by process name."""
    found = [(p, c) for p in processes for c in p.rules if c.table == table]
    return sorted(found, key=lambda pc: (-pc[1].layer, pc[0].name))


def compose_rules(processes: Sequence[Process], config: DeskConfig) -> dict[str, TableRules]:
    """Every table's rules, each the composition of all the processes' contributions to it."""
    tables = sorted({c.table for p in processes for c in p.rules})
    composed: dict[str, TableRules] = {}
    for table in tables:
        parts = [c.make(config) for _, c in ordered_contributions(processes, table)]
        composed[table] = parts[0] if len(parts) == 1 else ComposedRules(parts)
    return composed
