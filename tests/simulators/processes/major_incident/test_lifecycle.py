"""The major incident state machine and the review task lifecycle, declared as data and enforced."""

from __future__ import annotations

import pytest

from simulators.processes.major_incident.lifecycle import (
    INCIDENT_TASK_LIFECYCLE,
    MAJOR_INCIDENT_LIFECYCLE,
)
from tests.simulators.conftest import TableApi
from tests.simulators.processes.major_incident.conftest import (
    ACCEPTED,
    CANCELED,
    MI_NAMES,
    NONE,
    PROPOSED,
    REJECTED,
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

# The only moves ServiceNow's major incident management allows (DOMAIN.md §4).
LEGAL_MOVES = {(NONE, PROPOSED), (PROPOSED, ACCEPTED), (PROPOSED, REJECTED), (ACCEPTED, CANCELED)}


ILLEGAL_MOVES = sorted(
    (source, target)
    for source in MI_NAMES
    for target in MI_NAMES
    if source != target and (source, target) not in LEGAL_MOVES
)


@pytest.mark.parametrize(("source", "target"), sorted(LEGAL_MOVES))
def test_every_legal_move_is_accepted(
    agent: TableApi, manager: TableApi, source: str, target: str
) -> None:
    """Propose (any agent), then accept or reject, and demote an accepted one (the manager)."""
    record = major_incident_in(agent, manager, source)

    response = set_mi(agent if target == PROPOSED else manager, record, target)

    assert response.status_code == 200, response.text
    assert response.json()["result"]["major_incident_state"] == target


@pytest.mark.parametrize(("source", "target"), ILLEGAL_MOVES)
def test_every_illegal_move_is_refused_naming_the_record_and_both_states(
    agent: TableApi, manager: TableApi, source: str, target: str
) -> None:
    """Even the manager cannot skip, reverse or leave a final major incident state."""
    record = major_incident_in(agent, manager, source)

    message = refusal(set_mi(manager, record, target))

    assert message == (
        f"Major incident {record['number']} cannot move from {MI_NAMES[source]} to "
        f"{MI_NAMES[target]}: no such transition"
    )
    assert manager.read("incident", record["sys_id"])["major_incident_state"] == source


def test_the_refusal_lists_the_moves_allowed_from_the_current_state(
    agent: TableApi, manager: TableApi
) -> None:
    """The detail says where the record may go instead."""
    record = major_incident_in(agent, manager, PROPOSED)

    response = set_mi(manager, record, CANCELED)

    assert response.json()["error"]["detail"] == (
        "allowed from Proposed (proposed): Accepted (accepted), Rejected (rejected)"
    )


def test_an_unknown_major_incident_state_is_refused_with_the_valid_choices(
    manager: TableApi,
) -> None:
    """A value that is not a choice never reaches the lifecycle."""
    record = raise_incident(manager)

    message = refusal(set_mi(manager, record, "declared"))

    assert message == "Field 'major_incident_state' of incident: 'declared' is not a valid choice"


def review_task(agent: TableApi, manager: TableApi) -> Record:
    record = major_incident_in(agent, manager, ACCEPTED)
    move(agent, record, RESOLVED)
    [review] = manager.rows("incident_task", f"parent={record['sys_id']}")
    return review


def test_a_review_task_is_worked_and_closed_complete(agent: TableApi, manager: TableApi) -> None:
    """Open → Work in Progress → Closed Complete with notes; closing stamps who and when."""
    review = review_task(agent, manager)

    manager.change("incident_task", review["sys_id"], {"state": "2"})
    closed = manager.change(
        "incident_task", review["sys_id"], {"state": "3", "close_notes": "Review held; 4 actions"}
    )

    assert (closed["state"], closed["active"]) == ("3", "false")
    assert closed["closed_by"]["value"] == user_id(manager)


def test_a_review_task_cannot_skip_work(agent: TableApi, manager: TableApi) -> None:
    """Open → Closed Complete is refused, naming the task and both states."""
    review = review_task(agent, manager)

    message = refusal(
        manager.patch(f"incident_task/{review['sys_id']}", {"state": "3", "close_notes": "Done"})
    )

    assert message == (
        f"Incident task {review['number']} cannot move from Open (1) to Closed Complete (3): "
        "no such transition"
    )


def test_a_review_task_closes_only_with_notes(agent: TableApi, manager: TableApi) -> None:
    """Closing without close notes is refused as a missing mandatory field."""
    review = review_task(agent, manager)
    manager.change("incident_task", review["sys_id"], {"state": "2"})

    message = refusal(manager.patch(f"incident_task/{review['sys_id']}", {"state": "3"}))

    assert message.endswith("to Closed Complete (3): close_notes is mandatory")


def test_the_major_incident_transition_table_documents_every_move() -> None:
    """One row per move, with the guards in words, for the generated documentation."""
    rows = MAJOR_INCIDENT_LIFECYCLE.transition_table()

    assert rows == [
        (
            "None",
            "propose",
            "Proposed (proposed)",
            "only a service desk agent may do this, only an open incident (New, In Progress or "
            "On Hold) may be a major incident",
            "-",
        ),
        (
            "Proposed (proposed)",
            "accept",
            "Accepted (accepted)",
            "only a major incident manager may do this, only an open incident (New, In Progress "
            "or On Hold) may be a major incident",
            "-",
        ),
        (
            "Proposed (proposed)",
            "reject",
            "Rejected (rejected)",
            "only a major incident manager may do this",
            "-",
        ),
        (
            "Accepted (accepted)",
            "demote",
            "Canceled (canceled)",
            "only a major incident manager may do this",
            "-",
        ),
    ]
    assert MAJOR_INCIDENT_LIFECYCLE.state_field == "major_incident_state"


def test_the_review_task_lifecycle_ends_in_closed_states_only() -> None:
    """Closed Complete, Incomplete and Skipped are final."""
    assert [INCIDENT_TASK_LIFECYCLE.targets(s) for s in ("1", "2", "3", "4", "7")] == [
        ("2", "7"),
        ("3", "4"),
        (),
        (),
        (),
    ]


def test_the_service_desk_records_a_governance_escalation_on_an_incident(api: Api) -> None:
    """The task carries its type, parent and evidence, opens as Open and is numbered."""
    agent = api("elexon.agent")
    incident = agent.create("incident", {"short_description": "Counterparty silent on IF-008"})
    task = agent.create(
        "incident_task",
        {
            "short_description": "Governance escalation: continued OLA breach",
            "description": "Northvale Power Networks NVL0010001: New; response OLA breached",
            "u_task_type": "governance_escalation",
            "parent": incident["sys_id"],
            "assignment_group": "Business Support",
        },
    )
    assert (task["u_task_type"], task["state"]) == ("governance_escalation", "1")
    assert task["number"].startswith("ITASK")
    found = agent.rows(
        "incident_task", f"parent={incident['sys_id']}^u_task_type=governance_escalation"
    )
    assert [t["number"] for t in found] == [task["number"]]


def test_an_unknown_task_type_is_refused(api: Api) -> None:
    """Only the declared task types are accepted."""
    answer = api("elexon.agent").post(
        "incident_task",
        {
            "short_description": "Escalation",
            "u_task_type": "governance",
        },
    )
    assert answer.status_code == 400, answer.text
    assert "governance" in answer.json()["error"]["message"]
