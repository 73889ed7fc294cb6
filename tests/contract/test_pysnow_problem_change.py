"""Contract: the real pysnow 0.7.17 client creates, queries and moves problems and changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pysnow
import pytest
import requests

Record = dict[str, Any]
ClientFor = Callable[[str], pysnow.Client]
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def desk_start() -> datetime:
    """The desk's clock starts on Monday 2 November 2026."""
    return START


WINDOW = {"start_date": "2026-11-17 22:00:00", "end_date": "2026-11-18 02:00:00"}


@pytest.fixture(scope="module")
def problems(client_for: ClientFor) -> pysnow.Resource:
    return client_for("elexon.agent").resource(api_path="/table/problem")


@pytest.fixture(scope="module")
def changes(client_for: ClientFor) -> pysnow.Resource:
    return client_for("elexon.agent").resource(api_path="/table/change_request")


def user_id(client_for: ClientFor, user: str) -> str:
    users = client_for("admin").resource(api_path="/table/sys_user")
    return users.get(query={"user_name": user}).one()["sys_id"]


def test_a_problem_is_created_and_found_by_number(problems: pysnow.Resource) -> None:
    """POST through pysnow returns the stored problem; a dict query finds exactly it."""
    created = problems.create(payload={"short_description": "IF-021 reports late"}).one()

    assert re.fullmatch(r"PRB\d{7}", created["number"])
    assert (created["state"], created["known_error"]) == ("101", "false")
    assert problems.get(query={"number": created["number"]}).one() == created


def test_a_problem_moves_through_pysnow_updates(
    problems: pysnow.Resource, client_for: ClientFor
) -> None:
    """pysnow's GET-then-PUT update moves a problem to Assess and on to Root Cause Analysis."""
    created = problems.create(payload={"short_description": "MDS rejects valid data"}).one()
    query = {"number": created["number"]}

    problems.update(query=query, payload={"state": "102", "assigned_to": "elexon.agent"})
    analysed = problems.update(query=query, payload={"state": "103"}).one()

    assert analysed["state"] == "103"
    assert analysed["assigned_to"]["value"] == user_id(client_for, "elexon.agent")


def test_known_errors_are_queried_with_the_query_builder(problems: pysnow.Resource) -> None:
    """A QueryBuilder query on known_error finds the published known error."""
    marker = "IF-015 replay requests time out"
    created = problems.create(payload={"short_description": marker}).one()
    problems.update(
        query={"number": created["number"]},
        payload={"known_error": "true", "workaround": "Split the replay into daily requests"},
    )
    query = (
        pysnow.QueryBuilder()
        .field("known_error")
        .equals("true")
        .AND()
        .field("short_description")
        .equals(marker)
    )

    found = problems.get(query=query).one()

    assert found["workaround"] == "Split the replay into daily requests"


def test_an_illegal_problem_move_surfaces_the_400_envelope(problems: pysnow.Resource) -> None:
    """pysnow raises HTTPError whose envelope names the problem and both states."""
    created = problems.create(payload={"short_description": "Webhook certificate expired"}).one()

    with pytest.raises(requests.HTTPError, match="400") as raised:
        problems.update(query={"number": created["number"]}, payload={"state": "106"}).one()

    assert raised.value.response.json()["error"]["message"] == (
        f"Problem {created['number']} cannot move from New (101) to Resolved (106): "
        "no such transition"
    )


def test_linking_an_incident_through_pysnow_puts_it_on_hold(
    client_for: ClientFor, problems: pysnow.Resource
) -> None:
    """An incident updated with problem_id by pysnow waits On Hold for the problem."""
    incidents = client_for("elexon.agent").resource(api_path="/table/incident")
    incident = incidents.create(payload={"short_description": "IF-021 report missing"}).one()
    problem = problems.create(payload={"short_description": "IF-021 reports missing"}).one()

    linked = incidents.update(
        query={"number": incident["number"]}, payload={"problem_id": problem["number"]}
    ).one()

    assert (linked["state"], linked["hold_reason"]) == ("3", "3")
    assert linked["problem_id"]["value"] == problem["sys_id"]


def test_a_standard_change_is_created_from_a_template_and_queried_by_type(
    changes: pysnow.Resource,
) -> None:
    """A template change comes back standard and approved; querying by type finds it."""
    created = changes.create(payload={"std_change_template": "ISD monthly release"}).one()

    assert re.fullmatch(r"CHG\d{7}", created["number"])
    assert (created["type"], created["approval"], created["state"]) == (
        "standard",
        "approved",
        "-5",
    )
    found = changes.get(query={"type": "standard", "number": created["number"]}).one()
    assert found["sys_id"] == created["sys_id"]


def test_a_normal_change_is_authorised_and_scheduled_through_pysnow(
    changes: pysnow.Resource, client_for: ClientFor
) -> None:
    """The CAB member approves with pysnow; the agent then schedules the change."""
    created = changes.create(
        payload={
            "type": "normal",
            "short_description": "DIP broker upgrade",
            "business_service": "DIP",
        }
    ).one()
    query = {"number": created["number"]}
    changes.update(query=query, payload={"state": "-4"})
    changes.update(query=query, payload={"state": "-3"})
    approvals = client_for("elexon.cab").resource(api_path="/table/sysapproval_approver")

    approvals.update(
        query={"document_id": created["sys_id"], "approver": user_id(client_for, "elexon.cab")},
        payload={"state": "approved", "comments": "Backout plan reviewed"},
    )
    scheduled = changes.update(query=query, payload={"state": "-2", **WINDOW}).one()

    assert (scheduled["state"], scheduled["approval"]) == ("-2", "approved")
    assert scheduled["start_date"] == WINDOW["start_date"]


def test_an_illegal_change_move_surfaces_the_400_envelope(changes: pysnow.Resource) -> None:
    """Skipping Assess and Authorize through pysnow is refused, naming type, change and states."""
    created = changes.create(payload={"type": "normal", "short_description": "Broker patch"}).one()

    with pytest.raises(requests.HTTPError, match="400") as raised:
        changes.update(query={"number": created["number"]}, payload={"state": "-2", **WINDOW}).one()

    assert raised.value.response.json()["error"]["message"] == (
        f"Normal change {created['number']} cannot move from New (-5) to Scheduled (-2): "
        "no such transition"
    )
