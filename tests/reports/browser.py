"""Headless Chromium for the report tests: render a page, and list what it fetched."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

from tests.reports.support import require

#: Flags for headless Chromium as root that keep the browser itself off the network: a dead
#: proxy and a resolver that finds nothing, so only the page's own requests would even try.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
LOCAL_SCHEMES = ("file:", "data:", "about:", "chrome:", "blob:")


def render(page: Path, net_log: Path, *extra: str) -> str:
    """The DOM of a page after Chromium loaded it, logging every network request it made."""
    chromium = require("chromium")
    with tempfile.TemporaryDirectory(prefix="ort-chromium-") as profile:
        done = subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--log-net-log={net_log}",
                *extra,
                "--dump-dom",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(page: Path, png: Path, width: int = 1280, height: int = 2000) -> None:
    """A PNG of the page as a person sees it."""
    chromium = require("chromium")
    with tempfile.TemporaryDirectory(prefix="ort-chromium-") as profile:
        subprocess.run(
            [
                chromium,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--screenshot={png}",
                f"--window-size={width},{height}",
                page.resolve().as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )


def _load(net_log: Path) -> dict[str, object]:
    text = net_log.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        # Chromium may stop before closing the events list; the events so far still count.
        return json.loads(text.rstrip().rstrip(",") + "]}")


def page_requests(net_log: Path) -> list[str]:
    """URLs the page itself asked for over the network (the browser's own chatter is left out:
    only requests made on behalf of a file:// page count)."""
    log = _load(net_log)
    constants = log["constants"]
    assert isinstance(constants, dict)
    start_job = constants["logEventTypes"]["URL_REQUEST_START_JOB"]
    urls = []
    for event in log["events"]:  # type: ignore[union-attr]
        params = event.get("params", {})
        if event.get("type") != start_job or "url" not in params:
            continue
        if "file://" in str(params.get("network_isolation_key", "")) and not str(
            params["url"]
        ).startswith(LOCAL_SCHEMES):
            urls.append(params["url"])
    return urls
