"""Two or more real desks wired for e-bonding, for the e-bond tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import requests

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer
from simulators.ebond.peers import Peer, PeerDirectory, ebond_user
from simulators.parties.roster import desk_config_for, load_roster

START = datetime(2026, 12, 1, 9, tzinfo=UTC)


class Party:
    """A served desk and a session per user on it."""

    def __init__(self, desk: Desk, server: DeskServer) -> None:
        self.desk = desk
        self.server = server
        self.url = server.url

    def session(self, user: str) -> requests.Session:
        http = requests.Session()
        http.auth = (user, self.desk.passwords[user])
        return http

    def table(self, name: str) -> str:
        return f"{self.url}/api/now/table/{name}"

    def rows(self, table: str, query: str = "", user: str = "admin") -> list[dict]:
        answer = self.session(user).get(
            self.table(table), params={"sysparm_query": query}, timeout=30
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["result"]


@contextmanager
def bonded_desks(*party_ids: str) -> Iterator[tuple[VirtualClock, dict[str, Party]]]:
    """The named parties' desks on one virtual clock, each a peer of the others."""
    settings, roster = load_desk_config(), load_roster()
    clock = VirtualClock(START)
    directories = {p: PeerDirectory() for p in party_ids}
    passwords = {ebond_user(p): f"ebond-{p}-secret" for p in party_ids}
    parties: dict[str, Party] = {}
    servers = []
    try:
        for party in party_ids:
            config = desk_config_for(settings, roster, party)
            desk = build_desk(config, clock, passwords=passwords, peers=directories[party])
            server = DeskServer(desk).start()
            servers.append(server)
            parties[party] = Party(desk, server)
        for me in party_ids:
            for other in party_ids:
                if other != me:
                    directories[me].add(
                        Peer(
                            other,
                            parties[other].desk.config.name,
                            parties[other].url,
                            ebond_user(me),
                            passwords[ebond_user(me)],
                        )
                    )
        yield clock, parties
    finally:
        for server in servers:
            server.stop()
