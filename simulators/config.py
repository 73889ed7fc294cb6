"""Desk configuration from TOML: identity, numbering, priority matrix, parties, groups, users."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from simulators.clock import parse_duration
from simulators.errors import ConfigError, DurationError
from tomlconfig import check_keys, load_toml

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "fixtures" / "defaults" / "desk.toml"
DEFAULT_ROSTER = DEFAULT_CONFIG.with_name("roster.toml")
ROLE_CODES = frozenset(
    {"supplier", "ldso", "mss", "msa", "sds", "ads", "umsds", "dcp", "software_provider", "elexon"}
)
USER_ROLES = frozenset(
    {
        "itil",
        "admin",
        "major_incident_manager",
        "change_approver",
        "emergency_change_approver",
        "requester",
    }
)
PROCESS_SECTIONS = ("major_incident", "change", "problem", "request", "triage")
"""Sections each process reads for itself (DeskConfig.section), strictly."""
DESK_SECTIONS = ("desk", "incident", "priority", "parties", *PROCESS_SECTIONS)
DESK_KEYS = ("id", "name", "party", "calendar", "prefixes", "number_start")
INCIDENT_KEYS = ("auto_close_after",)
PRIORITY_KEYS = ("matrix", "overrides")
OVERRIDE_KEYS = ("category", "priority")
PARTY_KEYS = ("id", "name", "role", "calendar", "groups", "users")
GROUP_KEYS = ("name", "description")
USER_KEYS = ("user_name", "name", "roles", "password_env")
ROSTER_ENTRY_KEYS = ("mpids", "incident_prefix", "binding", "port", "ebond_password_env")
"""What a roster entry adds to a party's keys (read by simulators.parties.roster)."""


@dataclass(frozen=True)
class UserConfig:
    """A desk user: login, display name, roles, and where its password comes from."""

    user_name: str
    name: str
    roles: tuple[str, ...]
    password_env: str = ""


@dataclass(frozen=True)
class GroupConfig:
    """A resolver group (assignment group)."""

    name: str
    description: str = ""


@dataclass(frozen=True)
class PartyConfig:
    """A market party known to the desk, with its groups and users."""

    id: str
    name: str
    role: str
    calendar: str
    groups: tuple[GroupConfig, ...] = ()
    users: tuple[UserConfig, ...] = ()


@dataclass(frozen=True)
class PriorityOverride:
    """A category that fixes the priority whatever impact and urgency say."""

    category: str
    priority: str


@dataclass(frozen=True)
class DeskConfig:
    """Everything that makes one desk: who runs it, how it numbers, who may log in."""

    id: str
    name: str
    party: str
    calendar: str
    prefixes: Mapping[str, str]
    number_start: Mapping[str, int]
    priority_matrix: Mapping[tuple[str, str], str]
    priority_overrides: tuple[PriorityOverride, ...]
    auto_close_after_seconds: int
    parties: tuple[PartyConfig, ...]
    source: str = "<defaults>"
    extra: Mapping[str, Any] = field(default_factory=dict)
    """The whole file, for the process sections ([major_incident], [change], …) to read."""

    def find_party(self, party_id: str) -> PartyConfig | None:
        """The party with this id, or None."""
        return next((p for p in self.parties if p.id == party_id), None)

    def group_names(self) -> frozenset[str]:
        """The name of every resolver group of every party."""
        return frozenset(g.name for p in self.parties for g in p.groups)

    def groups_present(self, defaults: Mapping[str, str]) -> dict[str, str]:
        """The default key = group settings whose group this desk has."""
        known = self.group_names()
        return {key: group for key, group in defaults.items() if group in known}

    def groups_named(self, where: str, names: Mapping[str, Any]) -> dict[str, str]:
        """Key = group settings at `where`, each refused unless it names a group of a party."""
        known = self.group_names()
        for key, group in names.items():
            if group not in known:
                raise ConfigError(
                    f"{where}.{key} names {group!r}, which is not a group of any party; "
                    f"known groups: {', '.join(sorted(known))}"
                )
        return dict(names)

    def section(self, name: str) -> Mapping[str, Any] | None:
        """The file's [name] section for a process to read (None when absent), a table."""
        value = self.extra.get(name)
        if value is not None and not isinstance(value, Mapping):
            raise ConfigError(f"{self.source}: {name} must be a table, got {value!r}")
        return value

    def section_with(self, name: str, keys: tuple[str, ...]) -> Mapping[str, Any] | None:
        """The [name] section (None when absent), refused when it has a key not in `keys`."""
        section = self.section(name)
        unknown = sorted(set(section or ()) - set(keys))
        if unknown:
            raise ConfigError(
                f"{self.source}: {name} has unknown key(s) {', '.join(unknown)}; "
                f"keys: {', '.join(keys)}"
            )
        return section


def _duration(text: str, *, where: str) -> int:
    try:
        return parse_duration(str(text))
    except DurationError as error:
        raise ConfigError(f"{where}: {error}") from None


def load_desk_config(
    path: Path | str | None = None, roster: Path | str | None = None
) -> DeskConfig:
    """Read and check a desk's settings (the packaged default when path is None).

    Its parties come from its own [[parties]] when it has them, else from the roster file.
    """
    config_path = Path(path) if path else DEFAULT_CONFIG
    raw = load_toml(config_path, "desk configuration", ConfigError)
    check_keys(raw, DESK_SECTIONS, where=str(config_path), sections=True, error=ConfigError)
    if "parties" in raw:
        return _DeskConfigReader(raw, str(config_path), str(config_path)).read()
    roster_path = Path(roster) if roster else DEFAULT_ROSTER
    parties = load_toml(roster_path, "roster", ConfigError).get("parties", [])
    reader = _DeskConfigReader(
        {**raw, "parties": parties}, str(config_path), str(roster_path), ROSTER_ENTRY_KEYS
    )
    return reader.read()


def read_parties(
    raw: Mapping[str, Any], source: str, entry_keys: Iterable[str] = ()
) -> tuple[PartyConfig, ...]:
    """The [[parties]] of a desk configuration or roster, checked.

    `entry_keys` are the keys an entry may have beyond a party's (the roster's).
    """
    reader = _DeskConfigReader(raw, source, source, tuple(entry_keys))
    parties = tuple(reader.party(i, p) for i, p in enumerate(raw.get("parties", [])))
    if not parties:
        raise ConfigError(f"{source}: parties must list at least one party")
    _refuse_duplicates(source, parties)
    return parties


def _refuse_duplicates(source: str, parties: tuple[PartyConfig, ...]) -> None:
    """Two parties with one id would merge their tenancy; user and group names are unique too."""
    named = {
        "party id": [(f"parties[{i}].id", p.id) for i, p in enumerate(parties)],
        "user name": [
            (f"parties[{i}].users[{j}].user_name", u.user_name)
            for i, p in enumerate(parties)
            for j, u in enumerate(p.users)
        ],
        "group name": [
            (f"parties[{i}].groups[{j}].name", g.name)
            for i, p in enumerate(parties)
            for j, g in enumerate(p.groups)
        ],
    }
    for what, keyed in named.items():
        first: dict[str, str] = {}
        for key, value in keyed:
            if value in first:
                raise ConfigError(
                    f"{source}: {key} repeats the {what} '{value}' of {first[value]}; "
                    f"each {what} must be unique"
                )
            first[value] = key


class _DeskConfigReader:
    """Turns the raw TOML mapping into a DeskConfig, naming file and key on every error."""

    def __init__(
        self,
        raw: Mapping[str, Any],
        source: str,
        parties_source: str,
        entry_keys: tuple[str, ...] = (),
    ) -> None:
        self.raw = raw
        self.source = source
        self.parties_source = parties_source
        self.entry_keys = entry_keys

    def known(self, raw: Mapping[str, Any], key: str, allowed: tuple[str, ...]) -> None:
        """Refuse a key of the table `key` that `allowed` does not list."""
        source = self.parties_source if key.startswith("parties") else self.source
        check_keys(raw, allowed, where=source, prefix=key, error=ConfigError)

    def fail(self, key: str, message: str) -> ConfigError:
        source = self.parties_source if key.startswith("parties") else self.source
        return ConfigError(f"{source}: {key} {message}")

    def section(
        self, raw: Mapping[str, Any], key: str, allowed: tuple[str, ...] | None = None
    ) -> Mapping[str, Any]:
        value = raw.get(key.rsplit(".", 1)[-1])
        if not isinstance(value, Mapping):
            raise self.fail(key, "is missing or is not a table")
        if allowed is not None:
            self.known(value, key, allowed)
        return value

    def text(self, raw: Mapping[str, Any], key: str, default: str | None = None) -> str:
        value = raw.get(key.rsplit(".", 1)[-1], default)
        if not isinstance(value, str) or not value:
            raise self.fail(key, f"must be a non-empty string, got {value!r}")
        return value

    def read(self) -> DeskConfig:
        desk = self.section(self.raw, "desk", DESK_KEYS)
        prefixes = self.section(desk, "desk.prefixes")
        starts = self.section(desk, "desk.number_start")
        incident = self.section(self.raw, "incident", INCIDENT_KEYS)
        priority = self.section(self.raw, "priority", PRIORITY_KEYS)
        parties = read_parties(self.raw, self.parties_source, self.entry_keys)
        config = DeskConfig(
            id=self.text(desk, "desk.id"),
            name=self.text(desk, "desk.name"),
            party=self.text(desk, "desk.party"),
            calendar=self.text(desk, "desk.calendar"),
            prefixes={k: self.text(prefixes, f"desk.prefixes.{k}") for k in prefixes},
            number_start={k: self.integer(starts, f"desk.number_start.{k}") for k in starts},
            priority_matrix=self.matrix(priority),
            priority_overrides=self.overrides(priority),
            auto_close_after_seconds=_duration(
                self.text(incident, "incident.auto_close_after"),
                where=f"{self.source}: incident.auto_close_after",
            ),
            parties=parties,
            source=self.source,
            extra=self.raw,
        )
        if config.find_party(config.party) is None:
            raise self.fail("desk.party", f"names '{config.party}', which is not in [[parties]]")
        return config

    def integer(self, raw: Mapping[str, Any], key: str) -> int:
        value = raw.get(key.rsplit(".", 1)[-1])
        if not isinstance(value, int) or value < 0:
            raise self.fail(key, f"must be a whole number, got {value!r}")
        return value

    def matrix(self, priority: Mapping[str, Any]) -> dict[tuple[str, str], str]:
        rows = priority.get("matrix")
        if not (
            isinstance(rows, list)
            and len(rows) == 3
            and all(isinstance(r, list) and len(r) == 3 for r in rows)
        ):
            raise self.fail("priority.matrix", "must be 3 rows (impact 1-3) of 3 priorities")
        result: dict[tuple[str, str], str] = {}
        for impact, row in enumerate(rows, start=1):
            for urgency, value in enumerate(row, start=1):
                if str(value) not in {"1", "2", "3", "4", "5"}:
                    raise self.fail(
                        f"priority.matrix[{impact}][{urgency}]", f"must be 1-5, got {value!r}"
                    )
                result[(str(impact), str(urgency))] = str(value)
        return result

    def overrides(self, priority: Mapping[str, Any]) -> tuple[PriorityOverride, ...]:
        found = []
        for index, item in enumerate(priority.get("overrides", [])):
            key = f"priority.overrides[{index}]"
            self.known(item, key, OVERRIDE_KEYS)
            category = self.text(item, f"{key}.category")
            value = str(item.get("priority", ""))
            if value not in {"1", "2", "3", "4", "5"}:
                raise self.fail(f"{key}.priority", f"must be 1-5, got {value!r}")
            found.append(PriorityOverride(category, value))
        return tuple(found)

    def party(self, index: int, raw: Any) -> PartyConfig:
        key = f"parties[{index}]"
        if not isinstance(raw, Mapping):
            raise self.fail(key, "must be a table")
        self.known(raw, key, PARTY_KEYS + self.entry_keys)
        role = self.text(raw, f"{key}.role")
        if role not in ROLE_CODES:
            known = ", ".join(sorted(ROLE_CODES))
            raise self.fail(f"{key}.role", f"'{role}' is not one of {known}")
        groups = tuple(
            self.group(f"{key}.groups[{i}]", g) for i, g in enumerate(raw.get("groups", []))
        )
        users = tuple(self.user(f"{key}.users[{i}]", u) for i, u in enumerate(raw.get("users", [])))
        return PartyConfig(
            id=self.text(raw, f"{key}.id"),
            name=self.text(raw, f"{key}.name"),
            role=role,
            calendar=str(raw.get("calendar", "england_wales")),
            groups=groups,
            users=users,
        )

    def group(self, key: str, raw: Mapping[str, Any]) -> GroupConfig:
        self.known(raw, key, GROUP_KEYS)
        return GroupConfig(self.text(raw, f"{key}.name"), str(raw.get("description", "")))

    def user(self, key: str, raw: Mapping[str, Any]) -> UserConfig:
        self.known(raw, key, USER_KEYS)
        roles = tuple(raw.get("roles", ["itil"]))
        unknown = sorted(set(roles) - USER_ROLES)
        if unknown:
            raise self.fail(f"{key}.roles", f"has unknown role(s) {', '.join(unknown)}")
        return UserConfig(
            user_name=self.text(raw, f"{key}.user_name"),
            name=self.text(raw, f"{key}.name"),
            roles=roles,
            password_env=str(raw.get("password_env", "")),
        )
