"""The desk's [major_incident] section: notice cadence, review due date, distribution lists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from simulators.clock import parse_duration
from simulators.config import ROLE_CODES, DeskConfig
from simulators.errors import ConfigError, DurationError
from simulators.processes.incident import INCIDENT_CATEGORIES, PRIORITIES

SECTION = "major_incident"
AFFECTED, ALL = "affected", "all"
ROLE_PREFIX, PARTY_PREFIX = "role:", "party:"
DEFAULT_FIRST_NOTICE_WITHIN = "15m"
DEFAULT_UPDATE_EVERY = {"1": "30m", "2": "60m"}
DEFAULT_PIR_WORKING_DAYS = 5
_KEYS = (
    "first_notice_within",
    "update_every",
    "pir_due_within_working_days",
    "manager_group",
    "distribution",
    "distribution_by_category",
)


@dataclass(frozen=True)
class MajorIncidentSettings:
    """The [major_incident] section of desk.toml, validated (DOMAIN.md §4 defaults)."""

    first_notice_within: int
    """Seconds from acceptance by which the first notice must be out."""
    update_every: Mapping[str, int]
    """Seconds between updates, by priority; a priority not listed gets no periodic updates."""
    pir_due_within_working_days: int
    manager_group: str
    """The resolver group of the major incident managers; it owns the Post Incident Review."""
    distribution: tuple[str, ...]
    distribution_by_category: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def cadence(self, priority: str) -> timedelta | None:
        """Time between updates for a priority, or None when it has no cadence."""
        seconds = self.update_every.get(priority)
        return timedelta(seconds=seconds) if seconds else None

    def distribution_for(self, category: str) -> tuple[str, ...]:
        """Who is told about a major incident of this category."""
        return self.distribution_by_category.get(category, self.distribution)


def read_major_incident_settings(config: DeskConfig) -> MajorIncidentSettings:
    """The validated [major_incident] section; defaults where the file has none."""
    return _SettingsReader(config).read()


class _SettingsReader:
    """Reads [major_incident], naming file, key and value on every error."""

    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.raw: Mapping[str, Any] = config.section(SECTION) or {}

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(f"{self.config.source}: {SECTION}.{key} {message}")

    def read(self) -> MajorIncidentSettings:
        unknown = sorted(set(self.raw) - set(_KEYS))
        if unknown:
            raise self.fail(unknown[0], f"is not a setting; known: {', '.join(_KEYS)}")
        update_every = self.raw.get("update_every", DEFAULT_UPDATE_EVERY)
        if not isinstance(update_every, Mapping):
            raise self.fail(
                "update_every", f'must be a table like {{ "1" = "30m" }}, got {update_every!r}'
            )
        by_category = self.raw.get("distribution_by_category", {})
        if not isinstance(by_category, Mapping):
            raise self.fail("distribution_by_category", f"must be a table, got {by_category!r}")
        return MajorIncidentSettings(
            first_notice_within=self.duration(
                "first_notice_within",
                self.raw.get("first_notice_within", DEFAULT_FIRST_NOTICE_WITHIN),
            ),
            update_every={
                self.priority(key): self.duration(f'update_every."{key}"', value)
                for key, value in update_every.items()
            },
            pir_due_within_working_days=self.working_days(),
            manager_group=self.group(),
            distribution=self.distribution(
                "distribution", self.raw.get("distribution", [AFFECTED])
            ),
            distribution_by_category={
                self.category(name): self.distribution(f"distribution_by_category.{name}", value)
                for name, value in by_category.items()
            },
        )

    def duration(self, key: str, value: Any) -> int:
        try:
            return parse_duration(value)
        except DurationError as error:
            raise self.fail(key, f"= {value!r}: {error}") from None

    def priority(self, key: str) -> str:
        if key not in PRIORITIES:
            raise self.fail(f'update_every."{key}"', "names no priority; use one of 1-5")
        return key

    def working_days(self) -> int:
        value = self.raw.get("pir_due_within_working_days", DEFAULT_PIR_WORKING_DAYS)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(
                "pir_due_within_working_days", f"must be a whole number of days >= 1, got {value!r}"
            )
        return value

    def group(self) -> str:
        value = self.raw.get("manager_group", "")
        if not isinstance(value, str):
            raise self.fail("manager_group", f"must be a group name, got {value!r}")
        groups = [g.name for p in self.config.parties for g in p.groups]
        if value and value not in groups:
            raise self.fail(
                "manager_group",
                f"= {value!r} is not a group of any party; groups: {', '.join(groups)}",
            )
        return value

    def category(self, name: str) -> str:
        if name not in INCIDENT_CATEGORIES:
            known = ", ".join(INCIDENT_CATEGORIES)
            raise self.fail(
                f"distribution_by_category.{name}", f"names no category; known: {known}"
            )
        return name

    def distribution(self, key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, f"must be a non-empty list of recipients, got {value!r}")
        parties = {p.id for p in self.config.parties}
        for entry in value:
            valid = entry in (AFFECTED, ALL) or (
                isinstance(entry, str)
                and (
                    (entry.startswith(ROLE_PREFIX) and entry[len(ROLE_PREFIX) :] in ROLE_CODES)
                    or (entry.startswith(PARTY_PREFIX) and entry[len(PARTY_PREFIX) :] in parties)
                )
            )
            if not valid:
                raise self.fail(
                    key,
                    f'has {entry!r}; an entry is "affected", "all", "role:<role code>" '
                    f'(one of {", ".join(sorted(ROLE_CODES))}) or "party:<party id>" '
                    f"(one of {', '.join(sorted(parties))})",
                )
        return tuple(value)
