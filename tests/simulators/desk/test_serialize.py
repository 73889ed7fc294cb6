"""Records as the Table API shows them: strings, field selection, display values, links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from simulators.desk.server import DeskServer
from tests.simulators.conftest import TableApi

SYSTEM_FIELDS = (
    "sys_id",
    "sys_created_on",
    "sys_created_by",
    "sys_updated_on",
    "sys_updated_by",
    "sys_mod_count",
)


READABLE_TABLES = (
    "incident",
    "sys_user",
    "sys_user_group",
    "sys_journal_field",
    "sys_audit",
    "task_sla",
    "contract_sla",
)


def leaves(value: Any) -> Iterator[Any]:
    """Every scalar inside a JSON value."""
    if isinstance(value, dict):
        for item in value.values():
            yield from leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item)
    else:
        yield value


@pytest.mark.parametrize("table", READABLE_TABLES)
@pytest.mark.parametrize("display", ["false", "true", "all"])
def test_every_value_is_a_string(admin: TableApi, table: str, display: str) -> None:
    """Every field value of every table is a string (inside reference and `all` objects too)."""
    admin.change(
        "incident",
        admin.create("incident", {"short_description": "Typed body", "impact": 1})["sys_id"],
        {"urgency": 2, "work_notes": "Number-typed values arrive as strings"},
    )

    response = admin.get(table, sysparm_display_value=display, sysparm_limit="20")

    records = response.json()["result"]
    assert records
    assert all(set(SYSTEM_FIELDS) <= set(record) for record in records)
    assert all(isinstance(value, str) for value in leaves(records))


def test_passwords_are_never_shown_nor_queryable(admin: TableApi) -> None:
    """sys_user records carry no user_password, even when asked for, and it cannot be queried."""
    users = admin.get("sys_user", sysparm_fields="user_name,user_password").json()["result"]
    refused = admin.get("sys_user", sysparm_query="user_passwordSTARTSWITHpbkdf2")

    assert users and all(set(user) == {"user_name"} for user in users)
    assert refused.status_code == 400
    assert (
        "'user_password' is not a field of table 'sys_user'" in refused.json()["error"]["message"]
    )


@pytest.mark.parametrize("fields", ["number,state", " number , state ", "number,state,nonsense"])
def test_sysparm_fields_returns_only_the_named_fields(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]], fields: str
) -> None:
    """Only the listed fields come back; spaces are trimmed and unknown names are skipped."""
    marker, _records = tagged

    records = admin.get(
        "incident", sysparm_query=f"u_interface_id={marker}", sysparm_fields=fields
    ).json()["result"]

    assert len(records) == 5
    assert all(set(record) == {"number", "state"} for record in records)


def test_sysparm_fields_on_create_shapes_the_body_and_keeps_the_location(
    admin: TableApi, desk_server: DeskServer
) -> None:
    """POST with sysparm_fields answers 201 with only those fields and still a Location."""
    response = admin.post(
        "incident", {"short_description": "Fields on create"}, sysparm_fields="number"
    )

    assert response.status_code == 201
    assert list(response.json()["result"]) == ["number"]
    location = response.headers["Location"]
    assert location.startswith(f"{desk_server.url}/api/now/table/incident/")
    followed = admin.session.get(location, timeout=10).json()["result"]
    assert followed["number"] == response.json()["result"]["number"]


def test_display_value_false_shows_codes_and_reference_links(
    admin: TableApi,
    tagged: tuple[str, list[dict[str, Any]]],
    caller_sys_id: str,
    desk_server: DeskServer,
) -> None:
    """By default choices show their codes and references show link and sys_id."""
    _marker, records = tagged

    record = admin.get(f"incident/{records[0]['sys_id']}").json()["result"]

    assert (record["state"], record["priority"], record["assignment_group"]) == ("2", "5", "")
    assert record["caller_id"] == {
        "link": f"{desk_server.url}/api/now/table/sys_user/{caller_sys_id}",
        "value": caller_sys_id,
    }


def test_display_value_true_shows_labels_and_reference_names(
    admin: TableApi,
    tagged: tuple[str, list[dict[str, Any]]],
    caller_sys_id: str,
    desk_server: DeskServer,
) -> None:
    """With display_value=true choices show labels and references the referenced record's name."""
    _marker, records = tagged

    record = admin.get(f"incident/{records[0]['sys_id']}", sysparm_display_value="true").json()[
        "result"
    ]

    assert (record["state"], record["priority"], record["impact"]) == (
        "In Progress",
        "5 - Planning",
        "3 - Low",
    )
    assert record["category"] == "Inquiry / Help"
    assert record["number"] == records[0]["number"]
    assert record["caller_id"] == {
        "link": f"{desk_server.url}/api/now/table/sys_user/{caller_sys_id}",
        "display_value": "Ella Marsh",
    }
    assert record["assignment_group"] == ""


def test_display_value_all_shows_both_value_and_label(
    admin: TableApi,
    tagged: tuple[str, list[dict[str, Any]]],
    caller_sys_id: str,
    desk_server: DeskServer,
) -> None:
    """With display_value=all every field is {display_value, value}; references add the link."""
    _marker, records = tagged

    record = admin.get(f"incident/{records[0]['sys_id']}", sysparm_display_value="all").json()[
        "result"
    ]

    assert record["state"] == {"display_value": "In Progress", "value": "2"}
    assert record["short_description"] == {
        "display_value": "Paged record 0",
        "value": "Paged record 0",
    }
    assert record["caller_id"] == {
        "display_value": "Ella Marsh",
        "link": f"{desk_server.url}/api/now/table/sys_user/{caller_sys_id}",
        "value": caller_sys_id,
    }
    assert record["assignment_group"] == {"display_value": "", "value": ""}


@pytest.mark.parametrize(
    ("display", "expected"),
    [
        ("false", "SYS_ID"),
        ("true", "Ella Marsh"),
        ("all", {"display_value": "Ella Marsh", "value": "SYS_ID"}),
    ],
)
def test_exclude_reference_link_drops_the_link_from_references(
    admin: TableApi,
    tagged: tuple[str, list[dict[str, Any]]],
    caller_sys_id: str,
    display: str,
    expected: Any,
) -> None:
    """sysparm_exclude_reference_link=true shows references like plain fields."""
    _marker, records = tagged

    record = admin.get(
        f"incident/{records[0]['sys_id']}",
        sysparm_display_value=display,
        sysparm_exclude_reference_link="true",
    ).json()["result"]

    if isinstance(expected, dict):
        expected = {**expected, "value": caller_sys_id}
    elif expected == "SYS_ID":
        expected = caller_sys_id
    assert record["caller_id"] == expected
