"""Triage over HTTP: contacts classified at the central desk, their outcomes and referrals."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
import requests

from simulators.desk.desk import Desk
from simulators.processes.triage.rules import TRIAGE_OUTCOMES
from simulators.processes.triage.schema import CLASSIFICATIONS, INTERACTION_LIFECYCLE
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


Record = dict[str, Any]


NEW, WIP, CLOSED = "new", "work_in_progress", "closed_complete"


STATE_NAMES = {NEW: "New", WIP: "Work in Progress", CLOSED: "Closed Complete"}


SUMMARY = "IF-008 energisation status not received for MPAN 1200023304458"


def state(code: str) -> str:
    return f"{STATE_NAMES[code]} ({code})"


@pytest.fixture(scope="module")
def caller(api: Api) -> TableApi:
    return api("lanternfield.caller")


@pytest.fixture(scope="module")
def agent(api: Api) -> TableApi:
    return api("elexon.agent")


@pytest.fixture(scope="module")
def admin(api: Api) -> TableApi:
    return api("admin")


def contact(by: TableApi, **fields: str) -> Record:
    return by.create("interaction", {"short_description": SUMMARY, **fields})


def classify(by: TableApi, record: Record, **fields: str) -> requests.Response:
    return by.patch(f"interaction/{record['sys_id']}", fields)


def classified(by: TableApi, record: Record, **fields: str) -> Record:
    response = classify(by, record, **fields)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def refusal(response: requests.Response, status: int = 400) -> str:
    assert response.status_code == status, response.text
    return response.json()["error"]["message"]


def user_id(admin: TableApi, user_name: str) -> str:
    return admin.rows("sys_user", f"user_name={user_name}")[0]["sys_id"]


def group_of(admin: TableApi, record: Record) -> str:
    shown = admin.get(f"interaction/{record['sys_id']}", sysparm_display_value="true")
    group = shown.json()["result"]["assignment_group"]
    return group["display_value"] if group else ""


def test_a_contact_is_numbered_and_waits_with_the_first_line(
    caller: TableApi, admin: TableApi
) -> None:
    """A new contact gets an IMS number, its caller's party, and the intake group."""
    record = contact(caller)

    assert re.fullmatch(r"IMS\d{7}", record["number"])
    assert (record["state"], record["u_party"], record["u_classification"]) == (
        NEW,
        "lanternfield",
        "",
    )
    assert record["opened_for"]["value"] == user_id(admin, "lanternfield.caller")
    assert group_of(admin, record) == "Elexon Service Desk"


def test_an_agent_logs_a_call_for_a_caller(agent: TableApi) -> None:
    """A contact logged by the central desk belongs to the party of the person it is for."""
    record = contact(agent, opened_for="lanternfield.caller", type="phone")

    assert (record["u_party"], record["type"]) == ("lanternfield", "phone")


def test_a_party_opens_contacts_only_for_its_own_people(caller: TableApi) -> None:
    """Lanternfield cannot open a contact in Brightwell's name: to it, that user does not exist."""
    response = caller.post(
        "interaction", {"short_description": SUMMARY, "opened_for": "brightwell.agent"}
    )

    assert refusal(response) == (
        "Field 'opened_for': 'brightwell.agent' matches no record in sys_user"
    )


def test_an_incident_outcome_raises_a_linked_incident_for_the_caller(
    caller: TableApi, agent: TableApi, admin: TableApi
) -> None:
    """Classifying as incident closes the contact and raises an incident the caller owns."""
    record = contact(caller)

    done = classified(agent, record, u_classification="incident")

    assert (done["state"], done["close_code"], done["active"]) == (
        CLOSED,
        "Incident raised",
        "false",
    )
    assert (done["u_classified_by"]["value"], done["u_classified_at"]) == (
        user_id(admin, "elexon.agent"),
        done["closed_at"],
    )
    incident = caller.read("incident", done["u_incident"]["value"])
    assert (incident["short_description"], incident["caller_id"]["value"]) == (
        SUMMARY,
        user_id(admin, "lanternfield.caller"),
    )
    [note] = admin.rows("sys_journal_field", f"element_id={incident['sys_id']}")
    assert note["value"] == (
        f"Raised by the central service desk from contact {record['number']}: {SUMMARY}"
    )


def test_a_request_outcome_raises_a_request_the_party_owns(
    caller: TableApi, agent: TableApi, admin: TableApi
) -> None:
    """Classifying as request raises a portal-style request for the caller's party."""
    record = contact(caller, short_description="Need Elexon Portal access for a new analyst")

    done = classified(agent, record, u_classification="request", u_request_type="access")

    request = caller.read("sc_request", done["u_request"]["value"])
    assert (done["state"], done["close_code"]) == (CLOSED, "Request raised")
    assert (request["u_party"], request["u_request_type"], request["requested_for"]["value"]) == (
        "lanternfield",
        "access",
        user_id(admin, "lanternfield.caller"),
    )
    shown = admin.get(f"sc_request/{request['sys_id']}", sysparm_display_value="true")
    assert shown.json()["result"]["assignment_group"]["display_value"] == "Elexon Portal Support"


def test_a_request_outcome_needs_the_request_type(caller: TableApi, agent: TableApi) -> None:
    """Without a request type nothing is raised and the contact stays New."""
    record = contact(caller)

    message = refusal(classify(agent, record, u_classification="request"))

    assert message == (
        f"Interaction {record['number']}: u_request_type is mandatory to classify it as "
        "service request"
    )
    assert agent.read("interaction", record["sys_id"])["state"] == NEW


def test_a_raised_request_follows_its_own_type_rules(caller: TableApi, agent: TableApi) -> None:
    """A DIP onboarding cannot be raised from a contact without the participant's details."""
    record = contact(caller)

    response = classify(agent, record, u_classification="request", u_request_type="dip_onboarding")

    assert refusal(response) == (
        "Request (new): u_mpid, u_market_role are mandatory for DIP onboarding"
    )
    assert agent.read("interaction", record["sys_id"])["u_classification"] == ""


def test_a_business_query_goes_to_business_support_without_any_sla(
    caller: TableApi, agent: TableApi, admin: TableApi
) -> None:
    """A business query is worked by Business Support; no incident, no task_sla."""
    record = contact(caller, short_description="Which run settles 14 November?")

    done = classified(agent, record, u_classification="business_query")

    assert (done["state"], done["u_incident"], done["close_code"]) == (WIP, "", "")
    assert group_of(admin, record) == "Business Support"
    assert admin.rows("task_sla", f"task={record['sys_id']}") == []


def test_business_support_closes_an_answered_query(caller: TableApi, agent: TableApi) -> None:
    """An answered query closes with the Answered code; without a code it cannot close."""
    record = contact(caller)
    classified(agent, record, u_classification="business_query")

    unanswered = classify(agent, record, state=CLOSED)
    answered = classified(
        agent, record, state=CLOSED, close_code="Answered", close_notes="See BSC section S-2"
    )

    assert refusal(unanswered) == (
        f"Interaction {record['number']} cannot move from {state(WIP)} to {state(CLOSED)}: "
        "close_code is mandatory"
    )
    assert (answered["state"], answered["close_code"]) == (CLOSED, "Answered")


def test_a_business_query_that_is_a_fault_becomes_an_incident(
    caller: TableApi, agent: TableApi
) -> None:
    """An open contact may be re-triaged: the query turns out to be a broken service."""
    record = contact(caller)
    classified(agent, record, u_classification="business_query")

    done = classified(agent, record, u_classification="incident")

    assert (done["state"], done["close_code"]) == (CLOSED, "Incident raised")
    assert done["u_incident"]["value"]


def test_a_referral_records_the_party_and_the_time_to_redirect(
    desk: Desk, caller: TableApi, agent: TableApi, admin: TableApi
) -> None:
    """Referring closes the contact as Referred after the measured time and tells the caller."""
    record = contact(caller)
    desk.clock.move_to(desk.clock.now() + timedelta(minutes=7))  # type: ignore[attr-defined]

    done = classified(
        agent, record, u_classification="referral", u_referred_to="Northvale Registration Support"
    )

    assert (done["state"], done["close_code"], done["u_referred_party"]) == (
        CLOSED,
        "Referred",
        "northvale",
    )
    assert done["u_redirect_seconds"] == "420"
    assert done["close_notes"] == (
        "Referred to Northvale Registration Support (Northvale Power Networks): "
        "the fault lies in that party's estate."
    )
    [email] = caller.rows("sys_email", f"instance={record['sys_id']}")
    assert email["recipients"] == (
        "lanternfield.caller@lanternfield.example,northvale-registration-support@northvale.example"
    )
    assert email["subject"] == (
        f"Your contact {record['number']} has been referred to Northvale Registration Support"
    )
    assert (
        "Please raise it with Northvale Registration Support "
        "(northvale-registration-support@northvale.example)" in email["body"]
    )


def test_the_referred_party_does_not_see_the_contact(
    api: Api, caller: TableApi, agent: TableApi
) -> None:
    """A referral tells the caller where to go; it does not hand the contact over."""
    record = contact(caller)
    classified(
        agent, record, u_classification="referral", u_referred_to="Northvale Registration Support"
    )

    assert api("northvale.agent").get(f"interaction/{record['sys_id']}").status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "u_referred_to is mandatory to classify it as referral to another party"),
        (
            {"u_referred_to": "Business Support"},
            "a referral goes to another party's desk, but Business Support belongs to Elexon "
            "Service Desk",
        ),
    ],
)
def test_a_referral_names_another_partys_group(
    caller: TableApi, agent: TableApi, fields: dict[str, str], message: str
) -> None:
    """A referral needs a group, and a group of another party than the central desk."""
    record = contact(caller)

    response = classify(agent, record, u_classification="referral", **fields)

    assert refusal(response) == f"Interaction {record['number']}: {message}"


def test_the_desk_may_classify_a_contact_as_it_logs_it(agent: TableApi) -> None:
    """A call logged and classified in one go is closed and linked at once."""
    record = contact(agent, opened_for="lanternfield.caller", u_classification="incident")

    assert (record["state"], record["close_code"]) == (CLOSED, "Incident raised")
    assert record["u_incident"]["value"]


@pytest.mark.parametrize("user", ["lanternfield.caller", "lanternfield.agent"])
def test_only_the_central_desk_classifies(api: Api, user: str) -> None:
    """The caller and its own party's agent are refused with 403, naming the contact."""
    record = contact(api(user))

    message = refusal(classify(api(user), record, u_classification="incident"), 403)

    assert message == (
        f"User {user} may not classify interaction {record['number']}: "
        "only the central service desk triages contacts"
    )


def test_a_party_cannot_classify_while_raising_its_contact(caller: TableApi) -> None:
    """A classification sent with a new contact by the caller is refused."""
    response = caller.post(
        "interaction", {"short_description": SUMMARY, "u_classification": "business_query"}
    )

    assert refusal(response, 403) == (
        "User lanternfield.caller may not classify interaction (new): "
        "only the central service desk triages contacts"
    )


def test_the_caller_may_comment_but_not_change_the_contact(caller: TableApi) -> None:
    """Comments are the caller's; every field is the central desk's."""
    record = contact(caller)

    refused = caller.patch(f"interaction/{record['sys_id']}", {"state": WIP})
    commented = caller.change("interaction", record["sys_id"], {"comments": "Flow attached"})

    assert refusal(refused, 403) == (
        f"User lanternfield.caller may not change state on interaction {record['number']}"
    )
    assert commented["sys_mod_count"] == "1"


def test_a_closed_contact_keeps_its_classification(caller: TableApi, agent: TableApi) -> None:
    """Once closed, a contact cannot be classified again."""
    record = contact(caller)
    classified(agent, record, u_classification="incident")

    message = refusal(classify(agent, record, u_classification="business_query"))

    assert message == (
        f"Interaction {record['number']} is {state(CLOSED)}: its classification cannot change"
    )


def test_a_classification_cannot_be_removed(caller: TableApi, agent: TableApi) -> None:
    """An open, classified contact cannot go back to unclassified."""
    record = contact(caller)
    classified(agent, record, u_classification="business_query")

    message = refusal(classify(agent, record, u_classification=""))

    assert message == f"Interaction {record['number']}: a classification cannot be removed"


@pytest.mark.parametrize(("path", "target"), [([WIP], NEW), ([CLOSED], NEW), ([CLOSED], WIP)])
def test_illegal_moves_are_refused_naming_the_contact_and_both_states(
    caller: TableApi, agent: TableApi, path: list[str], target: str
) -> None:
    """A contact never goes back to New, nor reopens once closed."""
    record = contact(caller)
    for step in path:
        fields = {"u_classification": "incident"} if step == CLOSED else {"state": step}
        classified(agent, record, **fields)

    message = refusal(classify(agent, record, state=target))

    assert message == (
        f"Interaction {record['number']} cannot move from {state(path[-1])} to "
        f"{state(target)}: no such transition"
    )


def test_closing_without_a_classification_is_refused(caller: TableApi, agent: TableApi) -> None:
    """Closed Complete needs a classification and a close code."""
    record = contact(caller)

    message = refusal(classify(agent, record, state=CLOSED))

    assert message == (
        f"Interaction {record['number']} cannot move from {state(NEW)} to {state(CLOSED)}: "
        "u_classification, close_code are mandatory"
    )


def test_every_classification_has_one_outcome() -> None:
    """The outcome table covers exactly the classifications the field offers."""
    assert set(TRIAGE_OUTCOMES) == set(CLASSIFICATIONS)
    assert {o.state for o in TRIAGE_OUTCOMES.values()} <= set(INTERACTION_LIFECYCLE.states)
