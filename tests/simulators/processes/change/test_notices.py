"""Change notices: participants hear of scheduling, rescheduling, closing and canceling."""

from __future__ import annotations

import pytest

from simulators.desk.desk import Desk
from tests.simulators.conftest import TableApi
from tests.simulators.processes.change.conftest import (
    CANCELED,
    CHRISTMAS,
    CLOSED,
    SCHEDULED,
    Api,
    Record,
    authorised,
    change_in,
    move,
    moved,
    raise_change,
    refusal,
)


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


def emails(by: TableApi, change: Record) -> list[Record]:
    return by.rows("sys_email", f"instance={change['sys_id']}^ORDERBYsys_created_on")


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
