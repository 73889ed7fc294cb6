"""The problem state machine: every legal move accepted, every other refused, guards documented."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from simulators.desk.lifecycle import GuardContext
from simulators.errors import InvalidTransition
from simulators.processes.problem.lifecycle import PROBLEM_LIFECYCLE
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


NEW, ASSESS, RCA, FIX, RESOLVED, CLOSED = "101", "102", "103", "104", "106", "107"


NAMES = {
    NEW: "New",
    ASSESS: "Assess",
    RCA: "Root Cause Analysis",
    FIX: "Fix in Progress",
    RESOLVED: "Resolved",
    CLOSED: "Closed",
}


CAUSE = "Webhook certificate expired on the DIP egress gateway"


FIX_NOTES = "Certificate renewed; expiry monitoring added"


LEGAL_MOVES = {
    (NEW, ASSESS),
    (NEW, CLOSED),
    (ASSESS, RCA),
    (ASSESS, CLOSED),
    (RCA, FIX),
    (RCA, RESOLVED),
    (RCA, CLOSED),
    (FIX, RCA),
    (FIX, RESOLVED),
    (FIX, CLOSED),
    (RESOLVED, RCA),
    (RESOLVED, CLOSED),
}


ILLEGAL_MOVES = sorted(
    (source, target)
    for source in NAMES
    for target in NAMES
    if source != target and (source, target) not in LEGAL_MOVES
)


MAIN_LINE = [NEW, ASSESS, RCA, FIX, RESOLVED, CLOSED]


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


@pytest.fixture(scope="module")
def agent_id(agent: TableApi) -> str:
    return agent.rows("sys_user", "user_name=elexon.agent")[0]["sys_id"]


def state(code: str) -> str:
    """'Fix in Progress (104)' as the desk names states in its messages."""
    return f"{NAMES[code]} ({code})"


def fields_for(source: str, target: str, agent_id: str) -> dict[str, str]:
    """What a move from source to target carries."""
    if target == ASSESS:
        return {"assigned_to": agent_id}
    if target == FIX:
        return {"cause_notes": CAUSE}
    if target == RESOLVED and source == RCA:
        return {"resolution_code": "risk_accepted", "cause_notes": CAUSE}
    if target == RESOLVED:
        return {"resolution_code": "fix_applied", "fix_notes": FIX_NOTES, "cause_notes": CAUSE}
    if target == CLOSED and source != RESOLVED:
        return {"resolution_code": "canceled"}
    return {}


def raise_problem(by: TableApi, **fields: str) -> Record:
    return by.create(
        "problem", {"short_description": "IF-021 reports intermittently late", **fields}
    )


def move(
    by: TableApi, record: Record, target: str, agent_id: str, **fields: str
) -> requests.Response:
    body = {"state": target, **fields_for(record["state"], target, agent_id), **fields}
    return by.patch(f"problem/{record['sys_id']}", body)


def moved(by: TableApi, record: Record, target: str, agent_id: str, **fields: str) -> Record:
    response = move(by, record, target, agent_id, **fields)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def problem_in(by: TableApi, target: str, agent_id: str) -> Record:
    """A fresh problem driven along the main line into `target`."""
    record = raise_problem(by)
    for step in MAIN_LINE[1 : MAIN_LINE.index(target) + 1]:
        record = moved(by, record, step, agent_id)
    return record


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]


@pytest.mark.parametrize(("source", "target"), sorted(LEGAL_MOVES))
def test_every_legal_transition_is_accepted(
    agent: TableApi, agent_id: str, source: str, target: str
) -> None:
    """An agent moves a problem along each move ServiceNow's problem model allows."""
    record = problem_in(agent, source, agent_id)

    assert moved(agent, record, target, agent_id)["state"] == target


@pytest.mark.parametrize(("source", "target"), ILLEGAL_MOVES)
def test_every_illegal_transition_is_refused_naming_the_problem_and_both_states(
    agent: TableApi, agent_id: str, source: str, target: str
) -> None:
    """A move outside the model answers 400 naming the number and both states."""
    record = problem_in(agent, source, agent_id)

    message = refusal(move(agent, record, target, agent_id))

    assert message.startswith(
        f"Problem {record['number']} cannot move from {state(source)} to {state(target)}"
    )
    assert agent.read("problem", record["sys_id"])["state"] == source


def test_the_lifecycle_refuses_a_requester_by_guard() -> None:
    """The agent guard names who may move a problem."""
    context = GuardContext(
        record={"assigned_to": "a" * 32},
        roles=frozenset({"requester"}),
        user_sys_id="u",
        is_admin=False,
    )

    with pytest.raises(InvalidTransition, match="only a service desk agent may do this"):
        PROBLEM_LIFECYCLE.check("PRB0040001", NEW, ASSESS, context)


def test_the_transition_table_lists_every_move_with_its_conditions() -> None:
    """The generated documentation rows name guards and mandatory fields."""
    rows = PROBLEM_LIFECYCLE.transition_table()

    assert len(rows) == len(LEGAL_MOVES)
    assert (
        "Fix in Progress (104)",
        "resolve",
        "Resolved (106)",
        "only a service desk agent may do this, "
        "a problem is resolved with resolution code fix_applied or risk_accepted, "
        "fix_notes are mandatory when the resolution code is fix_applied",
        "resolution_code, cause_notes",
    ) in rows
