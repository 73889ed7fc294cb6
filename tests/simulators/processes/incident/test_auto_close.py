"""The auto-close timer: a resolved incident closes itself after the configured period."""

from __future__ import annotations

from simulators.desk.desk import Desk
from tests.simulators.conftest import TableApi
from tests.simulators.processes.incident.conftest import (
    CLOSED,
    IN_PROGRESS,
    RESOLVED,
    Api,
    incident_in,
    moved,
)


def test_a_resolved_incident_closes_itself_after_the_configured_period(
    agent: TableApi, desk: Desk, api: Api
) -> None:
    """Resolved incidents close when the auto-close period has passed, not a second before."""
    period = desk.config.auto_close_after_seconds
    assert period == 7 * 86400
    record = incident_in(agent, RESOLVED)

    desk.clock.advance(period - 1)  # type: ignore[attr-defined]
    assert agent.read("incident", record["sys_id"])["state"] == RESOLVED
    desk.clock.advance(1)  # type: ignore[attr-defined]

    closed = agent.read("incident", record["sys_id"])
    assert (closed["state"], closed["active"]) == (CLOSED, "false")
    assert closed["closed_at"] == desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    notes = agent.rows("sys_journal_field", f"element_id={record['sys_id']}^element=work_notes")
    assert [note["value"] for note in notes] == [
        "Incident automatically closed after 7 days in the Resolved state."
    ]


def test_a_reopened_incident_does_not_auto_close(agent: TableApi, desk: Desk) -> None:
    """Reopening stops the auto-close timer; resolving again starts a new one."""
    record = incident_in(agent, RESOLVED)
    desk.clock.advance(86400)  # type: ignore[attr-defined]
    record = moved(agent, record, IN_PROGRESS)
    record = moved(agent, record, RESOLVED)

    desk.clock.advance(desk.config.auto_close_after_seconds - 60)  # type: ignore[attr-defined]

    assert agent.read("incident", record["sys_id"])["state"] == RESOLVED
