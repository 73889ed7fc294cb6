"""The store on PostgreSQL (beside store.py): records, queries, tenancy and concurrent writers."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.server import DeskServer

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), Path("/nonexistent"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on loopback, run as the postgres user, removed afterwards."""
    assert (PG_BIN / "initdb").exists(), (
        "PostgreSQL server binaries are missing (apt-get install postgresql)"
    )
    folder = Path(tempfile.mkdtemp(prefix="ort-pg-"))
    shutil.chown(folder, "postgres")
    port = _free_port()
    as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [
            *as_postgres,
            PG_BIN / "initdb",
            "-D",
            folder / "data",
            "-A",
            "trust",
            "--no-sync",
            "-U",
            "postgres",
        ],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_postgres,
            PG_BIN / "pg_ctl",
            "-D",
            folder / "data",
            "-o",
            options,
            "-w",
            "-l",
            folder / "log",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_postgres, PG_BIN / "pg_ctl", "-D", folder / "data", "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def served(postgres_url: str) -> Iterator[DeskServer]:
    desk = build_desk(load_desk_config(), VirtualClock(), store_url=postgres_url)
    with DeskServer(desk) as server:
        yield server


def session(server: DeskServer, user: str) -> requests.Session:
    http = requests.Session()
    http.auth = (user, server.desk.passwords[user])
    return http


def test_records_are_created_queried_and_ordered_numerically(served: DeskServer) -> None:
    """Incidents get numbers, and an encoded query with ^OR and ORDERBYDESC works on PostgreSQL."""
    agent = session(served, "elexon.agent")
    url = f"{served.url}/api/now/table/incident"
    for impact in ("1", "2", "3"):
        answer = agent.post(
            url,
            json={"short_description": f"pg {impact}", "impact": impact, "urgency": "1"},
            timeout=10,
        )
        assert answer.status_code == 201
    found = agent.get(
        url,
        params={
            "sysparm_query": "short_descriptionSTARTSWITHpg^priority=1"
            "^ORpriority=2^ORDERBYDESCpriority"
        },
        timeout=10,
    ).json()["result"]
    assert [r["priority"] for r in found] == ["2", "1"]


def test_a_party_sees_only_its_own_records(served: DeskServer) -> None:
    """Tenancy holds on PostgreSQL too."""
    url = f"{served.url}/api/now/table/incident"
    mine = (
        session(served, "brightwell.agent")
        .post(url, json={"short_description": "pg mine"}, timeout=10)
        .json()["result"]
    )
    other = session(served, "northvale.agent")
    assert other.get(f"{url}/{mine['sys_id']}", timeout=10).status_code == 404


def test_concurrent_updates_are_never_lost(served: DeskServer) -> None:
    """Eight writers patching one incident 10 times each leave 80 updates and every last value."""
    url = f"{served.url}/api/now/table/incident"
    created = (
        session(served, "elexon.agent")
        .post(url, json={"short_description": "race"}, timeout=10)
        .json()["result"]
    )
    fields = [
        "description",
        "subcategory",
        "u_mpan",
        "u_interface_id",
        "u_dip_transaction_id",
        "correlation_id",
        "correlation_display",
        "close_notes",
    ]

    def writer(field: str) -> None:
        http = session(served, "elexon.agent")
        for round_ in range(10):
            answer = http.patch(
                f"{url}/{created['sys_id']}", json={field: f"{field}-{round_}"}, timeout=30
            )
            assert answer.status_code == 200, answer.text

    with ThreadPoolExecutor(len(fields)) as pool:
        list(pool.map(writer, fields))
    final = session(served, "elexon.agent").get(f"{url}/{created['sys_id']}", timeout=10).json()
    assert final["result"]["sys_mod_count"] == "80"
    assert all(final["result"][f] == f"{f}-9" for f in fields)
