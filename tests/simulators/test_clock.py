"""The virtual clock and its test-mode API: who may use it, how it moves, what fires when."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from simulators import build_desk
from simulators.clock import (
    SystemClock,
    VirtualClock,
    format_duration,
    format_time,
    parse_duration,
    parse_time,
)
from simulators.config import load_desk_config
from simulators.desk.server import DeskServer
from simulators.errors import BadRequest, DurationError

CLOCK = "/api/x_ort/clock"


@pytest.fixture
def served() -> Iterator[DeskServer]:
    """A fresh desk on a virtual clock at 1 December 2026 09:00 UTC."""
    desk = build_desk(load_desk_config(), VirtualClock(datetime(2026, 12, 1, 9, tzinfo=UTC)))
    with DeskServer(desk) as server:
        yield server


def call(server: DeskServer, method: str, user: str = "admin", **kwargs) -> requests.Response:
    auth = (user, server.desk.passwords[user])
    return requests.request(method, f"{server.url}{CLOCK}", auth=auth, timeout=10, **kwargs)


def test_get_returns_the_utc_time(served: DeskServer) -> None:
    """GET answers {"result": {"now": "YYYY-MM-DD HH:MM:SS"}}."""
    answer = call(served, "GET")
    assert answer.status_code == 200
    assert answer.json() == {"result": {"now": "2026-12-01 09:00:00"}}


def test_put_sets_or_advances_the_clock(served: DeskServer) -> None:
    """PUT with now sets it; with advance_seconds moves it on."""
    assert call(served, "PUT", json={"now": "2026-12-18 17:30:00"}).json()["result"]["now"] == (
        "2026-12-18 17:30:00"
    )
    assert call(served, "PUT", json={"advance_seconds": 5400}).json()["result"]["now"] == (
        "2026-12-18 19:00:00"
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"now": "2026-11-30 09:00:00"}, "the clock cannot move backwards"),
        ({"advance_seconds": -60}, "the clock cannot move backwards"),
        ({"now": "18/12/2026 17:30"}, "is not a date-time like 'YYYY-MM-DD HH:MM:SS'"),
        ({"advance_seconds": "an hour"}, "advance_seconds must be a number of seconds"),
        ({"advance_seconds": 1e300}, "advance_seconds must be at most 34560000, got 1e+300"),
        ({"now": "9999-12-31 23:59:59"}, "now 9999-12-31 23:59:59 is more than 400 days ahead"),
        ({}, "Give exactly one of 'now' or 'advance_seconds'"),
        ({"now": "2026-12-18 17:30:00", "advance_seconds": 60}, "Give exactly one of"),
    ],
)
def test_bad_moves_are_refused_and_leave_the_clock(served: DeskServer, body, message) -> None:
    """Backwards moves and malformed bodies get 400 and change nothing."""
    answer = call(served, "PUT", json=body)
    assert answer.status_code == 400
    assert message in answer.json()["error"]["message"]
    assert call(served, "GET").json()["result"]["now"] == "2026-12-01 09:00:00"


@pytest.mark.parametrize("number", ["NaN", "Infinity"])
def test_a_move_by_a_number_that_is_not_finite_is_refused(served: DeskServer, number: str) -> None:
    """JSON's NaN and Infinity tokens reach the desk; neither moves the clock."""
    answer = call(
        served,
        "PUT",
        data=f'{{"advance_seconds": {number}}}',
        headers={"Content-Type": "application/json"},
    )

    assert answer.status_code == 400
    assert "advance_seconds must be at most 34560000" in answer.json()["error"]["message"]
    assert call(served, "GET").json()["result"]["now"] == "2026-12-01 09:00:00"


def test_only_the_admin_may_use_the_clock(served: DeskServer) -> None:
    """An agent, even of the desk's own party, is refused with 403."""
    assert call(served, "GET", user="elexon.agent").status_code == 403
    assert call(served, "PUT", user="elexon.agent", json={"advance_seconds": 60}).status_code == 403


def test_the_clock_api_is_absent_on_a_real_time_desk() -> None:
    """Without test mode the endpoint does not exist (404), even for the admin."""
    desk = build_desk(load_desk_config(), SystemClock())
    with DeskServer(desk) as server:
        assert call(server, "GET").status_code == 404
        assert call(server, "PUT", json={"advance_seconds": 60}).status_code == 404


def test_timers_fire_in_time_order_before_the_call_returns(served: DeskServer) -> None:
    """A P1 breach (4 h) and a P3's auto-close (7 days after resolving) fire at their moments."""
    api = f"{served.url}/api/now/table"
    auth = ("admin", served.desk.passwords["admin"])
    p1 = requests.post(
        f"{api}/incident",
        json={"short_description": "DIP down", "impact": "1", "urgency": "1"},
        auth=auth,
        timeout=10,
    ).json()
    p3 = requests.post(
        f"{api}/incident",
        json={"short_description": "Query", "impact": "2", "urgency": "2"},
        auth=auth,
        timeout=10,
    ).json()
    requests.patch(
        f"{api}/incident/{p3['result']['sys_id']}",
        auth=auth,
        timeout=10,
        json={"state": "6", "close_code": "Solved (Permanently)", "close_notes": "Answered."},
    )
    call(served, "PUT", json={"advance_seconds": 8 * 86400})
    breach = requests.get(
        f"{api}/sys_email",
        auth=auth,
        timeout=10,
        params={"sysparm_query": f"instance={p1['result']['sys_id']}"},
    ).json()["result"]
    assert [e["sent_at"] for e in breach if "P1 resolution" in e["subject"]] == [
        "2026-12-01 13:00:00"
    ]
    closed = requests.get(f"{api}/incident/{p3['result']['sys_id']}", auth=auth, timeout=10).json()
    assert (closed["result"]["state"], closed["result"]["closed_at"]) == (
        "7",
        "2026-12-08 09:00:00",
    )


# -- the clocks themselves ----------------------------------------------------------------------


class Alarm:
    """A timer source that records when it fired, due at the given moments."""

    def __init__(self, *dues: datetime) -> None:
        self.dues = sorted(dues)
        self.fired: list[datetime] = []
        self.settled: list[datetime] = []

    def next_due(self) -> datetime | None:
        return self.dues[0] if self.dues else None

    def fire(self, now: datetime) -> None:
        while self.dues and self.dues[0] <= now:
            self.fired.append(now)
            self.dues.pop(0)

    def settle(self, now: datetime) -> None:
        self.settled.append(now)


NOON = datetime(2026, 12, 2, 12, tzinfo=UTC)


def test_times_read_and_write_as_servicenow_text_in_utc() -> None:
    """'YYYY-MM-DD HH:MM:SS' in UTC, whatever zone the moment was given in."""
    assert format_time(NOON) == "2026-12-02 12:00:00"
    assert parse_time("2026-12-02 12:00:00") == NOON


def test_a_time_in_another_format_is_refused_with_the_expected_form() -> None:
    """An ISO time with a T is not ServiceNow's format."""
    with pytest.raises(BadRequest, match=r"'2026-12-02T12:00' is not a date-time like"):
        parse_time("2026-12-02T12:00")


def test_a_virtual_clock_starts_where_told_to_the_second() -> None:
    """Microseconds are dropped: ServiceNow times have whole seconds."""
    clock = VirtualClock(NOON.replace(microsecond=500))

    assert clock.now() == NOON
    assert repr(clock) == "VirtualClock(2026-12-02 12:00:00)"


def test_moving_fires_each_timer_at_its_own_moment_then_settles_at_the_target() -> None:
    """Timers due on the way fire at their due time, earliest first; then every source settles."""
    clock = VirtualClock(NOON)
    early, late = Alarm(NOON + timedelta(minutes=5)), Alarm(NOON + timedelta(minutes=20))
    clock.subscribe(late)
    clock.subscribe(early)

    assert clock.advance(3600) == NOON + timedelta(hours=1)

    assert early.fired == [NOON + timedelta(minutes=5)]
    assert late.fired == [NOON + timedelta(minutes=20)]
    assert early.settled == late.settled == [NOON + timedelta(hours=1)]


def test_a_timer_due_after_the_target_waits() -> None:
    """Only what falls due by the target fires."""
    clock = VirtualClock(NOON)
    alarm = Alarm(NOON + timedelta(hours=2))
    clock.subscribe(alarm)

    clock.advance(3600)

    assert alarm.fired == []


@pytest.mark.parametrize(
    ("move", "message"),
    [
        (lambda c: c.advance(-1), r"cannot move backwards \(advance_seconds=-1\)"),
        (
            lambda c: c.move_to(NOON - timedelta(minutes=1)),
            "cannot move backwards from 2026-12-02 12:00:00 to 2026-12-02 11:59:00",
        ),
    ],
)
def test_a_virtual_clock_never_moves_backwards(move: Any, message: str) -> None:
    """Both ways of moving refuse to go back, naming the times."""
    clock = VirtualClock(NOON)

    with pytest.raises(BadRequest, match=message):
        move(clock)
    assert clock.now() == NOON


def test_a_system_clock_reads_real_time_to_the_second_and_ticks_its_sources() -> None:
    """A tick fires every subscribed source at the current time."""
    clock = SystemClock()
    alarm = Alarm(NOON)
    clock.subscribe(alarm)

    clock.tick()

    assert clock.now().microsecond == 0 and not clock.virtual
    assert alarm.fired and alarm.fired[0] > NOON


# -- durations --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("15m", 900),
        ("4h", 14400),
        ("30h", 108000),
        ("100h", 360000),
        ("1h30m", 5400),
        ("90s", 90),
        ("2h0m5s", 7205),
        ("7d", 604800),
        ("1d2h", 93600),
    ],
)
def test_durations_parse_to_seconds(text: str, seconds: int) -> None:
    """Hours, minutes and seconds add up in that order."""
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    ["8 hours", "4H", "4", "h", "30m4h", "1.5h", " 4h", "4h ", "-4h", "", "4 h", "4w", "2h1d"],
)
def test_anything_else_is_refused_with_examples(text: str) -> None:
    """Spaces, other units, decimals, signs, wrong order and bare numbers are refused."""
    with pytest.raises(
        DurationError, match=rf"duration {text!r} is not a duration like '15m', '4h' or '30h'"
    ):
        parse_duration(text)


def test_a_number_instead_of_a_string_is_refused() -> None:
    """A bare TOML integer is not a duration."""
    with pytest.raises(DurationError, match=r"duration 4 is not a duration like"):
        parse_duration(4)  # type: ignore[arg-type]


def test_a_zero_duration_is_refused() -> None:
    """A target of no time at all is a mistake."""
    with pytest.raises(DurationError, match=r"duration '0h0m' is zero"):
        parse_duration("0h0m")


@pytest.mark.parametrize(
    ("seconds", "text"), [(900, "15m"), (14400, "4h"), (5400, "1h30m"), (3661, "1h1m1s")]
)
def test_durations_format_back_to_their_shortest_string(seconds: int, text: str) -> None:
    """Formatting drops zero parts and parses back to the same seconds."""
    assert format_duration(seconds) == text
    assert parse_duration(text) == seconds
