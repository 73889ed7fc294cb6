"""Contract: pysnow 0.7.17 drives major incident management and reads its notices and review."""

from __future__ import annotations

import pysnow
import pytest
import requests

from tests.contract.conftest import ClientFor

RESOLUTION = {"state": "6", "close_code": "Solved (Permanently)", "close_notes": "Broker restarted"}


def incidents(client_for: ClientFor, user: str) -> pysnow.Resource:
    return client_for(user).resource(api_path="/table/incident")


def test_pysnow_proposes_accepts_and_reads_the_first_notice(client_for: ClientFor) -> None:
    """pysnow's update (GET then PUT) moves the candidacy; sys_email holds the notice."""
    agent, manager = incidents(client_for, "elexon.agent"), incidents(client_for, "elexon.mim")
    record = agent.create(
        payload={"short_description": "DIP outage", "impact": "1", "urgency": "1"}
    ).one()
    query = {"number": record["number"]}

    agent.update(query=query, payload={"major_incident_state": "proposed"}).one()
    accepted = manager.update(query=query, payload={"major_incident_state": "accepted"}).one()

    assert accepted["major_incident_state"] == "accepted"
    emails = client_for("elexon.mim").resource(api_path="/table/sys_email")
    notice = emails.get(query={"instance": record["sys_id"]}).one()
    assert notice["subject"] == f"Major incident {record['number']}: first notice - DIP outage"


def test_pysnow_sees_an_illegal_move_refused_with_400(client_for: ClientFor) -> None:
    """An agent accepting its own candidate gets the desk's 400 and its reason on reading."""
    agent = incidents(client_for, "elexon.agent")
    record = agent.create(
        payload={"short_description": "MDS rejects all IF-021", "major_incident_state": "proposed"}
    ).one()

    response = agent.update(
        query={"number": record["number"]}, payload={"major_incident_state": "accepted"}
    )
    with pytest.raises(requests.HTTPError) as raised:
        response.one()

    assert raised.value.response.status_code == 400
    assert "only a major incident manager may do this" in raised.value.response.text


def test_pysnow_finds_the_post_incident_review_task(client_for: ClientFor) -> None:
    """The review is an ordinary incident_task record pysnow can query by its parent."""
    agent, manager = incidents(client_for, "elexon.agent"), incidents(client_for, "elexon.mim")
    record = agent.create(
        payload={"short_description": "DIP outage", "major_incident_state": "proposed"}
    ).one()
    query = {"number": record["number"]}
    manager.update(query=query, payload={"major_incident_state": "accepted"}).one()
    agent.update(query=query, payload=RESOLUTION).one()

    tasks = client_for("elexon.mim").resource(api_path="/table/incident_task")
    review = tasks.get(query={"parent": record["sys_id"]}).one()

    assert review["short_description"] == f"Post Incident Review for {record['number']}"
    assert review["number"].startswith("ITASK")
