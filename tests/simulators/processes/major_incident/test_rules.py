"""Major incident behaviour over HTTP: who may propose and promote, children, notices, reviews."""

from __future__ import annotations

import re

import pytest

from simulators.desk.desk import Desk
from tests.simulators.conftest import TableApi
from tests.simulators.processes.major_incident.conftest import (
    ACCEPTED,
    CANCELED,
    IN_PROGRESS,
    MI_NAMES,
    ON_HOLD,
    PROPOSED,
    REJECTED,
    RESOLUTION,
    RESOLVED,
    Api,
    Record,
    major_incident_in,
    move,
    raise_incident,
    refusal,
    set_mi,
    user_id,
)


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    """A supplier's requester."""
    return api("lanternfield.caller")


def test_an_incident_may_be_raised_as_a_candidate_but_not_as_a_major_incident(
    agent: TableApi,
) -> None:
    """Creating a record checks the move from None like any other."""
    candidate = raise_incident(agent, major_incident_state=PROPOSED)
    response = agent.post("incident", {"short_description": "x", "major_incident_state": ACCEPTED})

    assert candidate["major_incident_state"] == PROPOSED
    assert re.fullmatch(
        r"Major incident INC\d{7} cannot move from None to Accepted \(accepted\): "
        r"no such transition",
        refusal(response),
    )


@pytest.mark.parametrize(
    ("source", "target"), [(PROPOSED, ACCEPTED), (PROPOSED, REJECTED), (ACCEPTED, CANCELED)]
)
def test_an_ordinary_agent_cannot_accept_reject_or_demote(
    agent: TableApi, manager: TableApi, source: str, target: str
) -> None:
    """Deciding on a major incident needs the major_incident_manager role."""
    record = major_incident_in(agent, manager, source)

    message = refusal(set_mi(agent, record, target))

    assert message == (
        f"Major incident {record['number']} cannot move from {MI_NAMES[source]} to "
        f"{MI_NAMES[target]}: only a major incident manager may do this"
    )


def test_a_requester_cannot_propose_their_incident(caller: TableApi) -> None:
    """Proposing is an agent's act; the caller is told which role may do it."""
    record = raise_incident(caller)

    message = refusal(set_mi(caller, record, PROPOSED))

    assert message.endswith(
        "cannot move from None to Proposed (proposed): only a service desk agent may do this"
    )


def test_a_requester_cannot_raise_an_incident_as_a_candidate(caller: TableApi) -> None:
    """The same guard holds when the record is created."""
    response = caller.post("incident", {"short_description": "x", "major_incident_state": PROPOSED})

    assert refusal(response).endswith("only a service desk agent may do this")


def test_a_party_agent_may_propose_its_incident(api: Api) -> None:
    """Any agent, not only Elexon's, may propose a candidate."""
    party_agent = api("brightwell.agent")
    record = raise_incident(party_agent)

    response = set_mi(party_agent, record, PROPOSED)

    assert response.status_code == 200, response.text


def test_the_admin_may_act_as_major_incident_manager(api: Api, agent: TableApi) -> None:
    """The admin role passes every guard, as in ServiceNow."""
    record = raise_incident(agent, major_incident_state=PROPOSED)

    response = set_mi(api("admin"), record, ACCEPTED)

    assert response.status_code == 200, response.text


@pytest.mark.parametrize("state", [RESOLVED, "8"])
def test_a_resolved_or_canceled_incident_cannot_be_proposed(agent: TableApi, state: str) -> None:
    """Only an open incident can become a major incident candidate."""
    record = raise_incident(agent)
    agent.change("incident", record["sys_id"], {"state": state, **RESOLUTION})

    message = refusal(set_mi(agent, record, PROPOSED))

    assert message.endswith(
        "only an open incident (New, In Progress or On Hold) may be a major incident"
    )


def test_a_candidate_resolved_meanwhile_can_be_rejected_but_not_accepted(
    agent: TableApi, manager: TableApi
) -> None:
    """Accepting needs an open incident; rejecting a closed-out candidate is still allowed."""
    record = major_incident_in(agent, manager, PROPOSED)
    agent.change("incident", record["sys_id"], {"state": RESOLVED, **RESOLUTION})

    accepted = set_mi(manager, record, ACCEPTED)
    rejected = set_mi(manager, record, REJECTED)

    assert refusal(accepted).endswith("may be a major incident")
    assert rejected.status_code == 200, rejected.text


def test_proposing_and_accepting_record_who_and_when(
    desk: Desk, agent: TableApi, manager: TableApi
) -> None:
    """proposed_by / proposed_on and promoted_by / promoted_on, as ServiceNow keeps them."""
    now = desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    record = major_incident_in(agent, manager, ACCEPTED)

    assert record["proposed_by"]["value"] == user_id(agent)
    assert record["promoted_by"]["value"] == user_id(manager)
    assert record["proposed_on"] == record["promoted_on"] == now


def test_who_proposed_and_promoted_cannot_be_written_by_a_client(
    agent: TableApi, manager: TableApi
) -> None:
    """The fields are read-only: a request that sets them is ignored for them."""
    record = major_incident_in(agent, manager, PROPOSED)

    updated = manager.change(
        "incident", record["sys_id"], {"proposed_on": "2020-01-01 00:00:00", "promoted_on": "x"}
    )

    assert (updated["proposed_on"], updated["promoted_on"]) == (record["proposed_on"], "")


def family(agent: TableApi, manager: TableApi, mi_state: str) -> tuple[Record, Record]:
    parent = major_incident_in(agent, manager, mi_state)
    child = raise_incident(agent, parent_incident=parent["sys_id"])
    return parent, child


@pytest.mark.parametrize("mi_state", [PROPOSED, ACCEPTED])
@pytest.mark.parametrize("target", [IN_PROGRESS, ON_HOLD, RESOLVED])
def test_children_do_not_follow_a_proposed_or_accepted_parent(
    agent: TableApi, manager: TableApi, mi_state: str, target: str
) -> None:
    """Once the parent is a candidate or a major incident, its children keep their own state."""
    parent, child = family(agent, manager, mi_state)

    response = move(agent, parent, target)

    assert response.status_code == 200, response.text
    assert agent.read("incident", child["sys_id"])["state"] == "1"


@pytest.mark.parametrize("mi_state", [REJECTED, CANCELED])
def test_children_follow_again_once_the_candidacy_has_ended(
    agent: TableApi, manager: TableApi, mi_state: str
) -> None:
    """A rejected or demoted parent is an ordinary parent: its children resolve with it."""
    parent, child = family(agent, manager, mi_state)

    move(agent, parent, RESOLVED)

    assert agent.read("incident", child["sys_id"])["state"] == RESOLVED


def test_a_child_that_is_itself_a_major_incident_does_not_follow(
    agent: TableApi, manager: TableApi
) -> None:
    """An accepted major incident under an ordinary parent keeps its own state."""
    parent = raise_incident(agent)
    child = major_incident_in(agent, manager, ACCEPTED, parent_incident=parent["sys_id"])

    move(agent, parent, RESOLVED)

    assert agent.read("incident", child["sys_id"])["state"] == "1"


def test_acceptance_sends_the_first_notice_the_caller_can_read(
    agent: TableApi, manager: TableApi, caller: TableApi
) -> None:
    """The notice is a sys_email about the incident, visible to the party that raised it."""
    record = major_incident_in(agent, manager, ACCEPTED, by=caller)

    [email] = caller.rows("sys_email", f"instance={record['sys_id']}")

    assert email["subject"].startswith(f"Major incident {record['number']}: first notice - ")
    assert "lanternfield-service-desk@lanternfield.example" in email["recipients"].split(",")
    assert email["target_table"] == "incident"


def test_notices_are_read_only(agent: TableApi) -> None:
    """Nobody writes sys_email through the Table API; the desk does."""
    response = agent.post("sys_email", {"subject": "Major incident INC0000000: update - fake"})

    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Table sys_email is read-only"


def test_resolving_a_major_incident_opens_its_review_task(
    agent: TableApi, manager: TableApi
) -> None:
    """The review is an incident_task whose parent is the incident, for the managers' group."""
    record = major_incident_in(agent, manager, ACCEPTED)

    move(agent, record, RESOLVED)

    [review] = manager.rows("incident_task", f"parent={record['sys_id']}")
    assert review["short_description"] == f"Post Incident Review for {record['number']}"
    assert re.fullmatch(r"ITASK\d{7}", review["number"])
    group = manager.read("sys_user_group", review["assignment_group"]["value"])
    assert group["name"] == "Major Incident Management"
    assert review["due_date"] > review["opened_at"]


def test_the_review_task_is_hidden_from_the_parties(
    agent: TableApi, manager: TableApi, caller: TableApi
) -> None:
    """It is Elexon's work: the caller's party neither raised it nor holds it."""
    record = major_incident_in(agent, manager, ACCEPTED, by=caller)
    move(agent, record, RESOLVED)

    assert caller.rows("incident_task", f"parent={record['sys_id']}") == []
