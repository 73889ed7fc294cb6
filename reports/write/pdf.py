"""Prints the HTML report to PDF with WeasyPrint, fetching nothing from outside the page."""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import URLFetcher


def write_pdf(html: str, path: Path) -> None:
    """Write the PDF of a self-contained HTML page; only data: URLs may be resolved."""
    fetcher = URLFetcher(allowed_protocols={"data"})
    HTML(string=html, url_fetcher=fetcher, media_type="print").write_pdf(path)
