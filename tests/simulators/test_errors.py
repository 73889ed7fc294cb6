"""Specification of the simulators' errors: one base, and each package's base beneath it."""

from __future__ import annotations

import pytest

from simulators.desk.lifecycle import Lifecycle, Transition
from simulators.errors import InvalidTransition, LifecycleDefinitionError, SimulatorError
from simulators.query.errors import QueryError
from simulators.sla.errors import SlaError


@pytest.mark.parametrize("error", [QueryError, SlaError, LifecycleDefinitionError])
def test_every_package_base_derives_from_the_simulators_base(error: type[Exception]) -> None:
    """Catching SimulatorError catches any error a simulators package raises on purpose."""
    assert issubclass(error, SimulatorError)


def test_a_wrong_lifecycle_is_not_a_refused_move() -> None:
    """A definition error is a programming error, never a 400 a user could cause."""
    assert not issubclass(LifecycleDefinitionError, InvalidTransition)


def declare(transition: Transition, guards: dict[str, object] | None = None) -> Lifecycle:
    return Lifecycle(
        table="incident",
        label="Incident",
        state_field="state",
        states={"1": "New", "2": "In Progress"},
        initial="1",
        transitions=(transition,),
        guards=guards or {},  # type: ignore[arg-type]
    )


def test_a_transition_to_an_unknown_state_is_a_definition_error() -> None:
    """The error names the table, the transition and the undeclared state."""
    with pytest.raises(
        LifecycleDefinitionError, match=r"^incident: transition .* names unknown 9$"
    ):
        declare(Transition("1", "9", "start"))


def test_a_transition_naming_an_unknown_guard_is_a_definition_error() -> None:
    """The error names the table, the transition and the undeclared guard."""
    with pytest.raises(
        LifecycleDefinitionError, match=r"^incident: transition .* names guard manager$"
    ):
        declare(Transition("1", "2", "start", guards=("manager",)))
