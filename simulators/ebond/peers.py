"""The other desks a desk can hand records to, and how it logs in to each."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

EBOND_USER_PREFIX = "ebond."


def ebond_user(party_id: str) -> str:
    """The integration user a party's desk logs in as on other desks: 'ebond.<party>'."""
    return f"{EBOND_USER_PREFIX}{party_id}"


def is_ebond_user(user_name: str) -> bool:
    return user_name.startswith(EBOND_USER_PREFIX)


@dataclass(frozen=True)
class Peer:
    """Another party's desk: where it is and the credentials this desk uses there."""

    party: str
    name: str
    base_url: str
    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Peer({self.party!r}, {self.base_url!r}, user={self.user!r})"


class PeerDirectory:
    """Peers by party id: added as desks start, or found on first use through `resolve`."""

    def __init__(self, resolve: Callable[[str], Peer | None] | None = None) -> None:
        self._peers: dict[str, Peer] = {}
        self._lock = threading.RLock()
        self._resolve = resolve

    def add(self, peer: Peer) -> None:
        with self._lock:
            self._peers[peer.party] = peer

    def get(self, party: str) -> Peer | None:
        with self._lock:
            if party not in self._peers and self._resolve is not None:
                peer = self._resolve(party)
                if peer is not None:
                    self._peers[party] = peer
            return self._peers.get(party)

    def __contains__(self, party: str) -> bool:
        return self.get(party) is not None

    def __repr__(self) -> str:
        return f"PeerDirectory({sorted(self._peers)})"
