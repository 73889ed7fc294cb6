"""Beside behaviour.py: a scripted party fails its scenario on an unmet or unexpected hand-off."""

import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import pytest_plugins

ROOT = Path(__file__).resolve().parents[3]

UNMET = """\
@cpsd_97
Scenario: Nothing is handed to Northvale
  Given Northvale Power Networks expects hand-offs about IF-008
  When Lanternfield Energy Supply raises an incident "Lost" about IF-008 for MPAN 1200023304458
  Then the incident is New
"""
UNEXPECTED = """\
@cpsd_98
Scenario: The wrong hand-off reaches Northvale
  Given Northvale Power Networks expects hand-offs about IF-008
  And Lanternfield Energy Supply has raised an incident "X" about IF-001 for MPAN 1200023304458
  When the service desk assigns the incident to "Northvale Registration Support"
  Then Northvale Power Networks' desk has the incident
"""
HEADER = """\
@cpsd
Feature: Scripted parties hold scenarios to account
  As a test manager
  I want a party's unmet expectations to fail the scenario
  So that a hand-off that never happened cannot pass unnoticed

"""


def run_feature(tmp_path, scenario: str) -> subprocess.CompletedProcess[str]:
    feature = tmp_path / "scripted.feature"
    feature.write_text(HEADER + textwrap.indent(textwrap.dedent(scenario), "  "), encoding="utf-8")
    (tmp_path / "test_scripted.py").write_text(
        f"from pytest_bdd import scenarios\nscenarios({str(feature)!r})\n", encoding="utf-8"
    )
    (tmp_path / "conftest.py").write_text(f"pytest_plugins = {pytest_plugins!r}\n")
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(tmp_path / "test_scripted.py"),
            "-q",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_an_expectation_that_never_matched_fails_the_scenario(tmp_path) -> None:
    """Northvale expects an IF-008 hand-off that never comes: the scenario fails, saying so."""
    result = run_feature(tmp_path, UNMET)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "Northvale Power Networks expected hand-offs about IF-008" in result.stdout
    assert "but none arrived" in result.stdout


def test_an_unexpected_arrival_fails_the_scenario_with_each_reason(tmp_path) -> None:
    """An IF-001 hand-off reaches a party expecting IF-008: the mismatch is spelled out."""
    result = run_feature(tmp_path, UNEXPECTED)
    assert result.returncode == 1, result.stdout[-2000:]
    assert "which no expectation matched" in result.stdout
    assert "u_interface_id is 'IF-001', expected 'IF-008'" in result.stdout
