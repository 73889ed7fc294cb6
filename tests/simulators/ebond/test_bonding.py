"""E-bonding: a hand-off creates the record on the other desk, and changes flow both ways once."""

from __future__ import annotations

import pytest

from tests.simulators.ebond_support import Party, bonded_desks

MPAN = "1200023304459"


@pytest.fixture(scope="module")
def desks():
    with bonded_desks("elexon", "northvale") as (clock, parties):
        yield clock, parties


def raise_and_assign(elexon: Party, summary: str) -> dict:
    answer = elexon.session("elexon.agent").post(
        elexon.table("incident"),
        json={
            "short_description": summary,
            "u_mpan": MPAN,
            "u_interface_id": "IF-008",
            "assignment_group": "Northvale Registration Support",
        },
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["result"]


def northvale_copy(northvale: Party, number: str) -> dict:
    rows = northvale.rows("incident", f"correlation_id={number}")
    assert len(rows) == 1
    return rows[0]


def test_assigning_to_another_partys_group_creates_the_record_on_its_desk(desks) -> None:
    """The copy carries the keys, and both sides name each other's number."""
    _, parties = desks
    elexon, northvale = parties["elexon"], parties["northvale"]
    record = raise_and_assign(elexon, "IF-008 energisation status missing")
    copy = northvale_copy(northvale, record["number"])
    assert copy["number"].startswith("NVL")
    assert (copy["u_mpan"], copy["u_interface_id"]) == (MPAN, "IF-008")
    assert copy["correlation_display"] == "elexon"
    ours = elexon.rows("incident", f"number={record['number']}")[0]
    assert ours["correlation_id"] == copy["number"]
    assert ours["correlation_display"] == "Northvale Power Networks Service Desk"


def test_resolution_and_journal_flow_back_to_the_owner(desks) -> None:
    """Work notes, comments and the resolution reach the owner, prefixed with their origin."""
    _, parties = desks
    elexon, northvale = parties["elexon"], parties["northvale"]
    record = raise_and_assign(elexon, "IF-007 energisation flow rejected")
    copy = northvale_copy(northvale, record["number"])
    agent = northvale.session("northvale.agent")
    agent.patch(
        f"{northvale.table('incident')}/{copy['sys_id']}",
        json={"state": "2", "comments": "We have the flow; checking MPAN registration."},
        timeout=30,
    )
    agent.patch(
        f"{northvale.table('incident')}/{copy['sys_id']}",
        json={
            "state": "6",
            "close_code": "Solved (Permanently)",
            "close_notes": "Registration corrected; IF-007 resent.",
        },
        timeout=30,
    )
    ours = elexon.rows("incident", f"number={record['number']}")[0]
    assert (ours["state"], ours["close_notes"]) == ("6", "Registration corrected; IF-007 resent.")
    journal = elexon.rows("sys_journal_field", f"element_id={record['sys_id']}")
    texts = [entry["value"] for entry in journal]
    assert any(copy["number"] in t and "checking MPAN registration" in t for t in texts)
    assert any("acknowledged the hand-off" in t for t in texts)


def test_nothing_echoes_back(desks) -> None:
    """A comment from the owner appears once on the worker's copy and is not sent back."""
    _, parties = desks
    elexon, northvale = parties["elexon"], parties["northvale"]
    record = raise_and_assign(elexon, "IF-009 disconnection notice not received")
    elexon.session("elexon.agent").patch(
        f"{elexon.table('incident')}/{record['sys_id']}",
        json={"comments": "Supplier confirms MPAN is live"},
        timeout=30,
    )
    copy = northvale_copy(northvale, record["number"])
    theirs = northvale.rows("sys_journal_field", f"element_id={copy['sys_id']}")
    assert sum("Supplier confirms MPAN is live" in e["value"] for e in theirs) == 1
    ours = elexon.rows("sys_journal_field", f"element_id={record['sys_id']}^element=comments")
    assert sum("Supplier confirms MPAN is live" in e["value"] for e in ours) == 1


def test_a_repeated_delivery_is_refused_and_changes_nothing(desks) -> None:
    """The receiver refuses a second write with the same key (409) and keeps one record."""
    _, parties = desks
    northvale = parties["northvale"]
    ebond = northvale.session("ebond.elexon")
    body = {
        "short_description": "dup",
        "correlation_id": "INC9999999",
        "correlation_display": "elexon",
        "u_ebond_key": "elexon:test-key-1",
    }
    first = ebond.post(northvale.table("incident"), json=body, timeout=30)
    second = ebond.post(northvale.table("incident"), json=body, timeout=30)
    assert (first.status_code, second.status_code) == (201, 409)
    assert "already applied" in second.json()["error"]["message"]
    assert len(northvale.rows("incident", "correlation_id=INC9999999")) == 1


def test_an_unreachable_party_gets_retries_and_then_the_failure_is_visible() -> None:
    """While the other desk is down, the hand-off waits; after the last retry it fails loudly."""
    with bonded_desks("elexon", "northvale") as (clock, parties):
        elexon, northvale = parties["elexon"], parties["northvale"]
        northvale.server.stop(wait=True, keep_store=True)
        record = raise_and_assign(elexon, "IF-008 missing while Northvale is down")
        message = elexon.rows("u_ebond_message", f"local_sys_id={record['sys_id']}")[0]
        assert (message["state"], message["attempts"]) == ("queued", "1")
        clock.advance(2 * 86400)
        message = elexon.rows("u_ebond_message", f"local_sys_id={record['sys_id']}")[0]
        assert message["state"] == "failed" and message["attempts"] == "12"
        notes = elexon.rows("sys_journal_field", f"element_id={record['sys_id']}")
        assert any("failed after 12 attempt(s)" in n["value"] for n in notes)
        mails = elexon.rows("sys_email", f"instance={record['sys_id']}")
        assert any(m["subject"].startswith("E-bond failure") for m in mails)


def test_a_party_back_after_an_outage_receives_the_hand_off_once() -> None:
    """Down for an hour, then back: the retry delivers, exactly once."""
    with bonded_desks("elexon", "northvale") as (clock, parties):
        elexon, northvale = parties["elexon"], parties["northvale"]
        port = northvale.server.port
        northvale.server.stop(wait=True, keep_store=True)
        record = raise_and_assign(elexon, "IF-008 missing during outage")
        clock.advance(3600)
        from simulators.desk.server import DeskServer

        northvale.server = DeskServer(northvale.desk, port=port).start()
        northvale.url = northvale.server.url
        clock.advance(3600)
        assert len(northvale.rows("incident", f"correlation_id={record['number']}")) == 1
        message = elexon.rows("u_ebond_message", f"local_sys_id={record['sys_id']}")[0]
        assert message["state"] == "delivered" and int(message["attempts"]) > 1
        northvale.server.stop()


def test_a_record_bonded_to_a_party_stays_visible_to_that_party(desks) -> None:
    """Reassigned within the owner's desk, the record is still the bonded party's to see."""
    _, parties = desks
    elexon = parties["elexon"]
    record = raise_and_assign(elexon, "IF-008 still missing after reassignment")
    agent = elexon.session("elexon.agent")
    answer = agent.patch(
        f"{elexon.table('incident')}/{record['sys_id']}",
        json={"assignment_group": "DIP Manager"},
        timeout=30,
    )
    assert answer.status_code == 200
    integration = elexon.session("ebond.northvale")
    seen = integration.get(f"{elexon.table('incident')}/{record['sys_id']}", timeout=30)
    assert seen.status_code == 200
    stranger = elexon.session("brightwell.agent")
    assert (
        stranger.get(f"{elexon.table('incident')}/{record['sys_id']}", timeout=30).status_code
        == 404
    )
