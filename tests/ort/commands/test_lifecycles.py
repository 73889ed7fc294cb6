"""`ort lifecycles`: every state machine as a transition table, printed or written to the docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from ort.cli import main as ort
from ort.commands import lifecycles
from ort.lifecycle_docs import render_all


def test_the_tables_are_printed_as_the_desk_enforces_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Without options, the rendered document goes to standard output."""
    assert ort(["lifecycles"]) == 0

    assert capsys.readouterr().out == render_all()


def test_update_writes_the_document_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--update` rewrites docs/lifecycles.md and prints only where it wrote."""
    doc = tmp_path / "lifecycles.md"
    monkeypatch.setattr(lifecycles, "LIFECYCLES_DOC", doc)

    assert ort(["lifecycles", "--update"]) == 0

    assert doc.read_text(encoding="utf-8") == render_all()
    assert capsys.readouterr().out == f"{doc}: written.\n"
