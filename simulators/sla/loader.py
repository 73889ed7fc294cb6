"""Loading an SLA configuration file (TOML) into checked calendars and definitions."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from pathlib import Path
from typing import Any

from simulators.clock import parse_duration
from simulators.sla.calendar import WEEKDAY_NAMES, BusinessCalendar, UkBankHolidays
from simulators.sla.definitions import (
    BUSINESS,
    TARGETS,
    TWENTY_FOUR_SEVEN,
    Condition,
    SlaConfig,
    SlaDefinition,
)
from simulators.sla.errors import CalendarError, DurationError, SlaConfigError
from tomlconfig import check_keys, parse_toml

DEFAULT_SLA_CONFIG = Path(__file__).resolve().parents[2] / "fixtures" / "defaults" / "sla.toml"

_TOP_KEYS = ("calendars", "definition")
_CALENDAR_KEYS = ("subdivision", "timezone", "opening", "closing", "weekdays")
_REQUIRED = ("name", "table", "target", "duration", "schedule", "start", "stop")
_OPTIONAL = ("when", "pause", "cancel")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_EXAMPLE_CONDITION = '{ state = ["3"] }'


@dataclass(frozen=True)
class _Where:
    """Coordinates of a place in the file, for error messages."""

    source: str
    place: str

    def error(self, message: str) -> SlaConfigError:
        return SlaConfigError(f"{self.source}: {self.place}: {message}")

    def refuse_unknown(
        self, body: Mapping[str, Any], known: tuple[str, ...], *, sections: bool = False
    ) -> None:
        check_keys(
            body,
            known,
            where=f"{self.source}: {self.place}",
            sections=sections,
            error=SlaConfigError,
        )


def load_sla_config(path: str | Path) -> SlaConfig:
    """Read, parse and check an SLA configuration file."""
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise SlaConfigError(f"{source}: cannot read the SLA configuration: {error}") from error
    return parse_sla_config(text, source)


def parse_sla_config(text: str, source: str = "<sla config>") -> SlaConfig:
    """Parse and check SLA configuration text; `source` names it in error messages."""
    document = parse_toml(text, source, SlaConfigError)
    _Where(source, "top level").refuse_unknown(document, _TOP_KEYS, sections=True)
    calendars = _calendars(source, document.get("calendars", {}))
    definitions = _definitions(source, document.get("definition"), calendars)
    return SlaConfig(definitions=definitions, calendars=calendars, source=source)


# -- calendars -------------------------------------------------------------------------------


def _calendars(source: str, table: Any) -> dict[str, BusinessCalendar]:
    if not isinstance(table, dict):
        raise SlaConfigError(f"{source}: calendars must be a table of [calendars.<name>] tables")
    return {
        name: _calendar(_Where(source, f"calendar {name!r}"), name, body)
        for name, body in table.items()
    }


def _calendar(where: _Where, name: str, body: Any) -> BusinessCalendar:
    if not isinstance(body, dict):
        raise where.error(f"must be a table with keys {', '.join(_CALENDAR_KEYS)}")
    where.refuse_unknown(body, _CALENDAR_KEYS)
    if "subdivision" not in body:
        raise where.error("missing key 'subdivision' (the UK bank holiday region: ENG or SCT)")
    timezone = body.get("timezone", "Europe/London")
    if not isinstance(timezone, str):
        raise where.error(f"timezone {timezone!r} must be a string such as 'Europe/London'")
    try:
        return BusinessCalendar(
            name,
            timezone=timezone,
            opening=_clock(where, "opening", body.get("opening", "08:00")),
            closing=_clock(where, "closing", body.get("closing", "18:00")),
            weekdays=_weekdays(where, body.get("weekdays", list(WEEKDAY_NAMES[:5]))),
            holidays=UkBankHolidays(_string(where, "subdivision", body["subdivision"])),
        )
    except CalendarError as error:
        raise where.error(str(error)) from error


def _clock(where: _Where, key: str, value: Any) -> time:
    if isinstance(value, time) and value.tzinfo is None:
        return value
    match = _CLOCK.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise where.error(f"{key} {value!r} is not a 24-hour local time like '08:00'")
    return time(int(match[1]), int(match[2]))


def _weekdays(where: _Where, value: Any) -> list[int]:
    if not isinstance(value, list) or not value:
        raise where.error(f"weekdays {value!r} must be a non-empty list such as ['Mon', 'Tue']")
    days = []
    for item in value:
        if item not in WEEKDAY_NAMES:
            raise where.error(f"weekday {item!r} is not one of {', '.join(WEEKDAY_NAMES)}")
        days.append(WEEKDAY_NAMES.index(item))
    return days


# -- definitions -----------------------------------------------------------------------------


def _definitions(
    source: str, entries: Any, calendars: Mapping[str, BusinessCalendar]
) -> tuple[SlaDefinition, ...]:
    if not isinstance(entries, list) or not entries:
        raise SlaConfigError(f"{source}: declares no SLA definitions; add [[definition]] tables")
    definitions: list[SlaDefinition] = []
    for number, body in enumerate(entries, start=1):
        definition = _definition(source, number, body, calendars)
        _refuse_duplicate_or_shadowed(source, number, definition, definitions)
        definitions.append(definition)
    return tuple(definitions)


def _definition(
    source: str, number: int, body: Any, calendars: Mapping[str, BusinessCalendar]
) -> SlaDefinition:
    if not isinstance(body, dict):
        raise SlaConfigError(f"{source}: definition {number} must be a [[definition]] table")
    name = body.get("name")
    label = f"{name!r}" if isinstance(name, str) and name else "(no name)"
    where = _Where(source, f"definition {number} {label}")
    where.refuse_unknown(body, _REQUIRED + _OPTIONAL)
    for key in _REQUIRED:
        if key not in body:
            raise where.error(
                f"missing key {key!r} (every definition needs {', '.join(_REQUIRED)})"
            )
    name = _string(where, "name", body["name"])
    target = _string(where, "target", body["target"])
    if target not in TARGETS:
        raise where.error(f"target {target!r} is not one of {', '.join(TARGETS)}")
    schedule = _string(where, "schedule", body["schedule"])
    if schedule not in (TWENTY_FOUR_SEVEN, BUSINESS) and schedule not in calendars:
        choices = ", ".join([TWENTY_FOUR_SEVEN, BUSINESS, *sorted(calendars)])
        raise where.error(f"schedule {schedule!r} is not one of {choices}")
    return SlaDefinition(
        name=name,
        table=_string(where, "table", body["table"]),
        target=target,
        duration=_duration(where, body["duration"]),
        schedule=schedule,
        when=_condition(where, "when", body.get("when", {}), empty_allowed=True),
        start=_condition(where, "start", body["start"]),
        stop=_condition(where, "stop", body["stop"]),
        pause=_condition(where, "pause", body["pause"]) if "pause" in body else None,
        cancel=_condition(where, "cancel", body["cancel"]) if "cancel" in body else None,
    )


def _duration(where: _Where, value: Any) -> int:
    try:
        return parse_duration(value)
    except DurationError as error:
        raise where.error(str(error)) from error


def _condition(where: _Where, key: str, value: Any, empty_allowed: bool = False) -> Condition:
    if not isinstance(value, dict):
        raise where.error(
            f"{key} {value!r} must be a table of field = [allowed values], "
            f"e.g. {_EXAMPLE_CONDITION}"
        )
    if not value and not empty_allowed:
        raise where.error(f"{key} is empty and would match every change; give at least one field")
    clauses = []
    for field, allowed in value.items():
        if not isinstance(allowed, list) or not allowed:
            raise where.error(
                f'{key}.{field} {allowed!r} must be a non-empty list of values such as ["3"]'
            )
        for item in allowed:
            if not isinstance(item, str):
                raise where.error(
                    f'{key}.{field} value {item!r} must be a string such as "{item}" '
                    "(every ServiceNow field value is a string)"
                )
        clauses.append((field, frozenset(allowed)))
    return Condition(tuple(clauses))


def _refuse_duplicate_or_shadowed(
    source: str, number: int, definition: SlaDefinition, earlier: list[SlaDefinition]
) -> None:
    where = _Where(source, f"definition {number} {definition.name!r}")
    for position, other in enumerate(earlier, start=1):
        if other.name == definition.name:
            raise where.error(f"name repeats definition {position}; names must be unique")
        same_slot = other.table == definition.table and other.target == definition.target
        if same_slot and other.when.includes(definition.when):
            raise where.error(
                f"can never be selected: definition {position} {other.name!r} comes first and "
                f"its when {other.when} matches every task this one's when {definition.when} "
                "matches; put the more specific definition first"
            )


# -- shared checks ---------------------------------------------------------------------------


def _string(where: _Where, key: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise where.error(f"{key} {value!r} must be a non-empty string")
    return value
