"""CAB and eCAB approvals: who is asked, who may decide, and what a decision does to the change."""

from __future__ import annotations

import pytest

from simulators.desk.lifecycle import GuardContext
from simulators.errors import InvalidTransition
from simulators.processes.change.lifecycle import APPROVAL_LIFECYCLE
from tests.simulators.conftest import TableApi
from tests.simulators.processes.change.conftest import (
    AUTHORIZE,
    CANCELED,
    NEW,
    SCHEDULED,
    Api,
    approvals,
    change_in,
    decide,
    move,
    moved,
    refusal,
)


@pytest.mark.parametrize(
    ("change_type", "role", "members"),
    [
        ("normal", "change_approver", {"elexon.cab", "elexon.cab2"}),
        ("emergency", "emergency_change_approver", {"elexon.ecab"}),
    ],
)
def test_authorize_asks_every_holder_of_the_types_approver_role(
    agent: TableApi, api: Api, change_type: str, role: str, members: set[str]
) -> None:
    """Entering Authorize requests one approval per CAB (or eCAB) member."""
    record = change_in(agent, api, change_type, AUTHORIZE)

    requested = approvals(agent, record)
    names = {agent.read("sys_user", a["approver"]["value"])["user_name"] for a in requested}
    assert names == members
    assert {a["u_approver_role"] for a in requested} == {role}
    assert agent.read("change_request", record["sys_id"])["approval"] == "requested"


def test_a_cab_approval_approves_the_change_and_retires_the_other_requests(
    agent: TableApi, api: Api
) -> None:
    """The first decision decides: the others become no longer required; a note records it."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    decide(api, record, "approved", "elexon.cab2")

    after = agent.read("change_request", record["sys_id"])
    assert after["approval"] == "approved"
    assert [a["state"] for a in approvals(agent, record, "not_required")] == ["not_required"]
    notes = agent.rows("sys_journal_field", f"element_id={record['sys_id']}^element=work_notes")
    assert "Approved by Ruth Ings (change_approver): Reviewed" in [n["value"] for n in notes]


def test_a_rejection_sends_the_change_back_to_new(agent: TableApi, api: Api) -> None:
    """A rejected change returns to New with approval rejected."""
    record = change_in(agent, api, "emergency", AUTHORIZE)

    decide(api, record, "rejected")

    after = agent.read("change_request", record["sys_id"])
    assert (after["state"], after["approval"]) == (NEW, "rejected")


def test_asking_again_after_a_rejection_requests_fresh_approvals(agent: TableApi, api: Api) -> None:
    """Authorize again resets the approval to requested with new approval records."""
    record = change_in(agent, api, "emergency", AUTHORIZE)
    decide(api, record, "rejected")

    again = moved(agent, agent.read("change_request", record["sys_id"]), AUTHORIZE)

    assert again["approval"] == "requested"
    assert len(approvals(agent, record)) == 1


def test_an_unapproved_change_cannot_leave_authorize(agent: TableApi, api: Api) -> None:
    """Scheduled from Authorize needs the approval."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    message = refusal(move(agent, record, SCHEDULED))

    assert "the change is not approved" in message


def test_an_agent_cannot_send_an_unrejected_change_back_to_new(agent: TableApi, api: Api) -> None:
    """Authorize to New happens only on rejection."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    message = refusal(move(agent, record, NEW))

    assert message.endswith("only when its approval was rejected")


@pytest.mark.parametrize(
    ("change_type", "user", "role"),
    [
        ("normal", "elexon.agent", "change_approver"),
        ("emergency", "elexon.cab", "emergency_change_approver"),
        ("normal", "elexon.ecab", "change_approver"),
    ],
)
def test_only_a_holder_of_the_role_may_decide(
    agent: TableApi, api: Api, change_type: str, user: str, role: str
) -> None:
    """A user without the type's approver role is refused, naming the change and the role."""
    record = change_in(agent, api, change_type, AUTHORIZE)
    approval = approvals(agent, record)[0]

    message = refusal(
        api(user).patch(f"sysapproval_approver/{approval['sys_id']}", {"state": "approved"})
    )

    assert message == (
        f"Approval for {record['number']} cannot move from Requested (requested) to "
        f"Approved (approved): deciding a {change_type} change needs the {role} role, "
        f"which {user} does not hold"
    )
    assert agent.read("change_request", record["sys_id"])["approval"] == "requested"


def test_a_cab_member_decides_only_their_own_approval(agent: TableApi, api: Api) -> None:
    """Another CAB member's approval record is not theirs to decide."""
    record = change_in(agent, api, "normal", AUTHORIZE)
    cab2 = agent.rows("sys_user", "user_name=elexon.cab2")[0]["sys_id"]
    theirs = next(a for a in approvals(agent, record) if a["approver"]["value"] == cab2)

    response = api("elexon.cab").patch(
        f"sysapproval_approver/{theirs['sys_id']}", {"state": "approved"}
    )

    assert refusal(response).endswith("only the approver named on the approval may decide it")


def test_an_approval_cannot_be_requested_from_someone_without_the_role(
    agent: TableApi, api: Api
) -> None:
    """An approval naming a user without the approver role is refused."""
    record = change_in(agent, api, "emergency", AUTHORIZE)

    response = agent.post(
        "sysapproval_approver", {"approver": "elexon.cab", "document_id": record["sys_id"]}
    )

    assert refusal(response) == (
        f"Approval for {record['number']}: elexon.cab does not hold the "
        "emergency_change_approver role, so cannot authorise a emergency change"
    )


@pytest.mark.parametrize(
    ("change_type", "target", "expected"),
    [
        ("standard", NEW, "pre-approved by its template and takes no approval"),
        ("normal", NEW, "approvals are requested while a change is in Authorize"),
    ],
)
def test_approvals_are_only_for_changes_in_authorize(
    agent: TableApi, api: Api, change_type: str, target: str, expected: str
) -> None:
    """A standard change takes no approval; others only while in Authorize."""
    record = change_in(agent, api, change_type, target)

    response = agent.post(
        "sysapproval_approver", {"approver": "elexon.cab", "document_id": record["sys_id"]}
    )

    assert expected in refusal(response)


def test_an_approval_starts_requested_and_keeps_its_approver(agent: TableApi, api: Api) -> None:
    """A new approval cannot be born approved, and its approver cannot be swapped."""
    record = change_in(agent, api, "normal", AUTHORIZE)
    born_approved = agent.post(
        "sysapproval_approver",
        {"approver": "elexon.cab", "document_id": record["sys_id"], "state": "approved"},
    )
    assert "a new approval starts as requested" in refusal(born_approved)

    approval = approvals(agent, record)[0]
    swapped = agent.patch(
        f"sysapproval_approver/{approval['sys_id']}", {"approver": "elexon.agent"}
    )
    assert "approver cannot change once requested" in refusal(swapped)


def test_a_requester_cannot_request_an_approval(agent: TableApi, api: Api) -> None:
    """Approvals are requested by agents or the desk: a participant cannot even name the CAB."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    response = api("lanternfield.caller").post(
        "sysapproval_approver", {"approver": "elexon.cab", "document_id": record["sys_id"]}
    )

    assert refusal(response) == "Field 'approver': 'elexon.cab' matches no record in sys_user"


def test_canceling_a_change_withdraws_its_pending_approvals(agent: TableApi, api: Api) -> None:
    """Requested approvals of a canceled change become cancelled."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    moved(agent, record, CANCELED)

    assert approvals(agent, record) == []
    assert len(approvals(agent, record, "cancelled")) == 2


def test_the_named_approver_guard_lets_only_that_user_or_the_admin_decide() -> None:
    """The approval lifecycle's guard compares the acting user with the approver."""

    def context(user: str, admin: bool = False) -> GuardContext:
        return GuardContext({"approver": "cab"}, frozenset({"change_approver"}), user, admin)

    assert APPROVAL_LIFECYCLE.check("for CHG0030001", "requested", "approved", context("cab"))
    assert APPROVAL_LIFECYCLE.check("for CHG0030001", "requested", "rejected", context("x", True))
    with pytest.raises(InvalidTransition, match="only the approver named on the approval"):
        APPROVAL_LIFECYCLE.check("for CHG0030001", "requested", "approved", context("other"))
