"""Changes since a previous run: new failures, fixes, still failing, added, removed, totals."""

from __future__ import annotations

from pathlib import Path

from reports import build_report
from reports.assess.classification import Outcome
from reports.assess.stored import StoredSummary
from reports.assess.trend import compare
from tests.reports.support import passing, results, scenario


def _previous(*scenarios: object) -> StoredSummary:
    return StoredSummary(
        "previous/summary.json",
        "2026-06-11T17:00:00+00:00",
        "NO-GO",
        (),
        "fail",
        1,
        tuple(scenarios),
        (),
        2,
    )  # type: ignore[arg-type]


def test_changes_are_sorted_into_kinds() -> None:
    """Each scenario lands in the kind of change its two outcomes make."""
    before = _previous(
        scenario("ort_inc_001", Outcome.PASSED),
        scenario("ort_inc_002", Outcome.FAILED),
        scenario("ort_inc_003", Outcome.FAILED),
        scenario("ort_inc_009", Outcome.PASSED),
    )
    now = [
        scenario("ort_inc_001", Outcome.FAILED),
        scenario("ort_inc_002", Outcome.PASSED),
        scenario("ort_inc_003", Outcome.BLOCKED),
        scenario("ort_inc_004", Outcome.PASSED),
    ]
    trend = compare(before, now, "NO-GO", open_defects=1)
    assert [c.scenario_id for c in trend.new_failures] == ["ort_inc_001"]
    assert [(c.scenario_id, c.before, c.now) for c in trend.fixed] == [
        ("ort_inc_002", "failed", "passed")
    ]
    assert [c.scenario_id for c in trend.still_failing] == ["ort_inc_003"]
    assert [c.scenario_id for c in trend.added] == ["ort_inc_004"]
    assert [c.scenario_id for c in trend.removed] == ["ort_inc_009"]


def test_totals_show_before_now_and_change() -> None:
    """The totals table compares verdict, counts, open defects and pass rate."""
    before = _previous(
        scenario("ort_inc_001", Outcome.FAILED), scenario("ort_inc_002", Outcome.PASSED)
    )
    trend = compare(
        before,
        [scenario("ort_inc_001", Outcome.PASSED), scenario("ort_inc_002", Outcome.PASSED)],
        "GO",
        open_defects=0,
    )
    rows = {r.metric: (r.before, r.now, r.delta) for r in trend.rows}
    assert rows["Verdict"] == ("NO-GO", "GO", "changed")
    assert rows["Passed"] == ("1", "2", "+1")
    assert rows["Open defects"] == ("2", "0", "-2")
    assert rows["Pass rate"] == ("50.0%", "100.0%", "+50.0 pts")
    assert rows["Planned"][2] == "no change"


def test_previous_summary_feeds_the_report(tmp_path: Path) -> None:
    """Given a previous summary.json, the report shows the scenario that got fixed."""
    from reports import write_report
    from reports.testing import ScenarioSpec

    spec = passing("ort_inc_001")
    first = results(
        tmp_path / "run1", ScenarioSpec(spec.name, spec.tags, status="failed", message="not yet")
    )
    write_report(first, tmp_path / "out1")
    second = results(tmp_path / "run2", spec)
    report = build_report(second, previous=tmp_path / "out1" / "summary.json")
    assert report.trend is not None
    assert [c.scenario_id for c in report.trend.fixed] == ["ort_inc_001"]
    assert report.trend.previous_verdict == "NO-GO"
