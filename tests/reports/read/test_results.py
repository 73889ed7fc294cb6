"""Reading an allure-results folder: results, retries, unreadable files, environment, executor."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from reports.errors import ResultsFolderError
from reports.read.results import read_results
from reports.testing import ScenarioSpec, write_result
from tests.reports.support import SAMPLE, copy_sample, passing, results


def test_real_sample_reads_every_scenario_once() -> None:
    """The sample written by allure-pytest-bdd reads as nine scenarios from ten result files."""
    folder = read_results(SAMPLE)
    assert folder.result_files == 10
    assert len(folder.results) == 9
    assert folder.problems == ()


def test_retried_then_passed_scenario_keeps_last_attempt_and_is_flaky() -> None:
    """A scenario that failed and then passed under the same historyId is one flaky pass."""
    folder = read_results(SAMPLE)
    retried = [r for r in folder.results if len(r.attempts) > 1]
    assert [r.result.name for r in retried] == ["A standard change skips assessment"]
    assert retried[0].attempts == ("failed", "passed")
    assert retried[0].result.status == "passed"
    assert retried[0].flaky


def test_last_attempt_is_chosen_by_start_time_not_file_order(tmp_path: Path) -> None:
    """The attempt that started last wins, whatever the file names."""
    spec = passing("ort_inc_001")
    write_result(tmp_path, replace(spec, status="failed", message="x", start_ms=2_000_000))
    write_result(tmp_path, replace(spec, start_ms=1_000_000))
    (final,) = read_results(tmp_path).results
    assert final.result.status == "failed"
    assert final.attempts == ("passed", "failed")
    assert not final.flaky


def test_truncated_result_is_named_and_counted_not_fatal(tmp_path: Path) -> None:
    """A truncated file becomes a problem naming the file and the JSON position."""
    folder = copy_sample(tmp_path)
    victim = sorted(folder.glob("*-result.json"))[0]
    victim.write_text(victim.read_text()[:200])
    read = read_results(folder)
    assert len(read.problems) == 1
    assert read.problems[0].file == victim.name
    assert "not valid JSON (truncated or corrupt) at line" in read.problems[0].reason
    assert read.result_files == 10


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[1, 2]", "holds a JSON list, not an object"),
        ('{"status": "passed"}', "has no scenario name"),
        ('{"name": "Half written"}', "scenario 'Half written' has no status"),
        (b"\xff\xfe\x00", "not"),
    ],
)
def test_malformed_result_files_are_problems(
    tmp_path: Path, content: str | bytes, reason: str
) -> None:
    """Each kind of malformed result file is reported with its reason."""
    path = tmp_path / "0000-result.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    (problem,) = read_results(tmp_path).problems
    assert problem.file == "0000-result.json"
    assert reason in problem.reason


def test_empty_folder_reads_as_nothing(tmp_path: Path) -> None:
    """An empty folder has no results and no problems."""
    read = read_results(tmp_path)
    assert read.results == () and read.problems == () and read.result_files == 0


def test_missing_folder_is_a_results_folder_error(tmp_path: Path) -> None:
    """A results path that does not exist is refused with its name."""
    with pytest.raises(ResultsFolderError, match=r"results folder .*nowhere does not exist"):
        read_results(tmp_path / "nowhere")


def test_file_instead_of_folder_is_refused(tmp_path: Path) -> None:
    """A results path that is a file is refused."""
    path = tmp_path / "results.json"
    path.write_text("{}")
    with pytest.raises(ResultsFolderError, match="is not a folder"):
        read_results(path)


def test_environment_properties_are_read_in_order(tmp_path: Path) -> None:
    """environment.properties gives key/value pairs; comments and blank lines are skipped."""
    results(tmp_path, passing("ort_inc_001"))
    (tmp_path / "environment.properties").write_text(
        "# comment\n\nORT.window=Rehearsal 3\nDesks: elexon, \\\n  ldso\nflag\n"
    )
    assert read_results(tmp_path).environment == (
        ("ORT.window", "Rehearsal 3"),
        ("Desks", "elexon, ldso"),
        ("flag", ""),
    )


def test_executor_json_is_read_and_a_broken_one_is_a_problem(tmp_path: Path) -> None:
    """executor.json names the build; a corrupt one is a named problem, not a crash."""
    results(tmp_path, passing("ort_inc_001"))
    (tmp_path / "executor.json").write_text(json.dumps({"name": "CI", "buildName": "#42"}))
    executor = read_results(tmp_path).executor
    assert executor is not None and (executor.name, executor.build_name) == ("CI", "#42")
    (tmp_path / "executor.json").write_text('{"name": ')
    read = read_results(tmp_path)
    assert read.executor is None
    assert [p.file for p in read.problems] == ["executor.json"]


def test_result_without_history_id_stands_alone(tmp_path: Path) -> None:
    """Results with no historyId are never merged with each other."""
    for name in ("One", "Two"):
        path = write_result(tmp_path, ScenarioSpec(name=name, tags=("incident",)))
        data = json.loads(path.read_text())
        del data["historyId"]
        path.write_text(json.dumps(data))
    assert len(read_results(tmp_path).results) == 2


def test_steps_and_nested_attachments_are_kept() -> None:
    """Gherkin steps keep their status and message; step attachments are collected."""
    read = read_results(SAMPLE)
    failed = next(r.result for r in read.results if r.result.name.startswith("The LDSO ticket"))
    assert [s.status for s in failed.steps] == ["passed", "passed", "failed"]
    assert "u_mpan" in failed.steps[2].message
    assert {a.name for a in failed.attachments} == {"timeline", "sla-measures"}
