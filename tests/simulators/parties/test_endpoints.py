"""A party desk's test-mode routes: its fault plan and its script, for the admin on virtual time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from simulators import build_desk
from simulators.clock import SystemClock, VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer
from simulators.parties.endpoints import BEHAVIOUR, FAULTS
from simulators.parties.roster import desk_config_for, load_roster
from tests.simulators.ebond_support import START

ROUTES = (FAULTS, BEHAVIOUR)


class Served:
    """A served desk and how to call it as one of its users."""

    def __init__(self, desk: Desk, server: DeskServer) -> None:
        self.desk = desk
        self.url = server.url

    def call(self, method: str, path: str, user: str | None = "admin", **kwargs: Any):
        auth = (user, self.desk.passwords[user]) if user else None
        return requests.request(method, f"{self.url}{path}", auth=auth, timeout=30, **kwargs)


def _serve(clock: Any) -> Iterator[Served]:
    config = desk_config_for(load_desk_config(), load_roster(), "northvale")
    desk = build_desk(config, clock)
    server = DeskServer(desk).start()
    try:
        yield Served(desk, server)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def virtual() -> Iterator[Served]:
    """The northvale desk on a virtual clock, served on loopback."""
    yield from _serve(VirtualClock(START))


@pytest.fixture(scope="module")
def real_time() -> Iterator[Served]:
    """The same desk on the system clock, as a rehearsal against real time serves it."""
    yield from _serve(SystemClock())


@pytest.fixture
def desk(virtual: Served) -> Iterator[Served]:
    """The virtual desk, its fault plan and script cleared again after each test."""
    yield virtual
    assert virtual.call("PUT", FAULTS, json={"mode": "none"}).status_code == 200
    assert virtual.call("PUT", BEHAVIOUR, json={}).status_code == 200


def _failure(answer: requests.Response, status: int) -> dict[str, str]:
    """The error of a refused call, after checking its status and envelope."""
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error", "status"} and body["status"] == "failure"
    assert set(body["error"]) == {"message", "detail"}
    error: dict[str, str] = body["error"]
    return error


def test_the_admin_reads_an_empty_fault_plan(desk: Served) -> None:
    """With no plan set, every call passes and nothing has been counted."""
    answer = desk.call("GET", FAULTS)
    assert answer.status_code == 200, answer.text
    plan = answer.json()["result"]
    assert plan["mode"] == "none"
    assert plan["counts"] == {"passed": 0, "failed_before": 0, "failed_after": 0}


def test_the_admin_sets_a_fault_plan_and_reads_it_back(desk: Served) -> None:
    """PUT answers with the plan now in force, and GET shows the same plan."""
    answer = desk.call("PUT", FAULTS, json={"mode": "fail_after", "limit": 2})
    assert answer.status_code == 200, answer.text
    assert (answer.json()["result"]["mode"], answer.json()["result"]["limit"]) == ("fail_after", 2)
    assert desk.call("GET", FAULTS).json()["result"] == answer.json()["result"]


def test_the_admin_sets_a_script_and_reads_it_back(desk: Served) -> None:
    """PUT answers with the script's report, and GET shows what it has matched so far."""
    script = {
        "policy": "ordered",
        "expectations": [{"name": "if-008", "match": {"u_interface_id": "IF-008"}}],
    }
    answer = desk.call("PUT", BEHAVIOUR, json=script)
    assert answer.status_code == 200, answer.text
    report = desk.call("GET", BEHAVIOUR).json()["result"]
    assert report == answer.json()["result"]
    assert report["policy"] == "ordered"
    assert report["expectations"] == [
        {"name": "if-008", "match": {"u_interface_id": "IF-008"}, "matched": []}
    ]
    assert (report["unexpected"], report["pending"], report["done"]) == ([], [], [])


@pytest.mark.parametrize("method", ["GET", "PUT"])
@pytest.mark.parametrize("path", ROUTES)
def test_an_agent_is_forbidden(desk: Served, path: str, method: str) -> None:
    """Only the admin may use test mode; an agent gets 403 naming them."""
    answer = desk.call(method, path, user="northvale.agent", json={})
    error = _failure(answer, 403)
    assert error["message"] == "User northvale.agent may not use test-mode endpoints"
    assert error["detail"] == "admin only"


@pytest.mark.parametrize("method", ["GET", "PUT"])
@pytest.mark.parametrize("path", ROUTES)
def test_a_caller_without_credentials_is_not_authenticated(
    desk: Served, path: str, method: str
) -> None:
    """No credentials get 401 before the route is consulted."""
    error = _failure(desk.call(method, path, user=None, json={}), 401)
    assert error["message"] == "User Not Authenticated"


@pytest.mark.parametrize("method", ["GET", "PUT"])
@pytest.mark.parametrize("path", ROUTES)
def test_a_real_time_desk_has_no_test_mode(real_time: Served, path: str, method: str) -> None:
    """On the system clock the routes do not exist, even for the admin."""
    error = _failure(real_time.call(method, path, json={"mode": "fail_before"}), 404)
    assert error["message"] == "Requested URI does not represent any resource"


@pytest.mark.parametrize(
    ("path", "body", "message"),
    [
        (FAULTS, {"mode": "explode"}, "Fault mode 'explode' is not one of none, fail_before"),
        (FAULTS, ["fail_before"], "A fault plan is a JSON object"),
        (FAULTS, {"mode": "fail_before", "chance": 0.5}, r"Unknown fault plan field\(s\): chance"),
        (BEHAVIOUR, {"policy": "random"}, "policy 'random' is not one of first_match, ordered"),
        (BEHAVIOUR, [], "A behaviour is a JSON object"),
        (BEHAVIOUR, {"expectations": [{"match": {}}]}, r"expectations\[0\] needs a name"),
    ],
)
def test_an_unclear_body_is_refused_with_400_and_changes_nothing(
    desk: Served, path: str, body: Any, message: str
) -> None:
    """A bad body gets 400 with the reason in the error envelope; what was in force stays."""
    before = desk.call("GET", path).json()["result"]
    error = _failure(desk.call("PUT", path, json=body), 400)
    assert re.match(message, error["message"]), error["message"]
    assert desk.call("GET", path).json()["result"] == before


@pytest.mark.parametrize("path", ROUTES)
def test_a_body_that_is_not_json_is_refused_with_400(desk: Served, path: str) -> None:
    """Text that does not parse as JSON is refused, saying so."""
    answer = desk.call(
        "PUT", path, data=b"{mode: none", headers={"Content-Type": "application/json"}
    )
    error = _failure(answer, 400)
    assert error["message"] == "Exception while reading request"
    assert error["detail"].startswith("the body is not JSON: ")
