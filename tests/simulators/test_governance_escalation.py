"""A governance escalation is an incident task of its own type, recorded against the incident."""

from __future__ import annotations

from collections.abc import Callable

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


def test_the_service_desk_records_a_governance_escalation_on_an_incident(api: Api) -> None:
    """The task carries its type, parent and evidence, opens as Open and is numbered."""
    agent = api("elexon.agent")
    incident = agent.create("incident", {"short_description": "Counterparty silent on IF-008"})
    task = agent.create(
        "incident_task",
        {
            "short_description": "Governance escalation: continued OLA breach",
            "description": "Northvale Power Networks NVL0010001: New; response OLA breached",
            "u_task_type": "governance_escalation",
            "parent": incident["sys_id"],
            "assignment_group": "Business Support",
        },
    )
    assert (task["u_task_type"], task["state"]) == ("governance_escalation", "1")
    assert task["number"].startswith("ITASK")
    found = agent.rows(
        "incident_task", f"parent={incident['sys_id']}^u_task_type=governance_escalation"
    )
    assert [t["number"] for t in found] == [task["number"]]


def test_an_unknown_task_type_is_refused(api: Api) -> None:
    """Only the declared task types are accepted."""
    answer = api("elexon.agent").post(
        "incident_task",
        {
            "short_description": "Escalation",
            "u_task_type": "governance",
        },
    )
    assert answer.status_code == 400, answer.text
    assert "governance" in answer.json()["error"]["message"]
