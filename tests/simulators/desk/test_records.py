"""The shared write path: numbering, sys_ids, system fields, read-only fields and journals."""

from __future__ import annotations

import re

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer
from tests.simulators.conftest import Api, TableApi
from tests.simulators.desk.conftest import SYS_ID

NUMBER = re.compile(r"^INC\d{7}$")


def test_numbers_are_the_prefix_and_seven_digits_counting_up(admin: TableApi) -> None:
    """Incident numbers read INC + 7 digits, each one more than the last."""
    first = admin.create("incident", {"short_description": "First of two"})
    second = admin.create("incident", {"short_description": "Second of two"})

    assert NUMBER.match(first["number"])
    assert int(second["number"][3:]) == int(first["number"][3:]) + 1


def test_the_first_incident_takes_the_configured_first_number() -> None:
    """A fresh desk numbers its first incident from `desk.number_start` (INC0010001)."""
    desk = build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")
    with DeskServer(desk) as server:
        record = TableApi(server, "admin").create("incident", {"short_description": "First"})
    assert record["number"] == "INC0010001"


def test_sys_ids_are_32_lowercase_hex_digits_and_unique(admin: TableApi) -> None:
    """Every record's sys_id is 32 hex characters and no two records share one."""
    records = [admin.create("incident", {"short_description": f"Id {i}"}) for i in range(3)]

    assert all(SYS_ID.match(record["sys_id"]) for record in records)
    assert len({record["sys_id"] for record in records}) == 3


def test_system_fields_record_who_created_and_updated_and_when(api: Api, desk: Desk) -> None:
    """sys_created_* stay as created; sys_updated_* and sys_mod_count follow each update."""
    created = api("lanternfield.agent").create("incident", {"short_description": "Late reads"})
    created_at = desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    desk.clock.advance(90)  # type: ignore[attr-defined]

    updated = api("elexon.agent").change(
        "incident", created["sys_id"], {"description": "Checked the webhook"}
    )

    assert (created["sys_created_on"], created["sys_updated_on"]) == (created_at, created_at)
    assert (created["sys_created_by"], created["sys_updated_by"]) == ("lanternfield.agent",) * 2
    assert created["sys_mod_count"] == "0"
    assert updated["sys_created_on"] == created_at
    assert updated["sys_created_by"] == "lanternfield.agent"
    assert updated["sys_updated_on"] == desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    assert updated["sys_updated_on"] > created_at
    assert updated["sys_updated_by"] == "elexon.agent"
    assert updated["sys_mod_count"] == "1"


def test_system_and_read_only_fields_cannot_be_written(admin: TableApi) -> None:
    """Values sent for system fields, number, priority, opened_by and active are ignored."""
    forged = {
        "sys_id": "f" * 32,
        "sys_created_on": "2001-01-01 00:00:00",
        "sys_created_by": "mallory",
        "sys_updated_on": "2001-01-01 00:00:00",
        "sys_updated_by": "mallory",
        "sys_mod_count": "99",
        "number": "INC9999999",
        "priority": "1",
        "opened_by": "f" * 32,
        "active": "false",
    }
    created = admin.create("incident", {"short_description": "Forged fields", **forged})
    updated = admin.change("incident", created["sys_id"], forged)

    for record in (created, updated):
        assert record["sys_id"] == created["sys_id"] != forged["sys_id"]
        assert record["sys_created_by"] == record["sys_updated_by"] == "admin"
        assert record["sys_created_on"] != forged["sys_created_on"]
        assert record["sys_mod_count"] == "0"
        assert record["number"] != forged["number"]
        assert (record["priority"], record["active"]) == ("5", "true")
        assert record["opened_by"]["value"] != forged["opened_by"]


def test_journal_fields_are_write_only_appends_read_from_sys_journal_field(
    admin: TableApi,
) -> None:
    """work_notes and comments are stored as sys_journal_field entries, not on the record."""
    record = admin.create("incident", {"short_description": "Journal", "comments": "Raised"})

    updated = admin.change("incident", record["sys_id"], {"work_notes": "Checked the DIP logs"})

    assert (updated["work_notes"], updated["comments"]) == ("", "")
    assert updated["sys_mod_count"] == "1"
    entries = admin.rows(
        "sys_journal_field", f"element_id={record['sys_id']}^ORDERBYsys_created_on"
    )
    assert [(e["name"], e["element"], e["value"]) for e in entries] == [
        ("incident", "comments", "Raised"),
        ("incident", "work_notes", "Checked the DIP logs"),
    ]
