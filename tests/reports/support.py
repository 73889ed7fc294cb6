"""Helpers for the report tests: sample folders, small result sets, external tools."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reports.assess.classification import Outcome, Scenario
from reports.testing import ScenarioSpec, write_result

DATA = Path(__file__).with_name("data")
#: Real allure-pytest-bdd output for the sample project (see data/sample_project/make_sample.sh).
SAMPLE = DATA / "allure_sample"
#: Debian packages the browser and PDF tests need.
PACKAGES = {
    "chromium": "chromium",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "node": "nodejs",
}


def copy_sample(tmp_path: Path) -> Path:
    """A private copy of the real sample results, safe to damage."""
    target = tmp_path / "allure-results"
    shutil.copytree(SAMPLE, target)
    return target


def require(tool: str) -> str:
    """The path of an external tool; a missing one fails the test with how to install it."""
    path = shutil.which(tool)
    if path is None:
        package = PACKAGES.get(tool, tool)
        pytest.fail(f"{tool} is not installed: apt-get install -y {package}", pytrace=False)
    return path


def passing(scenario_id: str, *tags: str, name: str | None = None) -> ScenarioSpec:
    """A passing scenario with an id tag and an incident/supplier default classification."""
    return ScenarioSpec(
        name=name or f"Scenario {scenario_id}",
        tags=(scenario_id, *(tags or ("incident", "supplier"))),
    )


def failing(scenario_id: str, *tags: str, message: str = "expected Resolved") -> ScenarioSpec:
    """A scenario whose Then step fails a check."""
    return ScenarioSpec(
        name=f"Scenario {scenario_id}",
        tags=(scenario_id, *(tags or ("incident", "supplier"))),
        status="failed",
        message=message,
    )


def results(folder: Path, *specs: ScenarioSpec) -> Path:
    """Write result files for the specs and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        write_result(folder, spec)
    return folder


#: A defect register accepting a workaround for ort_inc_001's severity-1 failure.
ACCEPTED_WORKAROUND = """
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


def severity_1_failure(folder: Path) -> Path:
    """Nineteen passes and one deliberately failing severity-1 scenario, ort_inc_001."""
    return results(
        folder,
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


def baseline(count: int = 19) -> list[ScenarioSpec]:
    """Passing scenarios enough to keep the pass rate green when one more fails."""
    return [
        passing(f"ort_inc_{n:03d}", "incident", "supplier", "p3") for n in range(100, 100 + count)
    ]


def scenario(
    scenario_id: str,
    outcome: Outcome = Outcome.FAILED,
    severity: int = 3,
    parties: tuple[str, ...] = ("supplier",),
    tags: tuple[str, ...] = (),
    process: str = "incident",
) -> Scenario:
    """A classified scenario made by hand, for tests that need no results folder."""
    return Scenario(
        key=f"key-{scenario_id}",
        scenario_id=scenario_id,
        title=f"Title {scenario_id}",
        feature="F",
        process=process,
        parties=parties,
        priority="p2",
        severity=severity,
        tags=(scenario_id, *tags),
        outcome=outcome,
        failing_step="Then it works" if outcome in (Outcome.FAILED, Outcome.BLOCKED) else "",
        message="boom" if outcome is not Outcome.PASSED else "",
        flaky=False,
        attempts=1,
        start=datetime(2026, 6, 18, 8, tzinfo=UTC),
        stop=datetime(2026, 6, 18, 9, tzinfo=UTC),
    )
