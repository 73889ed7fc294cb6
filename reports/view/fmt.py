"""Formatting shared by the view builders: times, outcomes, RAG, id lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from reports.assess import Outcome, Rag, Scenario
from reports.view.model import Cell
from vocabulary import LONDON

#: What an empty cell shows: an en dash.
DASH = "\u2013"

#: How many ids a table cell lists before "and N more".
CELL_IDS = 12
#: Longest message a table cell shows (lines, characters).
MESSAGE_LINES = 8
MESSAGE_CHARS = 900

OUTCOME_CSS: dict[Outcome, str] = {
    Outcome.PASSED: "out out-passed",
    Outcome.FAILED: "out out-failed",
    Outcome.BLOCKED: "out out-blocked",
    Outcome.NOT_RUN: "out out-notrun",
    Outcome.NOT_RUN_MANUAL: "out out-notrun",
}

RAG_CSS: dict[Rag, str] = {
    Rag.GREEN: "rag rag-green",
    Rag.AMBER: "rag rag-amber",
    Rag.RED: "rag rag-red",
}


def when(moment: datetime | None) -> str:
    """A moment in UK time, e.g. 'Fri 18 Dec 2026 17:30 GMT'."""
    if moment is None:
        return "unknown"
    local = moment.astimezone(LONDON)
    return local.strftime("%a %d %b %Y %H:%M %Z")


def ids(values: Iterable[str], limit: int = CELL_IDS) -> str:
    """Ids for a cell: 'a, b, c and 4 more', or an en dash when there are none."""
    values = list(dict.fromkeys(values))
    if not values:
        return DASH
    shown = ", ".join(values[:limit])
    return f"{shown} and {len(values) - limit} more" if len(values) > limit else shown


def message(text: str) -> str:
    """A failure message cut to a readable size."""
    lines = text.strip().splitlines()
    cut = "\n".join(lines[:MESSAGE_LINES])
    if len(cut) > MESSAGE_CHARS:
        cut = cut[:MESSAGE_CHARS].rstrip()
    return cut + (" …" if cut != text.strip() else "")


def outcome_cell(scenario: Scenario) -> Cell:
    """A scenario's result as a cell, with retries noted."""
    sub = ""
    if scenario.flaky:
        sub = f"flaky: passed on attempt {scenario.attempts}"
    elif scenario.attempts > 1:
        sub = f"{scenario.attempts} attempts"
    return Cell(scenario.outcome.value.upper(), OUTCOME_CSS[scenario.outcome], sub)


def rag_cell(rag: Rag) -> Cell:
    """A RAG status as a labelled cell (the label carries the meaning without colour)."""
    return Cell(rag.value, RAG_CSS[rag])


def percent(value: float) -> str:
    """A percentage with one decimal."""
    return f"{value:.1f}%"


def num(value: int) -> Cell:
    """A right-aligned number cell."""
    return Cell(str(value), "num")
