"""The service request state machine: every legal move accepted, every other refused."""

from __future__ import annotations

import pytest

from simulators.processes.request.lifecycle import REQUEST_LIFECYCLE
from tests.simulators.conftest import TableApi
from tests.simulators.processes.request.conftest import (
    CANCELLED,
    COMPLETE,
    IN_PROCESS,
    INCOMPLETE,
    REQUESTED,
    STATE_NAMES,
    move,
    refusal,
    request_in,
    state,
)

LEGAL_MOVES = {
    (REQUESTED, IN_PROCESS),
    (REQUESTED, CANCELLED),
    (IN_PROCESS, COMPLETE),
    (IN_PROCESS, INCOMPLETE),
    (IN_PROCESS, CANCELLED),
}


ILLEGAL_MOVES = sorted(
    (source, target)
    for source in STATE_NAMES
    for target in STATE_NAMES
    if source != target and (source, target) not in LEGAL_MOVES
)


@pytest.mark.parametrize(("source", "target"), sorted(LEGAL_MOVES))
def test_every_legal_transition_is_accepted(
    caller: TableApi, dip: TableApi, source: str, target: str
) -> None:
    """The DIP team moves a request along each move the request lifecycle allows."""
    record = request_in(caller, dip, source)

    response = move(dip, record, target)

    assert response.status_code == 200, response.text
    assert response.json()["result"]["request_state"] == target


@pytest.mark.parametrize(("source", "target"), ILLEGAL_MOVES)
def test_every_illegal_transition_is_refused_naming_the_record_and_both_states(
    caller: TableApi, dip: TableApi, source: str, target: str
) -> None:
    """A move outside the lifecycle answers 400 naming the number and both states."""
    record = request_in(caller, dip, source)

    message = refusal(move(dip, record, target))

    assert message == (
        f"Request {record['number']} cannot move from {state(source)} to {state(target)}: "
        "no such transition"
    )
    assert dip.read("sc_request", record["sys_id"])["request_state"] == source


def test_the_lifecycle_declares_the_legal_moves_and_final_states() -> None:
    """The declared transitions are the legal moves; closed states lead nowhere."""
    declared = {(t.source, t.target) for t in REQUEST_LIFECYCLE.transitions}

    assert declared == LEGAL_MOVES
    assert all(REQUEST_LIFECYCLE.targets(s) == () for s in (COMPLETE, INCOMPLETE, CANCELLED))
