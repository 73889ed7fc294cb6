"""Problem behaviour over HTTP: mandatory notes, closing codes, known errors, incidents."""

from __future__ import annotations

import pytest

from tests.simulators.conftest import TableApi
from tests.simulators.processes.problem.conftest import (
    ASSESS,
    AWAITING_PROBLEM,
    CLOSED,
    FIX,
    FIX_NOTES,
    INCIDENT_IN_PROGRESS,
    INCIDENT_ON_HOLD,
    INCIDENT_RESOLVED,
    NEW,
    RCA,
    RESOLVED,
    Api,
    incident_linked_to,
    move,
    moved,
    problem_in,
    raise_problem,
    refusal,
    work_notes,
)


def test_a_new_problem_is_numbered_new_active_and_prioritised(agent: TableApi) -> None:
    """A problem gets a PRB number, state New, active, and a priority from impact and urgency."""
    record = raise_problem(agent, impact="1", urgency="2")

    assert record["number"].startswith("PRB")
    assert (record["state"], record["active"], record["priority"]) == (NEW, "true", "2")
    assert record["known_error"] == "false"


def test_assess_needs_an_assignee(agent: TableApi, agent_id: str) -> None:
    """Moving to Assess without assigned_to is refused as mandatory."""
    record = raise_problem(agent)

    message = refusal(move(agent, record, ASSESS, agent_id, assigned_to=""))

    assert message.endswith("assigned_to is mandatory")


def test_fix_in_progress_needs_cause_notes(agent: TableApi, agent_id: str) -> None:
    """A fix starts only once the cause is written down."""
    record = problem_in(agent, RCA, agent_id)

    message = refusal(move(agent, record, FIX, agent_id, cause_notes=""))

    assert message.endswith("cause_notes is mandatory")


def test_resolving_with_a_fix_needs_fix_notes(agent: TableApi, agent_id: str) -> None:
    """fix_applied without fix_notes is refused by name."""
    record = problem_in(agent, FIX, agent_id)

    message = refusal(move(agent, record, RESOLVED, agent_id, fix_notes=""))

    assert message.endswith("fix_notes are mandatory when the resolution code is fix_applied")


@pytest.mark.parametrize("code", ["canceled", "duplicate"])
def test_a_problem_is_not_resolved_with_an_early_closing_code(
    agent: TableApi, agent_id: str, code: str
) -> None:
    """Resolved takes fix_applied or risk_accepted only."""
    record = problem_in(agent, FIX, agent_id)

    message = refusal(move(agent, record, RESOLVED, agent_id, resolution_code=code))

    assert message.endswith("resolution code fix_applied or risk_accepted")


def test_root_cause_analysis_resolves_only_by_accepting_the_risk(
    agent: TableApi, agent_id: str
) -> None:
    """From Root Cause Analysis a fix cannot be claimed: there is none yet."""
    record = problem_in(agent, RCA, agent_id)

    message = refusal(move(agent, record, RESOLVED, agent_id, resolution_code="fix_applied"))

    assert message.endswith("only with resolution code risk_accepted")


def test_an_open_problem_closes_only_as_canceled_or_duplicate(
    agent: TableApi, agent_id: str
) -> None:
    """Closing before Resolved with a fix code is refused."""
    record = problem_in(agent, ASSESS, agent_id)

    message = refusal(move(agent, record, CLOSED, agent_id, resolution_code="fix_applied"))

    assert message.endswith("needs resolution code canceled or duplicate")


def test_a_duplicate_names_its_original(agent: TableApi, agent_id: str) -> None:
    """resolution_code duplicate without duplicate_of is refused."""
    record = raise_problem(agent)

    message = refusal(move(agent, record, CLOSED, agent_id, resolution_code="duplicate"))

    assert message.endswith("duplicate_of is mandatory when the resolution code is duplicate")


def test_a_problem_is_not_a_duplicate_of_itself(agent: TableApi) -> None:
    """duplicate_of naming the record itself is refused."""
    record = raise_problem(agent)

    message = refusal(
        agent.patch(f"problem/{record['sys_id']}", {"duplicate_of": record["sys_id"]})
    )

    assert message == f"Problem {record['number']} cannot be a duplicate of itself"


def test_moves_record_who_resolved_and_closed(agent: TableApi, agent_id: str) -> None:
    """Resolving stamps resolved_at and resolved_by; closing stamps closed_at and deactivates."""
    record = problem_in(agent, RESOLVED, agent_id)
    assert record["resolved_at"] and record["resolved_by"]["value"] == agent_id

    closed = moved(agent, record, CLOSED, agent_id)

    assert (closed["active"], closed["closed_by"]["value"]) == ("false", agent_id)
    assert closed["closed_at"]


def test_reanalysis_clears_the_resolution(agent: TableApi, agent_id: str) -> None:
    """A fix that did not hold reopens root cause analysis with no resolution left."""
    record = problem_in(agent, RESOLVED, agent_id)

    reopened = moved(agent, record, RCA, agent_id)

    assert (reopened["resolution_code"], reopened["resolved_at"], reopened["resolved_by"]) == (
        "",
        "",
        "",
    )


def test_a_problem_cannot_be_created_in_a_later_state(agent: TableApi) -> None:
    """A new problem starts New; asking for Resolved on insert is an illegal move."""
    response = agent.post("problem", {"short_description": "x", "state": RESOLVED})

    assert "cannot move from New (101) to Resolved (106)" in refusal(response)


def test_a_requester_cannot_raise_a_problem(api: Api) -> None:
    """Problems are raised by agents; a requester is refused with 403."""
    response = api("lanternfield.caller").post("problem", {"short_description": "Missing data"})

    message = refusal(response, 403)
    assert message == "User lanternfield.caller may not raise a problem"


def test_a_party_agent_sees_its_own_problems_only(api: Api, agent: TableApi) -> None:
    """Problems have task tenancy: another party's agent cannot see Elexon's problem."""
    elexon = raise_problem(agent)
    own = raise_problem(api("brightwell.agent"))

    assert api("brightwell.agent").get(f"problem/{elexon['sys_id']}").status_code == 404
    assert api("brightwell.agent").read("problem", own["sys_id"])["number"] == own["number"]


def test_a_known_error_needs_a_workaround(agent: TableApi) -> None:
    """known_error true without a workaround is refused, naming the problem."""
    record = raise_problem(agent)

    message = refusal(agent.patch(f"problem/{record['sys_id']}", {"known_error": "true"}))

    assert message == (
        f"Problem {record['number']}: workaround is mandatory when known_error is true"
    )


def test_a_known_error_shares_its_workaround_with_waiting_incidents(agent: TableApi) -> None:
    """Publishing the workaround adds it to each linked active incident's work notes."""
    problem = raise_problem(agent)
    incident = incident_linked_to(agent, problem)

    agent.change("problem", problem["sys_id"], {"known_error": "true", "workaround": "Replay"})

    assert f"Known error {problem['number']} published a workaround: Replay" in work_notes(
        agent, incident
    )


def test_resolving_with_a_fix_resolves_the_waiting_incidents(
    agent: TableApi, agent_id: str
) -> None:
    """fix_applied resolves On Hold incidents as Solved (Permanently) with the fix notes."""
    problem = problem_in(agent, FIX, agent_id)
    waiting = incident_linked_to(agent, problem)

    moved(agent, problem, RESOLVED, agent_id)

    incident = agent.read("incident", waiting["sys_id"])
    assert (incident["state"], incident["close_code"], incident["close_notes"]) == (
        INCIDENT_RESOLVED,
        "Solved (Permanently)",
        FIX_NOTES,
    )
    assert f"Resolved by problem {problem['number']}: {FIX_NOTES}" in work_notes(agent, incident)


def test_an_incident_worked_again_is_not_resolved_by_the_problem(
    agent: TableApi, agent_id: str
) -> None:
    """Only incidents still waiting for the problem take its fix."""
    problem = problem_in(agent, FIX, agent_id)
    incident = incident_linked_to(agent, problem)
    agent.change("incident", incident["sys_id"], {"state": INCIDENT_IN_PROGRESS})

    moved(agent, problem, RESOLVED, agent_id)

    assert agent.read("incident", incident["sys_id"])["state"] == INCIDENT_IN_PROGRESS


def test_children_of_a_waiting_parent_resolve_with_it(agent: TableApi, agent_id: str) -> None:
    """The parent resolved by the problem passes the resolution to its children."""
    problem = problem_in(agent, FIX, agent_id)
    parent = incident_linked_to(agent, problem)
    child = agent.create(
        "incident", {"short_description": "Same", "parent_incident": parent["sys_id"]}
    )
    agent.change("incident", child["sys_id"], {"state": INCIDENT_ON_HOLD, "hold_reason": "3"})

    moved(agent, problem, RESOLVED, agent_id)

    assert agent.read("incident", child["sys_id"])["close_notes"] == FIX_NOTES


@pytest.mark.parametrize(
    ("target", "code", "note"),
    [
        (CLOSED, "canceled", "was canceled; the incident no longer waits for it"),
        (RESOLVED, "risk_accepted", "was resolved with its risk accepted"),
    ],
)
def test_canceling_or_accepting_the_risk_returns_incidents_to_work(
    agent: TableApi, agent_id: str, target: str, code: str, note: str
) -> None:
    """Without a fix to wait for, waiting incidents go back In Progress with a work note."""
    problem = problem_in(agent, RCA, agent_id)
    incident = incident_linked_to(agent, problem)

    moved(agent, problem, target, agent_id, resolution_code=code)

    after = agent.read("incident", incident["sys_id"])
    assert (after["state"], after["hold_reason"]) == (INCIDENT_IN_PROGRESS, "")
    assert any(note in text for text in work_notes(agent, after))


def test_a_duplicate_hands_its_incidents_to_the_original(agent: TableApi, agent_id: str) -> None:
    """Closing as duplicate relinks waiting incidents to duplicate_of, still on hold."""
    original = raise_problem(agent)
    duplicate = raise_problem(agent)
    incident = incident_linked_to(agent, duplicate)

    moved(
        agent,
        duplicate,
        CLOSED,
        agent_id,
        resolution_code="duplicate",
        duplicate_of=original["sys_id"],
    )

    after = agent.read("incident", incident["sys_id"])
    assert after["problem_id"]["value"] == original["sys_id"]
    assert (after["state"], after["hold_reason"]) == (INCIDENT_ON_HOLD, AWAITING_PROBLEM)
    assert any(
        f"is a duplicate of {original['number']}" in text for text in work_notes(agent, after)
    )
