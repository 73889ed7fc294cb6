"""`ort steps`: the step vocabulary as text or Markdown, filtered, or written into the glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from ort.cli import main as ort
from ort.commands import steps
from ort.step_catalogue import GLOSSARY, catalogue


def test_the_catalogue_prints_every_phrase_and_counts_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The text form ends with how many step phrases there are."""
    assert ort(["steps"]) == 0

    out = capsys.readouterr().out
    assert "Given <party> has raised an incident" in out
    assert out.rstrip().endswith(f"{len(catalogue())} step phrases.")


def test_grep_keeps_only_phrases_containing_the_word_whatever_its_case(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`--grep sla` lists some phrases, not all: those naming an SLA."""
    assert ort(["steps", "--grep", "sla"]) == 0

    out = capsys.readouterr().out
    count = int(out.rstrip().splitlines()[-1].split()[0])
    assert 0 < count < len(catalogue())


def test_markdown_prints_tables(capsys: pytest.CaptureFixture[str]) -> None:
    """`--markdown` gives Markdown tables for the glossary."""
    assert ort(["steps", "--markdown"]) == 0

    assert "| " in capsys.readouterr().out


def test_update_glossary_rewrites_the_step_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The glossary file is rewritten in place and the command says how many phrases it wrote."""
    glossary = tmp_path / "GLOSSARY.md"
    glossary.write_text(GLOSSARY.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(steps, "GLOSSARY", glossary)

    assert ort(["steps", "--update-glossary"]) == 0

    assert glossary.read_text(encoding="utf-8") == GLOSSARY.read_text(encoding="utf-8")
    assert capsys.readouterr().out == f"{glossary}: {len(catalogue())} step phrases written.\n"
