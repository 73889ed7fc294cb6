"""The optional Allure 3 viewer: generated offline, analytics removed, no outside calls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ort.cli import main as ort
from reports.errors import ViewerError
from reports.write.allure_viewer import (
    ALLURE_BIN,
    HISTORY_NAME,
    OUTPUT_NAME,
    generate,
    strip_analytics,
)
from tests.reports.browser import page_requests, render
from tests.reports.support import SAMPLE, require

GTM = (
    '<script src="data:text/javascript;base64,AAAA"></script>\n'
    '<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>\n'
    "<script>\n window.dataLayer = window.dataLayer || [];\n function gtag(){dataLayer.push("
    "arguments);}\n gtag('js', new Date());\n</script>\n"
    "<script async>window.allureReportData = {};</script>"
)


def test_strip_analytics_removes_tag_manager_and_keeps_the_app() -> None:
    """The remote tag manager and its inline loader go; the report's own scripts stay."""
    html = strip_analytics(GTM)
    assert "googletagmanager" not in html and "gtag" not in html and "dataLayer" not in html
    assert 'src="data:text/javascript;base64,AAAA"' in html
    assert "window.allureReportData" in html


def test_strip_analytics_refuses_other_remote_references() -> None:
    """A remote stylesheet it does not know how to remove stops generation with the markup."""
    with pytest.raises(ViewerError, match="still refers to another site"):
        strip_analytics('<link rel="stylesheet" href="https://cdn.example/x.css">')


def _installed() -> None:
    require("node")
    if not ALLURE_BIN.exists():
        pytest.fail(
            "Allure 3 is not installed: run `npm ci --prefix reports/viewer`", pytrace=False
        )


def test_allure_html_is_single_file_without_outside_calls(tmp_path: Path) -> None:
    """`ort report --allure-html` writes Allure 3's report, which fetches nothing when opened."""
    _installed()
    out = tmp_path / "out"
    assert ort(["report", str(SAMPLE), "--out", str(out), "--allure-html", "--quiet"]) == 0
    page = out / OUTPUT_NAME
    html = page.read_text()
    assert "googletagmanager" not in html and len(html) > 100_000
    render(page, tmp_path / "net.json", "--virtual-time-budget=1500")
    assert page_requests(tmp_path / "net.json") == []


def test_missing_results_make_allure_fail_clearly(tmp_path: Path) -> None:
    """A folder Allure cannot read gives a ViewerError, not a silent empty report."""
    _installed()
    with pytest.raises(ViewerError, match="Allure 3"):
        generate(tmp_path / "nowhere", tmp_path / "out")


def test_allure_html_keeps_a_history_so_later_reports_show_the_trend(tmp_path: Path) -> None:
    """Each generation into the same folder appends one entry to allure-history.jsonl, which
    the next one reads; a history file given elsewhere is used instead."""
    _installed()
    out = tmp_path / "out"
    generate(SAMPLE, out)
    generate(SAMPLE, out)
    lines = (out / HISTORY_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert all(len(json.loads(line)["testResults"]) == 9 for line in lines)
    elsewhere = tmp_path / "shared" / "history.jsonl"
    elsewhere.parent.mkdir()
    generate(SAMPLE, tmp_path / "other", history=elsewhere)
    assert len(elsewhere.read_text(encoding="utf-8").splitlines()) == 1
    assert not (tmp_path / "other" / HISTORY_NAME).exists()
