"""The major incident communication plan and review deadline, on a virtual clock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from simulators import build_desk
from simulators.clock import VirtualClock, format_time
from simulators.config import DeskConfig, load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.records import insert_record, update_record
from simulators.desk.services import WriteContext
from simulators.desk.store import Row
from simulators.desk.values import Submission
from simulators.errors import ConfigError

PASSWORD = "not-a-real-password-0"


RESOLUTION = {
    "state": "6",
    "close_code": "Solved (Permanently)",
    "close_notes": "Broker failed over",
}


PRIORITY_FIELDS = {"1": ("1", "1"), "2": ("1", "2"), "3": ("2", "2")}


DEFAULT = object()


def at(text: str) -> datetime:
    """A UTC moment from 'YYYY-MM-DD HH:MM'."""
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=UTC)


def config_with(section: Any = DEFAULT) -> DeskConfig:
    """The default desk configuration, with another [major_incident] section (or none)."""
    config = load_desk_config()
    extra = {k: v for k, v in config.extra.items() if k != "major_incident"}
    if section is not DEFAULT:
        extra["major_incident"] = section
    return replace(config, extra=extra)


def make_desk(start: str, config: DeskConfig | None = None) -> Desk:
    """A desk on a virtual clock set to `start` (UTC), every user with one known password."""
    config = config or load_desk_config()
    passwords = {u.user_name: PASSWORD for p in config.parties for u in p.users}
    return build_desk(config, VirtualClock(at(start)), passwords={"admin": PASSWORD, **passwords})


def write(desk: Desk, user: str, values: Mapping[str, str], sys_id: str = "") -> Row:
    """Insert an incident (no sys_id) or update one, as `user`, at the desk's time."""
    actor = desk.actor(user)
    with desk.store.writing() as connection:
        ctx = WriteContext(desk, connection, actor, desk.clock.now())
        if sys_id:
            return update_record(ctx, "incident", sys_id, Submission(dict(values)))
        return insert_record(ctx, "incident", Submission(dict(values)))


def raise_incident(
    desk: Desk, user: str = "lanternfield.caller", priority: str = "1", **fields: str
) -> Row:
    impact, urgency = PRIORITY_FIELDS[priority]
    values = {
        "short_description": "DIP publications not delivered",
        "impact": impact,
        "urgency": urgency,
        **fields,
    }
    return write(desk, user, values)


def accept(desk: Desk, incident: Row) -> Row:
    write(desk, "elexon.agent", {"major_incident_state": "proposed"}, incident["sys_id"])
    return write(desk, "elexon.mim", {"major_incident_state": "accepted"}, incident["sys_id"])


def notices(desk: Desk, incident: Row) -> list[tuple[str, str]]:
    """(sent at 'HH:MM', kind) of every major incident notice about the incident, in order."""
    prefix = f"Major incident {incident['number']}: "
    with desk.store.reading() as connection:
        emails = desk.store.select(connection, "sys_email")
    found = [
        (e["sent_at"][11:16], e["subject"][len(prefix) :].split(" - ")[0])
        for e in emails
        if e["instance"] == incident["sys_id"] and e["subject"].startswith(prefix)
    ]
    return sorted(found)


def review_tasks(desk: Desk, incident: Row) -> list[Row]:
    with desk.store.reading() as connection:
        tasks = desk.store.select(connection, "incident_task")
    return [t for t in tasks if t["parent"] == incident["sys_id"]]


def move_clock(desk: Desk, to: str) -> None:
    desk.clock.move_to(at(to))  # type: ignore[attr-defined]


def test_a_desk_with_a_wrong_section_does_not_start() -> None:
    """The settings are checked when the desk assembles its rules and timers."""
    with pytest.raises(ConfigError, match=r"major_incident\.first_notice_within"):
        make_desk("2026-12-02 10:00", config_with({"first_notice_within": "15 minutes"}))


def test_a_p1_gets_a_first_notice_then_half_hourly_updates_until_resolved() -> None:
    """Accepted at 10:00, resolved at 11:40: notices at 10:00, 10:30, 11:00, 11:30, then 11:40."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)

    move_clock(desk, "2026-12-02 11:40")
    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])
    move_clock(desk, "2026-12-02 14:00")

    assert notices(desk, incident) == [
        ("10:00", "first notice"),
        ("10:30", "update"),
        ("11:00", "update"),
        ("11:30", "update"),
        ("11:40", "resolved"),
    ]


def test_a_p2_gets_hourly_updates() -> None:
    """The cadence comes from the incident's priority."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk, priority="2")
    accept(desk, incident)

    move_clock(desk, "2026-12-02 13:30")

    assert notices(desk, incident) == [
        ("10:00", "first notice"),
        ("11:00", "update"),
        ("12:00", "update"),
        ("13:00", "update"),
    ]


def test_a_priority_without_a_cadence_gets_only_the_first_notice() -> None:
    """Priority 3 has no configured cadence: nothing follows the first notice until resolution."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk, priority="3")
    accept(desk, incident)

    move_clock(desk, "2026-12-03 10:00")

    assert notices(desk, incident) == [("10:00", "first notice")]


def test_the_first_notice_is_sent_at_acceptance_within_the_configured_time() -> None:
    """The notice goes out the moment the manager accepts, inside first_notice_within."""
    desk = make_desk("2026-12-02 09:50")
    incident = raise_incident(desk)
    write(desk, "elexon.agent", {"major_incident_state": "proposed"}, incident["sys_id"])
    move_clock(desk, "2026-12-02 10:07")

    accepted = write(desk, "elexon.mim", {"major_incident_state": "accepted"}, incident["sys_id"])

    assert accepted["promoted_on"] == "2026-12-02 10:07:00"
    assert notices(desk, incident) == [("10:07", "first notice")]


def test_a_proposed_incident_gets_no_notices() -> None:
    """Only an accepted major incident is communicated."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    write(desk, "elexon.agent", {"major_incident_state": "proposed"}, incident["sys_id"])

    move_clock(desk, "2026-12-02 12:00")

    assert notices(desk, incident) == []


def test_raising_the_priority_shortens_the_cadence_and_an_overdue_update_goes_out_at_once() -> None:
    """A P2 raised to P1 at 10:40 is overdue on the 30-minute cadence: one update at 10:40."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk, priority="2")
    accept(desk, incident)
    move_clock(desk, "2026-12-02 10:40")
    write(desk, "elexon.agent", {"impact": "1", "urgency": "1"}, incident["sys_id"])

    move_clock(desk, "2026-12-02 11:45")

    assert notices(desk, incident) == [
        ("10:00", "first notice"),
        ("10:40", "update"),
        ("11:10", "update"),
        ("11:40", "update"),
    ]


def test_demoting_the_major_incident_tells_the_parties_and_stops_the_updates() -> None:
    """A demoted major incident gets a 'demoted' notice and no further updates."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)
    move_clock(desk, "2026-12-02 10:45")

    write(desk, "elexon.mim", {"major_incident_state": "canceled"}, incident["sys_id"])
    move_clock(desk, "2026-12-02 13:00")

    assert notices(desk, incident) == [
        ("10:00", "first notice"),
        ("10:30", "update"),
        ("10:45", "demoted"),
    ]


def test_reopening_a_resolved_major_incident_resumes_the_updates() -> None:
    """Updates follow on the cadence from the resolved notice while it is open again."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)
    move_clock(desk, "2026-12-02 10:20")
    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])
    move_clock(desk, "2026-12-02 10:25")

    write(desk, "elexon.agent", {"state": "2"}, incident["sys_id"])
    move_clock(desk, "2026-12-02 11:00")

    assert notices(desk, incident) == [
        ("10:00", "first notice"),
        ("10:20", "resolved"),
        ("10:50", "update"),
    ]


def email_about(desk: Desk, incident: Row, kind: str) -> Row:
    subject = f"Major incident {incident['number']}: {kind} - "
    with desk.store.reading() as connection:
        emails = desk.store.select(connection, "sys_email")
    [email] = [e for e in emails if e["subject"].startswith(subject)]
    return email


def test_a_notice_names_the_incident_and_says_when_the_next_update_is_due() -> None:
    """Subject, body, target record and table, sent time: a complete sys_email."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)

    email = email_about(desk, incident, "first notice")

    assert email["subject"] == (
        f"Major incident {incident['number']}: first notice - DIP publications not delivered"
    )
    assert (email["instance"], email["target_table"], email["type"]) == (
        incident["sys_id"],
        "incident",
        "sent",
    )
    assert email["sent_at"] == "2026-12-02 10:00:00"
    assert "priority 1 - Critical" in email["body"]
    assert "Next update by 2026-12-02 10:30:00 UTC." in email["body"]


def test_the_affected_parties_are_the_callers_of_parent_and_children_and_the_group() -> None:
    """A supplier's incident, another supplier's child (linked by the desk), DIP Manager: three."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk, assignment_group="DIP Manager")
    child = raise_incident(desk, user="brightwell.agent")
    write(desk, "elexon.agent", {"parent_incident": incident["sys_id"]}, child["sys_id"])
    accept(desk, incident)

    recipients = email_about(desk, incident, "first notice")["recipients"].split(",")

    assert recipients == [
        "elexon-service-desk@elexon.example",
        "lanternfield-service-desk@lanternfield.example",
        "brightwell-service-desk@brightwell.example",
    ]


def test_a_child_raised_later_is_told_from_the_next_update() -> None:
    """The distribution is worked out again for every notice."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)
    child = raise_incident(desk, user="northvale.agent")
    write(desk, "elexon.agent", {"parent_incident": incident["sys_id"]}, child["sys_id"])

    move_clock(desk, "2026-12-02 10:30")

    first = email_about(desk, incident, "first notice")["recipients"]
    update = email_about(desk, incident, "update")["recipients"]
    assert "northvale" not in first
    assert "northvale-registration-support@northvale.example" in update.split(",")


def parties_told(recipients: str) -> list[str]:
    """The party ids behind a recipients list ('x@northvale.example' is Northvale), in order."""
    domains = (address.split("@")[1].removesuffix(".example") for address in recipients.split(","))
    return list(dict.fromkeys(domains))


def test_a_dip_outage_is_told_to_every_party() -> None:
    """The default configuration sends DIP outage notices to the whole roster."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk, category="dip_outage")
    accept(desk, incident)

    recipients = email_about(desk, incident, "first notice")["recipients"]

    assert parties_told(recipients) == [party.id for party in desk.config.parties]


def test_a_distribution_may_name_roles_and_parties() -> None:
    """'role:ldso' names every distributor, 'party:brightwell' one party."""
    section = {"distribution": ["role:ldso", "party:brightwell"]}
    desk = make_desk("2026-12-02 10:00", config_with(section))
    incident = raise_incident(desk)
    accept(desk, incident)

    recipients = email_about(desk, incident, "first notice")["recipients"]

    expected = [p.id for p in desk.config.parties if p.role == "ldso" or p.id == "brightwell"]
    assert "northvale" in expected and "lanternfield" not in expected
    assert parties_told(recipients) == expected


@pytest.mark.parametrize(
    ("resolved", "due"),
    [
        ("2026-12-02 11:40", "2026-12-09 11:40:00"),  # Wednesday to Wednesday
        ("2026-12-04 11:40", "2026-12-11 11:40:00"),  # Friday, across a weekend
        ("2026-12-05 11:40", "2026-12-11 18:00:00"),  # Saturday: counting starts on Monday
        ("2026-12-24 11:40", "2027-01-05 11:40:00"),  # Christmas, Boxing Day and New Year
    ],
)
def test_the_review_is_due_five_working_days_after_resolution(resolved: str, due: str) -> None:
    """Working days of the desk's England & Wales calendar: weekends and bank holidays skipped."""
    desk = make_desk(resolved)
    incident = raise_incident(desk)
    accept(desk, incident)

    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])

    [review] = review_tasks(desk, incident)
    assert review["due_date"] == due


def test_the_review_task_belongs_to_the_major_incident_managers() -> None:
    """An incident_task 'Post Incident Review for INC…' under the incident, for their group."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)
    move_clock(desk, "2026-12-02 11:40")

    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])

    [review] = review_tasks(desk, incident)
    with desk.store.reading() as connection:
        group = desk.store.fetch(connection, "sys_user_group", review["assignment_group"])
    assert review["number"].startswith("ITASK")
    assert review["short_description"] == f"Post Incident Review for {incident['number']}"
    assert (review["u_task_type"], review["state"], review["priority"]) == (
        "post_incident_review",
        "1",
        "1",
    )
    assert group is not None and group["name"] == "Major Incident Management"
    assert review["opened_at"] == format_time(at("2026-12-02 11:40"))


def test_a_second_resolution_does_not_open_a_second_review() -> None:
    """Reopened and resolved again: still one review task."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    accept(desk, incident)
    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])
    write(desk, "elexon.agent", {"state": "2"}, incident["sys_id"])

    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])

    assert len(review_tasks(desk, incident)) == 1


@pytest.mark.parametrize("mi_state", ["", "proposed", "rejected", "canceled"])
def test_only_an_accepted_major_incident_gets_a_review(mi_state: str) -> None:
    """Resolving an ordinary, proposed, rejected or demoted incident opens no review."""
    desk = make_desk("2026-12-02 10:00")
    incident = raise_incident(desk)
    path = {
        "": [],
        "proposed": [("elexon.agent", "proposed")],
        "rejected": [("elexon.agent", "proposed"), ("elexon.mim", "rejected")],
        "canceled": [
            ("elexon.agent", "proposed"),
            ("elexon.mim", "accepted"),
            ("elexon.mim", "canceled"),
        ],
    }[mi_state]
    for user, state in path:
        write(desk, user, {"major_incident_state": state}, incident["sys_id"])

    write(desk, "elexon.agent", RESOLUTION, incident["sys_id"])

    assert review_tasks(desk, incident) == []
    assert "resolved" not in [kind for _, kind in notices(desk, incident)]
