"""Renders the view model through the Jinja templates: one Environment, strict and autoescaped."""

from __future__ import annotations

import re
import traceback
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError

from reports.errors import RenderError
from reports.view import ReportView

TEMPLATES = Path(__file__).with_name("templates")
HTML_TEMPLATE = "exit-report.html.j2"
MARKDOWN_TEMPLATE = "exit-report.md.j2"


def md_cell(text: object) -> str:
    """Text made safe for one Markdown table cell: pipes escaped, line breaks as <br>."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _autoescape(name: str | None) -> bool:
    """HTML templates escape every value; the Markdown template escapes cells with md_cell."""
    return bool(name and name.endswith(".html.j2"))


def build_environment(templates: Path = TEMPLATES) -> Environment:
    """The one Jinja Environment: undefined names fail, HTML output is escaped."""
    env = Environment(
        loader=FileSystemLoader(templates),
        undefined=StrictUndefined,
        autoescape=_autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md_cell"] = md_cell
    return env


ENVIRONMENT = build_environment()


def render(template: str, view: ReportView, env: Environment = ENVIRONMENT) -> str:
    """Render one template with the view model as `report`; errors name template and line."""
    try:
        return env.get_template(template).render(report=view)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None) or _template_line(exc, template)
        where = f"{template}, line {line}" if line else template
        raise RenderError(f"template {where} failed: {exc}") from exc


def _template_line(exc: BaseException, template: str) -> int | None:
    """The template line a render-time error came from (Jinja puts it in the traceback)."""
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if f.filename.endswith(template) or f.filename == "<template>"
    ]
    return frames[-1].lineno if frames else None


def render_html(view: ReportView) -> str:
    """The self-contained exit-report.html."""
    return render(HTML_TEMPLATE, view)


def render_markdown(view: ReportView) -> str:
    """exit-report.md, with the blank lines that empty notes leave folded away."""
    lines = [line.rstrip() for line in render(MARKDOWN_TEMPLATE, view).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
