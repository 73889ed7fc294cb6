"""The roster's desks served together on one clock, each finding the others as peers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.parties.fleet import Fleet, peer_directory
from simulators.parties.roster import load_roster, run_passwords


@pytest.fixture(scope="module")
def fleet() -> Iterator[Fleet]:
    roster = load_roster()
    clock = VirtualClock(datetime(2026, 12, 1, 9, tzinfo=UTC))
    fleet = Fleet(
        load_desk_config(),
        roster,
        run_passwords(roster),
        clock,
        ["elexon", "northvale"],
        {},
        build=build_desk,
    )
    fleet.start()
    yield fleet
    fleet.stop()


def test_every_chosen_party_gets_a_served_desk(fleet: Fleet) -> None:
    """Each desk answers on its own loopback URL with its own numbering."""
    assert sorted(fleet.served) == ["elexon", "northvale"]
    assert fleet.served["northvale"].config.prefixes["incident"] == "NVL"
    assert fleet.url_of("elexon") == fleet.served["elexon"].server.url
    assert fleet.url_of("elexon").startswith("http://127.0.0.1:")


def test_a_simulated_party_not_served_and_without_a_port_cannot_be_reached(fleet: Fleet) -> None:
    """Kestrel's desk is not part of this fleet and has no fixed port."""
    assert fleet.url_of("kestrel") is None


def test_a_hand_off_reaches_the_other_desk_of_the_fleet(fleet: Fleet) -> None:
    """Elexon finds Northvale as a peer on first use; the copy names where it came from."""
    elexon = fleet.served["elexon"]
    password = elexon.desk.passwords["elexon.agent"]
    answer = requests.post(
        f"{elexon.server.url}/api/now/table/incident",
        json={
            "short_description": "IF-008 energisation status missing",
            "assignment_group": "Northvale Registration Support",
        },
        auth=("elexon.agent", password),
        timeout=30,
    )
    assert answer.status_code == 201, answer.text

    northvale = fleet.served["northvale"].desk
    copies = requests.get(
        f"{fleet.url_of('northvale')}/api/now/table/incident",
        params={"sysparm_query": f"correlation_id={answer.json()['result']['number']}"},
        auth=("admin", northvale.passwords["admin"]),
        timeout=30,
    ).json()["result"]
    assert [copy["correlation_display"] for copy in copies] == ["elexon"]


def test_a_peer_directory_resolves_roster_parties_other_than_itself() -> None:
    """The desk itself and parties outside the roster are never peers."""
    roster = load_roster()
    passwords = run_passwords(roster)
    peers = peer_directory(
        roster, passwords, "elexon", lambda party: f"http://{party}.test", "Elexon Service Desk"
    )

    northvale = peers.get("northvale")
    assert northvale is not None
    assert (northvale.name, northvale.base_url) == (
        "Northvale Power Networks Service Desk",
        "http://northvale.test",
    )
    assert (northvale.user, northvale.password) == ("ebond.elexon", passwords["ebond.elexon"])
    assert peers.get("elexon") is None
    assert peers.get("acme") is None


def test_the_central_desk_is_known_by_its_configured_name() -> None:
    """A party's desk calls the central desk by the desk's name, not the party's."""
    roster = load_roster()
    peers = peer_directory(
        roster, run_passwords(roster), "northvale", lambda p: "http://x", "Elexon Service Desk"
    )

    central = peers.get("elexon")
    assert central is not None and central.name == "Elexon Service Desk"


def test_a_party_that_cannot_be_reached_is_no_peer() -> None:
    """When no URL is known, the directory has no peer for that party."""
    roster = load_roster()
    peers = peer_directory(roster, run_passwords(roster), "elexon", lambda p: None, "Elexon")

    assert peers.get("northvale") is None
