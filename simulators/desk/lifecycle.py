"""State machines declared as data: transitions with named guards, mandatory fields, effects."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from simulators.errors import InvalidTransition, LifecycleDefinitionError

NOW = "@now"
USER = "@user"
INCREMENT = "@increment"
CLEAR = ""


@dataclass(frozen=True)
class Transition:
    """A legal move: from `source` to `target` by `event`, allowed when every guard holds."""

    source: str
    target: str
    event: str
    guards: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuardContext:
    """What a guard may look at: the record as it would be, and who is acting."""

    record: Mapping[str, str]
    roles: frozenset[str]
    user_sys_id: str
    is_admin: bool


Guard = Callable[[GuardContext], bool]


@dataclass(frozen=True)
class Lifecycle:
    """One table's state machine: states, transitions, mandatory fields and effects by event."""

    table: str
    label: str
    state_field: str
    states: Mapping[str, str]
    initial: str
    transitions: tuple[Transition, ...]
    mandatory: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    effects: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    guards: Mapping[str, tuple[Guard, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for transition in self.transitions:
            for state in (transition.source, transition.target):
                if state not in self.states:
                    raise LifecycleDefinitionError(
                        f"{self.table}: transition {transition} names unknown {state}"
                    )
            for guard in transition.guards:
                if guard not in self.guards:
                    raise LifecycleDefinitionError(
                        f"{self.table}: transition {transition} names guard {guard}"
                    )

    def describe(self, state: str) -> str:
        """'In Progress (2)' for state '2'."""
        return f"{self.states.get(state, 'unknown state')} ({state})"

    def find(self, source: str, target: str) -> Transition | None:
        """The transition from source to target, if one is declared."""
        return next(
            (t for t in self.transitions if t.source == source and t.target == target), None
        )

    def targets(self, source: str) -> tuple[str, ...]:
        """States reachable in one move from `source`."""
        return tuple(t.target for t in self.transitions if t.source == source)

    def check(self, number: str, source: str, target: str, context: GuardContext) -> Transition:
        """The transition for this move, or InvalidTransition naming record and both states."""
        head = (
            f"{self.label} {number} cannot move from {self.describe(source)} "
            f"to {self.describe(target)}"
        )
        if target not in self.states:
            raise InvalidTransition(
                f"{head}: there is no {self.label.lower()} state {target!r}",
                f"valid states: {', '.join(self.describe(s) for s in self.states)}",
            )
        transition = self.find(source, target)
        if transition is None:
            allowed = ", ".join(self.describe(s) for s in self.targets(source)) or "none"
            raise InvalidTransition(
                f"{head}: no such transition", f"allowed from {self.describe(source)}: {allowed}"
            )
        for name in transition.guards:
            predicate, reason = self.guards[name]
            if not predicate(context):
                raise InvalidTransition(f"{head}: {reason}", f"event '{transition.event}'")
        self.check_mandatory(number, source, target, context.record)
        return transition

    def check_mandatory(
        self, number: str, source: str, target: str, record: Mapping[str, str]
    ) -> None:
        """Refuse a move into `target` while its mandatory fields are empty."""
        missing = [name for name in self.mandatory.get(target, ()) if not record.get(name)]
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            head = (
                f"{self.label} {number} in {self.describe(target)}"
                if source == target
                else f"{self.label} {number} cannot move from {self.describe(source)} to "
                f"{self.describe(target)}"
            )
            raise InvalidTransition(
                f"{head}: {', '.join(missing)} {verb} mandatory",
                f"mandatory for {self.describe(target)}: {', '.join(self.mandatory[target])}",
            )

    def effects_of(self, transition: Transition) -> Mapping[str, str]:
        """Field assignments the event makes ('@now', '@user', '@increment', '' to clear)."""
        return self.effects.get(transition.event, {})

    def path(
        self, source: str, target: str, allowed: Callable[[Transition], bool] = lambda t: True
    ) -> list[str] | None:
        """The shortest sequence of legal moves from source to target (states after source)."""
        queue: deque[list[str]] = deque([[source]])
        seen = {source}
        while queue:
            path = queue.popleft()
            if path[-1] == target:
                return path[1:]
            for move in self.transitions:
                if move.source == path[-1] and move.target not in seen and allowed(move):
                    seen.add(move.target)
                    queue.append([*path, move.target])
        return None

    def transition_table(self) -> list[tuple[str, str, str, str, str]]:
        """Rows (from, event, to, guards, mandatory) for generated documentation."""
        return [
            (
                self.describe(t.source),
                t.event,
                self.describe(t.target),
                ", ".join(self.guards[g][1] for g in t.guards) or "-",
                ", ".join(self.mandatory.get(t.target, ())) or "-",
            )
            for t in self.transitions
        ]
