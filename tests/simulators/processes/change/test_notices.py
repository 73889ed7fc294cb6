"""Change notices: participants hear of scheduling, rescheduling, closing and canceling."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from simulators.clock import VirtualClock
from simulators.config import DeskConfig, UserConfig, load_desk_config
from simulators.desk.desk import Desk
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
    desk = Desk(with_second_cab_member(load_desk_config()), VirtualClock(START))
    with DeskServer(desk) as server:
        yield server


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


@pytest.fixture(scope="module")
def participant_recipients(desk: Desk, agent: TableApi) -> list[str]:
    """Each participant party's (every party but Elexon's) group e-mails, comma-joined."""
    found = []
    for party in desk.config.parties:
        if party.id == desk.config.party:
            continue
        groups = agent.rows("sys_user_group", f"u_party={party.id}")
        found.append(",".join(g["email"] for g in groups))
    return sorted(found)


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


def emails(by: TableApi, change: Record) -> list[Record]:
    return by.rows("sys_email", f"instance={change['sys_id']}^ORDERBYsys_created_on")


def state(code: str) -> str:
    return f"{NAMES[code]} ({code})"


def authorised(agent: TableApi, api: Api, change_type: str = "normal") -> Record:
    record = change_in(agent, api, change_type, AUTHORIZE)
    decide(api, record, "approved")
    return record


CHRISTMAS = {"start_date": "2026-12-21 22:00:00", "end_date": "2026-12-22 02:00:00"}


def test_scheduling_tells_every_participant_party(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """One e-mail per participant party, to its groups, naming change, window and service."""
    record = moved(agent, authorised(agent, api), SCHEDULED)

    sent = emails(agent, record)
    by_recipients = {e["recipients"]: e for e in sent}
    assert sorted(by_recipients) == participant_recipients
    assert "lanternfield-service-desk@lanternfield.example" in by_recipients
    notice = sent[0]
    assert notice["subject"] == (
        f"Normal change {record['number']} to the DIP: 2026-11-17 22:00 to 2026-11-18 02:00 "
        "London time"
    )
    assert "Data Integration Platform (DIP)" in notice["body"]
    assert "Upgrade the DIP message broker" in notice["body"]
    assert (notice["target_table"], notice["sent_at"]) == (
        "change_request",
        notice["sys_created_on"],
    )


def test_a_refused_scheduling_sends_nothing(agent: TableApi, api: Api) -> None:
    """No notice leaves for a change the freeze refused."""
    record = authorised(agent, api)

    refusal(move(agent, record, SCHEDULED, **CHRISTMAS))

    assert emails(agent, record) == []


def test_moving_the_window_sends_a_rescheduled_notice(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """A new window while Scheduled is announced again."""
    record = moved(agent, authorised(agent, api), SCHEDULED)
    later = {"start_date": "2026-11-24 22:00:00", "end_date": "2026-11-25 02:00:00"}

    agent.change("change_request", record["sys_id"], later)

    subjects = [e["subject"] for e in emails(agent, record)]
    assert subjects.count(
        f"Rescheduled: Normal change {record['number']} to the DIP: 2026-11-24 22:00 to "
        "2026-11-25 02:00 London time"
    ) == len(participant_recipients)


def test_closing_tells_participants_the_outcome(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """A closed change is confirmed to every participant with its close code."""
    record = change_in(agent, api, "normal", CLOSED)

    completed = [e for e in emails(agent, record) if e["subject"].startswith("Completed")]

    assert len(completed) == len(participant_recipients)
    assert completed[0]["subject"] == (
        f"Completed: Normal change {record['number']} to the DIP: Successful"
    )
    assert "Broker upgraded; checks passed" in completed[0]["body"]


def test_canceling_a_scheduled_change_is_announced(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """Participants told of a window hear when it is dropped; unannounced changes stay quiet."""
    scheduled = moved(agent, authorised(agent, api), SCHEDULED)
    unannounced = raise_change(agent)

    moved(agent, scheduled, CANCELED)
    moved(agent, unannounced, CANCELED)

    canceled = [e for e in emails(agent, scheduled) if e["subject"].startswith("Canceled")]
    assert len(canceled) == len(participant_recipients)
    assert emails(agent, unannounced) == []
