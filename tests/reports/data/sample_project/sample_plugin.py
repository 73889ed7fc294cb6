"""Labels and skips as the ORT suite applies them, loaded with -p to write sample results."""

from typing import Any

import allure
import pytest

PROCESSES = ("incident", "sla", "major_incident", "problem", "change", "request", "triage", "cpsd")
PARTIES = (
    "supplier",
    "ldso",
    "mss",
    "msa",
    "sds",
    "ads",
    "umsds",
    "dcp",
    "software_provider",
    "elexon",
)
SEVERITY = {
    "severity_1": "blocker",
    "severity_2": "critical",
    "severity_3": "normal",
    "severity_4": "minor",
}


@pytest.hookimpl(trylast=True)
def pytest_bdd_before_scenario(
    request: pytest.FixtureRequest, feature: object, scenario: Any
) -> None:
    tags = scenario.tags
    processes = [p for p in PROCESSES if p in tags]
    parties = [t for t in PARTIES if t in tags]
    if processes:
        allure.dynamic.label("epic", processes[0])
    allure.dynamic.label("severity", next((SEVERITY[t] for t in tags if t in SEVERITY), "normal"))
    if parties:
        allure.dynamic.label("owner", parties[0])
    for party in parties:
        allure.dynamic.label("party", party)
    for tag in tags:
        if tag.startswith(("ort_", "cpsd_")):
            allure.dynamic.label("ort_id", tag)
        if tag in ("p1", "p2", "p3", "p4"):
            allure.dynamic.label("priority", tag)
    if "manual" in tags:
        pytest.skip("manual scenario: run by the test manager outside the harness")
