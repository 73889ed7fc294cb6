"""Formatting for the view: UK times, id lists, cut messages, outcome and RAG cells, numbers."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from reports.assess.classification import Outcome
from reports.assess.criteria import Rag
from reports.view.fmt import DASH, ids, message, num, outcome_cell, percent, rag_cell, when
from reports.view.model import Cell
from tests.reports.support import scenario


def test_when_shows_uk_time_with_its_zone() -> None:
    """A UTC moment prints in London time, BST in summer and GMT in winter."""
    assert when(datetime(2026, 6, 18, 16, 30, tzinfo=UTC)) == "Thu 18 Jun 2026 17:30 BST"
    assert when(datetime(2026, 12, 18, 17, 30, tzinfo=UTC)) == "Fri 18 Dec 2026 17:30 GMT"
    assert when(None) == "unknown"


def test_ids_lists_each_once_and_cuts_a_long_list() -> None:
    """Duplicates are dropped, the list stops at the limit with a count, none is a dash."""
    assert ids(["b", "a", "b"]) == "b, a"
    assert ids(["a", "b", "c", "d"], limit=2) == "a, b and 2 more"
    assert ids([]) == DASH


def test_message_is_cut_to_a_readable_size() -> None:
    """A long failure message keeps its first lines and says it was cut."""
    assert message("  short  ") == "short"
    long = "\n".join(f"line {n}" for n in range(20))
    assert message(long) == "\n".join(f"line {n}" for n in range(8)) + " …"
    assert message("x" * 1000) == "x" * 900 + " …"


def test_outcome_cell_notes_retries() -> None:
    """The outcome shows in capitals, with a flaky pass or the number of attempts beneath."""
    failed = scenario("a", Outcome.FAILED)
    assert outcome_cell(failed) == Cell("FAILED", "out out-failed", "")
    retried = replace(failed, attempts=3)
    assert outcome_cell(retried).sub == "3 attempts"
    flaky = replace(scenario("b", Outcome.PASSED), flaky=True, attempts=2)
    assert outcome_cell(flaky) == Cell("PASSED", "out out-passed", "flaky: passed on attempt 2")


def test_rag_percent_and_number_cells() -> None:
    """RAG cells carry their label, percentages one decimal, numbers align right."""
    assert rag_cell(Rag.AMBER) == Cell("AMBER", "rag rag-amber")
    assert percent(66.666) == "66.7%"
    assert num(7) == Cell("7", "num")
