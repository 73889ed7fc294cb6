"""The front door assembles a desk that behaves alike whatever order its processes are listed in."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.process import Process
from simulators.desk.rules import ComposedRules
from simulators.processes.catalogue import PROCESSES
from simulators.processes.major_incident.rules import MajorIncidentRules
from simulators.processes.problem.links import ProblemLinks
from simulators.query.sysparms import read_sysparms

START = datetime(2026, 12, 1, 9, tzinfo=UTC)
BASE = "http://desk.example"
ORDERS = {
    "declared": PROCESSES,
    "reversed": tuple(reversed(PROCESSES)),
    "shuffled": tuple(random.Random(20261201).sample(PROCESSES, len(PROCESSES))),
}


def desk_of(processes: Sequence[Process]) -> Desk:
    return build_desk(load_desk_config(), VirtualClock(START), processes=tuple(processes))


def value(field: Any) -> str:
    return field["value"] if isinstance(field, dict) else field


def story(desk: Desk) -> dict[str, Any]:
    """What an agent sees after linking an incident to a problem and three recurring incidents."""
    agent = desk.actor("elexon.agent")
    params = read_sysparms({})
    problem = desk.create("problem", {"short_description": "IF-021 late"}, agent, params, BASE)
    incident = desk.create("incident", {"short_description": "IF-021 missing"}, agent, params, BASE)
    incident = desk.update(
        "incident", incident["sys_id"], {"problem_id": problem["sys_id"]}, agent, params, BASE
    )
    recurring: list[Any] = []
    for _ in range(3):
        desk.clock.move_to(desk.clock.now() + timedelta(days=1))  # type: ignore[attr-defined]
        body = {
            "short_description": "IF-777 failing",
            "u_interface_id": "IF-777",
            "category": "dip_message_processing",
        }
        recurring.append(desk.create("incident", body, agent, params, BASE)["sys_id"])
    recurring = [desk.get("incident", sys_id, agent, params, BASE) for sys_id in recurring]
    return {
        "linked": (incident["state"], incident["hold_reason"], incident["priority"]),
        "recurring": [
            (r["state"], r["hold_reason"], bool(value(r["problem_id"]))) for r in recurring
        ],
        "problems": len({value(r["problem_id"]) for r in recurring}),
    }


@pytest.fixture(scope="module")
def declared_story() -> dict[str, Any]:
    return story(desk_of(PROCESSES))


def test_the_declared_order_links_incidents_to_problems(declared_story: dict[str, Any]) -> None:
    """Linking holds the incident awaiting the problem, and recurrence opens one problem."""
    assert declared_story["linked"][:2] == ("3", "3")
    assert declared_story["recurring"] == [("3", "3", True)] * 3
    assert declared_story["problems"] == 1


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_any_order_of_processes_behaves_as_the_declared_order(
    order: str, declared_story: dict[str, Any]
) -> None:
    """A desk built from PROCESSES reversed or shuffled keeps problem links on incidents."""
    assert story(desk_of(ORDERS[order])) == declared_story


@pytest.mark.parametrize("order", sorted(ORDERS))
def test_incident_rules_compose_problem_links_outside_the_incident_rules(order: str) -> None:
    """The problem process's links wrap the incident process's rules, in every order."""
    rules = desk_of(ORDERS[order]).rules_for("incident")

    assert isinstance(rules, ComposedRules)
    assert [type(part) for part in rules.parts] == [ProblemLinks, MajorIncidentRules]


def test_the_assembled_desk_serves_faults_and_behaviour() -> None:
    """build_desk adds the party's fault and behaviour routes to the desk's app."""
    desk = desk_of(PROCESSES)

    assert set(desk.http.endpoints) == {"/api/x_ort/faults", "/api/x_ort/behaviour"}
    assert len(desk.http.middleware) == 1
