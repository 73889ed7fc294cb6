"""Contract: the real pysnow 0.7.17 client works against the reference desk served over HTTP.

pysnow raises `requests.HTTPError` for any error status (its Response calls raise_for_status
before it reads the envelope); its own exceptions cover empty and ambiguous results.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pysnow
import pytest
import requests
from pysnow.exceptions import MultipleResults, NoResults

Record = dict[str, Any]
ClientFor = Callable[..., pysnow.Client]
RESOLUTION = {"close_code": "Solved (Permanently)", "close_notes": "Certificate renewed"}


@pytest.fixture(scope="module")
def incidents(client_for: ClientFor) -> pysnow.Resource:
    """The incident table, as Elexon's agent."""
    return client_for("elexon.agent").resource(api_path="/table/incident")


def marker() -> str:
    return f"IF-{uuid.uuid4().hex[:10]}"


def raise_incident(resource: pysnow.Resource, **fields: str) -> Record:
    return resource.create(
        payload={"short_description": "Webhook certificate expired", **fields}
    ).one()


@pytest.fixture(scope="module")
def batch(incidents: pysnow.Resource) -> tuple[str, list[Record]]:
    """Seven incidents sharing one interface id, in creation order, priorities 3, 4 and 5."""
    tag = marker()
    urgencies = ["1", "2", "3", "1", "2", "3", "1"]
    return tag, [
        raise_incident(incidents, u_interface_id=tag, impact="3", urgency=urgency)
        for urgency in urgencies
    ]


def test_create_returns_the_stored_record(incidents: pysnow.Resource) -> None:
    """pysnow's create (POST with the full sysparm set) returns the record, strings throughout."""
    record = raise_incident(incidents, impact="1", urgency="2")

    assert re.fullmatch(r"INC\d{7}", record["number"])
    assert re.fullmatch(r"[0-9a-f]{32}", record["sys_id"])
    assert (record["state"], record["priority"], record["sys_created_by"]) == (
        "1",
        "2",
        "elexon.agent",
    )


def test_get_by_number_returns_exactly_that_record(incidents: pysnow.Resource) -> None:
    """A dict query becomes `number=...` and one() returns the single match."""
    created = raise_incident(incidents)

    found = incidents.get(query={"number": created["number"]}).one()

    assert found == created


def test_a_query_builder_query_combines_and_or_and_ordering(
    incidents: pysnow.Resource, batch: tuple[str, list[Record]]
) -> None:
    """pysnow's QueryBuilder `^`, `^OR` and ORDERBYDESC select and order as ServiceNow does."""
    tag, records = batch
    query = (
        pysnow.QueryBuilder()
        .field("u_interface_id")
        .equals(tag)
        .AND()
        .field("priority")
        .equals("3")
        .OR()
        .field("priority")
        .equals("5")
        .AND()
        .field("number")
        .order_descending()
    )

    found = incidents.get(query=query).all()

    expected = [r["number"] for r in records if r["priority"] in ("3", "5")]
    assert [r["number"] for r in found] == sorted(expected, reverse=True)
    assert len(found) == 5


def test_a_raw_encoded_query_string_works_too(
    incidents: pysnow.Resource, batch: tuple[str, list[Record]]
) -> None:
    """A hand-written encoded query with `^`, `^OR` and ORDERBY is understood."""
    tag, records = batch

    found = incidents.get(query=f"u_interface_id={tag}^priority=4^ORpriority=5^ORDERBYnumber")

    assert [r["number"] for r in found.all()] == [
        r["number"] for r in records if r["priority"] in ("4", "5")
    ]


def test_fields_limits_the_returned_fields(
    incidents: pysnow.Resource, batch: tuple[str, list[Record]]
) -> None:
    """`fields=[...]` is sent as sysparm_fields and only those fields come back."""
    tag, _records = batch

    found = incidents.get(query={"u_interface_id": tag}, fields=["number", "priority"]).all()

    assert len(found) == 7
    assert all(set(record) == {"number", "priority"} for record in found)


def test_display_value_true_returns_labels(client_for: ClientFor) -> None:
    """pysnow's display_value=True (sent as 'True') returns labels and reference names."""
    resource = client_for("lanternfield.agent").resource(api_path="/table/incident")
    created = raise_incident(resource, impact="2", urgency="2")

    shown = resource.get(query={"number": created["number"]}, display_value=True).one()

    assert (shown["state"], shown["priority"], shown["impact"]) == (
        "New",
        "3 - Moderate",
        "2 - Medium",
    )
    assert shown["caller_id"]["display_value"] == "Sam Whitfield"
    assert shown["number"] == created["number"]


def test_sysparms_that_stick_to_a_resource_do_not_break_later_calls(
    client_for: ClientFor,
) -> None:
    """After a get with fields and display_value, pysnow resends them on POST; the desk copes."""
    resource = client_for("elexon.dip").resource(api_path="/table/incident")
    first = raise_incident(resource)
    resource.get(query={"number": first["number"]}, fields=["number", "state"], display_value=True)

    created = resource.create(payload={"short_description": "After a narrow read"}).one()

    assert set(created) == {"number", "state"}
    assert created["state"] == "New"


def test_update_is_a_get_then_a_put(incidents: pysnow.Resource) -> None:
    """pysnow's update finds the one record by query and PUTs the change by sys_id."""
    created = raise_incident(incidents)

    updated = incidents.update(
        query={"number": created["number"]},
        payload={"state": "2", "assignment_group": "DIP Manager"},
    ).one()

    assert (updated["state"], updated["sys_mod_count"]) == ("2", "1")
    assert updated["assignment_group"]["value"]
    assert incidents.get(query={"number": created["number"]}).one()["state"] == "2"


def test_a_resolved_update_through_pysnow_follows_the_lifecycle(
    incidents: pysnow.Resource,
) -> None:
    """Resolving with code and notes through pysnow sets the resolution stamps."""
    created = raise_incident(incidents)

    resolved = incidents.update(
        query={"number": created["number"]}, payload={"state": "6", **RESOLUTION}
    ).one()

    assert (resolved["state"], resolved["close_code"]) == ("6", RESOLUTION["close_code"])
    assert resolved["resolved_at"]


@pytest.mark.parametrize("stream", [True, False])
def test_limit_and_offset_page_across_three_pages(
    incidents: pysnow.Resource, batch: tuple[str, list[Record]], stream: bool
) -> None:
    """limit=3 with offsets 0, 3 and 6 returns 3, 3 and 1 records, each once, in order."""
    tag, records = batch
    query = f"u_interface_id={tag}^ORDERBYnumber"

    pages = [
        [
            r["number"]
            for r in incidents.get(query=query, limit=3, offset=offset, stream=stream).all()
        ]
        for offset in (0, 3, 6)
    ]

    assert [len(page) for page in pages] == [3, 3, 1]
    assert [number for page in pages for number in page] == [r["number"] for r in records]


def test_a_streamed_first_returns_the_first_record(
    incidents: pysnow.Resource, batch: tuple[str, list[Record]]
) -> None:
    """The streaming parser finds records in the result envelope."""
    tag, records = batch

    first = incidents.get(query=f"u_interface_id={tag}^ORDERBYnumber", stream=True).first()

    assert first["number"] == records[0]["number"]


def test_delete_removes_the_record(client_for: ClientFor) -> None:
    """pysnow's delete (GET then DELETE by sys_id) gets 204 and the record is gone."""
    resource = client_for("admin").resource(api_path="/table/incident")
    created = raise_incident(resource)

    outcome = resource.delete(query={"number": created["number"]})

    assert outcome == {"status": "record deleted"}
    with pytest.raises(NoResults):
        resource.get(query={"number": created["number"]}).one()


def test_an_unknown_record_surfaces_the_404_envelope(incidents: pysnow.Resource) -> None:
    """A GET of a sys_id that does not exist raises HTTPError carrying the 404 envelope."""
    response = incidents.request("GET", path_append=f"/{'0' * 32}")

    with pytest.raises(requests.HTTPError, match="404") as raised:
        response.one()

    assert raised.value.response.json() == {
        "error": {
            "message": "No Record found",
            "detail": "Record doesn't exist or ACL restricts the record retrieval",
        },
        "status": "failure",
    }


def test_wrong_credentials_surface_the_401_envelope(client_for: ClientFor) -> None:
    """A client with a bad password raises HTTPError carrying the 401 envelope."""
    resource = client_for("elexon.agent", "not-the-password").resource(api_path="/table/incident")

    with pytest.raises(requests.HTTPError, match="401") as raised:
        resource.get(query={"number": "INC0010001"}).all()

    assert raised.value.response.json()["error"]["message"] == "User Not Authenticated"


def test_a_refused_transition_surfaces_the_400_envelope(incidents: pysnow.Resource) -> None:
    """An illegal move through pysnow raises HTTPError whose envelope names record and states."""
    created = raise_incident(incidents)

    with pytest.raises(requests.HTTPError, match="400") as raised:
        incidents.update(query={"number": created["number"]}, payload={"state": "7"}).one()

    assert raised.value.response.json()["error"]["message"] == (
        f"Incident {created['number']} cannot move from New (1) to Closed (7): no such transition"
    )


def test_an_update_matching_nothing_raises_no_results(incidents: pysnow.Resource) -> None:
    """pysnow's own NoResults: its GET before the PUT found no record."""
    with pytest.raises(NoResults):
        incidents.update(query={"number": "INC9999999"}, payload={"state": "2"})


def test_an_update_matching_several_records_raises_multiple_results(
    incidents: pysnow.Resource, batch: tuple[str, list[Record]]
) -> None:
    """pysnow's own MultipleResults: its GET before the PUT found more than one record."""
    tag, _records = batch

    with pytest.raises(MultipleResults):
        incidents.update(query={"u_interface_id": tag}, payload={"state": "2"})


def test_another_partys_record_is_invisible_to_pysnow(
    client_for: ClientFor, incidents: pysnow.Resource
) -> None:
    """Tenancy holds for pysnow too: Brightwell finds nothing and cannot update."""
    created = raise_incident(client_for("lanternfield.agent").resource(api_path="/table/incident"))
    brightwell = client_for("brightwell.agent").resource(api_path="/table/incident")

    assert brightwell.get(query={"number": created["number"]}).all() == []
    with pytest.raises(NoResults):
        brightwell.update(query={"number": created["number"]}, payload={"state": "8"})
    assert incidents.get(query={"number": created["number"]}).one()["state"] == "1"
