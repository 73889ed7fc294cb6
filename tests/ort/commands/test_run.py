"""`ort run` runs the selected scenarios and writes Allure results with steps, labels, evidence."""

import json
import re
import tomllib
from pathlib import Path
from xml.etree import ElementTree

import pytest

from ort.commands import run as ort_run
from tests.ort.conftest import ROOT
from vocabulary import JUNIT_CLASS_PROPERTY, JUNIT_NAME_PROPERTY, allure_categories

SECRETS = {"ORT_ADMIN_PASSWORD": "Run-Test-Admin-Secret-7731"}


@pytest.fixture(scope="module")
def config_with_known_passwords(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The default roster with every user's password taken from a variable the test sets."""
    text = (ROOT / "fixtures/defaults/roster.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    env = dict(SECRETS)
    for party in raw["parties"]:
        for user in party["users"]:
            variable = "ORT_TEST_PW_" + user["user_name"].replace(".", "_").upper()
            env[variable] = f"Secret-{user['user_name']}-{len(env)}"
            name_line = f'user_name = "{user["user_name"]}",'
            text = text.replace(name_line, f'{name_line} password_env = "{variable}",', 1)
    path = tmp_path_factory.mktemp("config") / "roster.toml"
    path.write_text(text, encoding="utf-8")
    return path, env


@pytest.fixture(scope="module")
def run_results(tmp_path_factory, config_with_known_passwords):
    """Run two features' worth of scenarios through `ort run` once for the module."""
    import os
    import subprocess
    import sys

    config, env = config_with_known_passwords
    out = tmp_path_factory.mktemp("run")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ort",
            "run",
            "--out",
            str(out),
            "--no-report",
            "-q",
            "-m",
            "ort_inc_001 or ort_inc_002 or ort_inc_053 or ort_inc_060 or ort_inc_062",
            f"--roster={config}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    results = out / "allure-results"
    scenarios = [json.loads(p.read_text()) for p in results.glob("*-result.json")]
    return results, scenarios, env


def labels(result: dict, name: str) -> list[str]:
    return [label["value"] for label in result["labels"] if label["name"] == name]


def test_every_selected_scenario_has_a_result_with_its_gherkin_steps(run_results) -> None:
    """Each scenario is one passed result whose steps are the Gherkin steps."""
    _, scenarios, _ = run_results
    assert len(scenarios) == 9 + 4 + 3
    assert all(s["status"] == "passed" for s in scenarios)
    sample = next(s for s in scenarios if s["name"].startswith("Another party can neither see"))
    step_names = [step["name"] for step in sample["steps"]]
    assert step_names[0].startswith("Given Lanternfield Energy Supply has raised an incident")
    assert "Then Brightwell Power cannot see the incident" in step_names


def test_tags_become_allure_labels(run_results) -> None:
    """epic = process, severity, owner and parties, ORT id, and a tms link."""
    _, scenarios, _ = run_results
    sample = next(s for s in scenarios if "ort_inc_060" in labels(s, "tag"))
    assert labels(sample, "epic") == ["incident"]
    assert labels(sample, "severity") == ["blocker"]
    assert labels(sample, "ort_id") == ["ort_inc_060"]
    assert labels(sample, "owner") == [labels(sample, "party")[0]]
    assert set(labels(sample, "party")) == {"elexon", "supplier", "ldso"}
    assert {"name": "ort_inc_060", "type": "tms", "url": "ort_inc_060"} in sample["links"]


def test_each_scenario_attaches_the_timeline_of_its_records(run_results) -> None:
    """The timeline attachment lists every touched record with its field changes."""
    results, scenarios, _ = run_results
    sample = next(s for s in scenarios if "ort_inc_053" in labels(s, "tag"))
    attachment = next(a for a in sample["attachments"] if a["name"] == "timeline")
    timeline = json.loads((results / attachment["source"]).read_text())
    numbers = [record["number"] for record in timeline["records"]]
    assert len(numbers) == 3 and all(n.startswith("INC") for n in numbers)
    assert timeline["ebond"] == []
    parent_events = timeline["records"][0]["events"]
    assert {"field": "state", "value": "6"}.items() <= next(
        e for e in parent_events if e["field"] == "state" and e["value"] == "6"
    ).items()


def test_a_hand_off_is_evidenced_on_both_desks(run_results) -> None:
    """Assigning to another party's group shows both desks' records and the delivery."""
    results, scenarios, _ = run_results
    sample = next(s for s in scenarios if "ort_inc_062" in labels(s, "tag"))
    attachment = next(a for a in sample["attachments"] if a["name"] == "timeline")
    timeline = json.loads((results / attachment["source"]).read_text())
    assert {r["desk"] for r in timeline["records"]} == {"elexon", "northvale"}
    delivery = timeline["ebond"][0]
    assert (delivery["from"], delivery["to"], delivery["state"]) == (
        "elexon",
        "northvale",
        "delivered",
    )
    measures = next(a for a in sample["attachments"] if a["name"] == "sla-measures")
    handoff = json.loads((results / measures["source"]).read_text())["measures"]
    assert any(m["measure"] == "handoff_latency" and m["seconds"] == 0 for m in handoff)


def test_no_password_reaches_the_results(run_results) -> None:
    """No configured secret appears in any result, container or attachment file."""
    results, _, env = run_results
    secrets = [value for name, value in env.items() if "PW" in name or "PASSWORD" in name]
    assert len(secrets) > 5
    for path in results.iterdir():
        text = path.read_text(encoding="utf-8", errors="replace")
        leaked = [secret for secret in secrets if secret in text]
        assert leaked == [], f"{path.name} contains a password"


def test_a_selection_matching_nothing_is_one_sentence(run_ort, tmp_path) -> None:
    """An empty selection is a user error, not pytest's exit 5."""
    result = run_ort(
        "run", "--out", str(tmp_path), "--no-report", "-k", "no_such_scenario_anywhere"
    )
    assert result.returncode == 2
    assert "no scenario matched the selection -k no_such_scenario_anywhere" in result.stderr


def test_results_carry_environment_and_failure_categories(run_results) -> None:
    """Allure's environment.properties and categories.json (the report's failure classes)."""
    results, _, _ = run_results
    assert "harness=ort-harness " in (results / "environment.properties").read_text()
    categories = json.loads((results / "categories.json").read_text(encoding="utf-8"))
    assert categories == allure_categories()
    assert [c["name"] for c in categories] == [
        "Environment problems",
        "Test defects",
        "Product defects",
    ]


def test_junit_groups_tests_by_feature_and_names_them_by_ort_id(run_results) -> None:
    """Each testcase's class is process.feature-file-stem, its name the ORT id and scenario
    name; the helper properties are gone and the file is plain JUnit."""
    results, _, _ = run_results
    tree = ElementTree.parse(results.parent / "junit.xml")
    cases = list(tree.iter("testcase"))
    assert len(cases) == 16
    assert {c.get("classname") for c in cases} == {
        "incident.01_priority",
        "incident.06_parent_child",
        "incident.07_tenancy",
    }
    names = sorted(c.get("name", "") for c in cases)
    assert all(re.match(r"^ort_inc_0(01|02|53|60|62) \S", n) for n in names), names
    assert any(n.startswith("ort_inc_") and "Another party can neither see" in n for n in names)
    assert not list(tree.iter("properties"))


def test_group_junit_renames_from_recorded_properties_and_keeps_others(tmp_path) -> None:
    """Recorded class and name replace pytest's; other properties and unrecorded cases stay."""
    path = tmp_path / "junit.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest" tests="2">'
        '<testcase classname="tests.test_features" name="test_x"><properties>'
        f'<property name="{JUNIT_CLASS_PROPERTY}" value="cpsd.02_dip_outage" />'
        f'<property name="{JUNIT_NAME_PROPERTY}" value="cpsd_02 The first report" />'
        '<property name="other" value="kept" /></properties>'
        '<failure message="boom">E boom</failure></testcase>'
        '<testcase classname="tests.test_other" name="test_y" /></testsuite></testsuites>',
        encoding="utf-8",
    )
    ort_run.group_junit(path)
    first, second = ElementTree.parse(path).iter("testcase")
    assert (first.get("classname"), first.get("name")) == (
        "cpsd.02_dip_outage",
        "cpsd_02 The first report",
    )
    assert [p.get("name") for p in first.iter("property")] == ["other"]
    assert first.find("failure") is not None
    assert (second.get("classname"), second.get("name")) == ("tests.test_other", "test_y")


def test_a_misspelt_step_and_a_wrong_expectation_are_classed_end_to_end(tmp_path) -> None:
    """Run through pytest like `ort run`: a misspelt step is a test defect (summary.json and
    categories) with no severity-1 product defect; a wrong expectation is a product defect."""
    import subprocess
    import sys

    from conftest import pytest_plugins
    from reports import write_report

    source = (ROOT / "features/cpsd/02_dip_outage_major_incident.feature").read_text()
    misspelt = "Then the incident is accepted as a major incident"
    assert source.count(misspelt) >= 1
    feature = tmp_path / "outage.feature"
    feature.write_text(
        source.replace(misspelt, "Then the incident is acceptd as a major incident", 1)
        .replace("@cpsd_02 @mandatory @severity_1", "@cpsd_02 @severity_1", 1)
        .replace("@cpsd_02b", "@cpsd_02b @severity_1", 1),
        encoding="utf-8",
    )
    (tmp_path / "test_outage.py").write_text(
        f"from pytest_bdd import scenarios\nscenarios({str(feature)!r})\n", encoding="utf-8"
    )
    (tmp_path / "conftest.py").write_text(f"pytest_plugins = {pytest_plugins!r}\n")
    results = tmp_path / "allure-results"
    junit = tmp_path / "junit.xml"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(tmp_path / "test_outage.py"),
            "-q",
            "-k",
            "first_report",
            f"--alluredir={results}",
            f"--junitxml={junit}",
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
    assert run.returncode == 1, run.stdout[-3000:]
    ort_run.write_categories(results)
    ort_run.group_junit(junit)
    write_report(results, tmp_path / "report")
    summary = json.loads((tmp_path / "report/summary.json").read_text(encoding="utf-8"))
    scenario = next(s for s in summary["scenarios"] if s["id"] == "cpsd_02")
    assert (scenario["outcome"], scenario["failure_class"]) == ("blocked", "test")
    assert summary["failure_classes"]["test"] == 1
    assert [(d["id"], d["severity"], d["failure_class"]) for d in summary["defects"]] == [
        ("NEW-TEST-cpsd_02", 3, "test")
    ]
    assert not [d for d in summary["defects"] if d["severity"] == 1]
    criteria = {c["key"]: c["rag"] for c in summary["criteria"]}
    assert criteria["no_test_defects"] == "AMBER"
    categories = json.loads((results / "categories.json").read_text(encoding="utf-8"))
    test_category = next(c for c in categories if c["name"] == "Test defects")
    assert re.fullmatch(test_category["messageRegex"], scenario["message"])
    (case,) = ElementTree.parse(junit).iter("testcase")
    assert case.get("classname") == "cpsd.outage"
    assert case.get("name", "").startswith("cpsd_02 The first report of the outage")


def test_the_environment_names_the_selection_without_a_store_password(tmp_path) -> None:
    """A --db URL with a password is recorded with the password masked, in every line."""
    from ort.commands.run import write_environment

    write_environment(
        tmp_path, ["--db=postgresql+psycopg://ort:S3cret@127.0.0.1/ort", "-m", "cpsd"]
    )

    text = (tmp_path / "environment.properties").read_text(encoding="utf-8")
    assert "S3cret" not in text
    assert "selection=--db=postgresql+psycopg://ort:***@127.0.0.1/ort -m cpsd" in text
