"""The service request state machine: every legal move accepted, every other refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from simulators.processes.request.lifecycle import REQUEST_LIFECYCLE
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


REQUESTED, IN_PROCESS = "requested", "in_process"


COMPLETE, INCOMPLETE, CANCELLED = "closed_complete", "closed_incomplete", "closed_cancelled"


STATE_NAMES = {
    REQUESTED: "Requested",
    IN_PROCESS: "In Process",
    COMPLETE: "Closed Complete",
    INCOMPLETE: "Closed Incomplete",
    CANCELLED: "Closed Cancelled",
}


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


PATH_TO = {
    REQUESTED: [],
    IN_PROCESS: [IN_PROCESS],
    COMPLETE: [IN_PROCESS, COMPLETE],
    INCOMPLETE: [IN_PROCESS, INCOMPLETE],
    CANCELLED: [CANCELLED],
}


FIELDS_FOR = {INCOMPLETE: {"close_notes": "No DIP test certificate supplied"}}


ONBOARDING = {"u_request_type": "dip_onboarding", "u_mpid": "LANT", "u_market_role": "supplier"}


def state(code: str) -> str:
    """'In Process (in_process)' as the desk names request states in its messages."""
    return f"{STATE_NAMES[code]} ({code})"


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    return api("lanternfield.caller")


@pytest.fixture(scope="module")
def dip(api: Api) -> TableApi:
    return api("elexon.dip")


def raise_request(by: TableApi, **fields: str) -> Record:
    return by.create("sc_request", {**ONBOARDING, **fields})


def move(by: TableApi, record: Record, target: str, **fields: str) -> requests.Response:
    body = {"request_state": target, **FIELDS_FOR.get(target, {}), **fields}
    return by.patch(f"sc_request/{record['sys_id']}", body)


def request_in(caller: TableApi, dip: TableApi, target: str, **fields: str) -> Record:
    """A fresh onboarding request raised by the caller and moved by the DIP team to `target`."""
    record = raise_request(caller, **fields)
    for step in PATH_TO[target]:
        response = move(dip, record, step)
        assert response.status_code == 200, response.text
        record = response.json()["result"]
    return record


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]


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
