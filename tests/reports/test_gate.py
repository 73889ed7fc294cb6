"""The release gate: GO, CONDITIONAL GO, NO-GO and bad input, end to end."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ort.cli import main as ort
from reports import GateCode, judge
from tests.reports.support import baseline, failing, passing, results

ACCEPTED = """
[[defect]]
id = "DEF-0101"
title = "Hand-off to the LDSO desk is not acknowledged"
severity = 1
status = "open"
owner = "ldso"
workaround = "The supplier telephones the LDSO desk and records the call"
accepted_by = "ORT test manager, 2026-06-20"
scenarios = ["ort_inc_001"]
"""


def _sev1_failure(tmp_path: Path) -> Path:
    """Nineteen passes and one deliberately failing severity-1 scenario."""
    return results(
        tmp_path / "allure-results",
        *baseline(),
        failing(
            "ort_inc_001",
            "incident",
            "supplier",
            "ldso",
            "severity_1",
            "p1",
            message="ticket INC0020001 was never acknowledged by the ldso desk",
        ),
    )


def test_failing_severity_1_scenario_makes_the_gate_no_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Done when: a deliberately failing severity-1 scenario makes `ort gate` return NO-GO."""
    folder = _sev1_failure(tmp_path)
    assert ort(["gate", str(folder), "--quiet"]) == GateCode.NO_GO == 1
    out = capsys.readouterr().out
    assert out.startswith("Verdict: NO-GO\n")
    assert "NEW-ort_inc_001 (severity 1, new)" in out


def test_accepted_workaround_turns_it_into_conditional_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Done when: a known defect with an accepted workaround turns it into CONDITIONAL GO."""
    folder = _sev1_failure(tmp_path)
    register = tmp_path / "defects.toml"
    register.write_text(ACCEPTED)
    code = ort(["gate", str(folder), "--defects", str(register), "--quiet"])
    assert code == GateCode.CONDITIONAL_GO_FAILS == 3
    out = capsys.readouterr().out
    assert out.startswith("Verdict: CONDITIONAL GO\n")
    assert "open with an accepted workaround: DEF-0101 (severity 1, open)" in out


def test_conditional_go_passes_when_the_criteria_file_says_so(tmp_path: Path) -> None:
    """conditional_go = "pass" makes the same CONDITIONAL GO exit 0."""
    folder = _sev1_failure(tmp_path)
    register = tmp_path / "defects.toml"
    register.write_text(ACCEPTED)
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


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["gate", "{tmp}/missing"], r"ort gate: .*missing does not exist"),
        (
            ["gate", "{tmp}/r", "--criteria", "{tmp}/bad.toml"],
            r"ort gate: .*bad\.toml: key 'criteria\.pass_rate\.threshold' has value 'high'; "
            r"expected a number from 0 to 100",
        ),
        (
            ["gate", "{tmp}/r", "--defects", "{tmp}/nope.toml"],
            r"ort gate: defect register .*nope\.toml does not exist",
        ),
        (["gate", "{tmp}/not-summary.json"], r"ort gate: summary .*not-summary\.json has schema"),
    ],
)
def test_bad_input_exits_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    """Unusable input exits 2 and prints one sentence naming the file, key and value."""
    results(tmp_path / "r", passing("ort_inc_001"))
    (tmp_path / "bad.toml").write_text('[criteria.pass_rate]\nthreshold = "high"\n')
    (tmp_path / "not-summary.json").write_text(json.dumps({"hello": "world"}))
    assert ort([a.format(tmp=tmp_path) for a in args]) == GateCode.BAD_INPUT == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert re.match(message, err[0]), err[0]


def test_gate_on_summary_repeats_its_verdict_or_rejudges_it(tmp_path: Path) -> None:
    """A summary alone repeats its verdict; with a register, its scenarios are judged again."""
    folder = _sev1_failure(tmp_path)
    assert ort(["report", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    summary = tmp_path / "out" / "summary.json"
    assert judge(summary).exit_code == 1
    register = tmp_path / "defects.toml"
    register.write_text(ACCEPTED)
    rejudged = judge(summary, defects=register)
    assert (rejudged.verdict, rejudged.exit_code) == ("CONDITIONAL GO", 3)
