"""Shared by the major incident tests: the candidacy states, the users, and helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


NONE, PROPOSED, ACCEPTED, REJECTED, CANCELED = "", "proposed", "accepted", "rejected", "canceled"


MI_NAMES = {
    NONE: "None",
    PROPOSED: "Proposed (proposed)",
    ACCEPTED: "Accepted (accepted)",
    REJECTED: "Rejected (rejected)",
    CANCELED: "Canceled (canceled)",
}


PATH_TO = {
    NONE: [],
    PROPOSED: [PROPOSED],
    ACCEPTED: [PROPOSED, ACCEPTED],
    REJECTED: [PROPOSED, REJECTED],
    CANCELED: [PROPOSED, ACCEPTED, CANCELED],
}


IN_PROGRESS, ON_HOLD, RESOLVED = "2", "3", "6"


RESOLUTION = {"close_code": "Solved (Permanently)", "close_notes": "DIP broker failed over"}


MOVE_FIELDS = {
    IN_PROGRESS: {},
    ON_HOLD: {"hold_reason": "3"},
    RESOLVED: RESOLUTION,
}


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    """An ordinary Elexon service desk agent (itil)."""
    return api("elexon.agent")


@pytest.fixture(scope="module")
def manager(api: Api) -> TableApi:
    """Elexon's major incident manager (itil, major_incident_manager)."""
    return api("elexon.mim")


def raise_incident(by: TableApi, **fields: str) -> Record:
    body = {"short_description": "DIP publications not delivered", "impact": "1", "urgency": "1"}
    return by.create("incident", {**body, **fields})


def set_mi(by: TableApi, record: Record, mi_state: str) -> requests.Response:
    return by.patch(f"incident/{record['sys_id']}", {"major_incident_state": mi_state})


def move(by: TableApi, record: Record, state: str) -> requests.Response:
    return by.patch(f"incident/{record['sys_id']}", {"state": state, **MOVE_FIELDS[state]})


def major_incident_in(
    agent: TableApi, manager: TableApi, mi_state: str, by: TableApi | None = None, **fields: str
) -> Record:
    """A fresh incident driven along the legal major incident path into `mi_state`."""
    record = raise_incident(by or agent, **fields)
    for step in PATH_TO[mi_state]:
        response = set_mi(agent if step == PROPOSED else manager, record, step)
        assert response.status_code == 200, response.text
        record = response.json()["result"]
    return record


def refusal(response: requests.Response) -> str:
    assert response.status_code == 400, response.text
    return response.json()["error"]["message"]


def user_id(by: TableApi) -> str:
    [user] = by.rows("sys_user", f"user_name={by.user}")
    return user["sys_id"]
