"""Contract: the real pysnow 0.7.17 client raises, queries and works requests and contacts.

pysnow raises `requests.HTTPError` for any error status; its update is a GET (exactly one match)
followed by a PUT by sys_id.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pysnow
import pytest
import requests

Record = dict[str, Any]
ClientFor = Callable[[str], pysnow.Client]
ONBOARDING = {"u_request_type": "dip_onboarding", "u_mpid": "NORT", "u_market_role": "ldso"}


def table(client_for: ClientFor, user: str, name: str) -> pysnow.Resource:
    return client_for(user).resource(api_path=f"/table/{name}")


def test_a_party_raises_and_finds_its_request(client_for: ClientFor) -> None:
    """pysnow's create (POST with the full sysparm set) and a query by number round-trip."""
    requests_ = table(client_for, "northvale.agent", "sc_request")

    created = requests_.create(payload=ONBOARDING).one()
    found = requests_.get(query={"number": created["number"]}).one()

    assert re.fullmatch(r"REQ\d{7}", created["number"])
    assert found == created
    assert (found["request_state"], found["u_party"]) == ("requested", "northvale")


def test_the_dip_team_works_a_request_with_get_then_put(client_for: ClientFor) -> None:
    """pysnow's update moves the request along its lifecycle, with labels on display."""
    created = table(client_for, "northvale.agent", "sc_request").create(payload=ONBOARDING).one()
    dip = table(client_for, "elexon.dip", "sc_request")

    dip.update(query={"number": created["number"]}, payload={"request_state": "in_process"})
    done = dip.update(
        query={"number": created["number"]}, payload={"request_state": "closed_complete"}
    ).one()
    shown = dip.get(query={"number": created["number"]}, display_value=True).one()

    assert (done["request_state"], done["active"]) == ("closed_complete", "false")
    assert (shown["request_state"], shown["assignment_group"]["display_value"]) == (
        "Closed Complete",
        "DIP Manager",
    )


def test_a_refused_request_move_surfaces_the_400_envelope(client_for: ClientFor) -> None:
    """An illegal move through pysnow raises HTTPError whose envelope names record and states."""
    created = table(client_for, "northvale.agent", "sc_request").create(payload=ONBOARDING).one()
    dip = table(client_for, "elexon.dip", "sc_request")

    with pytest.raises(requests.HTTPError, match="400") as raised:
        dip.update(
            query={"number": created["number"]}, payload={"request_state": "closed_complete"}
        ).one()

    assert raised.value.response.json()["error"]["message"] == (
        f"Request {created['number']} cannot move from Requested (requested) to "
        "Closed Complete (closed_complete): no such transition"
    )


def test_another_partys_requests_are_invisible_to_pysnow(client_for: ClientFor) -> None:
    """Tenancy holds for pysnow: Glenmorven finds nothing of Northvale's."""
    created = table(client_for, "northvale.agent", "sc_request").create(payload=ONBOARDING).one()

    glenmorven = table(client_for, "glenmorven.agent", "sc_request")

    assert glenmorven.get(query={"number": created["number"]}).all() == []


def test_a_contact_is_triaged_through_pysnow(client_for: ClientFor) -> None:
    """The central desk classifies a contact with pysnow and queries contacts by outcome."""
    contact = (
        table(client_for, "northvale.agent", "interaction")
        .create(payload={"short_description": "Which ISD release applies from 1 December?"})
        .one()
    )
    desk = table(client_for, "elexon.agent", "interaction")

    routed = desk.update(
        query={"number": contact["number"]}, payload={"u_classification": "business_query"}
    ).one()
    listed = desk.get(query={"u_classification": "business_query", "u_party": "northvale"}).all()

    assert re.fullmatch(r"IMS\d{7}", contact["number"])
    assert routed["state"] == "work_in_progress"
    assert contact["number"] in {record["number"] for record in listed}
