"""Mixed-mode rehearsal: a party bound by URL to a desk started apart takes part in the suite."""

import json
import os
import re
import signal
import subprocess
import sys

import pytest
import requests

from tests.ort.commands.test_serve import free_port, read_banner
from tests.ort.conftest import ROOT

SECRETS = {
    "NORTHVALE_USER": "northvale.agent",
    "NORTHVALE_PASSWORD": "Rehearsal-Northvale-Agent-1",
    "ELEXON_EBOND_PASSWORD": "Rehearsal-Elexon-Ebond-2",
    "NORTHVALE_EBOND_PASSWORD": "Rehearsal-Northvale-Ebond-3",
}


def rehearsal_roster(central_port: int, northvale_port: int) -> str:
    """The default roster with Elexon on a fixed port and Northvale bound to its own desk by URL."""
    text = (ROOT / "fixtures/defaults/roster.toml").read_text(encoding="utf-8")
    text = text.replace(
        'incident_prefix = "INC"\nbinding = "simulated"',
        f'incident_prefix = "INC"\nbinding = "simulated"\nport = {central_port}\n'
        'ebond_password_env = "ELEXON_EBOND_PASSWORD"',
    )
    text = text.replace(
        'incident_prefix = "NVL"\nbinding = "simulated"',
        'incident_prefix = "NVL"\nebond_password_env = "NORTHVALE_EBOND_PASSWORD"\n'
        f'binding = {{ url = "http://127.0.0.1:{northvale_port}", user_env = "NORTHVALE_USER", '
        'password_env = "NORTHVALE_PASSWORD" }',
    )
    return text.replace(
        '{ user_name = "northvale.agent", name = "Aisha Khan", roles = ["itil"] }',
        '{ user_name = "northvale.agent", name = "Aisha Khan", roles = ["itil"], '
        'password_env = "NORTHVALE_PASSWORD" }',
    )


@pytest.fixture(scope="module")
def rehearsal(tmp_path_factory):
    """Northvale's own desk served apart, then the suite run with Northvale bound to it."""
    folder = tmp_path_factory.mktemp("rehearsal")
    central_port, northvale_port = free_port(), free_port()
    roster = folder / "roster.toml"
    roster.write_text(rehearsal_roster(central_port, northvale_port), encoding="utf-8")
    env = {**os.environ, **SECRETS}
    desk = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ort",
            "serve",
            "--party",
            "northvale",
            "--roster",
            str(roster),
            "--port",
            str(northvale_port),
        ],
        cwd=ROOT,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        banner = "".join(read_banner(desk))
        assert f"http://127.0.0.1:{northvale_port}" in banner, banner
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "ort",
                "run",
                "--out",
                str(folder / "out"),
                "--no-report",
                "-p",
                "no:randomly",
                "-m",
                "cpsd or ort_inc_062",
                f"--roster={roster}",
                f"--db=sqlite:///{folder / 'desks.db'}",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        results = [
            json.loads(p.read_text()) for p in (folder / "out/allure-results").glob("*-result.json")
        ]
        yield run, results, northvale_port
    finally:
        desk.send_signal(signal.SIGTERM)
        desk.communicate(timeout=30)


def test_the_run_passes_with_a_real_party(rehearsal) -> None:
    """Nothing fails because Northvale is a real desk; what cannot run is skipped."""
    run, results, _ = rehearsal
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert {r["status"] for r in results} <= {"passed", "skipped"}


def test_scenarios_needing_northvales_script_or_clock_skip_with_the_reason(rehearsal) -> None:
    """Scripting or timing a real desk is impossible, and the skip says so."""
    _, results, port = rehearsal
    skipped = [r for r in results if r["status"] == "skipped"]
    assert skipped
    reasons = " ".join(r["statusDetails"]["message"] for r in skipped)
    assert "Northvale Power Networks" in reasons and f"http://127.0.0.1:{port}" in reasons


def test_the_real_desk_received_hand_offs_and_answered_through_its_table_api(rehearsal) -> None:
    """The separately started desk holds the copies the central desk handed over."""
    _, results, port = rehearsal
    passed_with_northvale = [
        r
        for r in results
        if r["status"] == "passed"
        and any(label["value"] == "ldso" for label in r["labels"] if label["name"] == "tag")
    ]
    assert passed_with_northvale
    auth = (SECRETS["NORTHVALE_USER"], SECRETS["NORTHVALE_PASSWORD"])
    copies = requests.get(
        f"http://127.0.0.1:{port}/api/now/table/incident",
        auth=auth,
        timeout=30,
        params={"sysparm_query": "correlation_display=elexon"},
    ).json()["result"]
    assert copies and all(re.fullmatch(r"NVL\d{7}", c["number"]) for c in copies)
    assert len({c["correlation_id"] for c in copies}) == len(copies)
