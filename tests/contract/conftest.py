"""Fixtures for the pysnow contract tests: one served desk per module and pysnow clients for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pysnow
import pytest

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.server import DeskServer

ClientFor = Callable[..., pysnow.Client]


@pytest.fixture(scope="module")
def desk_start() -> datetime | None:
    """Where the desk's virtual clock starts (a module may override it); None means now."""
    return None


@pytest.fixture(scope="module")
def desk_server(desk_start: datetime | None) -> Iterator[DeskServer]:
    """The reference desk with its default configuration, served on loopback."""
    desk = build_desk(load_desk_config(), VirtualClock(desk_start), store_url="sqlite://")
    with DeskServer(desk) as server:
        yield server


@pytest.fixture(scope="module")
def client_for(desk_server: DeskServer) -> Iterator[ClientFor]:
    """`client_for("lanternfield.agent")`: a pysnow client logged in as that desk user."""
    clients: list[pysnow.Client] = []

    def connect(user: str, password: str | None = None) -> pysnow.Client:
        client = pysnow.Client(
            host=f"127.0.0.1:{desk_server.port}",
            user=user,
            password=password or desk_server.desk.passwords[user],
            use_ssl=False,
        )
        clients.append(client)
        return client

    yield connect
    for client in clients:
        client.close()
