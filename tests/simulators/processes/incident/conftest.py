"""Shared by the incident tests: the incident states, the fields each needs, and helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELED = "1", "2", "3", "6", "7", "8"


STATE_NAMES = {
    NEW: "New",
    IN_PROGRESS: "In Progress",
    ON_HOLD: "On Hold",
    RESOLVED: "Resolved",
    CLOSED: "Closed",
    CANCELED: "Canceled",
}


AWAITING_CALLER, AWAITING_PROBLEM, AWAITING_VENDOR, AWAITING_CHANGE = "1", "3", "4", "5"


RESOLUTION = {"close_code": "Solved (Permanently)", "close_notes": "DIP gateway restarted"}


FIELDS_FOR = {
    NEW: {},
    IN_PROGRESS: {},
    ON_HOLD: {"hold_reason": AWAITING_VENDOR},
    RESOLVED: RESOLUTION,
    CLOSED: RESOLUTION,
    CANCELED: {},
}


PATH_TO = {
    NEW: [],
    IN_PROGRESS: [IN_PROGRESS],
    ON_HOLD: [ON_HOLD],
    RESOLVED: [RESOLVED],
    CLOSED: [RESOLVED, CLOSED],
    CANCELED: [CANCELED],
}


def state(name: str) -> str:
    """'In Progress (2)' as the desk names states in its messages."""
    return f"{STATE_NAMES[name]} ({name})"


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


def raise_incident(by: TableApi, **fields: str) -> Record:
    return by.create("incident", {"short_description": "IF-008 publication missing", **fields})


def move(by: TableApi, record: Record, target: str, **fields: str) -> requests.Response:
    """Ask to move `record` into `target`, sending the fields that state needs unless overridden."""
    return by.patch(
        f"incident/{record['sys_id']}", {"state": target, **FIELDS_FOR[target], **fields}
    )


def incident_in(by: TableApi, target: str, **fields: str) -> Record:
    """A fresh incident driven by `by` into `target` along its shortest legal path."""
    record = raise_incident(by, **fields)
    for step in PATH_TO[target]:
        response = move(by, record, step)
        assert response.status_code == 200, response.text
        record = response.json()["result"]
    return record


def moved(by: TableApi, record: Record, target: str) -> Record:
    """Move `record` into `target`, which must be accepted; return the updated record."""
    response = move(by, record, target)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def refusal(response: requests.Response) -> str:
    assert response.status_code == 400, response.text
    return response.json()["error"]["message"]
