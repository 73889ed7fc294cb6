"""The virtual clock and its test-mode API: who may use it, how it moves, what fires when."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import requests

from simulators.clock import SystemClock, VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer

CLOCK = "/api/x_ort/clock"


@pytest.fixture
def served() -> Iterator[DeskServer]:
    """A fresh desk on a virtual clock at 1 December 2026 09:00 UTC."""
    desk = Desk(load_desk_config(), VirtualClock(datetime(2026, 12, 1, 9, tzinfo=UTC)))
    with DeskServer(desk) as server:
        yield server


def call(server: DeskServer, method: str, user: str = "admin", **kwargs) -> requests.Response:
    auth = (user, server.desk.passwords[user])
    return requests.request(method, f"{server.url}{CLOCK}", auth=auth, timeout=10, **kwargs)


def test_get_returns_the_utc_time(served: DeskServer) -> None:
    """GET answers {"result": {"now": "YYYY-MM-DD HH:MM:SS"}}."""
    answer = call(served, "GET")
    assert answer.status_code == 200
    assert answer.json() == {"result": {"now": "2026-12-01 09:00:00"}}


def test_put_sets_or_advances_the_clock(served: DeskServer) -> None:
    """PUT with now sets it; with advance_seconds moves it on."""
    assert call(served, "PUT", json={"now": "2026-12-18 17:30:00"}).json()["result"]["now"] == (
        "2026-12-18 17:30:00"
    )
    assert call(served, "PUT", json={"advance_seconds": 5400}).json()["result"]["now"] == (
        "2026-12-18 19:00:00"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"now": "2026-11-30 09:00:00"}, "the clock cannot move backwards"),
        ({"advance_seconds": -60}, "the clock cannot move backwards"),
        ({"now": "18/12/2026 17:30"}, "is not a date-time like 'YYYY-MM-DD HH:MM:SS'"),
        ({"advance_seconds": "an hour"}, "advance_seconds must be a number of seconds"),
        ({}, "Give exactly one of 'now' or 'advance_seconds'"),
        ({"now": "2026-12-18 17:30:00", "advance_seconds": 60}, "Give exactly one of"),
    ],
)
def test_bad_moves_are_refused_and_leave_the_clock(served: DeskServer, body, message) -> None:
    """Backwards moves and malformed bodies get 400 and change nothing."""
    answer = call(served, "PUT", json=body)
    assert answer.status_code == 400
    assert message in answer.json()["error"]["message"]
    assert call(served, "GET").json()["result"]["now"] == "2026-12-01 09:00:00"


def test_only_the_admin_may_use_the_clock(served: DeskServer) -> None:
    """An agent, even of the desk's own party, is refused with 403."""
    assert call(served, "GET", user="elexon.agent").status_code == 403
    assert call(served, "PUT", user="elexon.agent", json={"advance_seconds": 60}).status_code == 403


def test_the_clock_api_is_absent_on_a_real_time_desk() -> None:
    """Without test mode the endpoint does not exist (404), even for the admin."""
    desk = Desk(load_desk_config(), SystemClock())
    with DeskServer(desk) as server:
        assert call(server, "GET").status_code == 404
        assert call(server, "PUT", json={"advance_seconds": 60}).status_code == 404


def test_timers_fire_in_time_order_before_the_call_returns(served: DeskServer) -> None:
    """A P1 breach (4 h) and a P3's auto-close (7 days after resolving) fire at their moments."""
    api = f"{served.url}/api/now/table"
    auth = ("admin", served.desk.passwords["admin"])
    p1 = requests.post(
        f"{api}/incident",
        json={"short_description": "DIP down", "impact": "1", "urgency": "1"},
        auth=auth,
        timeout=10,
    ).json()
    p3 = requests.post(
        f"{api}/incident",
        json={"short_description": "Query", "impact": "2", "urgency": "2"},
        auth=auth,
        timeout=10,
    ).json()
    requests.patch(
        f"{api}/incident/{p3['result']['sys_id']}",
        auth=auth,
        timeout=10,
        json={"state": "6", "close_code": "Solved (Permanently)", "close_notes": "Answered."},
    )
    call(served, "PUT", json={"advance_seconds": 8 * 86400})
    breach = requests.get(
        f"{api}/sys_email",
        auth=auth,
        timeout=10,
        params={"sysparm_query": f"instance={p1['result']['sys_id']}"},
    ).json()["result"]
    assert [e["sent_at"] for e in breach if "P1 resolution" in e["subject"]] == [
        "2026-12-01 13:00:00"
    ]
    closed = requests.get(f"{api}/incident/{p3['result']['sys_id']}", auth=auth, timeout=10).json()
    assert (closed["result"]["state"], closed["result"]["closed_at"]) == (
        "7",
        "2026-12-08 09:00:00",
    )
