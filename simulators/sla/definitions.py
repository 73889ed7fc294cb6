"""SLA definitions as data: conditions, targets and schedules, and the record of a loaded file."""

from collections.abc import Mapping
from dataclasses import dataclass

from simulators.sla.calendar import BusinessCalendar, Schedule, TwentyFourSeven
from simulators.sla.errors import UnknownCalendarError

TARGETS = ("response", "resolution")
TWENTY_FOUR_SEVEN = "24x7"
BUSINESS = "business"  # the calendar the caller passes for the task (its party's calendar)
_ALWAYS_OPEN = TwentyFourSeven()


@dataclass(frozen=True)
class Condition:
    """Matches a task when every listed field holds one of its allowed values."""

    clauses: tuple[tuple[str, frozenset[str]], ...]

    def matches(self, fields: Mapping[str, str]) -> bool:
        """Return whether the task's fields satisfy every clause (a missing field is '')."""
        return all(fields.get(name, "") in allowed for name, allowed in self.clauses)

    def includes(self, other: "Condition") -> bool:
        """Return whether every task that `other` matches is matched by this condition too."""
        narrower = dict(other.clauses)
        return all(name in narrower and narrower[name] <= allowed for name, allowed in self.clauses)

    def __str__(self) -> str:
        if not self.clauses:
            return "{}"
        return "{" + ", ".join(f"{k} in {sorted(v)}" for k, v in self.clauses) + "}"


@dataclass(frozen=True)
class SlaDefinition:
    """One SLA target: which tasks it applies to, how long, on which schedule, and its clock."""

    name: str
    table: str
    target: str  # "response" or "resolution"
    duration: int  # seconds of schedule time
    schedule: str  # "24x7", "business" or a calendar name
    when: Condition  # selects the definition; an empty condition matches every task
    start: Condition
    stop: Condition
    pause: Condition | None = None  # None: never pauses
    cancel: Condition | None = None  # None: never cancelled


@dataclass(frozen=True)
class SlaConfig:
    """A loaded SLA configuration: calendars by name and definitions in file order."""

    definitions: tuple[SlaDefinition, ...]
    calendars: Mapping[str, BusinessCalendar]
    source: str

    def targets(self, table: str) -> tuple[str, ...]:
        """Return the targets the table has definitions for, in the order of `TARGETS`."""
        present = {d.target for d in self.definitions if d.table == table}
        return tuple(target for target in TARGETS if target in present)

    def select(self, table: str, target: str, fields: Mapping[str, str]) -> SlaDefinition | None:
        """Return the first definition for the table and target whose `when` matches the task."""
        for definition in self.definitions:
            if (
                definition.table == table
                and definition.target == target
                and definition.when.matches(fields)
            ):
                return definition
        return None

    def calendar(self, name: str) -> BusinessCalendar:
        """Return the calendar declared under `name`."""
        try:
            return self.calendars[name]
        except KeyError:
            known = ", ".join(sorted(self.calendars)) or "none"
            raise UnknownCalendarError(
                f"{self.source}: no calendar named {name!r}; declared calendars: {known}"
            ) from None

    def schedule_for(self, definition: SlaDefinition, business: Schedule) -> Schedule:
        """Return the schedule a definition's clock runs on, given the task's business calendar."""
        if definition.schedule == TWENTY_FOUR_SEVEN:
            return _ALWAYS_OPEN
        if definition.schedule == BUSINESS:
            return business
        return self.calendar(definition.schedule)
