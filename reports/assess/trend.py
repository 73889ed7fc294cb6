"""Compares a run with a previous run's summary: new failures, fixes, and the totals' trend."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reports.assess.classification import Outcome, Scenario
from reports.assess.counts import Tally, tally
from reports.assess.stored import StoredSummary


@dataclass(frozen=True)
class Change:
    """A scenario whose outcome differs between the runs (or that exists in only one)."""

    scenario_id: str
    title: str
    before: str
    now: str


@dataclass(frozen=True)
class TrendRow:
    """One total, before and now."""

    metric: str
    before: str
    now: str
    delta: str


@dataclass(frozen=True)
class Trend:
    """What changed since the previous run."""

    previous_source: str
    previous_generated_at: str
    previous_verdict: str
    rows: tuple[TrendRow, ...]
    new_failures: tuple[Change, ...]
    fixed: tuple[Change, ...]
    still_failing: tuple[Change, ...]
    added: tuple[Change, ...]
    removed: tuple[Change, ...]


def _delta(before: float, now: float, unit: str = "") -> str:
    diff = now - before
    if diff == 0:
        return "no change"
    text = f"{diff:+.1f}" if unit else f"{diff:+g}"
    return text + unit


def _rows(before: Tally, now: Tally, open_before: int, open_now: int) -> tuple[TrendRow, ...]:
    pairs = (
        ("Planned", before.planned, now.planned),
        ("Executed", before.executed, now.executed),
        ("Passed", before.passed, now.passed),
        ("Failed", before.failed, now.failed),
        ("Blocked", before.blocked, now.blocked),
        ("Not run", before.not_executed, now.not_executed),
        ("Open defects", open_before, open_now),
    )
    rows = [TrendRow(name, str(b), str(n), _delta(b, n)) for name, b, n in pairs]
    rows.append(
        TrendRow(
            "Pass rate",
            f"{before.pass_rate:.1f}%",
            f"{now.pass_rate:.1f}%",
            _delta(round(before.pass_rate, 1), round(now.pass_rate, 1), " pts"),
        )
    )
    return tuple(rows)


def compare(
    previous: StoredSummary,
    scenarios: Iterable[Scenario],
    verdict: str,
    open_defects: int,
) -> Trend:
    """Match scenarios by their history key and sort the differences into kinds."""
    current = {s.key: s for s in scenarios}
    before = {s.key: s for s in previous.scenarios}
    new_failures, fixed, still, added, removed = [], [], [], [], []
    for key, now in current.items():
        old = before.get(key)
        if old is None:
            added.append(Change(now.scenario_id, now.title, "absent", now.outcome.value))
            continue
        change = Change(now.scenario_id, now.title, old.outcome.value, now.outcome.value)
        if now.failing and not old.failing:
            new_failures.append(change)
        elif now.failing:
            still.append(change)
        elif old.failing and now.outcome is Outcome.PASSED:
            fixed.append(change)
    for key, old in before.items():
        if key not in current:
            removed.append(Change(old.scenario_id, old.title, old.outcome.value, "absent"))
    rows = (
        TrendRow(
            "Verdict",
            previous.verdict,
            verdict,
            "no change" if previous.verdict == verdict else "changed",
        ),
        *_rows(
            tally(previous.scenarios), tally(current.values()), previous.open_defects, open_defects
        ),
    )
    return Trend(
        previous_source=previous.source,
        previous_generated_at=previous.generated_at,
        previous_verdict=previous.verdict,
        rows=rows,
        new_failures=tuple(new_failures),
        fixed=tuple(fixed),
        still_failing=tuple(still),
        added=tuple(added),
        removed=tuple(removed),
    )
