"""`ort gate`: the verdict it prints and the exit code it returns, including for bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ort.cli import main as ort
from reports import GateCode
from tests.reports.support import ACCEPTED_WORKAROUND, passing, results, severity_1_failure


def test_failing_severity_1_scenario_makes_the_gate_no_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Done when: a deliberately failing severity-1 scenario makes `ort gate` return NO-GO."""
    folder = severity_1_failure(tmp_path / "allure-results")
    assert ort(["gate", str(folder), "--quiet"]) == GateCode.NO_GO == 1
    out = capsys.readouterr().out
    assert out.startswith("Verdict: NO-GO\n")
    assert "NEW-ort_inc_001 (severity 1, new)" in out


def test_accepted_workaround_turns_it_into_conditional_go(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Done when: a known defect with an accepted workaround turns it into CONDITIONAL GO."""
    folder = severity_1_failure(tmp_path / "allure-results")
    register = tmp_path / "defects.toml"
    register.write_text(ACCEPTED_WORKAROUND)
    code = ort(["gate", str(folder), "--defects", str(register), "--quiet"])
    assert code == GateCode.CONDITIONAL_GO_FAILS == 3
    out = capsys.readouterr().out
    assert out.startswith("Verdict: CONDITIONAL GO\n")
    assert "open with an accepted workaround: DEF-0101 (severity 1, open)" in out


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
