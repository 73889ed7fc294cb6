"""Shared by the problem tests: the problem states, the notes each needs, and helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


NEW, ASSESS, RCA, FIX, RESOLVED, CLOSED = "101", "102", "103", "104", "106", "107"


NAMES = {
    NEW: "New",
    ASSESS: "Assess",
    RCA: "Root Cause Analysis",
    FIX: "Fix in Progress",
    RESOLVED: "Resolved",
    CLOSED: "Closed",
}


CAUSE = "Webhook certificate expired on the DIP egress gateway"


FIX_NOTES = "Certificate renewed; expiry monitoring added"


MAIN_LINE = [NEW, ASSESS, RCA, FIX, RESOLVED, CLOSED]


INCIDENT_ON_HOLD, INCIDENT_IN_PROGRESS, INCIDENT_RESOLVED = "3", "2", "6"


AWAITING_PROBLEM = "3"


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


@pytest.fixture(scope="module")
def agent_id(agent: TableApi) -> str:
    return agent.rows("sys_user", "user_name=elexon.agent")[0]["sys_id"]


def state(code: str) -> str:
    """'Fix in Progress (104)' as the desk names states in its messages."""
    return f"{NAMES[code]} ({code})"


def fields_for(source: str, target: str, agent_id: str) -> dict[str, str]:
    """What a move from source to target carries."""
    if target == ASSESS:
        return {"assigned_to": agent_id}
    if target == FIX:
        return {"cause_notes": CAUSE}
    if target == RESOLVED and source == RCA:
        return {"resolution_code": "risk_accepted", "cause_notes": CAUSE}
    if target == RESOLVED:
        return {"resolution_code": "fix_applied", "fix_notes": FIX_NOTES, "cause_notes": CAUSE}
    if target == CLOSED and source != RESOLVED:
        return {"resolution_code": "canceled"}
    return {}


def raise_problem(by: TableApi, **fields: str) -> Record:
    return by.create(
        "problem", {"short_description": "IF-021 reports intermittently late", **fields}
    )


def move(
    by: TableApi, record: Record, target: str, agent_id: str, **fields: str
) -> requests.Response:
    body = {"state": target, **fields_for(record["state"], target, agent_id), **fields}
    return by.patch(f"problem/{record['sys_id']}", body)


def moved(by: TableApi, record: Record, target: str, agent_id: str, **fields: str) -> Record:
    response = move(by, record, target, agent_id, **fields)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def problem_in(by: TableApi, target: str, agent_id: str) -> Record:
    """A fresh problem driven along the main line into `target`."""
    record = raise_problem(by)
    for step in MAIN_LINE[1 : MAIN_LINE.index(target) + 1]:
        record = moved(by, record, step, agent_id)
    return record


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]


def incident_linked_to(by: TableApi, problem: Record, state: str = INCIDENT_IN_PROGRESS) -> Record:
    incident = by.create("incident", {"short_description": "IF-021 report missing"})
    if state != "1":
        incident = by.change("incident", incident["sys_id"], {"state": state})
    return by.change("incident", incident["sys_id"], {"problem_id": problem["sys_id"]})


def work_notes(by: TableApi, record: Record) -> list[str]:
    rows = by.rows("sys_journal_field", f"element_id={record['sys_id']}^element=work_notes")
    return [row["value"] for row in rows]
