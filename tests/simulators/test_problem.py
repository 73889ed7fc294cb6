"""Specification of problem management on the reference desk (DOMAIN.md §4), over real HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
import requests

from simulators.config import DeskConfig, load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.lifecycle import GuardContext
from simulators.errors import ConfigError, InvalidTransition
from simulators.processes.problem.lifecycle import PROBLEM_LIFECYCLE
from simulators.processes.problem.settings import load_problem_config
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
INCIDENT_ON_HOLD, INCIDENT_IN_PROGRESS, INCIDENT_RESOLVED = "3", "2", "6"
AWAITING_PROBLEM = "3"


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


def incident_linked_to(by: TableApi, problem: Record, state: str = INCIDENT_IN_PROGRESS) -> Record:
    incident = by.create("incident", {"short_description": "IF-021 report missing"})
    if state != "1":
        incident = by.change("incident", incident["sys_id"], {"state": state})
    return by.change("incident", incident["sys_id"], {"problem_id": problem["sys_id"]})


def work_notes(by: TableApi, record: Record) -> list[str]:
    rows = by.rows("sys_journal_field", f"element_id={record['sys_id']}^element=work_notes")
    return [row["value"] for row in rows]


# -- lifecycle ------------------------------------------------------------------------------------


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


# -- roles ----------------------------------------------------------------------------------------


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


# -- known errors ---------------------------------------------------------------------------------


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


# -- linked incidents -----------------------------------------------------------------------------


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


# -- recurrence -----------------------------------------------------------------------------------


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


# -- data and configuration -----------------------------------------------------------------------


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


def config_with(problem: Any) -> DeskConfig:
    return replace(load_desk_config(), extra={"problem": problem}, source="desk.toml")


def test_the_default_configuration_opens_a_problem_on_the_third_incident_in_30_days() -> None:
    """The packaged desk.toml switches the recurrence rule on."""
    rule = load_problem_config(load_desk_config()).recurrence

    assert rule is not None
    assert (rule.threshold, rule.within_seconds, rule.match) == (
        3,
        30 * 86400,
        ("category", "u_interface_id"),
    )
    assert rule.excluding == {"category": frozenset({"inquiry"})}
    assert rule.one_occurrence_within_seconds == 12 * 3600


def test_without_a_recurrence_setting_no_problem_is_opened() -> None:
    """The rule is optional."""
    assert load_problem_config(config_with({})).recurrence is None


@pytest.mark.parametrize(
    ("recurrence", "message"),
    [
        ({"threshold": 1, "within": "30d", "match": ["category"]}, "threshold must be a whole"),
        ({"threshold": 3, "within": "a month", "match": ["category"]}, "within: duration"),
        (
            {
                "threshold": 3,
                "within": "30d",
                "match": ["category"],
                "one_occurrence_within": "1 h",
            },
            "one_occurrence_within: duration",
        ),
        ({"threshold": 3, "within": "30d", "match": []}, "match must be a non-empty list"),
        ({"threshold": 3, "within": "30d", "match": ["colour"]}, "names 'colour', which is not"),
        ({"threshold": 3, "within": "30d", "match": ["work_notes"]}, "'work_notes', which is not"),
        (
            {"threshold": 3, "within": "30d", "match": ["category"], "by": 1},
            "by is not a recurrence setting",
        ),
        (
            {"threshold": 3, "within": "30d", "match": ["category"], "excluding": ["inquiry"]},
            "excluding must map incident fields to lists of values",
        ),
        (
            {"threshold": 3, "within": "30d", "match": ["category"], "excluding": {"mood": []}},
            "excluding names 'mood', which is not",
        ),
    ],
)
def test_a_bad_recurrence_rule_is_refused_naming_file_and_key(
    recurrence: dict[str, Any], message: str
) -> None:
    """Each mistake names desk.toml, the key and what was wrong."""
    with pytest.raises(ConfigError, match=f"^desk.toml: problem.recurrence.*{message}"):
        load_problem_config(config_with({"recurrence": recurrence}))


def test_an_unknown_problem_setting_is_refused() -> None:
    """A misspelt key is not silently ignored."""
    with pytest.raises(ConfigError, match=r"problem\.recurence is not a setting of \[problem\]"):
        load_problem_config(config_with({"recurence": {}}))
