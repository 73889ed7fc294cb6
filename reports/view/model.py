"""The view model: frozen records holding every text the templates print, already formatted."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class Cell:
    """A table cell: its text, a CSS class, and an optional second line."""

    text: str
    css: str = ""
    sub: str = ""

    @property
    def plain(self) -> str:
        """Text and second line on one line, for plain-text outputs."""
        return f"{self.text} ({self.sub})" if self.sub else self.text


@dataclass(frozen=True)
class Table:
    """A titled table; `empty` is printed when it has no rows, `note` under it."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    empty: str
    css: str = ""
    note: str = ""
    widths: tuple[int, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        """Column widths as CSS percentages (none: the browser sizes the columns)."""
        return tuple(f"width: {w}%" for w in self.widths)

    @property
    def width(self) -> int:
        """Number of columns."""
        return len(self.headers)


@dataclass(frozen=True)
class Section:
    """A numbered section of the report."""

    anchor: str
    number: str
    title: str
    paragraphs: tuple[str, ...] = ()
    charts: tuple[Markup, ...] = ()
    tables: tuple[Table, ...] = ()
    css: str = ""


@dataclass(frozen=True)
class Figure:
    """A key figure in the verdict banner."""

    label: str
    value: str
    css: str = ""


@dataclass(frozen=True)
class VerdictView:
    """The verdict banner: first on the page."""

    verdict: str
    css: str
    symbol: str
    headline: str
    reasons: tuple[str, ...]
    gate: str
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class ReportView:
    """The whole page."""

    title: str
    subtitle: str
    generated: str
    verdict: VerdictView
    sections: tuple[Section, ...]
    footer: str
