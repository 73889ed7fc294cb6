"""The desk's [problem] section: the recurrence rule that opens a problem, read strictly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from simulators.clock import parse_duration
from simulators.config import DeskConfig
from simulators.errors import ConfigError, DurationError
from simulators.processes.incident import INCIDENT

SECTION = "problem"
RECURRENCE_KEYS = frozenset({"threshold", "within", "match", "excluding", "one_occurrence_within"})


@dataclass(frozen=True)
class Recurrence:
    """Open a problem once `threshold` occurrences sharing the `match` fields arrive `within`."""

    threshold: int
    within_seconds: int
    match: tuple[str, ...]
    excluding: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Incidents with any of these field values never count (a question is not a fault)."""
    one_occurrence_within_seconds: int = 0
    """Reports this close to the first of a burst are one occurrence (many parties, one outage)."""

    def counts(self, incident: Mapping[str, str]) -> bool:
        """Whether the incident counts: every match field filled in, no excluded value."""
        if not all(incident.get(name, "") for name in self.match):
            return False
        return not any(incident.get(name, "") in values for name, values in self.excluding.items())

    def occurrences(self, moments: list[datetime]) -> int:
        """How many occurrences reports at these moments make (a burst counts once)."""
        count, burst_start = 0, None
        for moment in sorted(moments):
            gap = (moment - burst_start).total_seconds() if burst_start else None
            if gap is None or gap >= self.one_occurrence_within_seconds:
                count, burst_start = count + 1, moment
        return count


@dataclass(frozen=True)
class ProblemConfig:
    """What the [problem] section configures (nothing is required)."""

    recurrence: Recurrence | None = None


def load_problem_config(config: DeskConfig) -> ProblemConfig:
    """The [problem] section of a desk configuration, or ConfigError naming file, key and value."""
    raw = config.section(SECTION) or {}
    where = config.source
    unknown = sorted(set(raw) - {"recurrence"})
    if unknown:
        raise ConfigError(
            f"{where}: {SECTION}.{unknown[0]} is not a setting of [{SECTION}]; known: recurrence"
        )
    if "recurrence" not in raw:
        return ProblemConfig()
    return ProblemConfig(recurrence=_recurrence(raw["recurrence"], where))


def _recurrence(raw: Any, where: str) -> Recurrence:
    key = f"{SECTION}.recurrence"
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: {key} must be a table like {{ threshold = 3, ... }}")
    unknown = sorted(set(raw) - RECURRENCE_KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: {key}.{unknown[0]} is not a recurrence setting; "
            f"known: {', '.join(sorted(RECURRENCE_KEYS))}"
        )
    threshold = raw.get("threshold")
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 2:
        raise ConfigError(
            f"{where}: {key}.threshold must be a whole number of at least 2, got {threshold!r}"
        )
    within = _duration(raw, "within", key, where)
    burst = (
        _duration(raw, "one_occurrence_within", key, where) if "one_occurrence_within" in raw else 0
    )
    match = raw.get("match")
    if not isinstance(match, list) or not match or not all(isinstance(m, str) for m in match):
        raise ConfigError(
            f"{where}: {key}.match must be a non-empty list of incident fields, got {match!r}"
        )
    excluding = raw.get("excluding", {})
    if not isinstance(excluding, Mapping) or not all(
        isinstance(v, list) and all(isinstance(i, str) for i in v) for v in excluding.values()
    ):
        raise ConfigError(
            f"{where}: {key}.excluding must map incident fields to lists of values, "
            f"got {excluding!r}"
        )
    for name in match:
        _require_incident_field(name, f"{key}.match", where)
    for name in excluding:
        _require_incident_field(name, f"{key}.excluding", where)
    return Recurrence(
        threshold=threshold,
        within_seconds=within,
        match=tuple(match),
        excluding={name: frozenset(values) for name, values in excluding.items()},
        one_occurrence_within_seconds=burst,
    )


def _duration(raw: Mapping[str, Any], name: str, key: str, where: str) -> int:
    try:
        return parse_duration(raw.get(name, ""))
    except DurationError as error:
        raise ConfigError(f"{where}: {key}.{name}: {error}") from None


def _require_incident_field(name: str, key: str, where: str) -> None:
    spec = INCIDENT.field(name)
    if spec is None or not spec.is_stored:
        raise ConfigError(f"{where}: {key} names '{name}', which is not a stored incident field")
