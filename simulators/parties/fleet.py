"""The desks of a roster served together: one clock, each desk a peer of the others."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from simulators.clock import Clock
from simulators.config import DeskConfig
from simulators.desk import Desk, DeskServer
from simulators.ebond import Peer, PeerDirectory, ebond_user
from simulators.parties.roster import Roster, desk_config_for, desk_name

UrlOf = Callable[[str], str | None]
"""Where a party's desk answers, or None when it cannot be reached from here."""


class DeskBuilder(Protocol):
    """Builds one party's desk (`simulators.build_desk`): the fleet serves what it is given."""

    def __call__(
        self,
        config: DeskConfig,
        clock: Clock,
        store_url: str = ...,
        *,
        passwords: Mapping[str, str] | None = ...,
        peers: PeerDirectory | None = ...,
    ) -> Desk: ...


def peer_directory(
    roster: Roster, passwords: Mapping[str, str], me: str, url_of: UrlOf, central_name: str
) -> PeerDirectory:
    """The peers of `me`'s desk, found on first use: it logs in to each as ebond.<me>."""

    def resolve(other: str) -> Peer | None:
        if other == me or other not in {e.party.id for e in roster.entries}:
            return None
        url = url_of(other)
        if url is None:
            return None
        name = central_name if other == roster.central else desk_name(roster, other)
        return Peer(other, name, url, ebond_user(me), passwords[ebond_user(me)])

    return PeerDirectory(resolve)


@dataclass
class ServedDesk:
    """One desk of the fleet and its server."""

    config: DeskConfig
    desk: Desk
    server: DeskServer


class Fleet:
    """Serves the chosen parties' desks of a roster on loopback, wired to each other."""

    def __init__(
        self,
        settings: DeskConfig,
        roster: Roster,
        passwords: Mapping[str, str],
        clock: Clock,
        parties: list[str],
        ports: Mapping[str, int],
        store_url: str = "sqlite://",
        *,
        build: DeskBuilder,
    ) -> None:
        self.roster = roster
        self.served: dict[str, ServedDesk] = {}
        for party in parties:
            config = desk_config_for(settings, roster, party)
            peers = peer_directory(roster, passwords, party, self.url_of, settings.name)
            desk = build(config, clock, store_url=store_url, passwords=passwords, peers=peers)
            server = DeskServer(desk, port=ports.get(party, 0))
            self.served[party] = ServedDesk(config, desk, server)

    def url_of(self, party: str) -> str | None:
        """A served desk's URL; a real desk's bound URL; a simulated desk's fixed port."""
        if party in self.served:
            return self.served[party].server.url
        entry = self.roster.entry(party)
        if entry.binding is not None:
            return entry.binding.url
        return f"http://127.0.0.1:{entry.port}" if entry.port else None

    def start(self) -> Fleet:
        for served in self.served.values():
            served.server.start()
        return self

    def stop(self) -> None:
        for served in self.served.values():
            served.server.stop()
