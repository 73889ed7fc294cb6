"""The problem state machine: every legal move accepted, every other refused, guards documented."""

from __future__ import annotations

import pytest

from simulators.desk.lifecycle import GuardContext
from simulators.errors import InvalidTransition
from simulators.processes.problem.lifecycle import PROBLEM_LIFECYCLE
from tests.simulators.conftest import TableApi
from tests.simulators.processes.problem.conftest import (
    ASSESS,
    CLOSED,
    FIX,
    NAMES,
    NEW,
    RCA,
    RESOLVED,
    move,
    moved,
    problem_in,
    refusal,
    state,
)

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
