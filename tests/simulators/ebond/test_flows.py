"""What crosses an e-bond: the flows declared as data, and a reopen reaching every desk."""

from __future__ import annotations

import pytest

from simulators.ebond.flows import (
    HANDOFF_FIELDS,
    MAX_ATTEMPTS,
    RETRY_BACKOFF_SECONDS,
    STATE_FLOWS,
    StateFlow,
    retry_delay,
)
from tests.simulators.ebond_support import Party, bonded_desks

RESOLUTION = {
    "state": "6",
    "close_code": "Solved (Permanently)",
    "close_notes": "IF-021 egress queue restarted.",
}


@pytest.fixture(scope="module")
def desks():
    with bonded_desks("lanternfield", "elexon") as (clock, parties):
        yield clock, parties


def patch(party: Party, user: str, sys_id: str, body: dict) -> dict:
    answer = party.session(user).patch(f"{party.table('incident')}/{sys_id}", json=body, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["result"]


def reported(lanternfield: Party, elexon: Party, summary: str) -> tuple[dict, dict]:
    """Lanternfield raises on its own desk and hands it to Elexon; both records, as stored."""
    answer = lanternfield.session("lanternfield.agent").post(
        lanternfield.table("incident"),
        json={"short_description": summary, "assignment_group": "DIP Manager"},
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    own = answer.json()["result"]
    [central] = elexon.rows("incident", f"correlation_id={own['number']}")
    return own, central


def state_of(party: Party, record: dict) -> str:
    return party.rows("incident", f"sys_id={record['sys_id']}")[0]["state"]


def test_elexon_reopening_its_copy_reopens_the_reporting_partys_incident(desks) -> None:
    """The resolution flowed to the owner, and so does the reopen, with a note saying so."""
    _, parties = desks
    lanternfield, elexon = parties["lanternfield"], parties["elexon"]
    own, central = reported(lanternfield, elexon, "IF-021 reports missing")
    patch(elexon, "elexon.agent", central["sys_id"], RESOLUTION)
    assert state_of(lanternfield, own) == "6"
    patch(elexon, "elexon.agent", central["sys_id"], {"state": "2"})
    assert state_of(lanternfield, own) == "2"
    notes = lanternfield.rows("sys_journal_field", f"element_id={own['sys_id']}")
    assert any(f"reopened {central['number']}" in n["value"] for n in notes)


def test_a_partys_dispute_from_its_own_desk_reopens_only_the_parent(desks) -> None:
    """The e-bond user acts for the requester: the children of Elexon's parent stay resolved."""
    _, parties = desks
    lanternfield, elexon = parties["lanternfield"], parties["elexon"]
    own, parent = reported(lanternfield, elexon, "IF-021 reports missing again")
    child = elexon.session("brightwell.agent").post(
        elexon.table("incident"), json={"short_description": "Same symptom"}, timeout=30
    )
    assert child.status_code == 201, child.text
    child = child.json()["result"]
    patch(elexon, "elexon.agent", child["sys_id"], {"parent_incident": parent["sys_id"]})
    patch(elexon, "elexon.agent", parent["sys_id"], RESOLUTION)
    assert (state_of(elexon, child), state_of(lanternfield, own)) == ("6", "6")

    dispute = {"state": "2", "comments": "Reports for 7 December are still missing."}
    patch(lanternfield, "lanternfield.agent", own["sys_id"], dispute)

    assert (state_of(elexon, parent), state_of(elexon, child)) == ("2", "6")


def test_an_elexon_agent_reopening_the_parent_reopens_its_children(desks) -> None:
    """The same parent reopened by Elexon's own agent brings its resolved children back."""
    _, parties = desks
    lanternfield, elexon = parties["lanternfield"], parties["elexon"]
    _, parent = reported(lanternfield, elexon, "IF-021 reports missing a third time")
    child = elexon.session("elexon.agent").post(
        elexon.table("incident"),
        json={"short_description": "Same symptom", "parent_incident": parent["sys_id"]},
        timeout=30,
    )
    assert child.status_code == 201, child.text
    child = child.json()["result"]
    patch(elexon, "elexon.agent", parent["sys_id"], RESOLUTION)
    patch(elexon, "elexon.agent", parent["sys_id"], {"state": "2"})
    assert (state_of(elexon, parent), state_of(elexon, child)) == ("2", "2")


# -- the flows as data -------------------------------------------------------------------------


def flows_for(sender: str, before: str, after: str) -> list[StateFlow]:
    return [f for f in STATE_FLOWS if f.applies(sender, {"state": before}, {"state": after})]


def test_a_flow_applies_only_when_its_sender_enters_its_state() -> None:
    """Staying in a state, or the other side entering it, sends nothing."""
    resolved = flows_for("worker", "2", "6")

    assert [(f.target_state, f.fields) for f in resolved] == [("6", ("close_code", "close_notes"))]
    assert flows_for("worker", "6", "6") == []
    assert flows_for("owner", "2", "6") == []


def test_a_reopen_flows_both_ways_but_only_out_of_resolved() -> None:
    """In Progress after Resolved is a reopen; after New it is the worker's acknowledgement."""
    assert [f.note for f in flows_for("worker", "6", "2")] == ["{sender} reopened {number}."]
    assert [f.note for f in flows_for("owner", "6", "2")] == ["{sender} reopened {number}."]
    acknowledged = flows_for("worker", "1", "2")
    assert [(f.target_state, f.note) for f in acknowledged] == [
        ("", "{sender} acknowledged the hand-off as {number}.")
    ]
    assert flows_for("owner", "1", "2") == []


def test_only_the_owner_cancels_and_closes_the_other_copy() -> None:
    """Cancel and close come from the desk that handed the work over."""
    assert [f.target_state for f in flows_for("owner", "6", "7")] == ["7"]
    assert [f.target_state for f in flows_for("owner", "2", "8")] == ["8"]
    assert flows_for("worker", "6", "7") == flows_for("worker", "2", "8") == []


def test_the_hand_off_carries_the_dip_keys() -> None:
    """The MPAN, the interface and the DIP transaction travel with the record."""
    assert {"u_mpan", "u_interface_id", "u_dip_transaction_id"} <= set(HANDOFF_FIELDS)


@pytest.mark.parametrize(("attempts", "delay"), [(1, 60), (2, 120), (6, 3600), (11, 3600)])
def test_retries_back_off_and_the_last_wait_repeats(attempts: int, delay: int) -> None:
    """60 s, 2 min, 5 min, 10 min, 30 min, then hourly until the attempts run out."""
    assert retry_delay(attempts) == delay
    assert len(RETRY_BACKOFF_SECONDS) < MAX_ATTEMPTS
