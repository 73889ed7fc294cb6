"""Who a rule acts as: the user's own rights for an edit, the desk's for what cascades."""

from __future__ import annotations

import pytest

from tests.simulators.conftest import Api, TableApi

NEW, IN_PROGRESS, ON_HOLD, AWAITING_CALLER = "1", "2", "3", "1"


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    return api("lanternfield.caller")


def raise_incident(by: TableApi) -> dict:
    return by.create("incident", {"short_description": "IF-008 publication missing"})


def test_a_users_own_move_is_checked_against_their_rights(caller: TableApi) -> None:
    """A requester may not start work: the move is refused with the guard's reason."""
    record = raise_incident(caller)

    response = caller.patch(f"incident/{record['sys_id']}", {"state": IN_PROGRESS})

    assert response.status_code == 400
    assert response.json()["error"]["message"].endswith("only a service desk agent may do this")


def test_what_cascades_from_a_users_edit_acts_with_the_desks_rights(
    agent: TableApi, caller: TableApi
) -> None:
    """The requester's comment resumes work: a move they could not make is the desk's rule."""
    record = raise_incident(caller)
    agent.change("incident", record["sys_id"], {"state": ON_HOLD, "hold_reason": AWAITING_CALLER})

    answered = caller.change("incident", record["sys_id"], {"comments": "MPAN is 1012345678901"})

    assert (answered["state"], answered["hold_reason"]) == (IN_PROGRESS, "")


def test_a_write_that_keeps_the_state_is_no_move(caller: TableApi) -> None:
    """Sending the current state again checks nothing and changes nothing."""
    record = raise_incident(caller)

    unchanged = caller.change("incident", record["sys_id"], {"state": NEW})

    assert unchanged["state"] == NEW
    assert unchanged["sys_updated_on"] >= record["sys_updated_on"]


def test_an_agents_move_applies_the_events_effects(agent: TableApi) -> None:
    """Starting work is the agent's move; resolving it stamps who resolved it."""
    record = raise_incident(agent)
    agent.change("incident", record["sys_id"], {"state": IN_PROGRESS})

    resolved = agent.change(
        "incident",
        record["sys_id"],
        {"state": "6", "close_code": "Solved (Permanently)", "close_notes": "Gateway restarted"},
    )

    [me] = agent.rows("sys_user", "user_name=elexon.agent")
    assert resolved["resolved_by"]["value"] == me["sys_id"]
