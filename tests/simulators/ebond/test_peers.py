"""The other desks a desk can reach: integration user names, and peers added or found on use."""

from __future__ import annotations

from simulators.ebond.peers import Peer, PeerDirectory, ebond_user, is_ebond_user

NORTHVALE = Peer(
    "northvale", "Northvale Service Desk", "http://127.0.0.1:8101", "ebond.elexon", "s"
)


def test_a_desk_logs_in_to_others_as_ebond_and_its_party() -> None:
    """`ebond.<party>` is the integration user; only such names are integration users."""
    assert ebond_user("elexon") == "ebond.elexon"
    assert is_ebond_user("ebond.elexon")
    assert not is_ebond_user("elexon.agent")


def test_a_peer_never_shows_its_password() -> None:
    """The repr names the party, the URL and the user, not the password."""
    assert repr(NORTHVALE) == "Peer('northvale', 'http://127.0.0.1:8101', user='ebond.elexon')"


def test_an_added_peer_is_found_by_party() -> None:
    """Peers added as desks start are found by party id; others are not there."""
    peers = PeerDirectory()
    peers.add(NORTHVALE)

    assert peers.get("northvale") is NORTHVALE
    assert "northvale" in peers
    assert "kestrel" not in peers
    assert repr(peers) == "PeerDirectory(['northvale'])"


def test_a_peer_is_resolved_once_on_first_use() -> None:
    """The resolver is asked for an unknown party and its answer kept; None is not kept."""
    asked: list[str] = []

    def resolve(party: str) -> Peer | None:
        asked.append(party)
        return NORTHVALE if party == "northvale" else None

    peers = PeerDirectory(resolve)

    assert peers.get("northvale") is NORTHVALE
    assert peers.get("northvale") is NORTHVALE
    assert peers.get("kestrel") is None
    assert peers.get("kestrel") is None
    assert asked == ["northvale", "kestrel", "kestrel"]
