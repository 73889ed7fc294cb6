"""Shared by the service request tests: the request states, types, users and helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


REQUESTED, IN_PROCESS = "requested", "in_process"


COMPLETE, INCOMPLETE, CANCELLED = "closed_complete", "closed_incomplete", "closed_cancelled"


STATE_NAMES = {
    REQUESTED: "Requested",
    IN_PROCESS: "In Process",
    COMPLETE: "Closed Complete",
    INCOMPLETE: "Closed Incomplete",
    CANCELLED: "Closed Cancelled",
}


PATH_TO = {
    REQUESTED: [],
    IN_PROCESS: [IN_PROCESS],
    COMPLETE: [IN_PROCESS, COMPLETE],
    INCOMPLETE: [IN_PROCESS, INCOMPLETE],
    CANCELLED: [CANCELLED],
}


FIELDS_FOR = {INCOMPLETE: {"close_notes": "No DIP test certificate supplied"}}


ONBOARDING = {"u_request_type": "dip_onboarding", "u_mpid": "LANT", "u_market_role": "supplier"}


def state(code: str) -> str:
    """'In Process (in_process)' as the desk names request states in its messages."""
    return f"{STATE_NAMES[code]} ({code})"


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    return api("lanternfield.caller")


@pytest.fixture(scope="module")
def dip(api: Api) -> TableApi:
    return api("elexon.dip")


def raise_request(by: TableApi, **fields: str) -> Record:
    return by.create("sc_request", {**ONBOARDING, **fields})


def move(by: TableApi, record: Record, target: str, **fields: str) -> requests.Response:
    body = {"request_state": target, **FIELDS_FOR.get(target, {}), **fields}
    return by.patch(f"sc_request/{record['sys_id']}", body)


def request_in(caller: TableApi, dip: TableApi, target: str, **fields: str) -> Record:
    """A fresh onboarding request raised by the caller and moved by the DIP team to `target`."""
    record = raise_request(caller, **fields)
    for step in PATH_TO[target]:
        response = move(dip, record, step)
        assert response.status_code == 200, response.text
        record = response.json()["result"]
    return record


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]
