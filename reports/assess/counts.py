"""Execution counts (planned, executed, passed, failed, blocked, not run) and counted nouns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reports.assess.classification import Outcome, Scenario


@dataclass(frozen=True)
class Tally:
    """Counts for a set of scenarios."""

    planned: int = 0
    passed: int = 0
    failed: int = 0
    blocked: int = 0
    not_run: int = 0
    manual: int = 0
    flaky: int = 0

    @property
    def executed(self) -> int:
        """Scenarios that ran: passed, failed or blocked."""
        return self.passed + self.failed + self.blocked

    @property
    def not_executed(self) -> int:
        """Scenarios that did not run, manual ones included."""
        return self.not_run + self.manual

    @property
    def pass_rate(self) -> float:
        """Passed as a percentage of executed (0 when nothing ran)."""
        return 100.0 * self.passed / self.executed if self.executed else 0.0


def tally(scenarios: Iterable[Scenario]) -> Tally:
    """Count outcomes."""
    counts = dict.fromkeys(Outcome, 0)
    planned = flaky = 0
    for scenario in scenarios:
        planned += 1
        counts[scenario.outcome] += 1
        flaky += scenario.flaky
    return Tally(
        planned=planned,
        passed=counts[Outcome.PASSED],
        failed=counts[Outcome.FAILED],
        blocked=counts[Outcome.BLOCKED],
        not_run=counts[Outcome.NOT_RUN],
        manual=counts[Outcome.NOT_RUN_MANUAL],
        flaky=flaky,
    )


def group_by(
    scenarios: Iterable[Scenario],
    keys: Callable[[Scenario], Iterable[str]],
    order: Sequence[str],
) -> tuple[tuple[str, Tally], ...]:
    """Tally per group; a scenario counts once in each group `keys` gives it. Groups in `order`
    come first, others after in name order."""
    groups: dict[str, list[Scenario]] = {}
    for scenario in scenarios:
        for key in dict.fromkeys(keys(scenario)):
            groups.setdefault(key, []).append(scenario)
    ranked = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), k))
    return tuple((key, tally(groups[key])) for key in ranked)


def plural(count: int, singular: str, many: str | None = None) -> str:
    """'1 scenario', '3 scenarios' (or the irregular plural given)."""
    return f"{count} {singular if count == 1 else many or singular + 's'}"
