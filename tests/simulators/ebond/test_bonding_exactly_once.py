"""Bonding under load (beside bonding.py): 500 hand-offs to a flaky party arrive exactly once."""

from __future__ import annotations

import requests

from tests.simulators.ebond_support import bonded_desks

HANDOFFS = 500


def test_five_hundred_hand_offs_arrive_exactly_once_through_a_flaky_party() -> None:
    """Failures before and after the work is done, retried on the clock, lose or repeat nothing."""
    with bonded_desks("elexon", "northvale") as (clock, parties):
        elexon, northvale = parties["elexon"], parties["northvale"]
        admin = northvale.session("admin")
        plan = {"mode": "flaky", "fraction": 0.3, "seed": 20261130}
        assert admin.put(f"{northvale.url}/api/x_ort/faults", json=plan, timeout=10).ok
        agent = elexon.session("elexon.agent")
        numbers = []
        for index in range(HANDOFFS):
            answer = agent.post(
                elexon.table("incident"),
                timeout=30,
                json={
                    "short_description": f"Hand-off {index}",
                    "assignment_group": "Northvale Registration Support",
                },
            )
            assert answer.status_code == 201, answer.text
            numbers.append(answer.json()["result"]["number"])
        clock.advance(86400)

        faults = admin.get(f"{northvale.url}/api/x_ort/faults", timeout=10).json()["result"]
        assert faults["counts"]["failed_before"] > 30 and faults["counts"]["failed_after"] > 30
        admin.put(f"{northvale.url}/api/x_ort/faults", json={"mode": "none"}, timeout=10)

        arrived = rows(northvale.url, admin, "correlation_display=elexon")
        assert len(arrived) == HANDOFFS
        assert sorted(r["correlation_id"] for r in arrived) == sorted(numbers)
        ours = rows(elexon.url, elexon.session("admin"), "correlation_displaySTARTSWITHNorthvale")
        assert len(ours) == HANDOFFS
        theirs_by_number = {r["number"]: r["correlation_id"] for r in arrived}
        assert all(theirs_by_number[r["correlation_id"]] == r["number"] for r in ours)
        outbox = rows(elexon.url, elexon.session("admin"), "operation=create", "u_ebond_message")
        assert len(outbox) == HANDOFFS and {m["state"] for m in outbox} == {"delivered"}
        assert sum(int(m["attempts"]) for m in outbox) > HANDOFFS


def rows(url: str, http: requests.Session, query: str, table: str = "incident") -> list[dict]:
    answer = http.get(f"{url}/api/now/table/{table}", params={"sysparm_query": query}, timeout=60)
    assert answer.status_code == 200, answer.text
    return answer.json()["result"]


def test_a_hand_off_whose_answers_are_lost_is_never_reported_undelivered() -> None:
    """Half the calls fail (seed 7): a 409 proves delivery, and every follow-up note arrives."""
    count = 200
    with bonded_desks("elexon", "northvale") as (clock, parties):
        elexon, northvale = parties["elexon"], parties["northvale"]
        admin = northvale.session("admin")
        plan = {"mode": "flaky", "fraction": 0.5, "seed": 7}
        assert admin.put(f"{northvale.url}/api/x_ort/faults", json=plan, timeout=10).ok
        agent = elexon.session("elexon.agent")
        created = []
        for index in range(count):
            answer = agent.post(
                elexon.table("incident"),
                timeout=30,
                json={
                    "short_description": f"Hand-off {index}",
                    "assignment_group": "Northvale Registration Support",
                },
            )
            assert answer.status_code == 201, answer.text
            created.append(answer.json()["result"])
        for record in created:
            note = {"work_notes": f"Follow-up for {record['number']}"}
            answer = agent.patch(f"{elexon.table('incident')}/{record['sys_id']}", json=note)
            assert answer.status_code == 200, answer.text
        clock.advance(3 * 86400)
        admin.put(f"{northvale.url}/api/x_ort/faults", json={"mode": "none"}, timeout=10)

        central = elexon.session("admin")
        outbox = rows(elexon.url, central, "", "u_ebond_message")
        assert {m["state"] for m in outbox} == {"delivered"}, [
            (m["operation"], m["last_error"]) for m in outbox if m["state"] != "delivered"
        ]
        assert rows(elexon.url, central, "subjectLIKEnot received", "sys_email") == []
        ours = rows(elexon.url, central, "correlation_displaySTARTSWITHNorthvale")
        assert len(ours) == count
        arrived = rows(northvale.url, admin, "correlation_display=elexon")
        assert sorted(r["correlation_id"] for r in arrived) == sorted(r["number"] for r in created)
        notes = rows(northvale.url, admin, "valueLIKEFollow-up for", "sys_journal_field")
        assert len(notes) == count
