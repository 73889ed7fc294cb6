"""Aggregates SLA/OLA measures: count, median, max and share met, per measure and party.

A scenario tagged @expected_breach lets a target lapse on purpose, to check that the breach is
detected and handled. Its measures say nothing about how the desks perform, so they are kept apart
as breach handling and never aggregated as performance.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from reports.assess.classification import Outcome, Scenario
from reports.read import SlaMeasure
from vocabulary import EXPECTED_BREACH, MEASURES, PARTIES


@dataclass(frozen=True)
class BreachCheck:
    """A scenario whose subject is a breach, with the measures that breached in it."""

    scenario_id: str
    title: str
    outcome: Outcome
    breached: tuple[SlaMeasure, ...]

    @property
    def verified(self) -> bool:
        """Whether the scenario passed, so the breach's handling is verified."""
        return self.outcome is Outcome.PASSED


def performance_measures(scenarios: Iterable[Scenario]) -> tuple[SlaMeasure, ...]:
    """The measures of the scenarios that expected every target to be met."""
    return tuple(m for s in scenarios if not s.has(EXPECTED_BREACH) for m in s.measures)


def breach_checks(scenarios: Iterable[Scenario]) -> tuple[BreachCheck, ...]:
    """Every scenario tagged @expected_breach, with the measures that missed their target."""
    return tuple(
        BreachCheck(
            s.scenario_id,
            s.title,
            s.outcome,
            tuple(m for m in s.measures if m.met is False),
        )
        for s in scenarios
        if s.has(EXPECTED_BREACH)
    )


@dataclass(frozen=True)
class SlaRow:
    """One measure for one party."""

    measure: str
    party: str
    count: int
    median_seconds: float
    max_seconds: float
    judged: int
    met: int
    missed_by: tuple[str, ...]

    @property
    def met_percent(self) -> float | None:
        """Share of judged measurements that met their target; None when none was judged."""
        return 100.0 * self.met / self.judged if self.judged else None


def _order(item: tuple[str, str]) -> tuple[int, int, str]:
    measure, party = item
    measures, parties = list(MEASURES), list(PARTIES)
    party_rank = parties.index(party) if party in parties else len(parties)
    return measures.index(measure), party_rank, party


def aggregate(measures: Iterable[SlaMeasure]) -> tuple[SlaRow, ...]:
    """One row per (measure, party), in vocabulary order."""
    groups: dict[tuple[str, str], list[SlaMeasure]] = {}
    for m in measures:
        groups.setdefault((m.measure, m.party), []).append(m)
    rows = []
    for key in sorted(groups, key=_order):
        items = groups[key]
        seconds = [m.seconds for m in items]
        judged = [m for m in items if m.met is not None]
        rows.append(
            SlaRow(
                measure=key[0],
                party=key[1],
                count=len(items),
                median_seconds=statistics.median(seconds),
                max_seconds=max(seconds),
                judged=len(judged),
                met=sum(1 for m in judged if m.met),
                missed_by=tuple(dict.fromkeys(m.scenario_id for m in judged if not m.met)),
            )
        )
    return tuple(rows)


def duration(seconds: float) -> str:
    """A duration as a person reads it: '45 s', '2 min 05 s', '4 h 05 min', '2 d 03 h'."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {minutes:02d} min"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours:02d} h"
