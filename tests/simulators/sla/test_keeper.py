"""The SLA keeper: task_sla records follow their task and the clock, and breaches are told."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.server import DeskServer
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


COMPLETE, INCOMPLETE, CANCELLED = "closed_complete", "closed_incomplete", "closed_cancelled"


ONBOARDING = {"u_request_type": "dip_onboarding", "u_mpid": "LANT", "u_market_role": "supplier"}


SOLR = {
    "u_request_type": "solr_role_transfer",
    "u_incoming_party": "lanternfield",
    "u_incoming_mpid": "LANT",
    "u_failed_party": "brightwell",
    "u_failed_mpid": "BRIG",
}


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    return api("lanternfield.caller")


@pytest.fixture
def wednesday() -> Iterator[DeskServer]:
    """A fresh desk whose clock reads Wednesday 2 December 2026, 10:00 in London (GMT)."""
    desk = build_desk(load_desk_config(), VirtualClock(datetime(2026, 12, 2, 10, tzinfo=UTC)))
    with DeskServer(desk) as server:
        yield server


def slas(server: DeskServer, body: dict[str, str]) -> dict[str, Record]:
    caller = TableApi(server, "lanternfield.caller")
    record = caller.create("sc_request", body)
    rows = TableApi(server, "admin").rows("task_sla", f"task={record['sys_id']}")
    return {row["target"]: row for row in rows}


def test_a_request_has_its_own_response_and_resolution_targets(wednesday: DeskServer) -> None:
    """One business day to pick up and five to fulfil, in the DIP team's business hours."""
    targets = slas(wednesday, ONBOARDING)

    assert {t: (r["planned_end_time"], r["task_table"]) for t, r in targets.items()} == {
        "response": ("2026-12-03 10:00:00", "sc_request"),
        "resolution": ("2026-12-09 10:00:00", "sc_request"),
    }


def test_a_role_transfer_has_one_business_day(wednesday: DeskServer) -> None:
    """A Supplier of Last Resort transfer is fulfilled within one business day."""
    targets = slas(wednesday, SOLR)

    assert targets["resolution"]["planned_end_time"] == "2026-12-03 10:00:00"


def test_cancelling_cancels_the_targets(wednesday: DeskServer) -> None:
    """A cancelled request's SLAs are cancelled, not breached."""
    caller = TableApi(wednesday, "lanternfield.caller")
    record = caller.create("sc_request", ONBOARDING)
    caller.change("sc_request", record["sys_id"], {"request_state": CANCELLED})

    rows = TableApi(wednesday, "admin").rows("task_sla", f"task={record['sys_id']}")

    assert {row["stage"] for row in rows} == {"cancelled"}


# -- incidents and the clock -------------------------------------------------------------------

P1 = {"short_description": "DIP gateway down", "impact": "1", "urgency": "1"}


@pytest.fixture
def monday() -> Iterator[DeskServer]:
    """A fresh desk whose virtual clock reads Monday 7 December 2026, 09:00 UTC."""
    desk = build_desk(load_desk_config(), VirtualClock(datetime(2026, 12, 7, 9, tzinfo=UTC)))
    with DeskServer(desk) as server:
        yield server


def incident_slas(server: DeskServer, sys_id: str) -> dict[str, Record]:
    rows = TableApi(server, "admin").rows("task_sla", f"task={sys_id}")
    return {row["target"]: row for row in rows}


def test_a_p1_incident_starts_its_response_and_resolution_clocks(monday: DeskServer) -> None:
    """15 minutes to respond and 4 hours to resolve, round the clock, from when it is raised."""
    record = TableApi(monday, "elexon.agent").create("incident", P1)

    slas = incident_slas(monday, record["sys_id"])

    assert {t: (r["stage"], r["planned_end_time"]) for t, r in slas.items()} == {
        "response": ("in_progress", "2026-12-07 09:15:00"),
        "resolution": ("in_progress", "2026-12-07 13:00:00"),
    }


def test_picking_the_incident_up_in_time_achieves_the_response(monday: DeskServer) -> None:
    """Moving out of New stops the response clock before its deadline."""
    agent = TableApi(monday, "elexon.agent")
    record = agent.create("incident", P1)
    monday.desk.clock.advance(600)  # type: ignore[attr-defined]

    agent.change("incident", record["sys_id"], {"state": "2"})

    response = incident_slas(monday, record["sys_id"])["response"]
    assert (response["stage"], response["has_breached"]) == ("achieved", "false")


def test_a_missed_deadline_breaches_when_the_clock_passes_it_and_is_notified(
    monday: DeskServer,
) -> None:
    """The breach happens at the planned end, and one sys_email says so."""
    admin = TableApi(monday, "admin")
    record = TableApi(monday, "elexon.agent").create("incident", P1)

    monday.desk.clock.advance(16 * 60)  # type: ignore[attr-defined]

    response = incident_slas(monday, record["sys_id"])["response"]
    assert response["has_breached"] == "true"
    emails = admin.rows("sys_email", f"instance={record['sys_id']}")
    (breach,) = [e for e in emails if e["subject"].startswith("SLA breached")]
    assert breach["subject"].startswith(f"SLA breached: {record['number']} ")
    assert "breached at 2026-12-07 09:15:00 UTC" in breach["body"]
