"""The major incident communication plan: notices to affected parties on a cadence, as sys_email."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, func, select

from simulators.clock import format_time, parse_time
from simulators.desk import Actor, Row, WriteContext, send_email
from simulators.processes.incident import ACTIVE_STATES, INCIDENT_STATES, PRIORITIES
from simulators.processes.major_incident.lifecycle import ACCEPTED, MAJOR_INCIDENT_STATE
from simulators.processes.major_incident.settings import (
    AFFECTED,
    ALL,
    PARTY_PREFIX,
    ROLE_PREFIX,
    MajorIncidentSettings,
    read_major_incident_settings,
)

if TYPE_CHECKING:
    from simulators.desk import DeskServices

FIRST_NOTICE, UPDATE, RESOLVED, DEMOTED = "first notice", "update", "resolved", "demoted"
NOTICE_KINDS = (FIRST_NOTICE, UPDATE, RESOLVED, DEMOTED)
SUBJECT_PREFIX = "Major incident "


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
    return send_email(
        ctx,
        recipients=recipients(ctx, settings, incident),
        subject=notice_subject(kind, incident),
        body=_body(settings, incident, kind, moment),
        instance=incident["sys_id"],
        target_table="incident",
        sent_at=moment,
    )


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
    config = ctx.services.config
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
    store, connection = ctx.services.store, ctx.connection
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
    row = ctx.services.store.fetch(connection, table, sys_id)
    return row["u_party"] if row else ""


def party_addresses(ctx: WriteContext, party_id: str) -> list[str]:
    """Where a party is told: its first resolver group (its service desk), else its users."""
    store, connection = ctx.services.store, ctx.connection
    party = ctx.services.config.find_party(party_id)
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

    def __init__(self, desk: DeskServices) -> None:
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


def last_notice_at(desk: DeskServices, connection: Connection, incident: Row) -> str:
    """When the latest notice about a major incident went out ('' when none has)."""
    emails = desk.store.table("sys_email")
    statement = select(func.max(emails.c.sent_at)).where(
        and_(
            emails.c.instance == incident["sys_id"],
            emails.c.subject.startswith(f"{SUBJECT_PREFIX}{incident['number']}: ", autoescape=True),
        )
    )
    return connection.execute(statement).scalar() or ""
