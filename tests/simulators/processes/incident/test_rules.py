"""Incident behaviour over HTTP: priority, holds, caller updates, reopening, children."""

from __future__ import annotations

import pytest

from simulators.desk.desk import Desk
from tests.simulators.conftest import TableApi
from tests.simulators.processes.incident.conftest import (
    AWAITING_CALLER,
    AWAITING_CHANGE,
    AWAITING_PROBLEM,
    AWAITING_VENDOR,
    CANCELED,
    CLOSED,
    IN_PROGRESS,
    NEW,
    ON_HOLD,
    RESOLUTION,
    RESOLVED,
    Api,
    Record,
    incident_in,
    move,
    moved,
    raise_incident,
    refusal,
    state,
)


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    return api("lanternfield.caller")


@pytest.mark.parametrize(
    ("impact", "urgency", "priority"),
    [
        ("1", "1", "1"),
        ("1", "2", "2"),
        ("2", "1", "2"),
        ("1", "3", "3"),
        ("2", "2", "3"),
        ("3", "1", "3"),
        ("2", "3", "4"),
        ("3", "2", "4"),
        ("3", "3", "5"),
    ],
)
def test_priority_comes_from_impact_and_urgency(
    agent: TableApi, impact: str, urgency: str, priority: str
) -> None:
    """The default lookup maps impact x urgency to priority 1-5."""
    record = raise_incident(agent, impact=impact, urgency=urgency, category="software")

    assert record["priority"] == priority


def test_priority_defaults_to_planning_for_low_impact_and_urgency(agent: TableApi) -> None:
    """Without impact and urgency an incident is 3 x 3, priority 5."""
    record = raise_incident(agent)

    assert (record["impact"], record["urgency"], record["priority"]) == ("3", "3", "5")


@pytest.mark.parametrize(
    ("category", "priority"),
    [
        ("dip_outage", "1"),
        ("dip_degradation", "2"),
        ("dip_message_processing", "2"),
        ("dip_connectivity", "2"),
    ],
)
def test_dip_categories_override_the_matrix(agent: TableApi, category: str, priority: str) -> None:
    """A DIP outage is P1 and a DIP degradation, processing or connectivity fault P2."""
    record = raise_incident(agent, impact="3", urgency="3", category=category)

    assert record["priority"] == priority


def test_priority_is_read_only_and_follows_later_changes(agent: TableApi) -> None:
    """A priority sent by a client is ignored; impact, urgency and category recompute it."""
    record = raise_incident(agent, priority="1", category="software")
    assert record["priority"] == "5"

    steps = [
        ({"priority": "1"}, "5"),
        ({"impact": "1", "urgency": "1"}, "1"),
        ({"urgency": "3"}, "3"),
        ({"category": "dip_degradation"}, "2"),
        ({"category": "network"}, "3"),
    ]
    for change, expected in steps:
        record = agent.change("incident", record["sys_id"], change)
        assert record["priority"] == expected, change


@pytest.mark.parametrize(
    ("reason", "label"),
    [
        (AWAITING_CALLER, "Awaiting Caller"),
        (AWAITING_PROBLEM, "Awaiting Problem"),
        (AWAITING_VENDOR, "Awaiting Vendor"),
        (AWAITING_CHANGE, "Awaiting Change"),
    ],
)
def test_each_hold_reason_puts_an_incident_on_hold(
    agent: TableApi, reason: str, label: str
) -> None:
    """The four hold reasons are accepted and shown by their labels."""
    record = incident_in(agent, IN_PROGRESS)

    move(agent, record, ON_HOLD, hold_reason=reason)

    shown = agent.get(f"incident/{record['sys_id']}", sysparm_display_value="true").json()
    assert (shown["result"]["state"], shown["result"]["hold_reason"]) == ("On Hold", label)


def test_an_unknown_hold_reason_is_refused(agent: TableApi) -> None:
    """A hold reason outside the four is refused with the valid choices."""
    record = incident_in(agent, IN_PROGRESS)

    response = move(agent, record, ON_HOLD, hold_reason="2")

    assert refusal(response) == "Field 'hold_reason' of incident: '2' is not a valid choice"
    assert "1 (Awaiting Caller)" in response.json()["error"]["detail"]


def test_resuming_work_clears_the_hold_reason(agent: TableApi) -> None:
    """Moving from On Hold back to In Progress empties hold_reason."""
    record = incident_in(agent, ON_HOLD)

    resumed = move(agent, record, IN_PROGRESS).json()["result"]

    assert (resumed["state"], resumed["hold_reason"]) == (IN_PROGRESS, "")


def test_a_comment_by_the_caller_returns_awaiting_caller_to_in_progress(
    agent: TableApi, caller: TableApi
) -> None:
    """The caller's comment on an incident Awaiting Caller resumes work."""
    record = raise_incident(caller)
    move(agent, record, ON_HOLD, hold_reason=AWAITING_CALLER)

    answered = caller.change("incident", record["sys_id"], {"comments": "MPAN is 1012345678901"})

    assert (answered["state"], answered["hold_reason"]) == (IN_PROGRESS, "")


def test_a_comment_by_the_named_caller_resumes_work_on_an_agents_incident(
    agent: TableApi, caller: TableApi
) -> None:
    """The rule follows caller_id, not who raised the incident."""
    record = raise_incident(agent, caller_id="lanternfield.caller")
    move(agent, record, ON_HOLD, hold_reason=AWAITING_CALLER)

    answered = caller.change("incident", record["sys_id"], {"comments": "Here are the logs"})

    assert answered["state"] == IN_PROGRESS


@pytest.mark.parametrize(
    ("reason", "commenter"),
    [(AWAITING_CALLER, "elexon.agent"), (AWAITING_VENDOR, "lanternfield.caller")],
)
def test_other_comments_leave_the_incident_on_hold(
    agent: TableApi, api: Api, caller: TableApi, reason: str, commenter: str
) -> None:
    """Only the caller's comment, and only on Awaiting Caller, resumes work."""
    record = raise_incident(caller)
    move(agent, record, ON_HOLD, hold_reason=reason)

    after = api(commenter).change("incident", record["sys_id"], {"comments": "Any news?"})

    assert (after["state"], after["hold_reason"]) == (ON_HOLD, reason)


def test_a_requester_may_comment_but_not_work_the_incident(
    agent: TableApi, caller: TableApi
) -> None:
    """A requester changing impact or adding work notes is refused with 403."""
    record = raise_incident(caller)

    for change, named in (({"impact": "1"}, "impact"), ({"work_notes": "internal"}, "work_notes")):
        response = caller.patch(f"incident/{record['sys_id']}", change)
        assert response.status_code == 403
        assert response.json()["error"]["message"] == (
            f"User lanternfield.caller may not change {named} on incident {record['number']}"
        )


def test_a_requester_cannot_start_work(caller: TableApi) -> None:
    """Moves reserved to agents are refused for a requester, naming the reason."""
    record = raise_incident(caller)

    message = refusal(move(caller, record, IN_PROGRESS))

    assert message == (
        f"Incident {record['number']} cannot move from {state(NEW)} to {state(IN_PROGRESS)}: "
        "only a service desk agent may do this"
    )


def test_resolving_stamps_when_and_by_whom(agent: TableApi, desk: Desk) -> None:
    """Resolved sets resolved_at to now and resolved_by to the agent; the incident stays active."""
    record = incident_in(agent, RESOLVED)

    [me] = agent.rows("sys_user", "user_name=elexon.agent")
    assert record["resolved_at"] == desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    assert record["resolved_by"]["value"] == me["sys_id"]
    shown = agent.get(f"incident/{record['sys_id']}", sysparm_display_value="true").json()
    assert shown["result"]["resolved_by"]["display_value"] == "Priya Raman"
    assert record["active"] == "true"


@pytest.mark.parametrize("by", ["elexon.agent", "lanternfield.caller"])
def test_reopening_returns_to_in_progress_and_counts(
    agent: TableApi, api: Api, caller: TableApi, by: str
) -> None:
    """An agent or the caller reopens a resolved incident; the resolution is cleared."""
    record = incident_in(agent, RESOLVED, caller_id="lanternfield.caller")

    reopened = move(api(by), record, IN_PROGRESS).json()["result"]

    assert reopened["state"] == IN_PROGRESS
    assert reopened["reopen_count"] == "1"
    assert (reopened["close_code"], reopened["close_notes"], reopened["resolved_at"]) == ("",) * 3
    again = move(agent, moved(agent, reopened, RESOLVED), IN_PROGRESS)
    assert again.json()["result"]["reopen_count"] == "2"


@pytest.mark.parametrize("by", ["elexon.agent", "lanternfield.caller"])
def test_closing_a_resolved_incident_deactivates_it(agent: TableApi, api: Api, by: str) -> None:
    """The agent or the caller closes a resolved incident; closed_at is stamped, active false."""
    record = incident_in(agent, RESOLVED, caller_id="lanternfield.caller")

    closed = move(api(by), record, CLOSED).json()["result"]

    assert (closed["state"], closed["active"]) == (CLOSED, "false")
    assert closed["closed_at"] == closed["sys_updated_on"]
    assert closed["closed_by"]["value"]


@pytest.mark.parametrize("source", [NEW, IN_PROGRESS, ON_HOLD])
def test_cancelling_ends_an_open_incident(agent: TableApi, source: str) -> None:
    """Cancel (duplicate / not an incident) is allowed while open; it deactivates the incident."""
    record = incident_in(agent, source)

    canceled = move(agent, record, CANCELED).json()["result"]

    assert (canceled["state"], canceled["active"], canceled["hold_reason"]) == (
        CANCELED,
        "false",
        "",
    )
    assert canceled["closed_at"] == canceled["sys_updated_on"]


def test_the_caller_cannot_cancel(agent: TableApi, caller: TableApi) -> None:
    """Cancelling is for agents."""
    record = raise_incident(caller)

    message = refusal(move(caller, record, CANCELED))

    assert message.endswith("only a service desk agent may do this")


def family(
    by: TableApi, *child_states: str, parent_by: TableApi | None = None
) -> tuple[Record, list[Record]]:
    """A parent incident and one child per requested state, each child linked to the parent."""
    parent = raise_incident(parent_by or by)
    children = [
        incident_in(by, child_state, parent_incident=parent["sys_id"])
        for child_state in child_states
    ]
    return parent, children


def states_of(by: TableApi, records: list[Record]) -> list[str]:
    return [by.read("incident", record["sys_id"])["state"] for record in records]


def test_parent_in_progress_brings_new_and_on_hold_children_along(agent: TableApi) -> None:
    """Children that are New or On Hold follow their parent into In Progress, with a note."""
    parent, children = family(agent, NEW, ON_HOLD, RESOLVED)

    move(agent, parent, IN_PROGRESS)

    assert states_of(agent, children) == [IN_PROGRESS, IN_PROGRESS, RESOLVED]
    notes = agent.rows("sys_journal_field", f"element_id={children[0]['sys_id']}")
    assert f"State synchronised from parent incident {parent['number']}" in [
        note["value"] for note in notes
    ]


@pytest.mark.parametrize("reason", [AWAITING_PROBLEM, AWAITING_VENDOR, AWAITING_CHANGE])
def test_parent_on_hold_for_problem_vendor_or_change_holds_children_for_the_same_reason(
    agent: TableApi, reason: str
) -> None:
    """Active children go On Hold with the parent's hold reason."""
    parent, children = family(agent, NEW, IN_PROGRESS, ON_HOLD)

    move(agent, parent, ON_HOLD, hold_reason=reason)

    for child in children:
        synced = agent.read("incident", child["sys_id"])
        assert (synced["state"], synced["hold_reason"]) == (ON_HOLD, reason)


def test_parent_awaiting_caller_does_not_hold_children(agent: TableApi) -> None:
    """Awaiting Caller is the parent's own business: children stay as they are."""
    parent, children = family(agent, NEW, IN_PROGRESS)

    move(agent, parent, ON_HOLD, hold_reason=AWAITING_CALLER)

    assert states_of(agent, children) == [NEW, IN_PROGRESS]


def test_parent_resolved_resolves_active_children_with_its_resolution(agent: TableApi) -> None:
    """Active children resolve with the parent's resolution code and notes; closed ones stay."""
    parent, children = family(agent, NEW, IN_PROGRESS, ON_HOLD, CANCELED)

    move(agent, parent, RESOLVED, close_notes="Replayed IF-008 with replayIndicator true")

    for child in children[:3]:
        synced = agent.read("incident", child["sys_id"])
        assert synced["state"] == RESOLVED
        assert (synced["close_code"], synced["close_notes"]) == (
            RESOLUTION["close_code"],
            "Replayed IF-008 with replayIndicator true",
        )
        assert synced["resolved_at"]
    assert states_of(agent, children[3:]) == [CANCELED]


def test_parent_closed_does_not_close_children_which_close_on_their_own_timer(
    agent: TableApi, desk: Desk
) -> None:
    """Closing the parent leaves resolved children Resolved until their own auto-close."""
    parent, children = family(agent, IN_PROGRESS, IN_PROGRESS)
    move(agent, parent, RESOLVED)

    move(agent, parent, CLOSED)

    assert states_of(agent, children) == [RESOLVED, RESOLVED]
    desk.clock.advance(desk.config.auto_close_after_seconds)  # type: ignore[attr-defined]
    assert states_of(agent, children) == [CLOSED, CLOSED]


def test_parent_canceled_does_not_touch_children(agent: TableApi) -> None:
    """Cancelling the parent leaves every child as it was."""
    parent, children = family(agent, NEW, IN_PROGRESS, ON_HOLD)

    move(agent, parent, CANCELED)

    assert states_of(agent, children) == [NEW, IN_PROGRESS, ON_HOLD]


def test_an_agent_reopening_the_parent_reopens_resolved_children(agent: TableApi) -> None:
    """Disputed resolution: the agent's reopen of the parent reopens children it resolved."""
    parent, children = family(agent, IN_PROGRESS, IN_PROGRESS)
    move(agent, parent, RESOLVED)

    move(agent, parent, IN_PROGRESS)

    for child in children:
        reopened = agent.read("incident", child["sys_id"])
        assert (reopened["state"], reopened["reopen_count"], reopened["close_notes"]) == (
            IN_PROGRESS,
            "1",
            "",
        )


def test_a_requester_reopening_the_parent_reopens_only_the_parent(
    agent: TableApi, caller: TableApi
) -> None:
    """Disputed resolution by the requester: the parent reopens, children stay resolved."""
    parent, children = family(agent, IN_PROGRESS, parent_by=caller)
    move(agent, parent, RESOLVED)

    reopened = move(caller, parent, IN_PROGRESS)

    assert reopened.json()["result"]["state"] == IN_PROGRESS
    assert states_of(agent, children) == [RESOLVED]


def test_the_callers_answer_on_a_parent_brings_its_children_along(
    agent: TableApi, caller: TableApi
) -> None:
    """The caller's comment resumes the parent, and the children follow into In Progress."""
    parent, children = family(agent, NEW, parent_by=caller)
    move(agent, parent, ON_HOLD, hold_reason=AWAITING_CALLER)

    answered = caller.patch(f"incident/{parent['sys_id']}", {"comments": "Webhook is back"})

    assert answered.status_code == 200, answered.text
    assert answered.json()["result"]["state"] == IN_PROGRESS
    assert states_of(agent, children) == [IN_PROGRESS]
    child = agent.read("incident", children[0]["sys_id"])
    assert child["sys_updated_by"] == "lanternfield.caller"


def test_grandchildren_follow_through_their_parent(agent: TableApi) -> None:
    """Sync cascades: a child's own children follow when the child follows the parent."""
    parent, [child] = family(agent, NEW)
    grandchild = incident_in(agent, NEW, parent_incident=child["sys_id"])

    move(agent, parent, RESOLVED)

    assert states_of(agent, [child, grandchild]) == [RESOLVED, RESOLVED]
