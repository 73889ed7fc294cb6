"""The incident state machine over HTTP: legal and illegal moves, mandatory fields per state."""

from __future__ import annotations

import pytest

from tests.simulators.conftest import TableApi
from tests.simulators.processes.incident.conftest import (
    CANCELED,
    CLOSED,
    IN_PROGRESS,
    NEW,
    ON_HOLD,
    RESOLUTION,
    RESOLVED,
    STATE_NAMES,
    incident_in,
    move,
    raise_incident,
    refusal,
    state,
)

# The only moves DOMAIN.md §4 allows; every other pair of different states is refused.
LEGAL_MOVES = {
    (NEW, IN_PROGRESS),
    (NEW, ON_HOLD),
    (NEW, RESOLVED),
    (NEW, CANCELED),
    (IN_PROGRESS, ON_HOLD),
    (IN_PROGRESS, RESOLVED),
    (IN_PROGRESS, CANCELED),
    (ON_HOLD, IN_PROGRESS),
    (ON_HOLD, RESOLVED),
    (ON_HOLD, CANCELED),
    (RESOLVED, IN_PROGRESS),
    (RESOLVED, CLOSED),
}


ILLEGAL_MOVES = sorted(
    (source, target)
    for source in STATE_NAMES
    for target in STATE_NAMES
    if source != target and (source, target) not in LEGAL_MOVES
)


@pytest.mark.parametrize(("source", "target"), sorted(LEGAL_MOVES))
def test_every_legal_transition_is_accepted(agent: TableApi, source: str, target: str) -> None:
    """An agent moves an incident along each move the incident lifecycle allows."""
    record = incident_in(agent, source)

    response = move(agent, record, target)

    assert response.status_code == 200, response.text
    assert response.json()["result"]["state"] == target


@pytest.mark.parametrize(("source", "target"), ILLEGAL_MOVES)
def test_every_illegal_transition_is_refused_naming_the_record_and_both_states(
    agent: TableApi, source: str, target: str
) -> None:
    """A move outside the lifecycle answers 400 naming the number and both states."""
    record = incident_in(agent, source)

    message = refusal(move(agent, record, target))

    assert message == (
        f"Incident {record['number']} cannot move from {state(source)} to {state(target)}: "
        "no such transition"
    )
    assert agent.read("incident", record["sys_id"])["state"] == source


def test_a_refused_transition_lists_the_allowed_moves(agent: TableApi) -> None:
    """The detail of a refused move says where the record may go instead."""
    record = incident_in(agent, RESOLVED)

    response = move(agent, record, ON_HOLD)

    assert response.json()["error"]["detail"] == (
        "allowed from Resolved (6): In Progress (2), Closed (7)"
    )


def test_an_incident_can_be_raised_straight_into_in_progress(agent: TableApi) -> None:
    """A POST with a state moves the new record from New along the lifecycle."""
    record = raise_incident(agent, state=IN_PROGRESS)

    assert record["state"] == IN_PROGRESS


def test_an_incident_cannot_be_raised_closed(agent: TableApi) -> None:
    """A POST asking for Closed is refused: New cannot move to Closed."""
    response = agent.post(
        "incident", {"short_description": "Already done", "state": CLOSED, **RESOLUTION}
    )

    assert refusal(response) == (
        f"Incident (new) cannot move from {state(NEW)} to {state(CLOSED)}: no such transition"
    )


@pytest.mark.parametrize(
    ("target", "fields", "missing"),
    [
        (ON_HOLD, {"hold_reason": ""}, "hold_reason is mandatory"),
        (RESOLVED, {"close_code": "", "close_notes": ""}, "close_code, close_notes are mandatory"),
        (RESOLVED, {"close_notes": ""}, "close_notes is mandatory"),
        (RESOLVED, {"close_code": ""}, "close_code is mandatory"),
    ],
)
def test_a_move_without_its_mandatory_fields_is_refused(
    agent: TableApi, target: str, fields: dict[str, str], missing: str
) -> None:
    """On Hold needs a hold reason; Resolved needs a resolution code and notes."""
    record = incident_in(agent, IN_PROGRESS)

    message = refusal(move(agent, record, target, **fields))

    assert message == (
        f"Incident {record['number']} cannot move from {state(IN_PROGRESS)} to "
        f"{state(target)}: {missing}"
    )


@pytest.mark.parametrize(
    ("source", "cleared", "missing"),
    [
        (ON_HOLD, {"hold_reason": ""}, "hold_reason is mandatory"),
        (RESOLVED, {"close_notes": ""}, "close_notes is mandatory"),
    ],
)
def test_a_mandatory_field_cannot_be_cleared_while_in_its_state(
    agent: TableApi, source: str, cleared: dict[str, str], missing: str
) -> None:
    """Emptying a field the current state requires is refused."""
    record = incident_in(agent, source)

    message = refusal(agent.patch(f"incident/{record['sys_id']}", cleared))

    assert message == f"Incident {record['number']} in {state(source)}: {missing}"
