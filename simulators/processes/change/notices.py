"""Change notices to every participant party, recorded in sys_email as ServiceNow records them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from simulators.desk import Row, WriteContext, send_email
from simulators.processes.change.scheduling import Window
from simulators.processes.change.schema import BUSINESS_SERVICES, CHANGE_CLOSE_CODES, CHANGE_TYPES

SCHEDULED, RESCHEDULED, COMPLETED, CANCELED = "scheduled", "rescheduled", "completed", "canceled"


@dataclass(frozen=True)
class Notice:
    """One kind of change notice: its subject and body, with {placeholders} from the change."""

    subject: str
    body: str


NOTICES: Mapping[str, Notice] = {
    SCHEDULED: Notice(
        "{type} change {number} to the {service}: {window}",
        '{desk} will implement {type_lower} change {number} "{short_description}" to the '
        "{service_label} from {window}. Plan for the service being affected in that window.",
    ),
    RESCHEDULED: Notice(
        "Rescheduled: {type} change {number} to the {service}: {window}",
        '{desk} has moved {type_lower} change {number} "{short_description}" to the '
        "{service_label}; it is now planned from {window}.",
    ),
    COMPLETED: Notice(
        "Completed: {type} change {number} to the {service}: {outcome}",
        '{desk} has completed {type_lower} change {number} "{short_description}" to the '
        "{service_label} ({window}). Outcome: {outcome}. {close_notes}",
    ),
    CANCELED: Notice(
        "Canceled: {type} change {number} to the {service}",
        '{desk} has canceled {type_lower} change {number} "{short_description}" to the '
        "{service_label}, planned from {window}. No work will take place.",
    ),
}
"""Declared as data: what participants hear when a change is scheduled, moved, done or dropped."""


def participant_recipients(ctx: WriteContext) -> dict[str, list[str]]:
    """Every participant party (all but the desk's own) and its resolver groups' e-mails."""
    store = ctx.services.store
    groups = store.table("sys_user_group")
    found: dict[str, list[str]] = {}
    for party in ctx.services.config.parties:
        if party.id == ctx.services.config.party:
            continue
        rows = store.select(
            ctx.connection,
            "sys_user_group",
            (groups.c.u_party == party.id) & (groups.c.active == "true"),
        )
        emails = [row["email"] for row in rows if row["email"]]
        if emails:
            found[party.id] = emails
    return found


def notify_participants(ctx: WriteContext, change: Row, kind: str) -> int:
    """Record one e-mail per participant party about `change`; return how many were sent."""
    notice = NOTICES[kind]
    window = Window.of(change["number"], change)
    type_label = CHANGE_TYPES.get(change.get("type", ""), "Normal")
    service = change.get("business_service") or "central services"
    fields = {
        **change,
        "desk": ctx.services.config.name,
        "type": type_label,
        "type_lower": type_label.lower(),
        "service": service,
        "service_label": BUSINESS_SERVICES.get(service, service),
        "window": window.spoken() if window else "a window still to be agreed",
        "outcome": CHANGE_CLOSE_CODES.get(change.get("close_code", ""), "not recorded"),
    }
    recipients = participant_recipients(ctx)
    for emails in recipients.values():
        send_email(
            ctx,
            recipients=emails,
            subject=notice.subject.format(**fields),
            body=notice.body.format(**fields).strip(),
            instance=change["sys_id"],
            target_table="change_request",
        )
    return len(recipients)
