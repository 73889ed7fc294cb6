"""Fixtures for the desk's own tests: one real desk server per module and a Table API helper."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer

TABLE_API = "/api/now/table"


class TableApi:
    """A requests.Session for one desk user; paths are relative to /api/now/table."""

    def __init__(self, server: DeskServer, user: str) -> None:
        self.user = user
        self.url = f"{server.url}{TABLE_API}"
        self.session = requests.Session()
        self.session.auth = (user, server.desk.passwords[user])

    def __repr__(self) -> str:
        return f"TableApi({self.user!r})"

    def request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        """Send one request to `/api/now/table/<path>`."""
        return self.session.request(method, f"{self.url}/{path}", timeout=10, **kwargs)

    def get(self, path: str, **params: str) -> requests.Response:
        return self.request("GET", path, params=params)

    def post(self, path: str, body: Any, **params: str) -> requests.Response:
        return self.request("POST", path, json=body, params=params)

    def patch(self, path: str, body: Any, **params: str) -> requests.Response:
        return self.request("PATCH", path, json=body, params=params)

    def put(self, path: str, body: Any, **params: str) -> requests.Response:
        return self.request("PUT", path, json=body, params=params)

    def delete(self, path: str) -> requests.Response:
        return self.request("DELETE", path)

    def create(self, table: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST a record that must be accepted; return the stored record."""
        response = self.post(table, body)
        assert response.status_code == 201, response.text
        return response.json()["result"]

    def change(self, table: str, sys_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """PATCH a record with a change that must be accepted; return the stored record."""
        response = self.patch(f"{table}/{sys_id}", body)
        assert response.status_code == 200, response.text
        return response.json()["result"]

    def read(self, table: str, sys_id: str) -> dict[str, Any]:
        """GET a record that must be visible."""
        response = self.get(f"{table}/{sys_id}")
        assert response.status_code == 200, response.text
        return response.json()["result"]

    def rows(self, table: str, query: str) -> list[dict[str, Any]]:
        """GET the records of `table` matching an encoded query."""
        response = self.get(table, sysparm_query=query)
        assert response.status_code == 200, response.text
        return response.json()["result"]


@pytest.fixture(scope="module")
def desk_server() -> Iterator[DeskServer]:
    """The reference desk (default configuration, virtual clock, in-memory store), served."""
    desk = build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")
    with DeskServer(desk) as server:
        yield server


@pytest.fixture(scope="module")
def desk(desk_server: DeskServer) -> Desk:
    """The desk behind `desk_server`, for its clock and passwords."""
    return desk_server.desk


@pytest.fixture(scope="module")
def api(desk_server: DeskServer) -> Iterator[Callable[[str], TableApi]]:
    """`api("lanternfield.agent")`: a Table API session of that user on the module's desk."""
    sessions: dict[str, TableApi] = {}

    def for_user(user: str) -> TableApi:
        if user not in sessions:
            sessions[user] = TableApi(desk_server, user)
        return sessions[user]

    yield for_user
    for table_api in sessions.values():
        table_api.session.close()


Api = Callable[[str], TableApi]


def tag() -> str:
    """A value no other test uses, to find this test's records."""
    return f"t-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def admin(api: Api) -> TableApi:
    return api("admin")


@pytest.fixture(scope="module")
def caller_sys_id(admin: TableApi) -> str:
    [user] = admin.rows("sys_user", "user_name=lanternfield.caller")
    return user["sys_id"]


@pytest.fixture(scope="module")
def tagged(admin: TableApi, caller_sys_id: str) -> tuple[str, list[dict[str, Any]]]:
    """Five incidents sharing one interface id, oldest first."""
    marker = tag()
    records = [
        admin.create(
            "incident",
            {
                "short_description": f"Paged record {index}",
                "u_interface_id": marker,
                "caller_id": caller_sys_id,
                "state": "2",
            },
        )
        for index in range(5)
    ]
    return marker, records
