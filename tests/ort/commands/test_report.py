"""`ort report`: the files it writes, what it prints, and its gate mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ort.cli import build_parser
from ort.cli import main as ort
from reports import OUTPUT_FILES
from tests.reports.support import copy_sample, failing, passing, results


def test_report_writes_every_output_and_prints_verdict_and_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command writes five files, shows progress on stderr, and ends with verdict and path."""
    out = tmp_path / "out"
    assert ort(["report", str(copy_sample(tmp_path)), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUT_FILES.values())
    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert lines[0] == "Verdict: NO-GO"
    assert lines[-1] == f"Report: {out / 'exit-report.html'}"
    progress = captured.err.strip().splitlines()
    assert progress[0].startswith("reading 10 result files from ")
    assert progress[1] == (
        "read 9 scenarios from 10 result files; 1 earlier attempts superseded; 0 problems"
    )
    assert progress[-1] == "wrote exit-report.pdf"


def test_report_with_gate_returns_the_gate_code(tmp_path: Path) -> None:
    """--gate makes the command exit with the gate's code after writing (without it: 0)."""
    folder = results(tmp_path / "r", passing("ort_inc_001"))
    assert ort(["report", str(folder), "--out", str(tmp_path / "o"), "--gate", "--quiet"]) == 0
    folder = results(tmp_path / "r2", failing("ort_inc_001", "incident", "severity_1"))
    assert ort(["report", str(folder), "--out", str(tmp_path / "o2"), "--gate", "--quiet"]) == 1
    assert (tmp_path / "o2" / "exit-report.pdf").exists()


def test_truncated_file_is_named_in_the_report_not_a_crash(tmp_path: Path) -> None:
    """A truncated result file appears in the report by name and makes the run AMBER at best."""
    folder = copy_sample(tmp_path)
    victim = sorted(folder.glob("*-result.json"))[-1]
    victim.write_text(victim.read_text()[:120])
    out = tmp_path / "out"
    assert ort(["report", str(folder), "--out", str(out), "--quiet"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert [u["file"] for u in summary["unreadable"]] == [victim.name]
    intact = next(c for c in summary["criteria"] if c["key"] == "results_intact")
    assert intact["rag"] == "AMBER"
    assert victim.name in (out / "exit-report.html").read_text()
    assert victim.name in (out / "exit-report.md").read_text()


def test_report_shows_the_trend_given_a_previous_summary(tmp_path: Path) -> None:
    """--previous adds what changed to the report."""
    first = results(tmp_path / "r1", failing("ort_inc_001"))
    ort(["report", str(first), "--out", str(tmp_path / "o1"), "--quiet"])
    second = results(tmp_path / "r2", passing("ort_inc_001"))
    ort(
        [
            "report",
            str(second),
            "--out",
            str(tmp_path / "o2"),
            "--quiet",
            "--previous",
            str(tmp_path / "o1" / "summary.json"),
        ]
    )
    md = (tmp_path / "o2" / "exit-report.md").read_text()
    assert "### Fixed" in md
    assert "| ort_inc_001 (Scenario ort_inc_001) | failed | passed |" in md


def test_missing_results_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing results folder is bad input: exit 2 and one sentence."""
    assert ort(["report", str(tmp_path / "none"), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"ort report: results folder {tmp_path / 'none'} does not exist"
    )


@pytest.mark.parametrize("command", ["report", "gate"])
def test_help_documents_the_exit_codes(command: str) -> None:
    """Both commands' --help lists every gate exit code."""
    parser = build_parser()
    sub = next(a for a in parser._subparsers._group_actions)  # type: ignore[union-attr]
    text = sub.choices[command].format_help()  # type: ignore[attr-defined]
    for line in ("0  GO", "1  NO-GO", "2  bad input", "3  CONDITIONAL GO"):
        assert line in text


def test_empty_folder_still_gets_a_report_saying_nothing_was_executed(tmp_path: Path) -> None:
    """An empty results folder yields every output, with NO-GO because nothing ran."""
    (tmp_path / "empty").mkdir()
    out = tmp_path / "out"
    assert ort(["report", str(tmp_path / "empty"), "--out", str(out), "--gate", "--quiet"]) == 1
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["verdict"], summary["reasons"]) == ("NO-GO", ["nothing was executed"])
    assert "nothing was executed" in (out / "exit-report.html").read_text()
