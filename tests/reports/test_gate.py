"""The release gate's judgement: GO, CONDITIONAL GO and NO-GO from a results folder or a summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports import ResultsFolderError, judge, write_report
from tests.reports.support import ACCEPTED_WORKAROUND, baseline, results, severity_1_failure


def test_conditional_go_passes_when_the_criteria_file_says_so(tmp_path: Path) -> None:
    """conditional_go = "pass" makes the same CONDITIONAL GO exit 0."""
    folder = severity_1_failure(tmp_path / "allure-results")
    register = tmp_path / "defects.toml"
    register.write_text(ACCEPTED_WORKAROUND)
    criteria = tmp_path / "criteria.toml"
    criteria.write_text('[gate]\nconditional_go = "pass"\n')
    result = judge(folder, criteria=criteria, defects=register)
    assert (result.verdict, result.exit_code) == ("CONDITIONAL GO", 0)


def test_clean_run_is_go(tmp_path: Path) -> None:
    """Every scenario passing with nothing open is GO, exit 0."""
    folder = results(tmp_path / "r", *baseline(5))
    result = judge(folder)
    assert (result.verdict, result.exit_code) == ("GO", 0)


def test_empty_folder_is_no_go_nothing_executed(tmp_path: Path) -> None:
    """An empty results folder is NO-GO because nothing was executed."""
    (tmp_path / "empty").mkdir()
    result = judge(tmp_path / "empty")
    assert (result.verdict, result.reasons, result.exit_code) == (
        "NO-GO",
        ("nothing was executed",),
        1,
    )


def test_gate_on_summary_repeats_its_verdict_or_rejudges_it(tmp_path: Path) -> None:
    """A summary alone repeats its verdict; with a register, its scenarios are judged again."""
    folder = severity_1_failure(tmp_path / "allure-results")
    summary = write_report(folder, tmp_path / "out").outputs["summary"]
    assert judge(summary).exit_code == 1
    register = tmp_path / "defects.toml"
    register.write_text(ACCEPTED_WORKAROUND)
    rejudged = judge(summary, defects=register)
    assert (rejudged.verdict, rejudged.exit_code) == ("CONDITIONAL GO", 3)


def test_missing_target_is_refused_naming_it(tmp_path: Path) -> None:
    """A target that does not exist is refused, naming it and what to give instead."""
    with pytest.raises(
        ResultsFolderError, match=r"gone does not exist: give a results folder or a summary\.json"
    ):
        judge(tmp_path / "gone")
