"""The change state machines, one per type: every legal move accepted, every other refused."""

from __future__ import annotations

import pytest

from simulators.processes.change.lifecycle import CHANGE_LIFECYCLES
from tests.simulators.conftest import TableApi
from tests.simulators.processes.change.conftest import (
    ASSESS,
    AUTHORIZE,
    CANCELED,
    CLOSED,
    IMPLEMENT,
    LABELS,
    NAMES,
    NEW,
    PATHS,
    REVIEW,
    SCHEDULED,
    Api,
    change_in,
    decide,
    move,
    moved,
    refusal,
    state,
)

LEGAL = {
    "normal": {
        (NEW, ASSESS),
        (ASSESS, AUTHORIZE),
        (AUTHORIZE, SCHEDULED),
        (AUTHORIZE, NEW),
        (SCHEDULED, IMPLEMENT),
        (IMPLEMENT, REVIEW),
        (REVIEW, CLOSED),
        (NEW, CANCELED),
        (ASSESS, CANCELED),
        (AUTHORIZE, CANCELED),
        (SCHEDULED, CANCELED),
        (IMPLEMENT, CANCELED),
    },
    "standard": {
        (NEW, SCHEDULED),
        (SCHEDULED, IMPLEMENT),
        (IMPLEMENT, REVIEW),
        (REVIEW, CLOSED),
        (NEW, CANCELED),
        (SCHEDULED, CANCELED),
        (IMPLEMENT, CANCELED),
    },
    "emergency": {
        (NEW, AUTHORIZE),
        (AUTHORIZE, SCHEDULED),
        (AUTHORIZE, NEW),
        (SCHEDULED, IMPLEMENT),
        (IMPLEMENT, REVIEW),
        (REVIEW, CLOSED),
        (NEW, CANCELED),
        (AUTHORIZE, CANCELED),
        (SCHEDULED, CANCELED),
        (IMPLEMENT, CANCELED),
    },
}
"""Every legal move of each type (DOMAIN.md §4); every other pair of states is refused."""


@pytest.mark.parametrize("change_type", sorted(LEGAL))
def test_each_type_declares_exactly_its_legal_moves(change_type: str) -> None:
    """The lifecycle of each type allows its moves and no other pair of states."""
    lifecycle = CHANGE_LIFECYCLES[change_type]

    declared = {(t.source, t.target) for t in lifecycle.transitions}

    assert declared == LEGAL[change_type]
    assert lifecycle.label == LABELS[change_type]


def legal_cases() -> list[tuple[str, str, str]]:
    return sorted((kind, s, t) for kind, moves in LEGAL.items() for s, t in moves)


def illegal_cases() -> list[tuple[str, str, str]]:
    return sorted(
        (kind, s, t)
        for kind, moves in LEGAL.items()
        for s in [*PATHS[kind], CANCELED]
        for t in NAMES
        if s != t and (s, t) not in moves
    )


@pytest.mark.parametrize(("change_type", "source", "target"), legal_cases())
def test_every_legal_move_is_accepted(
    agent: TableApi, api: Api, change_type: str, source: str, target: str
) -> None:
    """An agent moves each type of change along each of its moves (Authorize needs a decision)."""
    record = change_in(agent, api, change_type, source)
    if (source, target) == (AUTHORIZE, NEW):
        decide(api, record, "rejected")
        assert agent.read("change_request", record["sys_id"])["state"] == NEW
        return
    if (source, target) == (AUTHORIZE, SCHEDULED):
        decide(api, record, "approved")

    assert moved(agent, record, target)["state"] == target


@pytest.mark.parametrize(("change_type", "source", "target"), illegal_cases())
def test_every_illegal_move_is_refused_naming_the_change_and_both_states(
    agent: TableApi, api: Api, change_type: str, source: str, target: str
) -> None:
    """A move its type does not allow answers 400 naming type, number and both states."""
    record = change_in(agent, api, change_type, source)

    message = refusal(move(agent, record, target))

    assert message.startswith(
        f"{LABELS[change_type]} {record['number']} cannot move from {state(source)} "
        f"to {state(target)}"
    )
    assert agent.read("change_request", record["sys_id"])["state"] == source
