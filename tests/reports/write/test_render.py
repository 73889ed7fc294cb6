"""The Jinja templates, rendered from a hand-made view model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import DictLoader
from markupsafe import Markup

from reports.errors import RenderError
from reports.view.model import Cell, Figure, ReportView, Section, Table, VerdictView
from reports.write.render import (
    HTML_TEMPLATE,
    MARKDOWN_TEMPLATE,
    TEMPLATES,
    build_environment,
    render,
    render_html,
    render_markdown,
)


def view(reason: str = "Pass rate: 80.0% is below 95%", cell: str = "ort_inc_001") -> ReportView:
    """A small view model made by hand."""
    table = Table(
        "Criteria",
        ("Criterion", "RAG"),
        (
            (Cell("Pass rate", "criterion", "below threshold"), Cell("RED", "rag rag-red")),
            (Cell(cell, "code"), Cell("GREEN", "rag rag-green")),
        ),
        "nothing",
    )
    return ReportView(
        title="ORT exit report",
        subtitle="Rehearsal 3",
        generated="Generated Thu 18 Jun 2026 17:30 BST",
        verdict=VerdictView(
            "NO-GO",
            "verdict-nogo",
            "✖",
            "The run does not meet the exit criteria.",
            (reason,),
            "Release gate: exit code 1 (fail).",
            (Figure("Planned", "12"), Figure("Passed", "9", "fig-passed")),
        ),
        sections=(
            Section(
                "criteria",
                "2",
                "Exit criteria",
                ("Criteria from a file.",),
                (Markup('<svg class="chart"></svg>'),),
                (table,),
            ),
            Section(
                "risks",
                "3",
                "Residual risks",
                (),
                (),
                (Table("Risks", ("Risk", "Owner"), (), "No residual risk."),),
            ),
        ),
        footer="ORT exit report · NO-GO",
    )


def test_html_puts_the_verdict_first() -> None:
    """The verdict banner comes before every section, with its reasons and figures."""
    html = render_html(view())
    verdict_at = html.index('id="verdict"')
    assert verdict_at < html.index('id="criteria"') < html.index('id="risks"')
    assert "NO-GO</p>" in html and "Pass rate: 80.0% is below 95%" in html
    assert "<dt>Planned</dt><dd>12</dd>" in html


def test_html_prints_tables_and_empty_tables() -> None:
    """Rows become cells with their classes; a table without rows prints its empty text."""
    html = render_html(view())
    assert '<td class="rag rag-red">RED<span class="sub"></span></td>' in html
    assert '<td class="criterion">Pass rate<span class="sub">below threshold</span></td>' in html
    assert '<td class="empty" colspan="2">No residual risk.</td>' in html
    assert '<svg class="chart"></svg>' in html


def test_html_escapes_every_value() -> None:
    """Text from results can never inject markup into the report."""
    html = render_html(view(reason="<script>alert(1)</script>", cell='<img src="x">'))
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<img src="x">' not in html


def test_html_is_self_contained() -> None:
    """The page refers to no other file or site: only in-page anchors."""
    html = render_html(view())
    assert not re.search(r"""\b(?:src|href)\s*=\s*(?:"(?!#)|'(?!#)|(?!["'#]))""", html)
    assert 'href="#criteria"' in html
    assert "@import" not in html and "url(" not in html


def test_markdown_has_the_same_sections_and_escapes_pipes() -> None:
    """The Markdown report holds the verdict, each section and tables with pipes escaped."""
    md = render_markdown(view(cell="a|b"))
    assert md.startswith("# ORT exit report\n")
    assert "## 1 Verdict: ✖ NO-GO" in md
    assert "## 2 Exit criteria" in md and "## 3 Residual risks" in md
    assert "| Pass rate (below threshold) | RED |" in md
    assert "| a\\|b | GREEN |" in md
    assert "| _No residual risk._ |" in md
    assert "<svg" not in md


def test_undefined_name_fails_naming_template_and_line() -> None:
    """StrictUndefined: a name missing from the view model is an error with the line."""
    env = build_environment()
    env.loader = DictLoader({"broken.html.j2": "<p>ok</p>\n<p>{{ report.nonsense }}</p>\n"})
    with pytest.raises(RenderError, match=r"template broken\.html\.j2, line 2 failed: .*nonsense"):
        render("broken.html.j2", view(), env)


@pytest.mark.parametrize("template", [HTML_TEMPLATE, MARKDOWN_TEMPLATE])
def test_templates_hold_no_logic(template: str) -> None:
    """Templates only loop and print: no if, set, macro, call or filter other than md_cell."""
    text = (Path(TEMPLATES) / template).read_text()
    statements = re.findall(r"{%-?\s*(\w+)", text)
    assert set(statements) <= {"for", "else", "endfor"}
    filters = re.findall(r"\|\s*(\w+)\s*}}", text)
    assert set(filters) <= {"md_cell"}
