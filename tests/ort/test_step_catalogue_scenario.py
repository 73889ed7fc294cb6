"""Beside step_catalogue.py: a CPSD scenario written from catalogue phrases alone runs green."""

import subprocess
import sys
import textwrap

from conftest import pytest_plugins
from ort.step_catalogue import catalogue
from tests.ort.conftest import ROOT

VALUES = {
    "party": "Lanternfield Energy Supply",
    "other": "Northvale Power Networks",
    "summary": "IF-007 energisation status not received",
    "interface": "IF-007",
    "mpan": "1200023304458",
    "own": "",
    "duration": "15 minutes",
    "notes": "Registration reprocessed; IF-007 republished.",
    "amount": "2",
    "unit": "hour",
    "state": "Resolved",
    "keys": "the MPAN and the interface",
    "group": "Northvale Registration Support",
}


def phrase(kind: str, starts: str) -> str:
    """The catalogue phrase of that kind that starts so, with example values filled in."""
    entry = next(e for e in catalogue() if e.kind == kind and e.phrase.startswith(starts))
    text = entry.phrase
    optionals = (" [on its own desk]", "[still] ", "[, carrying <keys>]", " [about <interface>]")
    for optional in optionals:
        text = text.replace(optional, "")
    for name, _ in entry.parameters:
        text = text.replace(f"<{name}>", VALUES[name])
    return " ".join(text.replace("[es]", "").split())


def test_a_scenario_from_catalogue_phrases_runs(tmp_path) -> None:
    """Given/When/Then lines taken from `ort steps` make a scenario that passes."""
    lines = [
        ("Given", phrase("given", '<party> has raised an incident "<summary>" about')),
        (
            "And",
            phrase("given", "<party> expects hand-offs").replace(
                "Lanternfield Energy Supply", VALUES["other"]
            ),
        ),
        (
            "And",
            phrase("given", "<party> resolves them after").replace(
                "Lanternfield Energy Supply", VALUES["other"]
            ),
        ),
        ("And", phrase("given", "the incident is assigned to")),
        ("When", phrase("when", "<amount> <unit>s pass")),
        (
            "Then",
            phrase("then", "<party>'s desk has the incident").replace(
                "Lanternfield Energy Supply", VALUES["other"]
            ),
        ),
        ("And", phrase("then", "the incident is [still] <state>")),
    ]
    feature = tmp_path / "catalogue.feature"
    body = "\n".join(f"    {keyword} {text}" for keyword, text in lines)
    feature.write_text(
        textwrap.dedent("""\
        @cpsd
        Feature: Written from the catalogue
          As a test manager
          I want to write a scenario from the step catalogue alone
          So that new runbook scenarios need no programmer

          @cpsd_99
          Scenario: A bilateral fault handed to the distributor comes back resolved
        """)
        + body
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "test_catalogue.py").write_text(
        f"from pytest_bdd import scenarios\nscenarios({str(feature)!r})\n", encoding="utf-8"
    )
    (tmp_path / "conftest.py").write_text(f"pytest_plugins = {pytest_plugins!r}\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(tmp_path / "test_catalogue.py"),
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
    assert result.returncode == 0, "\n".join(f"{k} {t}" for k, t in lines) + result.stdout[-3000:]
    assert "1 passed" in result.stdout
