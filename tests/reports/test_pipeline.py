"""The report as a person sees it: the HTML in headless Chromium, the PDF as PNG pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from reports import ReportOutcome, write_report
from reports.view.build import SECTIONS
from tests.reports.browser import page_requests, render
from tests.reports.support import SAMPLE, require

HEADINGS = (
    "Verdict",
    "Scope and test window",
    "Participants",
    "Execution summary",
    "Exit criteria",
    "Defects",
    "SIT Operations retests",
    "Blocking factors",
    "SLA/OLA measures",
    "Residual risks",
    "Changes since the previous run",
    "Unreadable result files",
    "Appendix: every scenario",
)


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> ReportOutcome:
    """The sample's exit report, written once for this module."""
    return write_report(SAMPLE, tmp_path_factory.mktemp("report"))


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_rendered_page_shows_verdict_first_and_every_section(
    outcome: ReportOutcome, tmp_path: Path
) -> None:
    """Chromium's rendered DOM has the verdict before everything else, then each heading."""
    dom = render(outcome.outputs["html"], tmp_path / "net.json")
    headings = [_text(h).strip() for h in re.findall(r"<h2\b[^>]*>(.*?)</h2>", dom, re.DOTALL)]
    assert len(HEADINGS) == len(SECTIONS) + 1
    numbered = [f"{n} {title}" for n, title in enumerate(HEADINGS, 1)]
    assert headings == [numbered[0], "Contents", *numbered[1:]]
    text = _text(dom.split("<body", 1)[1])
    assert text.index("✖ NO-GO") < text.index("Scope and test window")
    assert "The run does not meet the exit criteria." in text
    assert "Release gate: exit code 1 (fail)." in text
    assert "A standard change skips assessment" in text


def test_rendered_page_makes_no_network_request(outcome: ReportOutcome, tmp_path: Path) -> None:
    """Loading the report asks the network for nothing, and its markup names no other site."""
    render(outcome.outputs["html"], tmp_path / "net.json")
    assert page_requests(tmp_path / "net.json") == []
    html = outcome.outputs["html"].read_text()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html)


def test_network_check_catches_a_page_that_fetches(tmp_path: Path) -> None:
    """The same check reports a page that loads an image from another site."""
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="https://example.com/x.png"><p>hi</p></body></html>')
    render(page, tmp_path / "net.json")
    assert page_requests(tmp_path / "net.json") == ["https://example.com/x.png"]


def test_pdf_pages_render_and_first_page_states_the_verdict(
    outcome: ReportOutcome, tmp_path: Path
) -> None:
    """pdftoppm turns every PDF page into a PNG; page one carries the title and verdict."""
    pdf = outcome.outputs["pdf"]
    info = subprocess.run(
        [require("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    assert 3 <= pages <= 30
    subprocess.run(
        [require("pdftoppm"), "-r", "30", "-png", str(pdf), str(tmp_path / "page")], check=True
    )
    assert len(list(tmp_path.glob("page-*.png"))) == pages
    first = subprocess.run(
        [require("pdftotext"), "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "ORT exit report" in first and "NO-GO" in first
    assert "The run does not meet the exit criteria." in first
    assert f"Page 1 of {pages}" in first
