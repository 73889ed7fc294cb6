"""What a service-management process brings to a desk: its tables, table rules and timers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from simulators.clock import TimerSource
from simulators.config import DeskConfig
from simulators.desk.lifecycle import Lifecycle
from simulators.desk.records import TableRules
from simulators.desk.schema import TableSchema

if TYPE_CHECKING:
    from simulators.desk.desk import Desk


@dataclass(frozen=True)
class Process:
    """One process (incident, problem, change, …) as data the desk assembles itself from."""

    name: str
    schemas: tuple[TableSchema, ...]
    rules: Mapping[str, Callable[[DeskConfig], TableRules]] = field(default_factory=dict)
    timers: tuple[Callable[[Desk], TimerSource], ...] = ()
    lifecycles: tuple[Lifecycle, ...] = ()
    """The state machines of its tables, rendered into docs/lifecycles.md."""
