"""The optional viewer: Allure 3's single-file report, with its analytics script removed."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from reports.errors import ViewerError

VIEWER_DIR = Path(__file__).parent.with_name("viewer")  # reports/viewer, where npm installs
ALLURE_BIN = VIEWER_DIR / "node_modules" / ".bin" / "allure"
OUTPUT_NAME = "allure-report.html"
#: Allure 3's history (one JSON line per generated report), kept beside the report: each
#: `--allure-html` into the same folder appends to it, so the report shows trend and history.
HISTORY_NAME = "allure-history.jsonl"
#: Generating a large single file takes a while; past this something is wrong.
TIMEOUT_SECONDS = 900

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>\s*", re.DOTALL | re.IGNORECASE)
REMOTE_SRC = re.compile(r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
ANALYTICS = re.compile(r"\b(?:gtag|dataLayer|googletagmanager)\b")
REMOTE_REFERENCE = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


def allure_command() -> list[str]:
    """The Allure 3 command installed by `npm ci --prefix reports/viewer`."""
    if not ALLURE_BIN.exists():
        raise ViewerError(
            f"Allure 3 is not installed ({ALLURE_BIN} is missing): "
            "run `npm ci --prefix reports/viewer`"
        )
    if shutil.which("node") is None:
        raise ViewerError("Allure 3 needs Node.js, and `node` is not on the PATH")
    return [str(ALLURE_BIN)]


def strip_analytics(html: str) -> str:
    """Remove scripts loaded from another site and inline scripts that feed analytics."""

    def keep(match: re.Match[str]) -> str:
        attributes, body = match.group(1), match.group(2)
        if REMOTE_SRC.search(attributes) or ANALYTICS.search(body):
            return ""
        return match.group(0)

    stripped = SCRIPT.sub(keep, html)
    remote = REMOTE_REFERENCE.search(stripped)
    if remote:
        start = max(remote.start() - 60, 0)
        raise ViewerError(
            "the Allure report still refers to another site after stripping: "
            f"{stripped[start : remote.end() + 60]!r}"
        )
    return stripped


def generate(results: Path, out_dir: Path, history: Path | None = None) -> Path:
    """Write `allure-report.html` (Allure 3 awesome, single file, no outside calls) to out_dir,
    reading and extending the history file (default: `allure-history.jsonl` in out_dir) so
    the report shows each scenario's trend over earlier generations."""
    command = allure_command()
    out_dir.mkdir(parents=True, exist_ok=True)
    history = (history or out_dir / HISTORY_NAME).resolve()
    with tempfile.TemporaryDirectory(prefix="ort-allure-") as tmp:
        target = Path(tmp) / "report"
        run = [
            *command,
            "awesome",
            str(results.resolve()),
            "-o",
            str(target),
            "--single-file",
            "--history-path",
            str(history),
        ]
        try:
            done = subprocess.run(
                run, cwd=tmp, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except subprocess.TimeoutExpired:
            raise ViewerError(f"Allure 3 did not finish within {TIMEOUT_SECONDS} s") from None
        index = target / "index.html"
        if done.returncode != 0 or not index.exists():
            detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            raise ViewerError(f"Allure 3 failed (exit {done.returncode}): {detail[0]}")
        html = strip_analytics(index.read_text(encoding="utf-8"))
    path = out_dir / OUTPUT_NAME
    path.write_text(html, encoding="utf-8")
    return path
