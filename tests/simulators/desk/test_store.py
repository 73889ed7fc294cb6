"""The record store: numbering, reads, writes, files and concurrent writers."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import inspect

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.server import DeskServer
from simulators.desk.store import OWNER_PARTY, Store, latest_stored_time
from simulators.errors import ConfigError
from simulators.processes.catalogue import table_catalogue
from tests.simulators.conftest import TableApi

TABLES = table_catalogue()


WRITERS = 8


WRITES_EACH = 20


FREE_TEXT_FIELDS = (
    "short_description",
    "description",
    "subcategory",
    "correlation_id",
    "correlation_display",
    "u_mpan",
    "u_interface_id",
    "u_dip_transaction_id",
)


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store("sqlite://", TABLES)
    yield store
    store.close()


def row(sys_id: str, created: str = "2026-03-02 09:00:00", **fields: str) -> dict[str, str]:
    return {"sys_id": sys_id, "sys_created_on": created, **fields}


def test_a_number_sequence_starts_at_its_first_value_and_counts_up(store: Store) -> None:
    """Each call takes the next value of the prefix's sequence."""
    with store.writing() as connection:
        taken = [store.next_number(connection, "INC", 10001) for _ in range(3)]

    assert taken == [10001, 10002, 10003]


def test_each_prefix_has_its_own_sequence(store: Store) -> None:
    """Incident, problem and change numbers do not share a counter."""
    with store.writing() as connection:
        taken = [
            store.next_number(connection, prefix, first)
            for prefix, first in (("INC", 10001), ("PRB", 40001), ("INC", 10001), ("CHG", 30001))
        ]

    assert taken == [10001, 40001, 10002, 30001]


def test_a_rolled_back_write_gives_its_number_back(store: Store) -> None:
    """A refused write does not burn a number: the sequence is part of the transaction."""
    with pytest.raises(RuntimeError, match="refused"), store.writing() as connection:
        store.next_number(connection, "INC", 10001)
        raise RuntimeError("refused")
    with store.writing() as connection:
        assert store.next_number(connection, "INC", 10001) == 10001


def test_concurrent_writers_never_share_a_number(store: Store) -> None:
    """Eight threads taking numbers at once get every number exactly once."""

    def take(_: int) -> int:
        with store.writing() as connection:
            return store.next_number(connection, "INC", 1)

    with ThreadPoolExecutor(WRITERS) as pool:
        taken = list(pool.map(take, range(200)))

    assert sorted(taken) == list(range(1, 201))


def test_the_desk_formats_numbers_as_prefix_and_seven_digits() -> None:
    """Desk numbers are the configured prefix and the sequence value padded to seven digits."""
    desk = build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")
    with desk.store.writing() as connection:
        numbers = [desk.next_number(connection, "incident") for _ in range(2)]
        problem = desk.next_number(connection, "problem")
    desk.store.close()

    assert numbers == ["INC0010001", "INC0010002"]
    assert problem == "PRB0040001"


def test_a_record_reads_back_with_missing_columns_as_empty_strings(store: Store) -> None:
    """Inserted values come back as given; columns not given are ''."""
    with store.writing() as connection:
        store.insert(connection, "incident", row("a" * 32, short_description="DIP down"))
        stored = store.fetch(connection, "incident", "a" * 32)

    assert stored is not None
    assert stored["short_description"] == "DIP down"
    assert stored["description"] == stored["hold_reason"] == stored[OWNER_PARTY] == ""
    assert all(isinstance(value, str) for value in stored.values())
    assert "_seq" not in stored


def test_an_unknown_sys_id_fetches_nothing(store: Store) -> None:
    """fetch answers None for a record that does not exist."""
    with store.reading() as connection:
        assert store.fetch(connection, "incident", "0" * 32) is None


def test_update_writes_only_the_given_columns(store: Store) -> None:
    """update changes the named columns of one record and leaves the rest alone."""
    with store.writing() as connection:
        store.insert(connection, "incident", row("a" * 32, short_description="A", state="1"))
        store.insert(connection, "incident", row("b" * 32, short_description="B", state="1"))
        store.update(connection, "incident", "a" * 32, {"state": "2"})
    with store.reading() as connection:
        first = store.fetch(connection, "incident", "a" * 32)
        second = store.fetch(connection, "incident", "b" * 32)

    assert first is not None and second is not None
    assert (first["state"], first["short_description"]) == ("2", "A")
    assert second["state"] == "1"


def test_delete_removes_one_record(store: Store) -> None:
    """delete removes the record with that sys_id only."""
    with store.writing() as connection:
        store.insert(connection, "incident", row("a" * 32))
        store.insert(connection, "incident", row("b" * 32))
        store.delete(connection, "incident", "a" * 32)
        left = [r["sys_id"] for r in store.select(connection, "incident")]

    assert left == ["b" * 32]


def test_select_orders_by_creation_then_insertion_and_pages(store: Store) -> None:
    """Records created in the same second keep insertion order; limit and offset cut pages."""
    table = store.table("incident")
    with store.writing() as connection:
        store.insert(connection, "incident", row("c" * 32, "2026-03-02 09:00:01", state="2"))
        for sys_id in ("b", "a", "d"):
            store.insert(connection, "incident", row(sys_id * 32, state="1"))
    with store.reading() as connection:
        ordered = [r["sys_id"][0] for r in store.select(connection, "incident")]
        page = [r["sys_id"][0] for r in store.select(connection, "incident", limit=2, offset=1)]
        new = store.select(connection, "incident", table.c.state == "1", [table.c.sys_id.desc()])
        counted = store.count(connection, "incident", table.c.state == "1")
        everything = store.count(connection, "incident")

    assert ordered == ["b", "a", "d", "c"]
    assert page == ["a", "d"]
    assert [r["sys_id"][0] for r in new] == ["d", "b", "a"]
    assert (counted, everything) == (3, 4)


def test_sys_id_is_unique(store: Store) -> None:
    """Two records cannot share a sys_id."""
    with store.writing() as connection:
        store.insert(connection, "incident", row("a" * 32))
    with pytest.raises(Exception, match="UNIQUE constraint failed"), store.writing() as conn:
        store.insert(conn, "incident", row("a" * 32))


def test_a_file_store_keeps_records_and_numbers_across_restarts(tmp_path: Path) -> None:
    """Records and sequences written to a SQLite file are there when the store opens again."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    first = Store(url, TABLES)
    with first.writing() as connection:
        first.insert(connection, "incident", row("a" * 32, short_description="Kept"))
        first.next_number(connection, "INC", 10001)
    first.close()

    again = Store(url, TABLES)
    with again.writing() as connection:
        kept = again.fetch(connection, "incident", "a" * 32)
        number = again.next_number(connection, "INC", 10001)
    again.close()

    assert kept is not None and kept["short_description"] == "Kept"
    assert number == 10002


def test_a_desk_on_a_file_continues_its_numbering_after_a_restart(tmp_path: Path) -> None:
    """A desk restarted on the same file keeps its incidents and numbers on from the last one."""
    url = f"sqlite:///{tmp_path / 'desk.db'}"
    numbers = []
    for _ in range(2):
        desk = build_desk(load_desk_config(), VirtualClock(), store_url=url)
        with DeskServer(desk) as server:
            admin = TableApi(server, "admin")
            numbers.append(admin.create("incident", {"short_description": "Restart"})["number"])
            total = admin.get("incident").headers["X-Total-Count"]
            users = admin.get("sys_user").headers["X-Total-Count"]
            admin.session.close()

    config = load_desk_config()
    assert numbers == ["INC0010001", "INC0010002"]
    assert (total, users) == ("2", str(1 + sum(len(party.users) for party in config.parties)))


def test_namespaces_keep_two_desks_apart_in_one_database(tmp_path: Path) -> None:
    """Two desks sharing a database file have their own tables and sequences."""
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    elexon, party = Store(url, TABLES, namespace="elexon"), Store(url, TABLES, namespace="party")
    with elexon.writing() as connection:
        elexon.insert(connection, "incident", row("a" * 32))
        elexon_number = elexon.next_number(connection, "INC", 1)
    with party.writing() as connection:
        party_number = party.next_number(connection, "INC", 1)
        party_records = party.select(connection, "incident")
    tables = set(inspect(elexon.engine).get_table_names())
    elexon.close()
    party.close()

    assert (elexon_number, party_number, party_records) == (1, 1, [])
    assert {"elexon_incident", "party_incident", "elexon_sys_number"} <= tables


@pytest.mark.parametrize("where", ["memory", "file"])
def test_concurrent_updates_of_one_incident_lose_nothing(tmp_path: Path, where: str) -> None:
    """Eight writers PATCHing different fields of one incident 20 times each lose no update."""
    url = "sqlite://" if where == "memory" else f"sqlite:///{tmp_path / 'desk.db'}"
    desk = build_desk(load_desk_config(), VirtualClock(), store_url=url)
    with DeskServer(desk) as server:
        admin = TableApi(server, "admin")
        sys_id = admin.create("incident", {"short_description": "Contended"})["sys_id"]
        start = threading.Barrier(WRITERS)

        def write(field: str) -> list[int]:
            writer = TableApi(server, "admin")
            start.wait()
            statuses = [
                writer.patch(f"incident/{sys_id}", {field: f"{field}-{i}"}).status_code
                for i in range(WRITES_EACH)
            ]
            writer.session.close()
            return statuses

        with ThreadPoolExecutor(WRITERS) as pool:
            statuses = [s for batch in pool.map(write, FREE_TEXT_FIELDS) for s in batch]
        final = admin.read("incident", sys_id)
        audit = admin.rows("sys_audit", f"documentkey={sys_id}^record_checkpoint>0")
        admin.session.close()

    assert statuses == [200] * WRITERS * WRITES_EACH
    assert final["sys_mod_count"] == str(WRITERS * WRITES_EACH)
    assert {field: final[field] for field in FREE_TEXT_FIELDS} == {
        field: f"{field}-{WRITES_EACH - 1}" for field in FREE_TEXT_FIELDS
    }
    assert sorted(int(entry["record_checkpoint"]) for entry in audit) == list(
        range(1, WRITERS * WRITES_EACH + 1)
    )
    for field in FREE_TEXT_FIELDS:
        history = [entry["newvalue"] for entry in audit if entry["fieldname"] == field]
        assert history == [f"{field}-{i}" for i in range(WRITES_EACH)]


def test_the_latest_stored_time_of_a_fresh_memory_store_is_empty() -> None:
    """Nothing is kept in memory between runs, so there is nothing to resume from."""
    assert latest_stored_time("sqlite://") == ""


def test_an_unreachable_store_is_named_without_its_password() -> None:
    """A store that cannot be read is one sentence; the password in its URL never appears."""
    with pytest.raises(ConfigError, match=r"cannot read the store at .*\*\*\*") as caught:
        latest_stored_time("postgresql+psycopg://ort:S3cret-pw@127.0.0.1:1/ort")
    assert "S3cret-pw" not in str(caught.value)
