"""The major incident communication plan: notices to affected parties on a cadence, as sys_email."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, func, select

from simulators.clock import format_time, parse_time
from simulators.config import ROLE_CODES, DeskConfig
from simulators.desk.auth import Actor
from simulators.desk.records import WriteContext, system_fields
from simulators.desk.store import Row
from simulators.errors import ConfigError
from simulators.processes.incident.lifecycle import ACTIVE_STATES
from simulators.processes.incident.schema import INCIDENT_CATEGORIES, INCIDENT_STATES, PRIORITIES
from simulators.processes.major_incident.lifecycle import ACCEPTED, MAJOR_INCIDENT_STATE
from simulators.sla.durations import parse_duration
from simulators.sla.errors import DurationError

if TYPE_CHECKING:
    from simulators.desk.desk import Desk

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

FIRST_NOTICE, UPDATE, RESOLVED, DEMOTED = "first notice", "update", "resolved", "demoted"
NOTICE_KINDS = (FIRST_NOTICE, UPDATE, RESOLVED, DEMOTED)
SUBJECT_PREFIX = "Major incident "


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


# -- notices ---------------------------------------------------------------------------------------


def notice_subject(kind: str, incident: Mapping[str, str]) -> str:
    """'Major incident INC0010001: update - DIP publications not delivered'."""
    return f"{SUBJECT_PREFIX}{incident['number']}: {kind} - {incident.get('short_description', '')}"


def send_notice(
    ctx: WriteContext,
    settings: MajorIncidentSettings,
    incident: Row,
    kind: str,
    sent_at: datetime | None = None,
) -> Row:
    """Record one notice about a major incident in sys_email, addressed to its distribution."""
    moment = sent_at or ctx.now
    email = system_fields(ctx, owner_party="") | {
        "type": "sent",
        "recipients": ",".join(recipients(ctx, settings, incident)),
        "subject": notice_subject(kind, incident),
        "body": _body(settings, incident, kind, moment),
        "instance": incident["sys_id"],
        "target_table": "incident",
        "sent_at": format_time(moment),
    }
    ctx.desk.store.insert(ctx.connection, "sys_email", email)
    return email


def _body(settings: MajorIncidentSettings, incident: Row, kind: str, moment: datetime) -> str:
    number, summary = incident["number"], incident.get("short_description", "")
    priority = PRIORITIES.get(incident.get("priority", ""), "unknown")
    state = INCIDENT_STATES.get(incident.get("state", ""), "unknown")
    lines = [f"{number} ({summary}) is a major incident, priority {priority}, now {state}."]
    cadence = settings.cadence(incident.get("priority", ""))
    if kind in (FIRST_NOTICE, UPDATE):
        if kind == FIRST_NOTICE:
            lines.append(f"It was accepted as a major incident at {_utc(incident['promoted_on'])}.")
        if cadence:
            lines.append(f"Next update by {format_time(moment + cadence)} UTC.")
    elif kind == RESOLVED:
        lines.append(
            f"Resolved at {_utc(incident.get('resolved_at', ''))}: "
            f"{incident.get('close_code', '')} - {incident.get('close_notes', '')}"
        )
        lines.append("A Post Incident Review follows; no further updates will be sent.")
    else:
        lines.append(
            "It is no longer handled as a major incident; no further updates will be sent."
        )
    return "\n".join(lines)


def _utc(text: str) -> str:
    return f"{text} UTC" if text else "an unrecorded time"


def recipients(ctx: WriteContext, settings: MajorIncidentSettings, incident: Row) -> list[str]:
    """The addresses of every party the incident's distribution names, in roster order."""
    wanted: set[str] = set()
    config = ctx.desk.config
    for entry in settings.distribution_for(incident.get("category", "")):
        if entry == AFFECTED:
            wanted |= affected_parties(ctx, incident)
        elif entry == ALL:
            wanted |= {p.id for p in config.parties}
        elif entry.startswith(ROLE_PREFIX):
            wanted |= {p.id for p in config.parties if p.role == entry[len(ROLE_PREFIX) :]}
        else:
            wanted.add(entry[len(PARTY_PREFIX) :])
    addresses: list[str] = []
    for party in config.parties:
        if party.id in wanted:
            addresses.extend(a for a in party_addresses(ctx, party.id) if a not in addresses)
    return addresses


def affected_parties(ctx: WriteContext, incident: Row) -> set[str]:
    """The parties of the callers of the incident and its children, and of its assigned group."""
    store, connection = ctx.desk.store, ctx.connection
    incidents = store.table("incident")
    children = store.select(
        connection, "incident", incidents.c.parent_incident == incident["sys_id"]
    )
    callers = {row["caller_id"] for row in (incident, *children) if row.get("caller_id")}
    parties = {_party_of(connection, ctx, "sys_user", sys_id) for sys_id in callers}
    if incident.get("assignment_group"):
        parties.add(_party_of(connection, ctx, "sys_user_group", incident["assignment_group"]))
    return parties - {""}


def _party_of(connection: Connection, ctx: WriteContext, table: str, sys_id: str) -> str:
    row = ctx.desk.store.fetch(connection, table, sys_id)
    return row["u_party"] if row else ""


def party_addresses(ctx: WriteContext, party_id: str) -> list[str]:
    """Where a party is told: its first resolver group (its service desk), else its users."""
    store, connection = ctx.desk.store, ctx.connection
    party = ctx.desk.config.find_party(party_id)
    if party is not None and party.groups:
        groups = store.table("sys_user_group")
        rows = store.select(connection, "sys_user_group", groups.c.name == party.groups[0].name)
        return [row["email"] for row in rows if row["email"]]
    users = store.table("sys_user")
    rows = store.select(connection, "sys_user", users.c.u_party == party_id)
    return [row["email"] for row in rows if row["email"]]


# -- the cadence -----------------------------------------------------------------------------------


class CommunicationPlan:
    """Sends each open accepted major incident's updates when its cadence falls due."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.settings = read_major_incident_settings(desk.config)
        self.actor = Actor("", "system", desk.config.party, frozenset({"admin"}))

    def next_due(self) -> datetime | None:
        with self.desk.store.reading() as connection:
            dues = [
                due
                for incident in self._open_major_incidents(connection)
                if (due := self._next_update(connection, incident)) is not None
            ]
        return min(dues) if dues else None

    def fire(self, now: datetime) -> None:
        with self.desk.store.writing() as connection:
            ctx = WriteContext(self.desk, connection, self.actor, now)
            for incident in self._open_major_incidents(connection):
                due = self._next_update(connection, incident)
                # The clock fires each due moment in order, so `now` is the due time; an update
                # overdue because the cadence shortened (a higher priority) goes out now, once.
                if due is not None and due <= now:
                    send_notice(ctx, self.settings, incident, UPDATE)

    def _open_major_incidents(self, connection: Connection) -> Iterable[Row]:
        table = self.desk.store.table("incident")
        condition = and_(
            table.c[MAJOR_INCIDENT_STATE] == ACCEPTED, table.c.state.in_(sorted(ACTIVE_STATES))
        )
        return self.desk.store.select(connection, "incident", condition)

    def _next_update(self, connection: Connection, incident: Row) -> datetime | None:
        cadence = self.settings.cadence(incident.get("priority", ""))
        if cadence is None:
            return None
        last = last_notice_at(self.desk, connection, incident) or incident.get("promoted_on", "")
        return parse_time(last) + cadence if last else None


def last_notice_at(desk: Desk, connection: Connection, incident: Row) -> str:
    """When the latest notice about a major incident went out ('' when none has)."""
    emails = desk.store.table("sys_email")
    statement = select(func.max(emails.c.sent_at)).where(
        and_(
            emails.c.instance == incident["sys_id"],
            emails.c.subject.startswith(f"{SUBJECT_PREFIX}{incident['number']}: ", autoescape=True),
        )
    )
    return connection.execute(statement).scalar() or ""
