"""`ort serve` serves a desk pysnow can use, and stops cleanly; mistakes get one sentence."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import warnings
from datetime import UTC, datetime

import pytest
import requests

from ort.commands.serve import resumed_clock
from simulators import VirtualClock, build_desk, load_desk_config
from simulators.query import Sysparms
from tests.ort.conftest import ROOT

ADMIN_SECRET = "serve-test-Admin-Secret-42"

with warnings.catch_warnings():
    # pysnow imports pkg_resources-era modules that warn on import; the warning is theirs.
    warnings.simplefilter("ignore")
    import pysnow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read_banner(process: subprocess.Popen) -> list[str]:
    """The lines `ort serve` prints up to "Press Ctrl-C", or up to its end if it stops first."""
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Press Ctrl-C" in line:
            break
    return lines


def start_served():
    """A desk started by `ort serve --virtual-clock` in a subprocess, and its banner."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ort",
            "serve",
            "--port",
            str(port),
            "--virtual-clock",
            "--party",
            "elexon",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "ORT_ADMIN_PASSWORD": ADMIN_SECRET},
    )
    banner = []
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        banner.append(line)
        if "Press Ctrl-C" in line or not line:
            break
    return port, process, "".join(banner)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
    process.communicate()


@pytest.fixture(scope="module")
def served():
    """One served desk shared by the tests that only talk to it."""
    port, process, banner = start_served()
    yield port, process, banner
    stop(process)


def test_serve_prints_the_url_and_users_and_hides_the_admin_password_from_env(served) -> None:
    """The banner names the URL and every user; an admin password from the environment is hidden."""
    port, _, banner = served
    assert f"http://127.0.0.1:{port}/api/now/table/" in banner
    assert "admin" in banner and "password from $ORT_ADMIN_PASSWORD" in banner
    assert ADMIN_SECRET not in banner
    assert re.search(r"lanternfield\.agent\s+lanternfield\s+password \S+", banner)
    assert re.search(r"ebond\.northvale\s+northvale\s+password \S+", banner)


def test_pysnow_creates_queries_and_updates_on_the_served_desk(served) -> None:
    """A real ServiceNow client works against the served desk unchanged."""
    port, _, _ = served
    client = pysnow.Client(
        host=f"127.0.0.1:{port}", user="admin", password=ADMIN_SECRET, use_ssl=False
    )
    incidents = client.resource(api_path="/table/incident")
    created = incidents.create(
        payload={"short_description": "IF-008 missing", "impact": "1", "urgency": "2"}
    )
    number = created["number"]
    assert re.fullmatch(r"INC\d{7}", number) and created["priority"] == "2"
    updated = incidents.update(query={"number": number}, payload={"state": "2"})
    assert updated["state"] == "2"


def test_an_illegal_move_is_refused_naming_both_states(served) -> None:
    """The served desk refuses New to Closed with 400 and a message naming both states."""
    port, _, _ = served
    base = f"http://127.0.0.1:{port}/api/now/table/incident"
    auth = ("admin", ADMIN_SECRET)
    record = requests.post(base, json={"short_description": "x"}, auth=auth, timeout=10).json()
    answer = requests.patch(
        f"{base}/{record['result']['sys_id']}", json={"state": "7"}, auth=auth, timeout=10
    )
    assert answer.status_code == 400
    message = answer.json()["error"]["message"]
    assert "New (1)" in message and "Closed (7)" in message


def test_sigterm_stops_the_desk_cleanly() -> None:
    """SIGTERM ends the process with status 0 and frees the port."""
    port, process, banner = start_served()
    assert "Press Ctrl-C" in banner
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=15) == 0
    stop(process)
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def test_a_generated_admin_password_is_printed_once(run_ort) -> None:
    """Without ORT_ADMIN_PASSWORD the desk makes one and shows it in the banner."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "ORT_ADMIN_PASSWORD"}
    process = subprocess.Popen(
        [sys.executable, "-m", "ort", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        lines = read_banner(process)
        admin_line = next(line for line in lines if line.strip().startswith("admin "))
        password = admin_line.split("password ")[1].strip()
        answer = requests.get(
            f"http://127.0.0.1:{port}/api/now/table/sys_user_group",
            auth=("admin", password),
            timeout=10,
        )
        assert answer.status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=15)
    assert process.returncode == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--port", "http"], "argument --port: 'http' is not a port number"),
        (["--port", "70000"], "argument --port: port 70000 is outside 0-65535"),
        (["--config", "no/such/desk.toml"], "desk configuration no/such/desk.toml does not exist"),
    ],
)
def test_bad_options_get_one_sentence(run_ort, args: list[str], message: str) -> None:
    """A wrong option or file is one line on stderr, exit 2, no traceback."""
    result = run_ort("serve", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_roster_names_file_and_key(run_ort, tmp_path) -> None:
    """A roster with a bad value names the file, the entry, the key and the value."""
    broken = tmp_path / "roster.toml"
    default = (ROOT / "fixtures/defaults/roster.toml").read_text()
    broken.write_text(default.replace('role = "ldso"', 'role = "dno"', 1))
    result = run_ort("serve", "--roster", str(broken))
    assert result.returncode == 2
    assert f"{broken}: parties[3].role 'dno' is not one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_starts_every_desk_of_the_roster_wired_together() -> None:
    """Without --party, every simulated desk is served; a hand-off crosses from one to another."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ort", "serve", "--port", "0"],
        cwd=ROOT,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "ORT_ADMIN_PASSWORD": ADMIN_SECRET},
    )
    try:
        lines = read_banner(process)
        banner = "".join(lines)
        urls = dict(
            re.findall(
                r"^(.+ Service Desk) serving the Table API at (\S+)/api/now/table/",
                banner,
                re.MULTILINE,
            )
        )
        assert len(urls) == 9
        central = urls["Elexon Service Desk"]
        northvale = urls["Northvale Power Networks Service Desk"]
        auth = ("admin", ADMIN_SECRET)
        created = requests.post(
            f"{central}/api/now/table/incident",
            auth=auth,
            timeout=30,
            json={
                "short_description": "IF-008 missing",
                "assignment_group": "Northvale Registration Support",
            },
        ).json()["result"]
        copies = requests.get(
            f"{northvale}/api/now/table/incident",
            auth=auth,
            timeout=30,
            params={"sysparm_query": f"correlation_id={created['number']}"},
        ).json()["result"]
        assert len(copies) == 1 and copies[0]["number"].startswith("NVL")
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
    assert process.returncode == 0


def test_a_busy_port_is_one_sentence(run_ort) -> None:
    """A port already in use is reported, not a traceback."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = run_ort("serve", "--port", str(port), "--party", "elexon")
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1 from port {port}" in result.stderr


def test_a_virtual_clock_resumes_from_the_newest_record_of_a_kept_store(tmp_path) -> None:
    """Restarted on a file store, the clock starts where the records left off, not at 'now'."""
    url = f"sqlite:///{tmp_path / 'desks.db'}"
    later = datetime(2031, 3, 4, 12, 0, tzinfo=UTC)
    desk = build_desk(load_desk_config(), VirtualClock(later), store_url=url)
    admin = desk.authenticate("admin", desk.passwords["admin"])
    desk.create("incident", {"short_description": "IF-008 not received"}, admin, Sysparms(), "")
    desk.store.close()

    assert resumed_clock(url).now() == later
    assert resumed_clock("").now() < later
