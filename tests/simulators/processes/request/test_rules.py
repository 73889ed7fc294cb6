"""Service requests over HTTP: owning groups, type fields, checks, requester rights."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from simulators.desk.desk import Desk
from simulators.processes.request.settings import DEFAULT_OWNING_GROUPS
from tests.simulators.conftest import TableApi
from tests.simulators.processes.request.conftest import (
    CANCELLED,
    COMPLETE,
    IN_PROCESS,
    INCOMPLETE,
    ONBOARDING,
    REQUESTED,
    Api,
    Record,
    move,
    raise_request,
    refusal,
    request_in,
    state,
)

SOLR = {
    "u_request_type": "solr_role_transfer",
    "u_incoming_party": "lanternfield",
    "u_incoming_mpid": "LANT",
    "u_failed_party": "brightwell",
    "u_failed_mpid": "BRIG",
}


def offboarding(desk: Desk, days_ahead: int = 30, **fields: str) -> dict[str, str]:
    effective = (desk.clock.now() + timedelta(days=days_ahead)).date().isoformat()
    return {
        "u_request_type": "dip_offboarding",
        "u_reason": "Customer book sold",
        "u_effective_date": effective,
        **fields,
    }


def user_id(api: Api, user_name: str) -> str:
    return api("admin").rows("sys_user", f"user_name={user_name}")[0]["sys_id"]


def shown(by: TableApi, record: Record) -> Record:
    response = by.get(f"sc_request/{record['sys_id']}", sysparm_display_value="true")
    return response.json()["result"]


def test_a_portal_request_is_numbered_and_belongs_to_its_party(api: Api, caller: TableApi) -> None:
    """A request gets a REQ number, the raising party, its requester and a default summary."""
    record = raise_request(caller)

    assert re.fullmatch(r"REQ\d{7}", record["number"])
    me = user_id(api, "lanternfield.caller")
    assert (record["u_party"], record["requested_for"]["value"], record["opened_by"]["value"]) == (
        "lanternfield",
        me,
        me,
    )
    assert (record["request_state"], record["short_description"]) == (
        REQUESTED,
        "DIP onboarding for Lanternfield Energy Supply",
    )


@pytest.mark.parametrize(("kind", "group"), sorted(DEFAULT_OWNING_GROUPS.items()))
def test_each_type_goes_to_its_owning_group(desk: Desk, api: Api, kind: str, group: str) -> None:
    """The portal assigns each request type to the group that fulfils it."""
    fields = {"access": {}, "dip_offboarding": offboarding(desk), "solr_role_transfer": SOLR}
    body = {**ONBOARDING, **fields.get(kind, {}), "u_request_type": kind}
    record = api("lanternfield.agent").create("sc_request", body)

    assert shown(api("admin"), record)["assignment_group"]["display_value"] == group


def test_only_the_central_desk_chooses_another_group(caller: TableApi, api: Api) -> None:
    """A party's choice of group is overruled by the portal; an Elexon agent's is kept."""
    from_party = raise_request(caller, assignment_group="Lanternfield Service Desk")
    from_desk = raise_request(api("elexon.agent"), assignment_group="VAS Support")

    assert shown(caller, from_party)["assignment_group"]["display_value"] == "DIP Manager"
    assert shown(api("admin"), from_desk)["assignment_group"]["display_value"] == "VAS Support"


def test_a_party_raises_requests_only_for_its_own_people(caller: TableApi) -> None:
    """Lanternfield cannot raise a request in Brightwell's name: to it, that user does not exist."""
    response = caller.post("sc_request", {**ONBOARDING, "requested_for": "brightwell.agent"})
    missing = caller.post("sc_request", {**ONBOARDING, "requested_for": "nobody.at.all"})

    assert refusal(response) == (
        "Field 'requested_for': 'brightwell.agent' matches no record in sys_user"
    )
    assert (
        refusal(missing) == "Field 'requested_for': 'nobody.at.all' matches no record in sys_user"
    )


def test_the_request_type_is_mandatory(caller: TableApi) -> None:
    """A request without a type is refused, listing the types."""
    response = caller.post("sc_request", {"short_description": "Please help"})

    assert refusal(response) == "Request (new): u_request_type is mandatory"
    assert "dip_offboarding (DIP offboarding)" in response.json()["error"]["detail"]


@pytest.mark.parametrize(
    ("kind", "cleared", "message"),
    [
        ("dip_onboarding", {"u_mpid": ""}, "u_mpid is mandatory for DIP onboarding"),
        (
            "dip_role_change",
            {"u_market_role": ""},
            "u_market_role is mandatory for DIP role change",
        ),
        ("dip_offboarding", {"u_reason": ""}, "u_reason is mandatory for DIP offboarding"),
        (
            "dip_offboarding",
            {"u_effective_date": ""},
            "u_effective_date is mandatory for DIP offboarding",
        ),
        (
            "dip_offboarding",
            {"u_reason": "", "u_effective_date": ""},
            "u_reason, u_effective_date are mandatory for DIP offboarding",
        ),
        (
            "solr_role_transfer",
            {"u_failed_mpid": ""},
            "u_failed_mpid is mandatory for Supplier of Last Resort role transfer",
        ),
    ],
)
def test_each_type_needs_its_own_fields(
    desk: Desk, caller: TableApi, kind: str, cleared: dict[str, str], message: str
) -> None:
    """Onboarding needs the participant; offboarding a reason and a date; SoLR both suppliers."""
    body = {**ONBOARDING, **offboarding(desk), **SOLR, "u_request_type": kind, **cleared}

    assert refusal(caller.post("sc_request", body)) == f"Request (new): {message}"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"u_mpid": "Lant"}, "Request (new): u_mpid 'Lant' is not an MPID"),
        (
            {"u_market_role": "elexon"},
            "Field 'u_market_role' of sc_request: 'elexon' is not a valid choice",
        ),
    ],
)
def test_the_participant_must_be_well_formed(
    caller: TableApi, fields: dict[str, str], message: str
) -> None:
    """An MPID is four upper-case letters and the role is a participant's market role."""
    assert refusal(caller.post("sc_request", {**ONBOARDING, **fields})) == message


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"u_failed_party": "harbour"}, "u_failed_party 'harbour' is not a party of this desk"),
        (
            {"u_failed_party": "lanternfield"},
            "u_incoming_party and u_failed_party name the same party 'lanternfield'",
        ),
        ({"u_incoming_mpid": "LAN1"}, "u_incoming_mpid 'LAN1' is not an MPID"),
    ],
)
def test_a_role_transfer_names_two_known_suppliers(
    caller: TableApi, fields: dict[str, str], message: str
) -> None:
    """Both suppliers must be parties of the roster, different, with valid MPIDs."""
    assert refusal(caller.post("sc_request", {**SOLR, **fields})) == f"Request (new): {message}"


def test_an_offboarding_date_must_be_a_date_not_in_the_past(desk: Desk, caller: TableApi) -> None:
    """The effective date is YYYY-MM-DD and on or after the day the request is raised."""
    today = desk.clock.now().date()
    yesterday = today - timedelta(days=1)

    badly_written = caller.post("sc_request", offboarding(desk, u_effective_date="31/01/2027"))
    in_the_past = caller.post("sc_request", offboarding(desk, days_ahead=-1))
    from_today = caller.post("sc_request", offboarding(desk, days_ahead=0))

    assert refusal(badly_written) == (
        "Request (new): u_effective_date '31/01/2027' is not a date like 2026-12-31"
    )
    assert refusal(in_the_past) == (
        f"Request (new): u_effective_date {yesterday.isoformat()} is before today "
        f"({today.isoformat()})"
    )
    assert from_today.status_code == 201, from_today.text


def test_the_type_is_fixed_once_raised(caller: TableApi, dip: TableApi) -> None:
    """Even the DIP team cannot turn an onboarding into another type."""
    record = raise_request(caller)

    response = dip.patch(f"sc_request/{record['sys_id']}", {"u_request_type": "access"})

    assert refusal(response) == f"Request {record['number']}: the request type is fixed once raised"


def test_closing_incomplete_needs_close_notes(caller: TableApi, dip: TableApi) -> None:
    """Closed Incomplete says why in close_notes."""
    record = request_in(caller, dip, IN_PROCESS)

    message = refusal(move(dip, record, INCOMPLETE, close_notes=""))

    assert message == (
        f"Request {record['number']} cannot move from {state(IN_PROCESS)} to "
        f"{state(INCOMPLETE)}: close_notes is mandatory"
    )


def test_starting_assigns_the_fulfiller_and_closing_stamps_the_request(
    api: Api, caller: TableApi, dip: TableApi
) -> None:
    """Starting fulfilment assigns the DIP agent; completing stamps when, by whom, inactive."""
    record = raise_request(caller)

    started = move(dip, record, IN_PROCESS).json()["result"]
    done = move(dip, record, COMPLETE).json()["result"]

    member = user_id(api, "elexon.dip")
    assert started["assigned_to"]["value"] == member
    assert (done["closed_by"]["value"], done["active"]) == (member, "false")
    assert done["closed_at"] == done["sys_updated_on"]


@pytest.mark.parametrize("user", ["lanternfield.caller", "lanternfield.agent"])
def test_the_requesting_party_cannot_fulfil_its_own_request(
    api: Api, caller: TableApi, user: str
) -> None:
    """Neither the requester nor its party's own agent may start fulfilment."""
    record = raise_request(caller)

    message = refusal(move(api(user), record, IN_PROCESS))

    assert message == (
        f"Request {record['number']} cannot move from {state(REQUESTED)} to "
        f"{state(IN_PROCESS)}: only the fulfilling team may do this"
    )


@pytest.mark.parametrize("source", [REQUESTED, IN_PROCESS])
def test_the_requester_may_cancel_an_open_request(
    caller: TableApi, dip: TableApi, source: str
) -> None:
    """Cancelling is the requesting party's right until the request is closed."""
    record = request_in(caller, dip, source)

    cancelled = move(caller, record, CANCELLED).json()["result"]

    assert (cancelled["request_state"], cancelled["active"]) == (CANCELLED, "false")


def test_the_requester_may_comment_but_not_work_the_request(caller: TableApi) -> None:
    """Changing the participant or adding work notes is refused with 403."""
    record = raise_request(caller)

    for change, named in (({"u_mpid": "LANX"}, "u_mpid"), ({"work_notes": "done"}, "work_notes")):
        message = refusal(caller.patch(f"sc_request/{record['sys_id']}", change), 403)
        assert message == (
            f"User lanternfield.caller may not change {named} on request {record['number']}"
        )
    commented = caller.change("sc_request", record["sys_id"], {"comments": "Test cert attached"})
    assert commented["sys_mod_count"] == "1"


def test_another_party_can_neither_see_nor_list_the_request(api: Api, caller: TableApi) -> None:
    """Tenancy: Brightwell gets 404 by id and an empty list; Elexon sees it."""
    record = raise_request(caller)
    brightwell = api("brightwell.agent")

    assert brightwell.get(f"sc_request/{record['sys_id']}").status_code == 404
    assert brightwell.rows("sc_request", f"number={record['number']}") == []
    assert api("elexon.agent").read("sc_request", record["sys_id"])["number"] == record["number"]


def test_a_role_transfer_is_checked_only_while_in_process(caller: TableApi, dip: TableApi) -> None:
    """Verifying before work has started is refused."""
    record = caller.create("sc_request", SOLR)

    response = dip.patch(f"sc_request/{record['sys_id']}", {"u_roles_verified": "true"})

    assert refusal(response) == (
        f"Request {record['number']} cannot verify the role transfer while it is {state(REQUESTED)}"
    )


def test_instructions_wait_for_verification(caller: TableApi, dip: TableApi) -> None:
    """Sending the instructions before the transfer is verified is refused."""
    record = caller.create("sc_request", SOLR)
    move(dip, record, IN_PROCESS)

    response = dip.patch(f"sc_request/{record['sys_id']}", {"u_instructions_sent": "true"})

    assert refusal(response) == (
        f"Request {record['number']} cannot send the transfer instructions until the role "
        "transfer is verified"
    )


def test_a_role_transfer_completes_only_when_every_check_is_done(
    caller: TableApi, dip: TableApi
) -> None:
    """Closed Complete is refused until the roles are verified and the instructions sent."""
    record = caller.create("sc_request", SOLR)
    move(dip, record, IN_PROCESS)
    dip.change("sc_request", record["sys_id"], {"u_roles_verified": "true"})

    message = refusal(move(dip, record, COMPLETE))

    assert message == (
        f"Request {record['number']} cannot move from {state(IN_PROCESS)} to {state(COMPLETE)}: "
        "only a request whose fulfilment checks are all done may close complete"
    )


def test_a_verified_transfer_sends_instructions_to_both_suppliers_and_completes(
    api: Api, caller: TableApi, dip: TableApi, desk: Desk
) -> None:
    """Each check is stamped; the instructions go to both suppliers' groups as one e-mail."""
    record = caller.create("sc_request", SOLR)
    move(dip, record, IN_PROCESS)

    verified = dip.change("sc_request", record["sys_id"], {"u_roles_verified": "true"})
    sent = dip.change("sc_request", record["sys_id"], {"u_instructions_sent": "true"})
    done = move(dip, record, COMPLETE)

    assert verified["u_verified_by"]["value"] == user_id(api, "elexon.dip")
    assert verified["u_verified_at"] and sent["u_instructions_sent_at"]
    assert done.status_code == 200, done.text
    [email] = api("admin").rows("sys_email", f"instance={record['sys_id']}")
    assert email["subject"] == f"DIP role transfer instructions: {record['number']}"
    assert set(email["recipients"].split(",")) == {
        "lanternfield-service-desk@lanternfield.example",
        "brightwell-service-desk@brightwell.example",
    }
    assert (
        "the DIP roles of Brightwell Power (MPID BRIG) move to Lanternfield Energy Supply "
        "(MPID LANT)" in email["body"]
    )
    assert caller.rows("sys_email", f"instance={record['sys_id']}") == [email]


def test_a_recorded_check_cannot_be_withdrawn(caller: TableApi, dip: TableApi) -> None:
    """Once verified, the transfer stays verified."""
    record = caller.create("sc_request", SOLR)
    move(dip, record, IN_PROCESS)
    dip.change("sc_request", record["sys_id"], {"u_roles_verified": "true"})

    response = dip.patch(f"sc_request/{record['sys_id']}", {"u_roles_verified": "false"})

    assert refusal(response) == (
        f"Request {record['number']}: u_roles_verified cannot be withdrawn once recorded"
    )


def test_checks_of_one_type_do_not_apply_to_another(caller: TableApi, dip: TableApi) -> None:
    """An onboarding request has no role transfer to verify."""
    record = request_in(caller, dip, IN_PROCESS)

    response = dip.patch(f"sc_request/{record['sys_id']}", {"u_roles_verified": "true"})

    assert refusal(response) == (
        f"Request {record['number']}: u_roles_verified does not apply to DIP onboarding"
    )
