"""The one place a sys_email row is built: what the desk records as a sent notification."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from simulators.clock import format_time
from simulators.desk.records import system_fields
from simulators.desk.services import WriteContext
from simulators.desk.store import Row

SYS_EMAIL = "sys_email"


def send_email(
    ctx: WriteContext,
    *,
    recipients: Iterable[str],
    subject: str,
    body: str,
    instance: str,
    target_table: str,
    sent_at: datetime | None = None,
) -> Row:
    """Record a sent e-mail about a record in sys_email, as ServiceNow's notifications do.

    The row belongs to no party (every party's users may read it); `sent_at` defaults to now.
    """
    email = system_fields(ctx, owner_party="") | {
        "type": "sent",
        "recipients": ",".join(recipients),
        "subject": subject,
        "body": body,
        "instance": instance,
        "target_table": target_table,
        "sent_at": format_time(sent_at) if sent_at is not None else ctx.now_text,
    }
    ctx.services.store.insert(ctx.connection, SYS_EMAIL, email)
    return email
