"""Shared by the change tests: the change states, a desk with a second CAB member, helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import DeskConfig, UserConfig, load_desk_config
from simulators.desk.server import DeskServer
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
"""Monday 2 November 2026, 09:00 in London: the module's desk starts here."""


NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED, CANCELED = (
    "-5",
    "-4",
    "-3",
    "-2",
    "-1",
    "0",
    "3",
    "4",
)


NAMES = {
    NEW: "New",
    ASSESS: "Assess",
    AUTHORIZE: "Authorize",
    SCHEDULED: "Scheduled",
    IMPLEMENT: "Implement",
    REVIEW: "Review",
    CLOSED: "Closed",
    CANCELED: "Canceled",
}


WINDOW = {"start_date": "2026-11-17 22:00:00", "end_date": "2026-11-18 02:00:00"}
"""Tuesday 17 November 22:00 to 02:00 London time: eleven working days after START."""


CLOSING = {"close_code": "successful", "close_notes": "Broker upgraded; checks passed"}


PATHS = {
    "normal": [NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
    "standard": [NEW, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
    "emergency": [NEW, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
}


LABELS = {"normal": "Normal change", "standard": "Standard change", "emergency": "Emergency change"}


APPROVER = {"normal": "elexon.cab", "emergency": "elexon.ecab"}


def with_second_cab_member(config: DeskConfig) -> DeskConfig:
    """The default desk plus a second CAB member, so a decision can supersede another's."""
    parties = tuple(
        replace(
            party,
            users=(
                *party.users,
                UserConfig("elexon.cab2", "Ruth Ings", ("itil", "change_approver")),
            ),
        )
        if party.id == config.party
        else party
        for party in config.parties
    )
    return replace(config, parties=parties)


@pytest.fixture(scope="module")
def desk_server() -> Iterator[DeskServer]:
    """The reference desk with a second CAB member, its clock at START."""
    desk = build_desk(with_second_cab_member(load_desk_config()), VirtualClock(START))
    with DeskServer(desk) as server:
        yield server


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


def raise_change(by: TableApi, change_type: str = "normal", **fields: str) -> Record:
    body = {"short_description": "Upgrade the DIP message broker", "business_service": "DIP"}
    if change_type == "standard":
        body = {"std_change_template": "ISD monthly release"}
    else:
        body["type"] = change_type
    return by.create("change_request", {**body, **fields})


def fields_for(target: str) -> dict[str, str]:
    return {SCHEDULED: WINDOW, CLOSED: CLOSING}.get(target, {})


def move(by: TableApi, record: Record, target: str, **fields: str) -> requests.Response:
    body = {"state": target, **fields_for(target), **fields}
    return by.patch(f"change_request/{record['sys_id']}", body)


def moved(by: TableApi, record: Record, target: str, **fields: str) -> Record:
    response = move(by, record, target, **fields)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def approvals(by: TableApi, change: Record, state: str = "requested") -> list[Record]:
    return by.rows("sysapproval_approver", f"document_id={change['sys_id']}^state={state}")


def decide(api: Api, change: Record, decision: str, user: str = "") -> Record:
    """The named approver's decision on their requested approval."""
    user = user or APPROVER[change["type"]]
    approver = api(user)
    mine = [
        a
        for a in approvals(approver, change)
        if a["approver"]["value"] == approver.rows("sys_user", f"user_name={user}")[0]["sys_id"]
    ]
    assert mine, f"{user} has no requested approval on {change['number']}"
    response = approver.patch(
        f"sysapproval_approver/{mine[0]['sys_id']}", {"state": decision, "comments": "Reviewed"}
    )
    assert response.status_code == 200, response.text
    return response.json()["result"]


def change_in(agent: TableApi, api: Api, change_type: str, target: str) -> Record:
    """A fresh change of the type, driven along its path into `target` (approved on the way)."""
    record = raise_change(agent, change_type)
    if target == CANCELED:
        return moved(agent, record, CANCELED)
    path = PATHS[change_type]
    for step in path[1 : path.index(target) + 1]:
        if step == SCHEDULED and change_type != "standard":
            decide(api, record, "approved")
        record = moved(agent, record, step)
    return record


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]


def state(code: str) -> str:
    return f"{NAMES[code]} ({code})"


def authorised(agent: TableApi, api: Api, change_type: str = "normal") -> Record:
    record = change_in(agent, api, change_type, AUTHORIZE)
    decide(api, record, "approved")
    return record


CHRISTMAS = {"start_date": "2026-12-21 22:00:00", "end_date": "2026-12-22 02:00:00"}
