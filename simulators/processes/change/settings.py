"""The desk's [change] section: freeze windows, notice and standard templates, read strictly."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from simulators.config import DeskConfig
from simulators.desk import CHOICE, JOURNAL
from simulators.errors import ConfigError
from simulators.processes.change.lifecycle import EMERGENCY, NORMAL, STANDARD
from simulators.processes.change.schema import CHANGE_REQUEST
from vocabulary import LONDON

SECTION = "change"
LOCAL_FORMAT = "%Y-%m-%d %H:%M"
TYPES = frozenset({NORMAL, STANDARD, EMERGENCY})
KEYS = frozenset(
    {"notice_working_days", "notice_applies_to", "freeze", "freeze_applies_to", "templates"}
)
TEMPLATE_FIELDS_DESK_OWNS = frozenset(
    {"number", "type", "state", "std_change_template", "approval", "start_date", "end_date"}
)
"""Fields a template may not pre-fill: the desk sets them, or each change has its own."""


@dataclass(frozen=True)
class FreezeWindow:
    """A period in which changes of the frozen types may not be scheduled (UTC instants)."""

    name: str
    start: datetime
    end: datetime

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether the window [start, end) shares any moment with the freeze."""
        return start < self.end and end > self.start

    def spoken(self) -> str:
        """'Christmas freeze (2026-12-18 18:00 to 2027-01-04 08:00 London time)'."""
        return f"{self.name} ({london(self.start)} to {london(self.end)} London time)"


@dataclass(frozen=True)
class StandardTemplate:
    """A pre-approved standard change: the fields it fills in on every change raised from it."""

    name: str
    values: Mapping[str, str]


@dataclass(frozen=True)
class ChangeConfig:
    """What the [change] section configures; every rule is a default a test manager may replace."""

    notice_working_days: int = 10
    notice_applies_to: frozenset[str] = frozenset({NORMAL})
    freezes: tuple[FreezeWindow, ...] = ()
    freeze_applies_to: frozenset[str] = frozenset({NORMAL, STANDARD})
    templates: Mapping[str, StandardTemplate] = field(default_factory=dict)

    def freeze_overlapping(self, start: datetime, end: datetime) -> FreezeWindow | None:
        """The first freeze the window [start, end) overlaps, or None."""
        return next((f for f in self.freezes if f.overlaps(start, end)), None)


def london(moment: datetime) -> str:
    """A UTC instant as London wall-clock text, 'YYYY-MM-DD HH:MM'."""
    return moment.astimezone(LONDON).strftime(LOCAL_FORMAT)


def load_change_config(config: DeskConfig) -> ChangeConfig:
    """The [change] section of a desk configuration, or ConfigError naming file, key and value."""
    return _Reader(config.source).read(config.section(SECTION) or {})


class _Reader:
    """Reads [change], naming the file and the key on every error."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.source}: {SECTION}.{key} {message}")

    def read(self, raw: Mapping[str, Any]) -> ChangeConfig:
        unknown = sorted(set(raw) - KEYS)
        if unknown:
            raise self.fail(unknown[0], f"is not a setting of [{SECTION}]; known: {_known(KEYS)}")
        defaults = ChangeConfig()
        days = raw.get("notice_working_days", defaults.notice_working_days)
        if isinstance(days, bool) or not isinstance(days, int) or days < 0:
            raise self.fail("notice_working_days", f"must be a whole number of days, got {days!r}")
        freezes = raw.get("freeze", [])
        if not isinstance(freezes, list):
            raise self.fail("freeze", f"must be a list of {{ name, start, end }}, got {freezes!r}")
        templates = raw.get("templates", {})
        if not isinstance(templates, Mapping):
            raise self.fail("templates", f"must be a table of named templates, got {templates!r}")
        return ChangeConfig(
            notice_working_days=days,
            notice_applies_to=self.types(raw, "notice_applies_to", defaults.notice_applies_to),
            freezes=tuple(self.freeze(i, f) for i, f in enumerate(freezes)),
            freeze_applies_to=self.types(raw, "freeze_applies_to", defaults.freeze_applies_to),
            templates={name: self.template(name, t) for name, t in templates.items()},
        )

    def types(self, raw: Mapping[str, Any], key: str, default: frozenset[str]) -> frozenset[str]:
        value = raw.get(key, sorted(default))
        if not isinstance(value, list) or not all(v in TYPES for v in value):
            raise self.fail(key, f"must list change types out of {_known(TYPES)}, got {value!r}")
        return frozenset(value)

    def freeze(self, index: int, raw: Any) -> FreezeWindow:
        key = f"freeze[{index}]"
        if not isinstance(raw, Mapping) or set(raw) != {"name", "start", "end"}:
            raise self.fail(key, f"must be {{ name, start, end }}, got {raw!r}")
        name = raw["name"]
        if not isinstance(name, str) or not name.strip():
            raise self.fail(f"{key}.name", f"must be a non-empty string, got {name!r}")
        start = self.moment(f"{key}.start", raw["start"])
        end = self.moment(f"{key}.end", raw["end"])
        if not start < end:
            raise self.fail(key, f"ends ({raw['end']}) before it starts ({raw['start']})")
        return FreezeWindow(name.strip(), start, end)

    def moment(self, key: str, raw: Any) -> datetime:
        try:
            local = datetime.strptime(str(raw), LOCAL_FORMAT)
        except ValueError:
            raise self.fail(
                key, f"must be a London time like '2026-12-18 18:00', got {raw!r}"
            ) from None
        return local.replace(tzinfo=LONDON).astimezone(UTC)

    def template(self, name: str, raw: Any) -> StandardTemplate:
        key = f"templates.{name}"
        if not isinstance(raw, Mapping) or not raw:
            raise self.fail(key, f"must be a table of change fields, got {raw!r}")
        values: dict[str, str] = {}
        for field_name, value in raw.items():
            spec = CHANGE_REQUEST.field(field_name)
            if (
                spec is None
                or spec.read_only
                or spec.kind == JOURNAL
                or field_name in TEMPLATE_FIELDS_DESK_OWNS
            ):
                raise self.fail(
                    f"{key}.{field_name}", "is not a change field a template may pre-fill"
                )
            if not isinstance(value, str):
                raise self.fail(f"{key}.{field_name}", f"must be a string, got {value!r}")
            if spec.kind == CHOICE and value not in spec.choices:
                raise self.fail(
                    f"{key}.{field_name}",
                    f"'{value}' is not one of {_known(frozenset(spec.choices))}",
                )
            values[field_name] = value
        return StandardTemplate(name, values)


def _known(names: frozenset[str]) -> str:
    return ", ".join(sorted(names))
