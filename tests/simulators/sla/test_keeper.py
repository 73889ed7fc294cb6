"""The SLA keeper: task_sla records follow their task (service requests as the example)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
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
    desk = Desk(load_desk_config(), VirtualClock(datetime(2026, 12, 2, 10, tzinfo=UTC)))
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
