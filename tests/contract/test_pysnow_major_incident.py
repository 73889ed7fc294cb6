"""Contract: pysnow 0.7.17 drives major incident management and reads its notices and review."""

from __future__ import annotations

from collections.abc import Iterator

import pysnow
import pytest
import requests

from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk import Desk
from simulators.server import DeskServer

RESOLUTION = {"state": "6", "close_code": "Solved (Permanently)", "close_notes": "Broker restarted"}


@pytest.fixture(scope="module")
def desk_server() -> Iterator[DeskServer]:
    """The reference desk with its default configuration, served on loopback."""
    desk = Desk(load_desk_config(), VirtualClock(), store_url="sqlite://")
    with DeskServer(desk) as server:
        yield server


@pytest.fixture(scope="module")
def connect(desk_server: DeskServer) -> Iterator[object]:
    """`connect("elexon.mim")`: a pysnow client for that desk user."""
    clients: list[pysnow.Client] = []

    def client(user: str) -> pysnow.Client:
        made = pysnow.Client(
            host=f"127.0.0.1:{desk_server.port}",
            user=user,
            password=desk_server.desk.passwords[user],
            use_ssl=False,
        )
        clients.append(made)
        return made

    yield client
    for made in clients:
        made.close()


def incidents(connect: object, user: str) -> pysnow.Resource:
    return connect(user).resource(api_path="/table/incident")  # type: ignore[operator]


def test_pysnow_proposes_accepts_and_reads_the_first_notice(connect: object) -> None:
    """pysnow's update (GET then PUT) moves the candidacy; sys_email holds the notice."""
    agent, manager = incidents(connect, "elexon.agent"), incidents(connect, "elexon.mim")
    record = agent.create(
        payload={"short_description": "DIP outage", "impact": "1", "urgency": "1"}
    ).one()
    query = {"number": record["number"]}

    agent.update(query=query, payload={"major_incident_state": "proposed"}).one()
    accepted = manager.update(query=query, payload={"major_incident_state": "accepted"}).one()

    assert accepted["major_incident_state"] == "accepted"
    emails = connect("elexon.mim").resource(api_path="/table/sys_email")  # type: ignore[operator]
    notice = emails.get(query={"instance": record["sys_id"]}).one()
    assert notice["subject"] == f"Major incident {record['number']}: first notice - DIP outage"


def test_pysnow_sees_an_illegal_move_refused_with_400(connect: object) -> None:
    """An agent accepting its own candidate gets the desk's 400 and its reason on reading."""
    agent = incidents(connect, "elexon.agent")
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


def test_pysnow_finds_the_post_incident_review_task(connect: object) -> None:
    """The review is an ordinary incident_task record pysnow can query by its parent."""
    agent, manager = incidents(connect, "elexon.agent"), incidents(connect, "elexon.mim")
    record = agent.create(
        payload={"short_description": "DIP outage", "major_incident_state": "proposed"}
    ).one()
    query = {"number": record["number"]}
    manager.update(query=query, payload={"major_incident_state": "accepted"}).one()
    agent.update(query=query, payload=RESOLUTION).one()

    tasks = connect("elexon.mim").resource(api_path="/table/incident_task")  # type: ignore[operator]
    review = tasks.get(query={"parent": record["sys_id"]}).one()

    assert review["short_description"] == f"Post Incident Review for {record['number']}"
    assert review["number"].startswith("ITASK")
