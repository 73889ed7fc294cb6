"""Bonding: a hand-back ends an e-bond on both sides; a copy handed onward keeps its number."""

from __future__ import annotations

import pytest

from tests.simulators.ebond_support import Party, bonded_desks

MPAN = "1200023304458"


@pytest.fixture(scope="module")
def desks():
    with bonded_desks("lanternfield", "northvale", "elexon") as (clock, parties):
        yield clock, parties


def raise_on(party: Party, user: str, summary: str, group: str) -> dict:
    answer = party.session(user).post(
        party.table("incident"),
        timeout=30,
        json={
            "short_description": summary,
            "u_mpan": MPAN,
            "u_interface_id": "IF-008",
            "assignment_group": group,
        },
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["result"]


def patch(party: Party, user: str, sys_id: str, body: dict) -> dict:
    answer = party.session(user).patch(f"{party.table('incident')}/{sys_id}", json=body, timeout=30)
    assert answer.status_code == 200, answer.text
    return answer.json()["result"]


def only(party: Party, table: str, query: str) -> dict:
    rows = party.rows(table, query)
    assert len(rows) == 1, rows
    return rows[0]


def test_the_owner_stops_sending_to_a_party_that_handed_the_work_back(desks) -> None:
    """After the worker assigns its copy back and cancels it, the owner's close goes nowhere."""
    _, parties = desks
    lanternfield, northvale = parties["lanternfield"], parties["northvale"]
    own = raise_on(
        lanternfield, "lanternfield.agent", "IF-008 not received", "Northvale Registration Support"
    )
    copy = only(northvale, "incident", f"correlation_id={own['number']}")
    patch(
        northvale,
        "northvale.agent",
        copy["sys_id"],
        {
            "assignment_group": "Lanternfield Service Desk",
            "state": "8",
            "work_notes": "Rejected: the DIP accepted our IF-008.",
        },
    )
    ours = only(lanternfield, "incident", f"number={own['number']}")
    assert ours["assignment_group"]["value"] and ours["state"] == "1"
    patch(
        lanternfield,
        "lanternfield.agent",
        own["sys_id"],
        {
            "state": "6",
            "close_code": "Solved (Permanently)",
            "close_notes": "Replayed by the DIP.",
        },
    )
    patch(
        lanternfield,
        "lanternfield.agent",
        own["sys_id"],
        {
            "state": "7",
            "comments": "Publication received.",
        },
    )

    sent = lanternfield.rows("u_ebond_message", f"local_sys_id={own['sys_id']}")
    assert [m["operation"] for m in sent] == ["create"]
    assert {m["state"] for m in sent} == {"delivered"}
    returned = northvale.rows("u_ebond_message", f"local_sys_id={copy['sys_id']}")
    assert {m["state"] for m in returned} == {"delivered"}
    assert only(northvale, "incident", f"sys_id={copy['sys_id']}")["state"] == "8"
    roles = {
        link["role"]
        for party, record in ((lanternfield, own), (northvale, copy))
        for link in party.rows("u_ebond_link", f"local_sys_id={record['sys_id']}")
    }
    assert roles == {"returned"}


def test_a_copy_handed_onward_keeps_its_originators_number(desks) -> None:
    """The middle desk's copy still names the originator; the onward number is in its notes."""
    _, parties = desks
    lanternfield, northvale, elexon = (
        parties["lanternfield"],
        parties["northvale"],
        parties["elexon"],
    )
    own = raise_on(lanternfield, "lanternfield.agent", "IF-008 still missing", "DIP Manager")
    central = only(elexon, "incident", f"correlation_id={own['number']}")
    patch(
        elexon,
        "elexon.agent",
        central["sys_id"],
        {"assignment_group": "Northvale Registration Support"},
    )

    onward = only(northvale, "incident", f"correlation_id={central['number']}")
    central = only(elexon, "incident", f"sys_id={central['sys_id']}")
    assert (central["correlation_id"], central["correlation_display"]) == (
        own["number"],
        "lanternfield",
    )
    notes = elexon.rows("sys_journal_field", f"element_id={central['sys_id']}^element=work_notes")
    assert any(f"as {onward['number']}" in n["value"] for n in notes)
    owner = only(lanternfield, "incident", f"sys_id={own['sys_id']}")
    assert owner["correlation_id"] == central["number"]
