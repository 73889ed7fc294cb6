"""What a service-management process brings to a desk: its tables, table rules and timers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from simulators.clock import TimerSource
from simulators.config import DeskConfig
from simulators.desk.lifecycle import Lifecycle
from simulators.desk.schema import TableSchema
from simulators.desk.services import DeskServices, TableRules

RulesFactory = Callable[[DeskConfig], TableRules]
TimerFactory = Callable[[DeskServices], TimerSource]

OWN = 0
"""The layer of a table's own process rules: innermost, they run last before and first after."""
EXTENSION = 10
"""The layer of rules a process adds to a table another process owns (problem links on incidents):
outer, they run before the owner's rules on insert and update, and after them once written."""


@dataclass(frozen=True)
class RuleContribution:
    """Rules one process contributes to one table, at a declared layer (see OWN, EXTENSION)."""

    table: str
    make: RulesFactory
    layer: int = OWN


def own(table: str, make: RulesFactory) -> RuleContribution:
    """The rules of a table the process owns."""
    return RuleContribution(table, make, OWN)


def extend(table: str, make: RulesFactory) -> RuleContribution:
    """Rules the process adds to another process's table."""
    return RuleContribution(table, make, EXTENSION)


@dataclass(frozen=True)
class Process:
    """One process (incident, problem, change, …) as data the desk assembles itself from."""

    name: str
    schemas: tuple[TableSchema, ...]
    rules: tuple[RuleContribution, ...] = ()
    timers: tuple[TimerFactory, ...] = ()
    lifecycles: tuple[Lifecycle, ...] = ()
    """The state machines of its tables, rendered into docs/lifecycles.md."""
