"""Benchmark: SLA deadlines in closed form against naive minute-by-minute stepping.

Run as `python -m benchmarks.sla_deadlines`. It raises a year of seeded incidents, computes each
one's response and resolution deadlines with the SLA engine, then times a naive baseline that
steps one minute at a time on a sample (stepping all of them would take many minutes) and scales
it. Both must agree on every sampled deadline, or the command fails.
"""

import argparse
import random
import sys
import time as clock
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays

from simulators.sla import (
    DEFAULT_SLA_CONFIG,
    TWENTY_FOUR_SEVEN,
    SlaConfig,
    TaskChange,
    evaluate,
    load_sla_config,
)

YEAR = 2026
# Share of incidents by priority: mostly routine, few critical.
PRIORITY_WEIGHTS = {"1": 2, "2": 8, "3": 45, "4": 35, "5": 10}
CALENDAR_WEIGHTS = {"england_wales": 4, "scotland": 1}
SUBDIVISIONS = {"england_wales": "ENG", "scotland": "SCT"}
MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Incident:
    """A benchmark incident: raised at a whole minute, with a priority and a party calendar."""

    raised: datetime
    priority: str
    calendar: str


def make_incidents(count: int, seed: int) -> list[Incident]:
    """Return `count` incidents raised at random whole minutes over the year."""
    rng = random.Random(seed)
    minutes_in_year = (datetime(YEAR + 1, 1, 1) - datetime(YEAR, 1, 1)) // MINUTE
    first = datetime(YEAR, 1, 1, tzinfo=UTC)
    priorities = rng.choices(list(PRIORITY_WEIGHTS), list(PRIORITY_WEIGHTS.values()), k=count)
    calendars = rng.choices(list(CALENDAR_WEIGHTS), list(CALENDAR_WEIGHTS.values()), k=count)
    return [
        Incident(first + rng.randrange(minutes_in_year) * MINUTE, priority, calendar)
        for priority, calendar in zip(priorities, calendars, strict=True)
    ]


def closed_form(config: SlaConfig, incidents: Sequence[Incident]) -> list[tuple[datetime, ...]]:
    """Return each incident's (response, resolution) deadlines from the SLA engine."""
    deadlines = []
    for incident in incidents:
        history = [TaskChange(incident.raised, {"priority": incident.priority, "state": "1"})]
        calendar = config.calendar(incident.calendar)
        statuses = evaluate(config, "incident", history, incident.raised, calendar)
        deadlines.append(tuple(status.planned_end_time for status in statuses))
    return deadlines


def stepping(config: SlaConfig, incidents: Sequence[Incident]) -> list[tuple[datetime, ...]]:
    """Return the same deadlines by walking one minute at a time and counting open minutes."""
    closed_days = {
        name: set(holidays.UK(subdiv=code, years=range(YEAR, YEAR + 3)))
        for name, code in SUBDIVISIONS.items()
    }
    deadlines = []
    for incident in incidents:
        fields = {"priority": incident.priority, "state": "1"}
        found = []
        for target in config.targets("incident"):
            definition = config.select("incident", target, fields)
            assert definition is not None, f"no {target} definition for {fields}"
            if definition.schedule == TWENTY_FOUR_SEVEN:
                is_open: Callable[[datetime], bool] = _always
            else:
                calendar = config.calendar(incident.calendar)
                is_open = _minute_checker(
                    ZoneInfo(calendar.timezone),
                    calendar.opening,
                    calendar.closing,
                    closed_days[incident.calendar],
                )
            moment, counted = incident.raised, 0
            while counted < definition.duration:
                if is_open(moment):
                    counted += 60
                moment += MINUTE
            found.append(moment)
        deadlines.append(tuple(found))
    return deadlines


def _always(moment: datetime) -> bool:
    return True


def _minute_checker(
    zone: ZoneInfo, opening: time, closing: time, closed: set[date]
) -> Callable[[datetime], bool]:
    def is_open(moment: datetime) -> bool:
        local = moment.astimezone(zone)
        return (
            local.weekday() < 5 and local.date() not in closed and opening <= local.time() < closing
        )

    return is_open


def _timed(
    work: Callable[[], list[tuple[datetime, ...]]],
) -> tuple[list[tuple[datetime, ...]], float]:
    started = clock.perf_counter()
    result = work()
    return result, clock.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table; return 1 if the two methods disagree."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sla_deadlines", description=__doc__)
    parser.add_argument("--incidents", type=int, default=100_000, help="incidents to raise")
    parser.add_argument("--sample", type=int, default=1_000, help="incidents for the baseline")
    parser.add_argument("--seed", type=int, default=YEAR, help="random seed")
    options = parser.parse_args(argv)

    config = load_sla_config(DEFAULT_SLA_CONFIG)
    incidents = make_incidents(options.incidents, options.seed)
    sample = incidents[: options.sample]
    # Warm the holiday caches so both timings measure arithmetic, not the first lookups.
    closed_form(config, make_incidents(200, options.seed + 1))

    fast, fast_seconds = _timed(lambda: closed_form(config, incidents))
    slow, slow_seconds = _timed(lambda: stepping(config, sample))
    mismatches = [
        (incident, expected, got)
        for incident, expected, got in zip(sample, slow, fast, strict=False)
        if expected != got
    ]
    compared = sum(len(deadlines) for deadlines in slow)
    agreeing = sum(
        a == b
        for expected, got in zip(slow, fast, strict=False)
        for a, b in zip(expected, got, strict=False)
    )

    fast_rate = len(incidents) / fast_seconds
    slow_rate = len(sample) / slow_seconds
    scaled_seconds = len(incidents) / slow_rate
    rows = [
        ("closed form (SLA engine)", len(incidents), fast_seconds, fast_rate, ""),
        ("minute stepping, sample", len(sample), slow_seconds, slow_rate, ""),
        ("minute stepping, scaled", len(incidents), scaled_seconds, slow_rate, "estimate"),
    ]
    print(
        f"SLA deadlines: {len(incidents):,} incidents over {YEAR} (seed {options.seed}), "
        "response and resolution each"
    )
    print(f"{'method':<26} {'incidents':>10} {'seconds':>9} {'incidents/s':>12}")
    for name, count, seconds, rate, note in rows:
        print(f"{name:<26} {count:>10,} {seconds:>9.2f} {rate:>12,.0f}  {note}".rstrip())
    print(f"ratio to baseline: closed form is {fast_rate / slow_rate:,.0f}x faster per incident")
    print(
        f"baseline run on the first {len(sample):,} incidents and scaled to "
        f"{len(incidents):,}; the two agree on "
        f"{agreeing:,} of {compared:,} sampled deadlines"
    )
    for incident, expected, got in mismatches[:10]:
        print(f"MISMATCH {incident}: stepping {expected}, closed form {got}", file=sys.stderr)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
