"""Specification of the desk's narrow faces: services, write listeners, seeders and calendars."""

from __future__ import annotations

from datetime import UTC, datetime

import requests

from simulators import default_sla_config
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer
from simulators.desk.services import DeskServices, WorkingCalendar, WriteContext
from simulators.desk.store import Row
from simulators.desk.values import Submission
from simulators.processes.catalogue import PROCESSES
from simulators.query.sysparms import read_sysparms

START = datetime(2026, 12, 1, 9, tzinfo=UTC)
PASSWORD = "s3cret-admin"


class Recorder:
    """A write listener and seeder that notes what it is told."""

    def __init__(self, name: str, heard: list[str]) -> None:
        self.name = name
        self.heard = heard

    def record_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        self.heard.append(f"{self.name}: {'insert' if before is None else 'update'} {table}")

    def writes_done(self, now: datetime) -> None:
        self.heard.append(f"{self.name}: done at {now:%H:%M}")

    def seed(self, ctx: WriteContext) -> None:
        self.heard.append(f"{self.name}: seed as {ctx.actor.user_name}")


def bare_desk(calendars: dict[str, str] | None = None) -> Desk:
    """The desk core alone: every process, the packaged calendars, no collaborators."""
    asked = calendars if calendars is not None else {}

    def lookup(name: str) -> WorkingCalendar:
        asked[name] = name
        return default_sla_config().calendar(name)

    return Desk(load_desk_config(), VirtualClock(START), PROCESSES, calendars=lookup)


def test_the_desk_is_its_collaborators_services() -> None:
    """A Desk offers everything DeskServices declares, so rules and timers need nothing more."""
    services: DeskServices = bare_desk()

    assert services.schema("incident").name == "incident"
    assert services.config.party == load_desk_config().party


def test_listeners_hear_every_write_in_the_order_given_then_the_commit() -> None:
    """Each stored record reaches every listener in order; a committed request tells them all."""
    heard: list[str] = []
    desk = bare_desk()
    desk.listen(Recorder("first", heard), Recorder("second", heard))
    desk.open({"admin": PASSWORD})
    heard.clear()

    desk.create(
        "incident", {"short_description": "x"}, desk.actor("admin"), read_sysparms({}), "http://d"
    )

    assert heard[:2] == ["first: insert incident", "second: insert incident"]
    assert heard[-2:] == ["first: done at 09:00", "second: done at 09:00"]


def test_seeders_write_when_the_desk_opens_as_the_system() -> None:
    """Opening the desk seeds its directory, then runs each seeder in the same transaction."""
    heard: list[str] = []
    desk = bare_desk()

    desk.open({"admin": PASSWORD}, seeders=(Recorder("sla", heard),))

    assert heard == ["sla: seed as system"]
    assert desk.passwords["admin"] == PASSWORD


def test_the_calendar_defaults_to_the_desks_own() -> None:
    """calendar() looks up the desk's configured calendar; a name asks for another."""
    asked: dict[str, str] = {}
    desk = bare_desk(asked)

    assert desk.calendar().name == load_desk_config().calendar
    assert desk.calendar("scotland").name == "scotland"
    assert list(asked) == [load_desk_config().calendar, "scotland"]


def test_a_bare_desk_serves_no_party_routes() -> None:
    """Faults and behaviour are the assembly's additions: the desk core alone answers 404."""
    desk = bare_desk().open({"admin": PASSWORD})

    with DeskServer(desk) as server:
        answer = requests.get(
            f"{server.url}/api/x_ort/faults", auth=("admin", PASSWORD), timeout=10
        )

    assert answer.status_code == 404
    assert answer.json()["error"]["message"] == "Requested URI does not represent any resource"
