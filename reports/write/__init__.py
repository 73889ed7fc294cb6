"""Writing the outputs: HTML and Markdown via Jinja, PDF, summary.json, extract.csv, viewer."""

# `generate` is named for its module; outside it, the name says what it generates.
from reports.write.allure_viewer import allure_command
from reports.write.allure_viewer import generate as generate_allure_html
from reports.write.extract import extract_csv
from reports.write.pdf import write_pdf
from reports.write.render import render_html, render_markdown
from reports.write.summary import to_summary, write_summary

__all__ = [
    "allure_command",
    "extract_csv",
    "generate_allure_html",
    "render_html",
    "render_markdown",
    "to_summary",
    "write_pdf",
    "write_summary",
]
