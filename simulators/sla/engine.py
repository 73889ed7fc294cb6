"""The SLA engine: replays a task's history against its definitions and reports each SLA."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from simulators.sla.calendar import Schedule
from simulators.sla.definitions import SlaConfig, SlaDefinition
from simulators.sla.errors import HistoryError

IN_PROGRESS = "in_progress"
PAUSED = "paused"
ACHIEVED = "achieved"
BREACHED = "breached"
CANCELLED = "cancelled"
_ZERO = timedelta(0)


@dataclass(frozen=True)
class TaskChange:
    """The task's full field values right after a change at `at` (timezone-aware)."""

    at: datetime
    fields: Mapping[str, str]


@dataclass(frozen=True)
class SlaStatus:
    """One SLA of one task as it stands at the evaluation time (a task_sla record's values)."""

    target: str  # "response" | "resolution"
    definition: str  # definition name
    duration: int  # target in seconds of schedule time
    schedule: str  # name of the schedule the clock ran on
    stage: str  # in_progress | paused | achieved | breached | cancelled
    start_time: datetime
    planned_end_time: datetime  # when the target runs out, pauses allowed for
    end_time: datetime | None  # when it stopped or was cancelled
    breach_time: datetime | None  # when it breached, if it has
    has_breached: bool
    percentage: float  # wall time minus pauses, as % of duration
    business_percentage: float  # schedule time minus paused schedule time, as % of duration
    pause_duration: int  # wall seconds paused
    business_pause_duration: int  # schedule seconds paused


@dataclass(frozen=True)
class _Replay:
    """An SLA clock replayed from history: its running and paused spans (end None = still open)."""

    start: datetime
    runs: tuple[tuple[datetime, datetime | None], ...]
    pauses: tuple[tuple[datetime, datetime | None], ...]
    end: datetime | None
    cancelled: bool


def evaluate(
    config: SlaConfig,
    table: str,
    history: Sequence[TaskChange],
    now: datetime,
    business_schedule: Schedule,
) -> list[SlaStatus]:
    """Return one status per target that has started, as at `now`.

    Changes later than `now` are not yet visible. The definition is chosen on the latest
    visible fields, so a change of priority re-targets an SLA from its original start.
    """
    visible = _visible_history(history, now)
    if not visible:
        return []
    statuses = []
    for target in config.targets(table):
        definition = config.select(table, target, visible[-1].fields)
        if definition is None:
            continue
        replay = _replay(definition, visible)
        if replay is None:
            continue
        schedule = config.schedule_for(definition, business_schedule)
        statuses.append(_status(definition, schedule, replay, now))
    return statuses


def next_breach(statuses: Sequence[SlaStatus], now: datetime) -> datetime | None:
    """Return the earliest planned end after `now` among SLAs whose clock is running."""
    upcoming = [
        s.planned_end_time for s in statuses if s.stage == IN_PROGRESS and s.planned_end_time > now
    ]
    return min(upcoming, default=None)


def _visible_history(history: Sequence[TaskChange], now: datetime) -> list[TaskChange]:
    if now.tzinfo is None or now.utcoffset() is None:
        raise HistoryError(f"evaluation time {now!r} must be a timezone-aware datetime")
    previous: TaskChange | None = None
    for number, change in enumerate(history, start=1):
        if change.at.tzinfo is None or change.at.utcoffset() is None:
            raise HistoryError(f"task change {number} at {change.at!r} must be timezone-aware")
        if previous is not None and change.at < previous.at:
            raise HistoryError(
                f"task change {number} at {change.at.isoformat()} is earlier than change "
                f"{number - 1} at {previous.at.isoformat()}; history must be in time order"
            )
        previous = change
    return [TaskChange(c.at.astimezone(UTC), c.fields) for c in history if c.at <= now]


def _replay(definition: SlaDefinition, history: Sequence[TaskChange]) -> _Replay | None:
    """Walk the changes once: start, pause, resume, then stop or cancel (whichever is first)."""
    start: datetime | None = None
    runs: list[tuple[datetime, datetime | None]] = []
    pauses: list[tuple[datetime, datetime | None]] = []
    end: datetime | None = None
    cancelled = False
    for change in history:
        fields, at = change.fields, change.at
        if start is None:
            if not definition.start.matches(fields):
                continue
            start = at
            runs.append((at, None))
        if definition.cancel is not None and definition.cancel.matches(fields):
            end, cancelled = at, True
            break
        if definition.stop.matches(fields):
            end = at
            break
        paused = definition.pause is not None and definition.pause.matches(fields)
        if paused and runs[-1][1] is None:
            runs[-1] = (runs[-1][0], at)
            pauses.append((at, None))
        elif not paused and pauses and pauses[-1][1] is None:
            pauses[-1] = (pauses[-1][0], at)
            runs.append((at, None))
    if start is None:
        return None
    if end is not None:
        runs = [(a, b if b is not None else end) for a, b in runs]
        pauses = [(a, b if b is not None else end) for a, b in pauses]
    return _Replay(start, tuple(runs), tuple(pauses), end, cancelled)


def _status(
    definition: SlaDefinition, schedule: Schedule, replay: _Replay, now: datetime
) -> SlaStatus:
    until = replay.end if replay.end is not None else now
    duration = definition.duration
    planned_end = _planned_end(schedule, replay, duration, until)
    # A running clock breaches when the target runs out; a stop at that very moment is in time.
    has_breached = planned_end <= now if replay.end is None else planned_end < replay.end
    pause_wall = sum((_closed(b, until) - a for a, b in replay.pauses), _ZERO)
    pause_business = sum(schedule.elapsed(a, _closed(b, until)) for a, b in replay.pauses)
    business_active = schedule.elapsed(replay.start, until) - pause_business
    wall_active = until - replay.start - pause_wall
    clock_paused = bool(replay.pauses) and replay.pauses[-1][1] is None
    return SlaStatus(
        target=definition.target,
        definition=definition.name,
        duration=duration,
        schedule=schedule.name,
        stage=_stage(replay, has_breached, clock_paused),
        start_time=replay.start,
        planned_end_time=planned_end,
        end_time=replay.end,
        breach_time=planned_end if has_breached else None,
        has_breached=has_breached,
        percentage=round(wall_active / timedelta(seconds=duration) * 100, 2),
        business_percentage=round(business_active / duration * 100, 2),
        pause_duration=pause_wall // timedelta(seconds=1),
        business_pause_duration=pause_business,
    )


def _planned_end(schedule: Schedule, replay: _Replay, duration: int, until: datetime) -> datetime:
    """Return the moment running time reaches the duration; pauses before it push it out."""
    consumed = 0
    for run_start, run_end in replay.runs:
        if run_end is None:  # the clock is running now: the target runs out on this run
            return schedule.add(run_start, duration - consumed)
        spent = schedule.elapsed(run_start, run_end)
        if consumed + spent >= duration:
            return schedule.add(run_start, duration - consumed)
        consumed += spent
    # Paused now, or ended while paused, with time left: as if the clock resumed then.
    return schedule.add(until, duration - consumed)


def _stage(replay: _Replay, has_breached: bool, clock_paused: bool) -> str:
    if replay.cancelled:
        return CANCELLED
    if has_breached:
        return BREACHED
    if replay.end is not None:
        return ACHIEVED
    return PAUSED if clock_paused else IN_PROGRESS


def _closed(end: datetime | None, until: datetime) -> datetime:
    return end if end is not None else until
