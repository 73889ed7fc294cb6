"""A desk served on loopback: it answers once started, on the port asked for, until stopped."""

from __future__ import annotations

import socket

import pytest
import requests

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer


def new_desk() -> Desk:
    return build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")


def answers(server: DeskServer) -> int:
    auth = ("admin", server.desk.passwords["admin"])
    return requests.get(
        f"{server.url}/api/now/table/sys_user_group", auth=auth, timeout=10
    ).status_code


def test_a_served_desk_answers_on_loopback_until_the_block_ends() -> None:
    """As a context manager the server starts, answers, then stops and frees its port."""
    with DeskServer(new_desk()) as server:
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert repr(server) == f"DeskServer('elexon', {server.url})"
        assert answers(server) == 200
    with pytest.raises(requests.ConnectionError):
        answers(server)


def test_a_desk_can_be_served_on_a_chosen_port() -> None:
    """A port given is the port used."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with DeskServer(new_desk(), port=port) as server:
        assert server.port == port
        assert answers(server) == 200


def test_a_stopped_server_may_keep_its_store_for_another() -> None:
    """With keep_store the records outlive the server, for a restart on the same desk."""
    desk = new_desk()
    server = DeskServer(desk).start()
    server.stop(keep_store=True)

    with DeskServer(desk) as again:
        assert answers(again) == 200
