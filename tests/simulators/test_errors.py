"""Specification of the simulators' errors: one base, and each package's base beneath it."""

from __future__ import annotations

import pytest

from simulators.desk.lifecycle import Lifecycle, Transition
from simulators.errors import (
    BadRequest,
    ConfigError,
    Conflict,
    Forbidden,
    InvalidTransition,
    LifecycleDefinitionError,
    MethodNotAllowed,
    NotAuthenticated,
    RecordNotFound,
    RequestError,
    SimulatorError,
    UnsupportedMediaType,
)
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


@pytest.mark.parametrize(
    ("error", "status", "message"),
    [
        (BadRequest, 400, "Invalid request"),
        (InvalidTransition, 400, "Invalid request"),
        (NotAuthenticated, 401, "User Not Authenticated"),
        (Forbidden, 403, "Operation Failed"),
        (RecordNotFound, 404, "No Record found"),
        (MethodNotAllowed, 405, "Method not Supported"),
        (Conflict, 409, "Conflict"),
        (UnsupportedMediaType, 415, "Unsupported Media Type"),
    ],
)
def test_each_request_error_has_its_status_and_default_message(
    error: type[RequestError], status: int, message: str
) -> None:
    """Without a message of its own, an error says what ServiceNow says for that status."""
    raised = error()

    assert (raised.status, raised.message, str(raised), raised.detail) == (
        status,
        message,
        message,
        "",
    )


def test_a_request_error_carries_its_own_message_and_detail() -> None:
    """The message is the error's text; the detail goes into the envelope beside it."""
    raised = Forbidden("User x may not delete incident records", "only the admin user deletes")

    assert str(raised) == "User x may not delete incident records"
    assert raised.detail == "only the admin user deletes"


def test_every_error_of_the_desk_shares_one_base() -> None:
    """Configuration and request errors alike can be caught as SimulatorError."""
    assert issubclass(ConfigError, SimulatorError)
    assert issubclass(InvalidTransition, BadRequest)
    assert issubclass(RequestError, SimulatorError)
    assert not issubclass(ConfigError, RequestError)
