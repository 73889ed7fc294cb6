"""Specification of the one sys_email builder every notice goes through."""

from __future__ import annotations

from datetime import UTC, datetime

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.email import send_email
from simulators.desk.services import WriteContext
from simulators.desk.store import OWNER_PARTY

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def sent(**overrides: object) -> tuple[dict[str, str], dict[str, str] | None]:
    desk = build_desk(load_desk_config(), VirtualClock(NOW))
    admin = desk.actor("admin")
    with desk.store.writing() as connection:
        ctx = WriteContext(desk, connection, admin, NOW)
        email = send_email(
            ctx,
            **{  # type: ignore[arg-type]
                "recipients": ["a@x.example", "b@y.example"],
                "subject": "SLA breached: INC0010001",
                "body": "Resolution breached.",
                "instance": "f" * 32,
                "target_table": "incident",
                **overrides,
            },
        )
        stored = desk.store.fetch(connection, "sys_email", email["sys_id"])
    return email, stored


def test_an_email_is_stored_as_sent_now_to_comma_separated_recipients() -> None:
    """The row is a sent e-mail about the record, timed now, that no party owns."""
    email, stored = sent()

    assert stored is not None
    assert stored["sys_id"] == email["sys_id"]
    assert {k: stored[k] for k in ("type", "recipients", "sent_at", "target_table")} == {
        "type": "sent",
        "recipients": "a@x.example,b@y.example",
        "sent_at": "2026-12-01 09:30:00",
        "target_table": "incident",
    }
    assert stored[OWNER_PARTY] == ""
    assert stored["sys_created_by"] == "admin"


def test_an_email_may_be_dated_when_it_was_due() -> None:
    """A breach notice is dated at the breach, not when the clock reached it."""
    _, stored = sent(sent_at=datetime(2026, 12, 1, 8, 0, tzinfo=UTC))

    assert stored is not None
    assert stored["sent_at"] == "2026-12-01 08:00:00"
