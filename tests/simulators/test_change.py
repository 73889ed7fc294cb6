"""Specification of change management on the reference desk (DOMAIN.md §4), over real HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
import requests

from simulators.assembly import build_desk, default_sla_config
from simulators.clock import VirtualClock
from simulators.config import DeskConfig, UserConfig, load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.lifecycle import GuardContext
from simulators.desk.server import DeskServer
from simulators.errors import BadRequest, ConfigError, InvalidTransition
from simulators.processes.change.lifecycle import APPROVAL_LIFECYCLE, CHANGE_LIFECYCLES
from simulators.processes.change.scheduling import (
    SchedulingRules,
    Window,
    nth_working_day_after,
    working_days_between,
)
from simulators.processes.change.settings import ChangeConfig, FreezeWindow, load_change_config
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]
Record = dict[str, Any]

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
"""Monday 2 November 2026, 09:00 in London: the module's desk starts here."""
NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED, CANCELED = (
    "-5",
    "-4",
    "-3",
    "-2",
    "-1",
    "0",
    "3",
    "4",
)
NAMES = {
    NEW: "New",
    ASSESS: "Assess",
    AUTHORIZE: "Authorize",
    SCHEDULED: "Scheduled",
    IMPLEMENT: "Implement",
    REVIEW: "Review",
    CLOSED: "Closed",
    CANCELED: "Canceled",
}
WINDOW = {"start_date": "2026-11-17 22:00:00", "end_date": "2026-11-18 02:00:00"}
"""Tuesday 17 November 22:00 to 02:00 London time: eleven working days after START."""
CLOSING = {"close_code": "successful", "close_notes": "Broker upgraded; checks passed"}
LEGAL = {
    "normal": {
        (NEW, ASSESS),
        (ASSESS, AUTHORIZE),
        (AUTHORIZE, SCHEDULED),
        (AUTHORIZE, NEW),
        (SCHEDULED, IMPLEMENT),
        (IMPLEMENT, REVIEW),
        (REVIEW, CLOSED),
        (NEW, CANCELED),
        (ASSESS, CANCELED),
        (AUTHORIZE, CANCELED),
        (SCHEDULED, CANCELED),
        (IMPLEMENT, CANCELED),
    },
    "standard": {
        (NEW, SCHEDULED),
        (SCHEDULED, IMPLEMENT),
        (IMPLEMENT, REVIEW),
        (REVIEW, CLOSED),
        (NEW, CANCELED),
        (SCHEDULED, CANCELED),
        (IMPLEMENT, CANCELED),
    },
    "emergency": {
        (NEW, AUTHORIZE),
        (AUTHORIZE, SCHEDULED),
        (AUTHORIZE, NEW),
        (SCHEDULED, IMPLEMENT),
        (IMPLEMENT, REVIEW),
        (REVIEW, CLOSED),
        (NEW, CANCELED),
        (AUTHORIZE, CANCELED),
        (SCHEDULED, CANCELED),
        (IMPLEMENT, CANCELED),
    },
}
"""Every legal move of each type (DOMAIN.md §4); every other pair of states is refused."""
PATHS = {
    "normal": [NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
    "standard": [NEW, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
    "emergency": [NEW, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED],
}
LABELS = {"normal": "Normal change", "standard": "Standard change", "emergency": "Emergency change"}
APPROVER = {"normal": "elexon.cab", "emergency": "elexon.ecab"}


def with_second_cab_member(config: DeskConfig) -> DeskConfig:
    """The default desk plus a second CAB member, so a decision can supersede another's."""
    parties = tuple(
        replace(
            party,
            users=(
                *party.users,
                UserConfig("elexon.cab2", "Ruth Ings", ("itil", "change_approver")),
            ),
        )
        if party.id == config.party
        else party
        for party in config.parties
    )
    return replace(config, parties=parties)


@pytest.fixture(scope="module")
def desk_server() -> Iterator[DeskServer]:
    """The reference desk with a second CAB member, its clock at START."""
    desk = build_desk(with_second_cab_member(load_desk_config()), VirtualClock(START))
    with DeskServer(desk) as server:
        yield server


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


@pytest.fixture(scope="module")
def participant_recipients(desk: Desk, agent: TableApi) -> list[str]:
    """Each participant party's (every party but Elexon's) group e-mails, comma-joined."""
    found = []
    for party in desk.config.parties:
        if party.id == desk.config.party:
            continue
        groups = agent.rows("sys_user_group", f"u_party={party.id}")
        found.append(",".join(g["email"] for g in groups))
    return sorted(found)


def raise_change(by: TableApi, change_type: str = "normal", **fields: str) -> Record:
    body = {"short_description": "Upgrade the DIP message broker", "business_service": "DIP"}
    if change_type == "standard":
        body = {"std_change_template": "ISD monthly release"}
    else:
        body["type"] = change_type
    return by.create("change_request", {**body, **fields})


def fields_for(target: str) -> dict[str, str]:
    return {SCHEDULED: WINDOW, CLOSED: CLOSING}.get(target, {})


def move(by: TableApi, record: Record, target: str, **fields: str) -> requests.Response:
    body = {"state": target, **fields_for(target), **fields}
    return by.patch(f"change_request/{record['sys_id']}", body)


def moved(by: TableApi, record: Record, target: str, **fields: str) -> Record:
    response = move(by, record, target, **fields)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def approvals(by: TableApi, change: Record, state: str = "requested") -> list[Record]:
    return by.rows("sysapproval_approver", f"document_id={change['sys_id']}^state={state}")


def decide(api: Api, change: Record, decision: str, user: str = "") -> Record:
    """The named approver's decision on their requested approval."""
    user = user or APPROVER[change["type"]]
    approver = api(user)
    mine = [
        a
        for a in approvals(approver, change)
        if a["approver"]["value"] == approver.rows("sys_user", f"user_name={user}")[0]["sys_id"]
    ]
    assert mine, f"{user} has no requested approval on {change['number']}"
    response = approver.patch(
        f"sysapproval_approver/{mine[0]['sys_id']}", {"state": decision, "comments": "Reviewed"}
    )
    assert response.status_code == 200, response.text
    return response.json()["result"]


def change_in(agent: TableApi, api: Api, change_type: str, target: str) -> Record:
    """A fresh change of the type, driven along its path into `target` (approved on the way)."""
    record = raise_change(agent, change_type)
    if target == CANCELED:
        return moved(agent, record, CANCELED)
    path = PATHS[change_type]
    for step in path[1 : path.index(target) + 1]:
        if step == SCHEDULED and change_type != "standard":
            decide(api, record, "approved")
        record = moved(agent, record, step)
    return record


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]


def emails(by: TableApi, change: Record) -> list[Record]:
    return by.rows("sys_email", f"instance={change['sys_id']}^ORDERBYsys_created_on")


def state(code: str) -> str:
    return f"{NAMES[code]} ({code})"


# -- lifecycles -----------------------------------------------------------------------------------


@pytest.mark.parametrize("change_type", sorted(LEGAL))
def test_each_type_declares_exactly_its_legal_moves(change_type: str) -> None:
    """The lifecycle of each type allows its moves and no other pair of states."""
    lifecycle = CHANGE_LIFECYCLES[change_type]

    declared = {(t.source, t.target) for t in lifecycle.transitions}

    assert declared == LEGAL[change_type]
    assert lifecycle.label == LABELS[change_type]


def legal_cases() -> list[tuple[str, str, str]]:
    return sorted((kind, s, t) for kind, moves in LEGAL.items() for s, t in moves)


def illegal_cases() -> list[tuple[str, str, str]]:
    return sorted(
        (kind, s, t)
        for kind, moves in LEGAL.items()
        for s in [*PATHS[kind], CANCELED]
        for t in NAMES
        if s != t and (s, t) not in moves
    )


@pytest.mark.parametrize(("change_type", "source", "target"), legal_cases())
def test_every_legal_move_is_accepted(
    agent: TableApi, api: Api, change_type: str, source: str, target: str
) -> None:
    """An agent moves each type of change along each of its moves (Authorize needs a decision)."""
    record = change_in(agent, api, change_type, source)
    if (source, target) == (AUTHORIZE, NEW):
        decide(api, record, "rejected")
        assert agent.read("change_request", record["sys_id"])["state"] == NEW
        return
    if (source, target) == (AUTHORIZE, SCHEDULED):
        decide(api, record, "approved")

    assert moved(agent, record, target)["state"] == target


@pytest.mark.parametrize(("change_type", "source", "target"), illegal_cases())
def test_every_illegal_move_is_refused_naming_the_change_and_both_states(
    agent: TableApi, api: Api, change_type: str, source: str, target: str
) -> None:
    """A move its type does not allow answers 400 naming type, number and both states."""
    record = change_in(agent, api, change_type, source)

    message = refusal(move(agent, record, target))

    assert message.startswith(
        f"{LABELS[change_type]} {record['number']} cannot move from {state(source)} "
        f"to {state(target)}"
    )
    assert agent.read("change_request", record["sys_id"])["state"] == source


def test_a_new_change_is_numbered_new_active_and_not_yet_approved(agent: TableApi) -> None:
    """A normal change gets a CHG number, state New, and approval 'not requested'."""
    record = raise_change(agent)

    assert record["number"].startswith("CHG")
    assert (record["type"], record["state"], record["approval"], record["active"]) == (
        "normal",
        NEW,
        "not requested",
        "true",
    )


def test_the_type_is_fixed_once_raised(agent: TableApi) -> None:
    """Changing a normal change into an emergency one is refused."""
    record = raise_change(agent)

    message = refusal(agent.patch(f"change_request/{record['sys_id']}", {"type": "emergency"}))

    assert message.startswith(f"Change {record['number']}: type cannot change after")


def test_the_approval_is_kept_by_the_desk(agent: TableApi) -> None:
    """A client cannot approve a change by writing its approval field."""
    record = raise_change(agent)

    after = agent.change("change_request", record["sys_id"], {"approval": "approved"})

    assert after["approval"] == "not requested"


def test_closing_needs_a_close_code_and_notes(agent: TableApi, api: Api) -> None:
    """Closed requires close_code and close_notes."""
    record = change_in(agent, api, "normal", REVIEW)

    message = refusal(move(agent, record, CLOSED, close_code="", close_notes=""))

    assert message.endswith("close_code, close_notes are mandatory")


def test_closing_and_canceling_deactivate_the_change(agent: TableApi, api: Api) -> None:
    """Closed and Canceled stamp closed_at and closed_by and make the change inactive."""
    closed = change_in(agent, api, "normal", CLOSED)
    canceled = change_in(agent, api, "normal", CANCELED)

    for record in (closed, canceled):
        assert (record["active"], bool(record["closed_at"]), bool(record["closed_by"])) == (
            "false",
            True,
            True,
        )


def test_a_requester_cannot_raise_a_change(api: Api) -> None:
    """Changes are raised by agents; a requester is refused with 403."""
    response = api("lanternfield.caller").post("change_request", {"short_description": "x"})

    assert refusal(response, 403) == "User lanternfield.caller may not raise a change"


# -- implementation window ------------------------------------------------------------------------


def test_a_window_must_end_after_it_starts(agent: TableApi) -> None:
    """end_date before start_date is refused, naming the change and both dates."""
    record = raise_change(agent)

    message = refusal(
        agent.patch(
            f"change_request/{record['sys_id']}",
            {"start_date": "2026-11-18 02:00:00", "end_date": "2026-11-17 22:00:00"},
        )
    )

    assert message == (
        f"Change {record['number']}: end_date 2026-11-17 22:00:00 is not after start_date "
        "2026-11-18 02:00:00"
    )


def test_a_window_date_must_be_a_date_time(agent: TableApi) -> None:
    """A start date that is not 'YYYY-MM-DD HH:MM:SS' is refused by name."""
    record = raise_change(agent)

    message = refusal(
        agent.patch(
            f"change_request/{record['sys_id']}",
            {"start_date": "next Tuesday", "end_date": "2026-11-17 22:00:00"},
        )
    )

    assert message.startswith(f"Change {record['number']}: start_date 'next Tuesday' is not")


def test_scheduling_needs_a_window(agent: TableApi, api: Api) -> None:
    """Scheduled requires start_date and end_date."""
    record = change_in(agent, api, "normal", AUTHORIZE)
    decide(api, record, "approved")

    message = refusal(move(agent, record, SCHEDULED, start_date="", end_date=""))

    assert message.endswith("start_date, end_date are mandatory")


# -- standard changes -----------------------------------------------------------------------------


def test_a_template_fills_in_the_change_and_pre_approves_it(agent: TableApi) -> None:
    """std_change_template makes a standard, approved change with the template's fields."""
    record = agent.create("change_request", {"std_change_template": "ISD monthly release"})

    assert (record["type"], record["approval"], record["business_service"]) == (
        "standard",
        "approved",
        "ISD",
    )
    assert record["short_description"] == "Monthly Industry Standing Data release"
    assert record["risk"] == "4"
    group = agent.read("sys_user_group", record["assignment_group"]["value"])
    assert group["name"] == "ISD Support"


def test_fields_given_with_the_template_win(agent: TableApi) -> None:
    """The template fills in only what the change does not give itself."""
    record = agent.create(
        "change_request",
        {"std_change_template": "ISD monthly release", "short_description": "ISD release 2026-11"},
    )

    assert record["short_description"] == "ISD release 2026-11"


def test_a_standard_change_needs_a_template(agent: TableApi) -> None:
    """type standard without std_change_template is refused, listing the templates."""
    response = agent.post("change_request", {"type": "standard", "short_description": "x"})

    assert "a standard change is raised from a template" in refusal(response)
    assert "ISD monthly release" in response.json()["error"]["detail"]


def test_an_unknown_template_is_refused_by_name(agent: TableApi) -> None:
    """A template that is not configured is named in the refusal."""
    response = agent.post("change_request", {"std_change_template": "Broker upgrade"})

    assert "std_change_template 'Broker upgrade' is not a standard change template" in refusal(
        response
    )


def test_a_template_change_cannot_be_another_type(agent: TableApi) -> None:
    """A change raised from a template is standard; asking for emergency is refused."""
    response = agent.post(
        "change_request", {"std_change_template": "ISD monthly release", "type": "emergency"}
    )

    assert "is a standard change, not emergency" in refusal(response)


# -- CAB and eCAB ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change_type", "role", "members"),
    [
        ("normal", "change_approver", {"elexon.cab", "elexon.cab2"}),
        ("emergency", "emergency_change_approver", {"elexon.ecab"}),
    ],
)
def test_authorize_asks_every_holder_of_the_types_approver_role(
    agent: TableApi, api: Api, change_type: str, role: str, members: set[str]
) -> None:
    """Entering Authorize requests one approval per CAB (or eCAB) member."""
    record = change_in(agent, api, change_type, AUTHORIZE)

    requested = approvals(agent, record)
    names = {agent.read("sys_user", a["approver"]["value"])["user_name"] for a in requested}
    assert names == members
    assert {a["u_approver_role"] for a in requested} == {role}
    assert agent.read("change_request", record["sys_id"])["approval"] == "requested"


def test_a_cab_approval_approves_the_change_and_retires_the_other_requests(
    agent: TableApi, api: Api
) -> None:
    """The first decision decides: the others become no longer required; a note records it."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    decide(api, record, "approved", "elexon.cab2")

    after = agent.read("change_request", record["sys_id"])
    assert after["approval"] == "approved"
    assert [a["state"] for a in approvals(agent, record, "not_required")] == ["not_required"]
    notes = agent.rows("sys_journal_field", f"element_id={record['sys_id']}^element=work_notes")
    assert "Approved by Ruth Ings (change_approver): Reviewed" in [n["value"] for n in notes]


def test_a_rejection_sends_the_change_back_to_new(agent: TableApi, api: Api) -> None:
    """A rejected change returns to New with approval rejected."""
    record = change_in(agent, api, "emergency", AUTHORIZE)

    decide(api, record, "rejected")

    after = agent.read("change_request", record["sys_id"])
    assert (after["state"], after["approval"]) == (NEW, "rejected")


def test_asking_again_after_a_rejection_requests_fresh_approvals(agent: TableApi, api: Api) -> None:
    """Authorize again resets the approval to requested with new approval records."""
    record = change_in(agent, api, "emergency", AUTHORIZE)
    decide(api, record, "rejected")

    again = moved(agent, agent.read("change_request", record["sys_id"]), AUTHORIZE)

    assert again["approval"] == "requested"
    assert len(approvals(agent, record)) == 1


def test_an_unapproved_change_cannot_leave_authorize(agent: TableApi, api: Api) -> None:
    """Scheduled from Authorize needs the approval."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    message = refusal(move(agent, record, SCHEDULED))

    assert "the change is not approved" in message


def test_an_agent_cannot_send_an_unrejected_change_back_to_new(agent: TableApi, api: Api) -> None:
    """Authorize to New happens only on rejection."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    message = refusal(move(agent, record, NEW))

    assert message.endswith("only when its approval was rejected")


@pytest.mark.parametrize(
    ("change_type", "user", "role"),
    [
        ("normal", "elexon.agent", "change_approver"),
        ("emergency", "elexon.cab", "emergency_change_approver"),
        ("normal", "elexon.ecab", "change_approver"),
    ],
)
def test_only_a_holder_of_the_role_may_decide(
    agent: TableApi, api: Api, change_type: str, user: str, role: str
) -> None:
    """A user without the type's approver role is refused, naming the change and the role."""
    record = change_in(agent, api, change_type, AUTHORIZE)
    approval = approvals(agent, record)[0]

    message = refusal(
        api(user).patch(f"sysapproval_approver/{approval['sys_id']}", {"state": "approved"})
    )

    assert message == (
        f"Approval for {record['number']} cannot move from Requested (requested) to "
        f"Approved (approved): deciding a {change_type} change needs the {role} role, "
        f"which {user} does not hold"
    )
    assert agent.read("change_request", record["sys_id"])["approval"] == "requested"


def test_a_cab_member_decides_only_their_own_approval(agent: TableApi, api: Api) -> None:
    """Another CAB member's approval record is not theirs to decide."""
    record = change_in(agent, api, "normal", AUTHORIZE)
    cab2 = agent.rows("sys_user", "user_name=elexon.cab2")[0]["sys_id"]
    theirs = next(a for a in approvals(agent, record) if a["approver"]["value"] == cab2)

    response = api("elexon.cab").patch(
        f"sysapproval_approver/{theirs['sys_id']}", {"state": "approved"}
    )

    assert refusal(response).endswith("only the approver named on the approval may decide it")


def test_an_approval_cannot_be_requested_from_someone_without_the_role(
    agent: TableApi, api: Api
) -> None:
    """An approval naming a user without the approver role is refused."""
    record = change_in(agent, api, "emergency", AUTHORIZE)

    response = agent.post(
        "sysapproval_approver", {"approver": "elexon.cab", "document_id": record["sys_id"]}
    )

    assert refusal(response) == (
        f"Approval for {record['number']}: elexon.cab does not hold the "
        "emergency_change_approver role, so cannot authorise a emergency change"
    )


@pytest.mark.parametrize(
    ("change_type", "target", "expected"),
    [
        ("standard", NEW, "pre-approved by its template and takes no approval"),
        ("normal", NEW, "approvals are requested while a change is in Authorize"),
    ],
)
def test_approvals_are_only_for_changes_in_authorize(
    agent: TableApi, api: Api, change_type: str, target: str, expected: str
) -> None:
    """A standard change takes no approval; others only while in Authorize."""
    record = change_in(agent, api, change_type, target)

    response = agent.post(
        "sysapproval_approver", {"approver": "elexon.cab", "document_id": record["sys_id"]}
    )

    assert expected in refusal(response)


def test_an_approval_starts_requested_and_keeps_its_approver(agent: TableApi, api: Api) -> None:
    """A new approval cannot be born approved, and its approver cannot be swapped."""
    record = change_in(agent, api, "normal", AUTHORIZE)
    born_approved = agent.post(
        "sysapproval_approver",
        {"approver": "elexon.cab", "document_id": record["sys_id"], "state": "approved"},
    )
    assert "a new approval starts as requested" in refusal(born_approved)

    approval = approvals(agent, record)[0]
    swapped = agent.patch(
        f"sysapproval_approver/{approval['sys_id']}", {"approver": "elexon.agent"}
    )
    assert "approver cannot change once requested" in refusal(swapped)


def test_a_requester_cannot_request_an_approval(agent: TableApi, api: Api) -> None:
    """Approvals are requested by agents or the desk."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    response = api("lanternfield.caller").post(
        "sysapproval_approver", {"approver": "elexon.cab", "document_id": record["sys_id"]}
    )

    assert refusal(response, 403) == "User lanternfield.caller may not request an approval"


def test_canceling_a_change_withdraws_its_pending_approvals(agent: TableApi, api: Api) -> None:
    """Requested approvals of a canceled change become cancelled."""
    record = change_in(agent, api, "normal", AUTHORIZE)

    moved(agent, record, CANCELED)

    assert approvals(agent, record) == []
    assert len(approvals(agent, record, "cancelled")) == 2


def test_the_named_approver_guard_lets_only_that_user_or_the_admin_decide() -> None:
    """The approval lifecycle's guard compares the acting user with the approver."""

    def context(user: str, admin: bool = False) -> GuardContext:
        return GuardContext({"approver": "cab"}, frozenset({"change_approver"}), user, admin)

    assert APPROVAL_LIFECYCLE.check("for CHG0030001", "requested", "approved", context("cab"))
    assert APPROVAL_LIFECYCLE.check("for CHG0030001", "requested", "rejected", context("x", True))
    with pytest.raises(InvalidTransition, match="only the approver named on the approval"):
        APPROVAL_LIFECYCLE.check("for CHG0030001", "requested", "approved", context("other"))


# -- freezes and notice ---------------------------------------------------------------------------


def authorised(agent: TableApi, api: Api, change_type: str = "normal") -> Record:
    record = change_in(agent, api, change_type, AUTHORIZE)
    decide(api, record, "approved")
    return record


CHRISTMAS = {"start_date": "2026-12-21 22:00:00", "end_date": "2026-12-22 02:00:00"}


@pytest.mark.parametrize("change_type", ["normal", "standard"])
def test_a_window_in_the_freeze_is_refused_naming_change_and_freeze(
    agent: TableApi, api: Api, change_type: str
) -> None:
    """Normal and standard changes are not scheduled in the Christmas freeze."""
    record = (
        raise_change(agent, "standard") if change_type == "standard" else authorised(agent, api)
    )
    source = record["state"] if change_type == "standard" else AUTHORIZE

    message = refusal(move(agent, record, SCHEDULED, **CHRISTMAS))

    assert message == (
        f"{LABELS[change_type]} {record['number']} cannot move from {state(source)} to "
        "Scheduled (-2): its window 2026-12-21 22:00 to 2026-12-22 02:00 London time overlaps "
        "the Christmas freeze (2026-12-18 18:00 to 2027-01-04 08:00 London time)"
    )


def test_an_emergency_change_is_not_frozen(agent: TableApi, api: Api) -> None:
    """An eCAB-approved emergency change may be scheduled inside the freeze."""
    record = authorised(agent, api, "emergency")

    assert moved(agent, record, SCHEDULED, **CHRISTMAS)["state"] == SCHEDULED


def test_a_window_ending_as_the_freeze_starts_is_accepted(agent: TableApi, api: Api) -> None:
    """Windows are half-open: ending at 18:00 on the 18th does not touch the freeze."""
    record = authorised(agent, api)
    window = {"start_date": "2026-12-18 14:00:00", "end_date": "2026-12-18 18:00:00"}

    assert moved(agent, record, SCHEDULED, **window)["state"] == SCHEDULED


def test_rescheduling_into_the_freeze_is_refused(agent: TableApi, api: Api) -> None:
    """Moving a scheduled change's window into a freeze is refused too."""
    record = moved(agent, authorised(agent, api), SCHEDULED)

    message = refusal(agent.patch(f"change_request/{record['sys_id']}", CHRISTMAS))

    assert message.startswith(f"Normal change {record['number']} in Scheduled (-2): its window")
    assert message.endswith(
        "overlaps the Christmas freeze (2026-12-18 18:00 to 2027-01-04 08:00 London time)"
    )


def test_a_normal_change_needs_ten_working_days_notice(agent: TableApi, api: Api) -> None:
    """Monday 2 November: Friday 13 November is nine working days away, Monday 16 is ten."""
    record = authorised(agent, api)
    early = {"start_date": "2026-11-13 22:00:00", "end_date": "2026-11-14 02:00:00"}

    response = move(agent, record, SCHEDULED, **early)

    assert refusal(response).endswith(
        "a normal change needs 10 working days' notice, but it starts 2026-11-13 22:00 London "
        "time, 9 working days from now"
    )
    assert "earliest start day is Monday 16 November 2026" in response.json()["error"]["detail"]
    on_time = {"start_date": "2026-11-16 22:00:00", "end_date": "2026-11-17 02:00:00"}
    assert moved(agent, record, SCHEDULED, **on_time)["state"] == SCHEDULED


@pytest.mark.parametrize("change_type", ["standard", "emergency"])
def test_standard_and_emergency_changes_need_no_notice(
    agent: TableApi, api: Api, change_type: str
) -> None:
    """Notice applies to normal changes only."""
    record = (
        raise_change(agent, "standard")
        if change_type == "standard"
        else authorised(agent, api, change_type)
    )
    tomorrow = {"start_date": "2026-11-03 20:00:00", "end_date": "2026-11-03 22:00:00"}

    assert moved(agent, record, SCHEDULED, **tomorrow)["state"] == SCHEDULED


# -- notices --------------------------------------------------------------------------------------


def test_scheduling_tells_every_participant_party(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """One e-mail per participant party, to its groups, naming change, window and service."""
    record = moved(agent, authorised(agent, api), SCHEDULED)

    sent = emails(agent, record)
    by_recipients = {e["recipients"]: e for e in sent}
    assert sorted(by_recipients) == participant_recipients
    assert "lanternfield-service-desk@lanternfield.example" in by_recipients
    notice = sent[0]
    assert notice["subject"] == (
        f"Normal change {record['number']} to the DIP: 2026-11-17 22:00 to 2026-11-18 02:00 "
        "London time"
    )
    assert "Data Integration Platform (DIP)" in notice["body"]
    assert "Upgrade the DIP message broker" in notice["body"]
    assert (notice["target_table"], notice["sent_at"]) == (
        "change_request",
        notice["sys_created_on"],
    )


def test_a_refused_scheduling_sends_nothing(agent: TableApi, api: Api) -> None:
    """No notice leaves for a change the freeze refused."""
    record = authorised(agent, api)

    refusal(move(agent, record, SCHEDULED, **CHRISTMAS))

    assert emails(agent, record) == []


def test_moving_the_window_sends_a_rescheduled_notice(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """A new window while Scheduled is announced again."""
    record = moved(agent, authorised(agent, api), SCHEDULED)
    later = {"start_date": "2026-11-24 22:00:00", "end_date": "2026-11-25 02:00:00"}

    agent.change("change_request", record["sys_id"], later)

    subjects = [e["subject"] for e in emails(agent, record)]
    assert subjects.count(
        f"Rescheduled: Normal change {record['number']} to the DIP: 2026-11-24 22:00 to "
        "2026-11-25 02:00 London time"
    ) == len(participant_recipients)


def test_closing_tells_participants_the_outcome(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """A closed change is confirmed to every participant with its close code."""
    record = change_in(agent, api, "normal", CLOSED)

    completed = [e for e in emails(agent, record) if e["subject"].startswith("Completed")]

    assert len(completed) == len(participant_recipients)
    assert completed[0]["subject"] == (
        f"Completed: Normal change {record['number']} to the DIP: Successful"
    )
    assert "Broker upgraded; checks passed" in completed[0]["body"]


def test_canceling_a_scheduled_change_is_announced(
    agent: TableApi, api: Api, participant_recipients: list[str]
) -> None:
    """Participants told of a window hear when it is dropped; unannounced changes stay quiet."""
    scheduled = moved(agent, authorised(agent, api), SCHEDULED)
    unannounced = raise_change(agent)

    moved(agent, scheduled, CANCELED)
    moved(agent, unannounced, CANCELED)

    canceled = [e for e in emails(agent, scheduled) if e["subject"].startswith("Canceled")]
    assert len(canceled) == len(participant_recipients)
    assert emails(agent, unannounced) == []


# -- links ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("table", ["incident", "problem"])
def test_incidents_and_problems_name_the_change_that_fixes_them(
    agent: TableApi, table: str
) -> None:
    """rfc references the change_request, by sys_id or number."""
    change = raise_change(agent, "emergency")
    task = agent.create(table, {"short_description": "DIP egress gateway down"})

    linked = agent.change(table, task["sys_id"], {"rfc": change["number"]})

    assert linked["rfc"]["value"] == change["sys_id"]
    assert agent.rows(table, f"rfc={change['sys_id']}")[0]["number"] == task["number"]


# -- scheduling rules and configuration -----------------------------------------------------------


def test_working_days_skip_weekends_and_bank_holidays() -> None:
    """From Monday 21 December 2026 the tenth working day is Thursday 7 January 2027."""
    calendar = default_sla_config().calendar("england_wales")

    assert nth_working_day_after(calendar, date(2026, 12, 21), 10) == date(2027, 1, 7)
    assert working_days_between(calendar, date(2026, 12, 21), date(2027, 1, 5)) == 8
    assert working_days_between(calendar, date(2026, 12, 21), date(2026, 12, 21)) == 0


def test_scheduling_rules_follow_the_configured_types() -> None:
    """freeze_applies_to and notice_applies_to decide which types a rule touches."""
    freeze = FreezeWindow(
        "Gate closure freeze", datetime(2026, 11, 5, tzinfo=UTC), datetime(2026, 11, 6, tzinfo=UTC)
    )
    config = ChangeConfig(
        notice_working_days=2,
        notice_applies_to=frozenset({"standard"}),
        freezes=(freeze,),
        freeze_applies_to=frozenset({"emergency"}),
    )
    rules = SchedulingRules(config, default_sla_config().calendar("england_wales"))
    in_freeze = Window(datetime(2026, 11, 5, 1, tzinfo=UTC), datetime(2026, 11, 5, 2, tzinfo=UTC))
    tomorrow = Window(datetime(2026, 11, 3, 1, tzinfo=UTC), datetime(2026, 11, 3, 2, tzinfo=UTC))

    rules.check("Normal change CHG1", "normal", in_freeze, START)
    with pytest.raises(InvalidTransition, match=r"^Emergency CHG2: .* overlaps the Gate closure"):
        rules.check("Emergency CHG2", "emergency", in_freeze, START)
    with pytest.raises(InvalidTransition, match="needs 2 working days' notice"):
        rules.check("Standard CHG3", "standard", tomorrow, START)


def test_a_window_is_read_only_when_both_dates_are_given() -> None:
    """Window.of is None until both dates are filled in."""
    assert Window.of("CHG1", {"start_date": "2026-11-17 22:00:00", "end_date": ""}) is None
    with pytest.raises(BadRequest, match="end_date 2026-11-17 21:00:00 is not after"):
        Window.of("CHG1", {"start_date": "2026-11-17 22:00:00", "end_date": "2026-11-17 21:00:00"})


def config_with(change: Any) -> DeskConfig:
    return replace(load_desk_config(), extra={"change": change}, source="desk.toml")


def test_the_default_configuration_has_the_christmas_freeze_and_ten_days_notice() -> None:
    """The packaged desk.toml declares DOMAIN.md's assumptions."""
    config = load_change_config(load_desk_config())

    assert config.notice_working_days == 10
    assert config.notice_applies_to == {"normal"}
    assert config.freeze_applies_to == {"normal", "standard"}
    assert [f.name for f in config.freezes] == ["Christmas freeze"]
    assert "ISD monthly release" in config.templates


def test_without_a_change_section_the_defaults_apply() -> None:
    """Nothing in [change] is required."""
    assert load_change_config(config_with({})) == ChangeConfig()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"notice": 10}, "change.notice is not a setting of \\[change\\]"),
        ({"notice_working_days": -1}, "notice_working_days must be a whole number"),
        ({"notice_applies_to": ["major"]}, "notice_applies_to must list change types"),
        ({"freeze": {"name": "x"}}, "change.freeze must be a list"),
        ({"freeze": [{"name": "x", "start": "2026-12-18 18:00"}]}, r"freeze\[0\] must be \{ name"),
        (
            {"freeze": [{"name": "x", "start": "18/12/2026", "end": "2027-01-04 08:00"}]},
            r"freeze\[0\].start must be a London time like '2026-12-18 18:00'",
        ),
        (
            {"freeze": [{"name": "x", "start": "2027-01-04 08:00", "end": "2026-12-18 18:00"}]},
            r"freeze\[0\] ends \(2026-12-18 18:00\) before it starts",
        ),
        ({"templates": {"T": {"state": "-2"}}}, "templates.T.state is not a change field"),
        ({"templates": {"T": {"colour": "red"}}}, "templates.T.colour is not a change field"),
        ({"templates": {"T": {"risk": "9"}}}, "templates.T.risk '9' is not one of"),
        ({"templates": {"T": {"risk": 4}}}, "templates.T.risk must be a string"),
    ],
)
def test_a_bad_change_section_is_refused_naming_file_and_key(change: Any, message: str) -> None:
    """Each mistake names desk.toml, the key and what was wrong."""
    with pytest.raises(ConfigError, match=f"^desk.toml: .*{message}"):
        load_change_config(config_with(change))
