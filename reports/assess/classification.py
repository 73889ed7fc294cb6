"""Classifies a raw result: process, parties, priority, id, severity and outcome."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from reports.assess.failure_class import failure_class
from reports.read import FAILING, EvidenceRecord, FinalResult, RawResult, SlaMeasure
from vocabulary import (
    DEFAULT_SEVERITY,
    ID_PATTERN,
    PARTIES,
    PRIORITIES,
    PROCESSES,
    PURPOSES,
    SEVERITY_LABELS,
    SEVERITY_TAGS,
    UNTAGGED,
)


class Outcome(StrEnum):
    """What happened to a scenario, as the exit report counts it."""

    PASSED = "passed"
    FAILED = "failed"
    BLOCKED = "blocked"
    NOT_RUN = "not run"
    NOT_RUN_MANUAL = "not run (manual)"


#: Allure status → outcome (a skipped scenario tagged `manual` becomes NOT_RUN_MANUAL).
OUTCOMES: dict[str, Outcome] = {
    "passed": Outcome.PASSED,
    "failed": Outcome.FAILED,
    "broken": Outcome.BLOCKED,
    "unknown": Outcome.BLOCKED,
    "skipped": Outcome.NOT_RUN,
}

#: pytest's prefix on a skip reason.
SKIP_PREFIX = "Skipped: "

EXECUTED = frozenset({Outcome.PASSED, Outcome.FAILED, Outcome.BLOCKED})
NOT_PASSED = frozenset({Outcome.FAILED, Outcome.BLOCKED})


@dataclass(frozen=True)
class Scenario:
    """One scenario's final result, classified by the tag vocabulary."""

    key: str
    scenario_id: str
    title: str
    feature: str
    process: str
    parties: tuple[str, ...]
    priority: str
    severity: int
    tags: tuple[str, ...]
    outcome: Outcome
    failing_step: str
    message: str
    flaky: bool
    attempts: int
    start: datetime | None
    stop: datetime | None
    parameters: tuple[tuple[str, str], ...] = ()
    records: tuple[EvidenceRecord, ...] = ()
    measures: tuple[SlaMeasure, ...] = ()
    #: product, test or environment for a failing scenario (vocabulary/failure_classes.py).
    failure_class: str = ""

    @property
    def owner(self) -> str:
        """The party that owns the scenario: its first party tag."""
        return self.parties[0] if self.parties else ""

    @property
    def executed(self) -> bool:
        """Whether the scenario ran (passed, failed or blocked)."""
        return self.outcome in EXECUTED

    @property
    def failing(self) -> bool:
        """Whether the scenario failed or was blocked: a defect unless it is known."""
        return self.outcome in NOT_PASSED

    def has(self, tag: str) -> bool:
        """Whether the scenario carries a tag."""
        return tag in self.tags


def tags_of(result: RawResult) -> tuple[str, ...]:
    """The Gherkin tags of a result, in the order allure-pytest-bdd wrote them."""
    return tuple(value for name, value in result.labels if name == "tag")


def _label(result: RawResult, name: str) -> list[str]:
    """All values of one label, e.g. every `party` label."""
    return [value for label, value in result.labels if label == name]


def _first(items: list[str]) -> str:
    return items[0] if items else ""


def _ordered(tags: set[str], vocabulary: Iterable[str], preferred: list[str]) -> list[str]:
    """The tags found in a vocabulary, in its order, with a preferred one (a label) first."""
    found = [v for v in vocabulary if v in tags]
    first = [p for p in preferred[:1] if p in found]
    return first + [v for v in found if v not in first]


def _severity(tags: tuple[str, ...], result: RawResult) -> int:
    """The gravest severity_N tag, else the Allure severity label, else the default."""
    tagged = [SEVERITY_TAGS[t] for t in tags if t in SEVERITY_TAGS]
    if tagged:
        return min(tagged)
    label = _first(_label(result, "severity"))
    return SEVERITY_LABELS.get(label, DEFAULT_SEVERITY)


def _time(millis: int | None) -> datetime | None:
    return datetime.fromtimestamp(millis / 1000, tz=UTC) if millis else None


def _failure(result: RawResult) -> tuple[str, str]:
    """The first failing step and the message that explains the outcome."""
    step = next((s for s in result.steps if s.status in FAILING), None)
    message = result.message or (step.message if step else "")
    return (step.name if step else ""), message


def classify(
    final: FinalResult,
    records: tuple[EvidenceRecord, ...] = (),
    measures: tuple[SlaMeasure, ...] = (),
) -> Scenario:
    """Classify a scenario's last attempt, primarily from its tags, falling back to labels."""
    result = final.result
    tags = tags_of(result)
    tag_set = set(tags)
    # allure-pytest-bdd writes tags from a set, so their order means nothing: pick by the
    # vocabulary's order, or by the suite's own label when it names one of the tags.
    ids = sorted(t for t in tag_set if ID_PATTERN.match(t)) or _label(result, "ort_id")
    processes = _ordered(tag_set, PROCESSES, _label(result, "epic")) or _label(result, "epic")
    parties = _ordered(tag_set, PARTIES, _label(result, "owner")) or _label(result, "party")
    priorities = _ordered(tag_set, PRIORITIES, []) or _label(result, "priority")
    outcome = OUTCOMES[result.status]
    if outcome is Outcome.NOT_RUN and "manual" in tag_set:
        outcome = Outcome.NOT_RUN_MANUAL
    failing_step, message = _failure(result)
    if outcome in (Outcome.NOT_RUN, Outcome.NOT_RUN_MANUAL):
        message = message.removeprefix(SKIP_PREFIX)
    return Scenario(
        key=result.history_id or result.file,
        scenario_id=_first(ids) or result.full_name,
        title=result.name,
        feature=_first(_label(result, "feature")),
        process=_first(processes) or UNTAGGED,
        parties=tuple(dict.fromkeys(parties)),
        priority=_first(priorities) or UNTAGGED,
        severity=_severity(tags, result),
        tags=tuple(sorted(tag_set)),
        outcome=outcome,
        failing_step=failing_step if outcome in NOT_PASSED else "",
        message=message if outcome is not Outcome.PASSED else "",
        flaky=final.flaky,
        attempts=len(final.attempts),
        start=_time(result.start_ms),
        stop=_time(result.stop_ms),
        parameters=result.parameters,
        records=records,
        measures=measures,
        failure_class=failure_class(result) if outcome in NOT_PASSED else "",
    )


def purposes_of(scenario: Scenario) -> tuple[str, ...]:
    """The purpose tags a scenario carries, in vocabulary order."""
    return tuple(p for p in PURPOSES if scenario.has(p))
