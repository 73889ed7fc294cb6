"""The desk's errors: each request error answers its HTTP status with ServiceNow's message."""

from __future__ import annotations

import pytest

from simulators.errors import (
    BadRequest,
    ConfigError,
    Conflict,
    Forbidden,
    InvalidTransition,
    MethodNotAllowed,
    NotAuthenticated,
    RecordNotFound,
    RequestError,
    SimulatorError,
    UnsupportedMediaType,
)


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
