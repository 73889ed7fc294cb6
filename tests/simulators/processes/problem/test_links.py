"""Incidents waiting for a problem, and recurring incidents that open one."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from simulators.desk.desk import Desk
from tests.simulators.conftest import TableApi
from tests.simulators.processes.problem.conftest import (
    AWAITING_PROBLEM,
    INCIDENT_IN_PROGRESS,
    INCIDENT_ON_HOLD,
    INCIDENT_RESOLVED,
    RESOLVED,
    Record,
    incident_linked_to,
    problem_in,
    raise_problem,
    work_notes,
)


@pytest.mark.parametrize("incident_state", ["1", INCIDENT_IN_PROGRESS])
def test_linking_an_active_incident_puts_it_on_hold_awaiting_the_problem(
    agent: TableApi, incident_state: str
) -> None:
    """Setting problem_id holds the incident with reason Awaiting Problem and a work note."""
    problem = raise_problem(agent)

    incident = incident_linked_to(agent, problem, incident_state)

    assert (incident["state"], incident["hold_reason"]) == (INCIDENT_ON_HOLD, AWAITING_PROBLEM)
    assert f"Linked to problem {problem['number']}; on hold awaiting the problem" in work_notes(
        agent, incident
    )


def test_an_incident_raised_against_a_problem_starts_on_hold(agent: TableApi) -> None:
    """An incident created with problem_id waits for the problem from the start."""
    problem = raise_problem(agent)

    incident = agent.create(
        "incident", {"short_description": "Same symptom", "problem_id": problem["number"]}
    )

    assert (incident["state"], incident["hold_reason"]) == (INCIDENT_ON_HOLD, AWAITING_PROBLEM)


def test_linking_to_a_resolved_problem_does_not_hold(agent: TableApi, agent_id: str) -> None:
    """An incident linked to a problem that is already resolved keeps working."""
    problem = problem_in(agent, RESOLVED, agent_id)

    incident = incident_linked_to(agent, problem)

    assert incident["state"] == INCIDENT_IN_PROGRESS


def test_an_explicit_move_in_the_same_write_wins_over_the_link(agent: TableApi) -> None:
    """Linking while resolving the incident resolves it, rather than holding it."""
    problem = raise_problem(agent)
    incident = agent.create("incident", {"short_description": "Resolved by a workaround"})

    resolved = agent.change(
        "incident",
        incident["sys_id"],
        {
            "problem_id": problem["sys_id"],
            "state": INCIDENT_RESOLVED,
            "close_code": "Solved (Work Around)",
            "close_notes": "Replayed with IF-015",
        },
    )

    assert resolved["state"] == INCIDENT_RESOLVED


def recurring(
    by: TableApi, interface: str, category: str = "dip_message_processing", desk: Desk | None = None
) -> Record:
    """A matching incident; with `desk`, raised a day after the previous one (a new occurrence)."""
    if desk is not None:
        desk.clock.move_to(desk.clock.now() + timedelta(days=1))  # type: ignore[attr-defined]
    return by.create(
        "incident",
        {
            "short_description": f"{interface} failing",
            "u_interface_id": interface,
            "category": category,
        },
    )


def interface_id() -> str:
    return f"IF-{uuid.uuid4().hex[:6]}"


def test_the_third_occurrence_opens_a_problem_and_links_all_three(
    agent: TableApi, desk: Desk
) -> None:
    """Three incidents a day apart sharing category and interface open one problem."""
    interface = interface_id()
    incidents = [recurring(agent, interface, desk=desk) for _ in range(3)]

    linked = [agent.read("incident", i["sys_id"]) for i in incidents]
    problems = {i["problem_id"]["value"] for i in linked if i["problem_id"]}
    assert len(problems) == 1
    problem = agent.read("problem", problems.pop())
    assert problem["short_description"] == (
        f"Recurring incidents: category DIP message processing failure, dip interface {interface}"
    )
    assert problem["first_reported_by_task"]["value"] == incidents[0]["sys_id"]
    assert all((i["state"], i["hold_reason"]) == ("3", "3") for i in linked)
    assert (
        "Opened by the recurrence rule: 3 incidents (3 occurrences) within 30 days share "
        f"category DIP message processing failure, dip interface {interface}: "
        f"{', '.join(i['number'] for i in incidents)}"
    ) in work_notes(agent, problem)


def test_a_burst_of_reports_is_one_occurrence(agent: TableApi, desk: Desk) -> None:
    """Many reports within 12 hours of the first are one occurrence, not a recurring fault."""
    interface = interface_id()
    recurring(agent, interface, desk=desk)
    burst = [recurring(agent, interface) for _ in range(3)]

    assert all(agent.read("incident", i["sys_id"])["problem_id"] == "" for i in burst)

    third = recurring(agent, interface, desk=desk)
    assert agent.read("incident", third["sys_id"])["problem_id"] == ""


def test_two_occurrences_open_no_problem(agent: TableApi, desk: Desk) -> None:
    """Below the threshold nothing happens."""
    interface = interface_id()
    incidents = [recurring(agent, interface, desk=desk) for _ in range(2)]

    assert all(agent.read("incident", i["sys_id"])["problem_id"] == "" for i in incidents)


def test_a_different_category_does_not_count(agent: TableApi, desk: Desk) -> None:
    """Every match field must agree."""
    interface = interface_id()
    recurring(agent, interface, desk=desk)
    recurring(agent, interface, desk=desk)
    third = recurring(agent, interface, category="dip_connectivity", desk=desk)

    assert agent.read("incident", third["sys_id"])["problem_id"] == ""


def test_questions_never_count(agent: TableApi, desk: Desk) -> None:
    """Incidents in an excluded category (Inquiry / Help by default) open no problem."""
    interface = interface_id()
    incidents = [recurring(agent, interface, category="inquiry", desk=desk) for _ in range(3)]

    assert all(agent.read("incident", i["sys_id"])["problem_id"] == "" for i in incidents)


def test_a_fourth_occurrence_joins_the_open_problem(agent: TableApi, desk: Desk) -> None:
    """Once a problem is open for the symptom, new matching incidents link to it."""
    interface = interface_id()
    first, *_ = [recurring(agent, interface, desk=desk) for _ in range(3)]
    problem_id = agent.read("incident", first["sys_id"])["problem_id"]["value"]

    fourth = recurring(agent, interface)

    assert agent.read("incident", fourth["sys_id"])["problem_id"]["value"] == problem_id


def test_incidents_outside_the_window_do_not_count(agent: TableApi, desk: Desk) -> None:
    """Only incidents raised within `within` of the new one count."""
    interface = interface_id()
    recurring(agent, interface, desk=desk)
    recurring(agent, interface, desk=desk)
    desk.clock.move_to(desk.clock.now() + timedelta(days=31))  # type: ignore[attr-defined]

    third = recurring(agent, interface)

    assert agent.read("incident", third["sys_id"])["problem_id"] == ""
