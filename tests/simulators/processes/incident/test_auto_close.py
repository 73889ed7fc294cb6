"""The auto-close timer: a resolved incident closes itself after the configured period."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests

from simulators.desk.desk import Desk
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


NEW, IN_PROGRESS, ON_HOLD, RESOLVED, CLOSED, CANCELED = "1", "2", "3", "6", "7", "8"


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


def test_a_resolved_incident_closes_itself_after_the_configured_period(
    agent: TableApi, desk: Desk, api: Api
) -> None:
    """Resolved incidents close when the auto-close period has passed, not a second before."""
    period = desk.config.auto_close_after_seconds
    assert period == 7 * 86400
    record = incident_in(agent, RESOLVED)

    desk.clock.advance(period - 1)  # type: ignore[attr-defined]
    assert agent.read("incident", record["sys_id"])["state"] == RESOLVED
    desk.clock.advance(1)  # type: ignore[attr-defined]

    closed = agent.read("incident", record["sys_id"])
    assert (closed["state"], closed["active"]) == (CLOSED, "false")
    assert closed["closed_at"] == desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    notes = agent.rows("sys_journal_field", f"element_id={record['sys_id']}^element=work_notes")
    assert [note["value"] for note in notes] == [
        "Incident automatically closed after 7 days in the Resolved state."
    ]


def test_a_reopened_incident_does_not_auto_close(agent: TableApi, desk: Desk) -> None:
    """Reopening stops the auto-close timer; resolving again starts a new one."""
    record = incident_in(agent, RESOLVED)
    desk.clock.advance(86400)  # type: ignore[attr-defined]
    record = moved(agent, record, IN_PROGRESS)
    record = moved(agent, record, RESOLVED)

    desk.clock.advance(desk.config.auto_close_after_seconds - 60)  # type: ignore[attr-defined]

    assert agent.read("incident", record["sys_id"])["state"] == RESOLVED
