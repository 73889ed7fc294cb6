"""Party tenancy: a party sees and changes only the records in its tenancy."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.simulators.conftest import Api, TableApi

Record = dict[str, Any]


NOT_FOUND = "No Record found"


DESK_AGENTS = ("admin", "elexon.agent", "elexon.dip", "elexon.mim")


def raise_incident(by: TableApi, **fields: str) -> Record:
    marker = uuid.uuid4().hex[:12]
    return by.create(
        "incident",
        {
            "short_description": "IF-001 change of supplier rejected",
            "u_dip_transaction_id": marker,
            "work_notes": "Checked our webhook",
            **fields,
        },
    )


def numbers(by: TableApi, query: str) -> set[str]:
    return {record["number"] for record in by.rows("incident", query)}


@pytest.fixture(scope="module")
def lanternfield(api: Api) -> TableApi:
    return api("lanternfield.agent")


@pytest.fixture(scope="module")
def brightwell(api: Api) -> TableApi:
    return api("brightwell.agent")


@pytest.fixture(scope="module")
def own_incident(lanternfield: TableApi) -> Record:
    """An incident Lanternfield raised for itself, with a work note."""
    return raise_incident(lanternfield)


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_another_partys_record_answers_404(
    brightwell: TableApi, lanternfield: TableApi, own_incident: Record, method: str
) -> None:
    """Brightwell cannot read, change or delete Lanternfield's incident: it is not there."""
    body = {"short_description": "hijacked"} if method in ("PUT", "PATCH") else None

    response = brightwell.request(method, f"incident/{own_incident['sys_id']}", json=body)

    assert response.status_code == 404
    assert response.json()["error"] == {
        "message": NOT_FOUND,
        "detail": "Record doesn't exist or ACL restricts the record retrieval",
    }
    unchanged = lanternfield.read("incident", own_incident["sys_id"])
    assert unchanged["short_description"] == own_incident["short_description"]


def test_another_partys_records_are_absent_from_lists(
    brightwell: TableApi, own_incident: Record
) -> None:
    """No query, however wide, lists another party's incident or counts it."""
    number = own_incident["number"]

    for query in (
        f"number={number}",
        f"number={number}^ORnumberISNOTEMPTY",
        f"short_descriptionISEMPTY^NQnumber={number}",
        "",
    ):
        response = brightwell.get("incident", sysparm_query=query)
        assert number not in {r["number"] for r in response.json()["result"]}, query
    exact = brightwell.get("incident", sysparm_query=f"number={number}")
    assert exact.headers["X-Total-Count"] == "0"


@pytest.mark.parametrize(
    ("table", "key"),
    [("sys_journal_field", "element_id"), ("sys_audit", "documentkey"), ("task_sla", "task")],
)
def test_another_partys_journal_audit_and_slas_are_hidden(
    brightwell: TableApi, lanternfield: TableApi, own_incident: Record, table: str, key: str
) -> None:
    """Work notes, the audit trail and the SLAs of a hidden record are hidden too."""
    query = f"{key}={own_incident['sys_id']}"

    assert lanternfield.rows(table, query)
    assert brightwell.rows(table, query) == []
    everything = brightwell.get(table, sysparm_exclude_reference_link="true").json()["result"]
    assert own_incident["sys_id"] not in {row[key] for row in everything}


def test_a_party_sees_only_its_own_users(brightwell: TableApi) -> None:
    """The user directory of a party desk shows only that party's people."""
    users = {user["user_name"] for user in brightwell.rows("sys_user", "")}

    assert users == {"brightwell.agent"}


def test_every_party_sees_the_resolver_groups(brightwell: TableApi) -> None:
    """Groups are the routing directory: every party may list them to assign work."""
    groups = {group["name"] for group in brightwell.rows("sys_user_group", "")}

    assert {"DIP Manager", "Lanternfield Service Desk", "Brightwell Service Desk"} <= groups


def test_the_assigned_party_sees_and_works_a_record_assigned_to_its_group(
    api: Api, lanternfield: TableApi, brightwell: TableApi
) -> None:
    """Assigning to Northvale's group lets Northvale see, update and read the notes; not others."""
    northvale = api("northvale.agent")
    record = raise_incident(lanternfield, assignment_group="Northvale Registration Support")

    seen = northvale.read("incident", record["sys_id"])
    northvale.change("incident", record["sys_id"], {"work_notes": "Registration looks right"})

    assert seen["number"] == record["number"]
    assert record["number"] in numbers(northvale, f"number={record['number']}")
    notes = northvale.rows("sys_journal_field", f"element_id={record['sys_id']}")
    assert [note["value"] for note in notes] == ["Checked our webhook", "Registration looks right"]
    assert brightwell.get(f"incident/{record['sys_id']}").status_code == 404


def test_the_raising_party_keeps_seeing_a_record_it_handed_off(
    lanternfield: TableApi,
) -> None:
    """A hand-off changes the assignment, not the ownership."""
    record = raise_incident(lanternfield)

    lanternfield.change("incident", record["sys_id"], {"assignment_group": "DIP Manager"})

    assert lanternfield.read("incident", record["sys_id"])["number"] == record["number"]


def test_a_party_sees_a_record_raised_for_its_caller(
    api: Api, lanternfield: TableApi, brightwell: TableApi
) -> None:
    """An incident the desk raised on behalf of a party's user is visible to that party."""
    record = raise_incident(api("elexon.agent"), caller_id="lanternfield.caller")

    assert lanternfield.read("incident", record["sys_id"])["number"] == record["number"]
    assert api("lanternfield.caller").read("incident", record["sys_id"])
    assert brightwell.get(f"incident/{record['sys_id']}").status_code == 404


@pytest.mark.parametrize("user", DESK_AGENTS)
def test_the_desks_own_agents_see_every_partys_records(
    api: Api, lanternfield: TableApi, brightwell: TableApi, user: str
) -> None:
    """Elexon's agents and the admin see Lanternfield's and Brightwell's incidents and notes."""
    ours = raise_incident(lanternfield)
    theirs = raise_incident(brightwell)

    found = numbers(api(user), f"number={ours['number']}^ORnumber={theirs['number']}")

    assert found == {ours["number"], theirs["number"]}
    assert api(user).rows("sys_journal_field", f"element_id={theirs['sys_id']}")
    assert api(user).read("incident", ours["sys_id"])


def test_a_desk_agent_changes_any_partys_record(api: Api, brightwell: TableApi) -> None:
    """Elexon's agent works a Brightwell incident."""
    record = raise_incident(brightwell)

    changed = api("elexon.dip").change("incident", record["sys_id"], {"state": "2"})

    assert changed["state"] == "2"


@pytest.mark.parametrize("user", ["elexon.agent", "lanternfield.agent"])
@pytest.mark.parametrize("table", ["sys_user", "sys_user_group"])
def test_only_the_admin_writes_users_and_groups(api: Api, user: str, table: str) -> None:
    """POST, PATCH and DELETE on users and groups answer 403 for everyone but the admin."""
    [target] = api("admin").rows(table, "name=Sam Whitfield^ORname=Lanternfield Service Desk")
    forbidden = f"User {user} may not write to {table}"

    attempts = [
        api(user).post(table, {"name": "Shadow IT"}),
        api(user).patch(f"{table}/{target['sys_id']}", {"name": "Renamed"}),
        api(user).delete(f"{table}/{target['sys_id']}"),
    ]

    assert [a.status_code for a in attempts] == [403, 403, 403]
    assert {a.json()["error"]["message"] for a in attempts} == {forbidden}
    assert api("admin").read(table, target["sys_id"])["name"] == target["name"]


def test_the_admin_creates_a_resolver_group(api: Api) -> None:
    """The admin user may add groups."""
    created = api("admin").create(
        "sys_user_group", {"name": "LSS Night Shift", "u_party": "elexon"}
    )

    assert created["name"] == "LSS Night Shift"


@pytest.mark.parametrize("user", ["admin", "elexon.agent"])
def test_the_journal_is_read_only_for_everyone(api: Api, own_incident: Record, user: str) -> None:
    """Journal entries are written only by the desk: POST, PATCH and DELETE answer 403."""
    [entry] = api("admin").rows("sys_journal_field", f"element_id={own_incident['sys_id']}")

    attempts = [
        api(user).post("sys_journal_field", {"element_id": own_incident["sys_id"], "value": "x"}),
        api(user).patch(f"sys_journal_field/{entry['sys_id']}", {"value": "rewritten"}),
        api(user).delete(f"sys_journal_field/{entry['sys_id']}"),
    ]

    assert [a.status_code for a in attempts] == [403, 403, 403]
    assert {a.json()["error"]["message"] for a in attempts} == {
        "Table sys_journal_field is read-only"
    }
    assert api("admin").read("sys_journal_field", entry["sys_id"])["value"] == entry["value"]


def test_only_the_admin_deletes_incidents(api: Api, lanternfield: TableApi) -> None:
    """An agent may cancel but not delete its own party's incident."""
    record = raise_incident(lanternfield)

    response = lanternfield.delete(f"incident/{record['sys_id']}")

    assert response.status_code == 403
    assert response.json()["error"]["message"] == (
        "User lanternfield.agent may not delete incident records"
    )
    assert api("admin").delete(f"incident/{record['sys_id']}").status_code == 204


# -- the write side: references resolve only among records the writer may read ------------------


def refusal(response: Any) -> str:
    assert response.status_code == 400, response.text
    message: str = response.json()["error"]["message"]
    return message


@pytest.fixture(scope="module")
def others(api: Api, brightwell: TableApi) -> dict[str, Record]:
    """Records Lanternfield may not read: Brightwell's incident, Elexon's problem and change."""
    admin = api("admin")
    return {
        "incident": raise_incident(brightwell),
        "problem": admin.create("problem", {"short_description": "DIP webhook retries pile up"}),
        "change_request": admin.create(
            "change_request", {"short_description": "Rotate the DIP signing certificate"}
        ),
    }


@pytest.mark.parametrize(
    ("table", "field", "target"),
    [
        ("incident", "parent_incident", "incident"),
        ("incident", "problem_id", "problem"),
        ("incident", "rfc", "change_request"),
        ("incident_task", "parent", "incident"),
    ],
)
@pytest.mark.parametrize("by", ["number", "sys_id"])
def test_a_reference_to_another_partys_record_is_refused_like_a_missing_one(
    lanternfield: TableApi,
    others: dict[str, Record],
    table: str,
    field: str,
    target: str,
    by: str,
) -> None:
    """Pointing at a record the writer cannot read answers exactly as a record that is not there."""
    hidden = others[target][by]
    missing = "INC9999999" if by == "number" else uuid.uuid4().hex
    body = {"short_description": "IF-008 not received"}

    seen = refusal(lanternfield.post(table, {**body, field: hidden}))
    unseen = refusal(lanternfield.post(table, {**body, field: missing}))

    assert seen == f"Field '{field}': '{hidden}' matches no record in {target}"
    assert seen.replace(hidden, missing) == unseen


def test_a_caller_from_another_party_is_refused(lanternfield: TableApi) -> None:
    """A party cannot name another party's user as the caller of its incident."""
    response = lanternfield.post(
        "incident",
        {"short_description": "IF-008 not received", "caller_id": "brightwell.agent"},
    )

    assert (
        refusal(response) == "Field 'caller_id': 'brightwell.agent' matches no record in sys_user"
    )


def test_a_reference_to_a_record_the_party_may_read_still_resolves(
    lanternfield: TableApi, own_incident: Record
) -> None:
    """Lanternfield may link a new incident to its own as parent, by number."""
    child = lanternfield.create(
        "incident",
        {"short_description": "IF-008 again", "parent_incident": own_incident["number"]},
    )

    assert child["parent_incident"]["value"] == own_incident["sys_id"]
