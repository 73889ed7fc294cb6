"""Specification of the reference desk's Table API contract, exercised over real HTTP."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests

from simulators.assembly import build_desk
from simulators.clock import VirtualClock
from simulators.config import load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer
from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]
NUMBER = re.compile(r"^INC\d{7}$")
SYS_ID = re.compile(r"^[0-9a-f]{32}$")
LINK = re.compile(r'<([^>]+)>;rel="(\w+)"')
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


def tag() -> str:
    """A value no other test uses, to find this test's records."""
    return f"t-{uuid.uuid4().hex[:12]}"


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


def links(response: requests.Response) -> dict[str, dict[str, str]]:
    """The Link header as rel -> query parameters of its URL."""
    found = {}
    for url, rel in LINK.findall(response.headers["Link"]):
        query = requests.utils.urlparse(url).query
        found[rel] = dict(pair.split("=", 1) for pair in query.split("&"))
    return found


@pytest.fixture(scope="module")
def admin(api: Api) -> TableApi:
    return api("admin")


@pytest.fixture(scope="module")
def caller_sys_id(admin: TableApi) -> str:
    [user] = admin.rows("sys_user", "user_name=lanternfield.caller")
    return user["sys_id"]


@pytest.fixture(scope="module")
def tagged(admin: TableApi, caller_sys_id: str) -> tuple[str, list[dict[str, Any]]]:
    """Five incidents sharing one interface id, oldest first."""
    marker = tag()
    records = [
        admin.create(
            "incident",
            {
                "short_description": f"Paged record {index}",
                "u_interface_id": marker,
                "caller_id": caller_sys_id,
                "state": "2",
            },
        )
        for index in range(5)
    ]
    return marker, records


# -- envelopes and status codes ----------------------------------------------------------------


def test_a_created_record_answers_201_with_its_location_in_the_result_envelope(
    admin: TableApi, desk_server: DeskServer
) -> None:
    """POST answers 201, the stored record in `result`, and a Location that GET can follow."""
    response = admin.post("incident", {"short_description": "Smart meter reads missing"})

    assert response.status_code == 201
    record = response.json()["result"]
    assert response.headers["Location"] == (
        f"{desk_server.url}/api/now/table/incident/{record['sys_id']}"
    )
    followed = admin.session.get(response.headers["Location"], timeout=10)
    assert followed.status_code == 200
    assert followed.json() == {"result": record}


def test_a_list_answers_200_with_a_list_in_the_result_envelope(admin: TableApi) -> None:
    """GET on a table answers 200 and `{"result": [...]}`."""
    response = admin.get("sys_user_group")

    assert response.status_code == 200
    assert list(response.json()) == ["result"]
    assert isinstance(response.json()["result"], list)
    assert {group["name"] for group in response.json()["result"]} >= {"DIP Manager"}


def test_delete_answers_204_with_no_body_and_the_record_is_gone(admin: TableApi) -> None:
    """DELETE answers 204 without content; the record then answers 404."""
    record = admin.create("incident", {"short_description": "Raised in error"})

    response = admin.delete(f"incident/{record['sys_id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert admin.get(f"incident/{record['sys_id']}").status_code == 404


def _no_credentials(server: DeskServer, api: Api) -> requests.Response:
    return requests.get(f"{server.url}/api/now/table/incident", timeout=10)


def _wrong_password(server: DeskServer, api: Api) -> requests.Response:
    return requests.get(
        f"{server.url}/api/now/table/incident", auth=("admin", "not-the-password"), timeout=10
    )


def _unknown_user(server: DeskServer, api: Api) -> requests.Response:
    return requests.get(f"{server.url}/api/now/table/incident", auth=("mallory", "x"), timeout=10)


def _unknown_table(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").get("u_meter_reads")


def _agent_writes_users(server: DeskServer, api: Api) -> requests.Response:
    return api("elexon.agent").post("sys_user", {"user_name": "intruder"})


def _unknown_record(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").get(f"incident/{'0' * 32}")


def _unknown_path(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").session.get(f"{server.url}/api/now/stats/incident", timeout=10)


def _put_on_collection(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").put("incident", {"short_description": "x"})


def _post_on_record(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").post(f"incident/{'0' * 32}", {"short_description": "x"})


def _text_body(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").request(
        "POST", "incident", data="short_description=x", headers={"Content-Type": "text/plain"}
    )


def _no_content_type(server: DeskServer, api: Api) -> requests.Response:
    return api("admin").request("POST", "incident", data=b'{"short_description": "x"}')


@pytest.mark.parametrize(
    ("send", "status", "message", "detail"),
    [
        (_no_credentials, 401, "User Not Authenticated", "Required to provide Auth information"),
        (_wrong_password, 401, "User Not Authenticated", "Required to provide Auth information"),
        (_unknown_user, 401, "User Not Authenticated", "Required to provide Auth information"),
        (_unknown_table, 400, "Invalid table u_meter_reads", "this desk serves: "),
        (_agent_writes_users, 403, "User elexon.agent may not write to sys_user", "admin"),
        (_unknown_record, 404, "No Record found", "ACL restricts the record retrieval"),
        (_unknown_path, 404, "Requested URI does not represent any resource", ""),
        (_put_on_collection, 405, "Method not Supported", "PUT is not supported here"),
        (_post_on_record, 405, "Method not Supported", "POST is not supported here"),
        (_text_body, 415, "Unsupported Media Type", "not 'text/plain'"),
        (_no_content_type, 415, "Unsupported Media Type", "not 'nothing'"),
    ],
)
def test_a_refused_request_answers_the_error_envelope_with_its_status(
    desk_server: DeskServer,
    api: Api,
    send: Callable[[DeskServer, Api], requests.Response],
    status: int,
    message: str,
    detail: str,
) -> None:
    """Every refusal answers `{"error": {"message", "detail"}, "status": "failure"}`."""
    response = send(desk_server, api)

    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error", "status"}
    assert body["status"] == "failure"
    assert set(body["error"]) == {"message", "detail"}
    assert body["error"]["message"] == message
    assert detail in body["error"]["detail"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "Exception while reading request"),
        (b'["a list"]', "Exception while reading request"),
        (b'{"state": "4"}', "Field 'state' of incident: '4' is not a valid choice"),
        (b'{"impact": "high"}', "Field 'impact' of incident: 'high' is not a valid choice"),
        (
            b'{"caller_id": "Nobody Atall"}',
            "Field 'caller_id': 'Nobody Atall' matches no record in sys_user",
        ),
        (b'{"short_description": ["a", "b"]}', "Field 'short_description' has an invalid value"),
    ],
)
def test_a_malformed_body_answers_400_naming_the_problem(
    admin: TableApi, body: bytes, message: str
) -> None:
    """Bad JSON, a non-object body, a bad choice or an unknown reference is refused with 400."""
    response = admin.request(
        "POST", "incident", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["message"] == message


# -- formats and system fields -----------------------------------------------------------------


def test_numbers_are_the_prefix_and_seven_digits_counting_up(admin: TableApi) -> None:
    """Incident numbers read INC + 7 digits, each one more than the last."""
    first = admin.create("incident", {"short_description": "First of two"})
    second = admin.create("incident", {"short_description": "Second of two"})

    assert NUMBER.match(first["number"])
    assert int(second["number"][3:]) == int(first["number"][3:]) + 1


def test_the_first_incident_takes_the_configured_first_number() -> None:
    """A fresh desk numbers its first incident from `desk.number_start` (INC0010001)."""
    desk = build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")
    with DeskServer(desk) as server:
        record = TableApi(server, "admin").create("incident", {"short_description": "First"})
    assert record["number"] == "INC0010001"


def test_sys_ids_are_32_lowercase_hex_digits_and_unique(admin: TableApi) -> None:
    """Every record's sys_id is 32 hex characters and no two records share one."""
    records = [admin.create("incident", {"short_description": f"Id {i}"}) for i in range(3)]

    assert all(SYS_ID.match(record["sys_id"]) for record in records)
    assert len({record["sys_id"] for record in records}) == 3


def test_system_fields_record_who_created_and_updated_and_when(api: Api, desk: Desk) -> None:
    """sys_created_* stay as created; sys_updated_* and sys_mod_count follow each update."""
    created = api("lanternfield.agent").create("incident", {"short_description": "Late reads"})
    created_at = desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    desk.clock.advance(90)  # type: ignore[attr-defined]

    updated = api("elexon.agent").change(
        "incident", created["sys_id"], {"description": "Checked the webhook"}
    )

    assert (created["sys_created_on"], created["sys_updated_on"]) == (created_at, created_at)
    assert (created["sys_created_by"], created["sys_updated_by"]) == ("lanternfield.agent",) * 2
    assert created["sys_mod_count"] == "0"
    assert updated["sys_created_on"] == created_at
    assert updated["sys_created_by"] == "lanternfield.agent"
    assert updated["sys_updated_on"] == desk.clock.now().strftime("%Y-%m-%d %H:%M:%S")
    assert updated["sys_updated_on"] > created_at
    assert updated["sys_updated_by"] == "elexon.agent"
    assert updated["sys_mod_count"] == "1"


def test_system_and_read_only_fields_cannot_be_written(admin: TableApi) -> None:
    """Values sent for system fields, number, priority, opened_by and active are ignored."""
    forged = {
        "sys_id": "f" * 32,
        "sys_created_on": "2001-01-01 00:00:00",
        "sys_created_by": "mallory",
        "sys_updated_on": "2001-01-01 00:00:00",
        "sys_updated_by": "mallory",
        "sys_mod_count": "99",
        "number": "INC9999999",
        "priority": "1",
        "opened_by": "f" * 32,
        "active": "false",
    }
    created = admin.create("incident", {"short_description": "Forged fields", **forged})
    updated = admin.change("incident", created["sys_id"], forged)

    for record in (created, updated):
        assert record["sys_id"] == created["sys_id"] != forged["sys_id"]
        assert record["sys_created_by"] == record["sys_updated_by"] == "admin"
        assert record["sys_created_on"] != forged["sys_created_on"]
        assert record["sys_mod_count"] == "0"
        assert record["number"] != forged["number"]
        assert (record["priority"], record["active"]) == ("5", "true")
        assert record["opened_by"]["value"] != forged["opened_by"]


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


def test_journal_fields_are_write_only_appends_read_from_sys_journal_field(
    admin: TableApi,
) -> None:
    """work_notes and comments are stored as sys_journal_field entries, not on the record."""
    record = admin.create("incident", {"short_description": "Journal", "comments": "Raised"})

    updated = admin.change("incident", record["sys_id"], {"work_notes": "Checked the DIP logs"})

    assert (updated["work_notes"], updated["comments"]) == ("", "")
    assert updated["sys_mod_count"] == "1"
    entries = admin.rows(
        "sys_journal_field", f"element_id={record['sys_id']}^ORDERBYsys_created_on"
    )
    assert [(e["name"], e["element"], e["value"]) for e in entries] == [
        ("incident", "comments", "Raised"),
        ("incident", "work_notes", "Checked the DIP logs"),
    ]


# -- sysparm_fields ------------------------------------------------------------------------------


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


# -- limit, offset, counts and links -----------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "expected"), [("0", [0, 1]), ("2", [2, 3]), ("4", [4]), ("6", [])]
)
def test_limit_and_offset_page_through_the_ordered_results(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]], offset: str, expected: list[int]
) -> None:
    """sysparm_limit and sysparm_offset cut pages out of the ordered list; the count is total."""
    marker, records = tagged

    response = admin.get(
        "incident",
        sysparm_query=f"u_interface_id={marker}^ORDERBYnumber",
        sysparm_limit="2",
        sysparm_offset=offset,
    )

    assert [r["number"] for r in response.json()["result"]] == [
        records[i]["number"] for i in expected
    ]
    assert response.headers["X-Total-Count"] == "5"


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        ("0", {"first": "0", "next": "2", "last": "4"}),
        ("2", {"first": "0", "prev": "0", "next": "4", "last": "4"}),
        ("4", {"first": "0", "prev": "2", "last": "4"}),
        ("3", {"first": "0", "prev": "1", "last": "4"}),
    ],
)
def test_the_link_header_names_first_prev_next_and_last_pages(
    admin: TableApi,
    tagged: tuple[str, list[dict[str, Any]]],
    offset: str,
    expected: dict[str, str],
) -> None:
    """Link carries first / prev / next / last offsets and keeps the request's other sysparms."""
    marker, _records = tagged
    query = f"u_interface_id={marker}^ORDERBYnumber"

    response = admin.get("incident", sysparm_query=query, sysparm_limit="2", sysparm_offset=offset)

    found = links(response)
    assert {rel: params["sysparm_offset"] for rel, params in found.items()} == expected
    assert list(found) == [rel for rel in ("first", "prev", "next", "last") if rel in expected]
    for params in found.values():
        assert params["sysparm_limit"] == "2"
        assert requests.utils.unquote(params["sysparm_query"]) == query


def test_following_the_next_link_walks_every_page(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]]
) -> None:
    """Following rel="next" from the first page visits each record once, in order."""
    marker, records = tagged
    response = admin.get(
        "incident", sysparm_query=f"u_interface_id={marker}^ORDERBYnumber", sysparm_limit="2"
    )
    seen = []
    while True:
        seen += [record["number"] for record in response.json()["result"]]
        next_link = dict((rel, url) for url, rel in LINK.findall(response.headers["Link"]))
        if "next" not in next_link:
            break
        response = admin.session.get(next_link["next"], timeout=10)

    assert seen == [record["number"] for record in records]


def test_suppress_pagination_header_drops_the_link_but_keeps_the_count(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]]
) -> None:
    """sysparm_suppress_pagination_header=true sends no Link header."""
    marker, _records = tagged

    response = admin.get(
        "incident",
        sysparm_query=f"u_interface_id={marker}",
        sysparm_suppress_pagination_header="true",
    )

    assert "Link" not in response.headers
    assert response.headers["X-Total-Count"] == "5"


def test_no_count_drops_the_total_count_header(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]]
) -> None:
    """sysparm_no_count=true sends no X-Total-Count header."""
    marker, _records = tagged

    response = admin.get(
        "incident", sysparm_query=f"u_interface_id={marker}", sysparm_no_count="true"
    )

    assert "X-Total-Count" not in response.headers
    assert len(response.json()["result"]) == 5


def test_an_empty_result_still_counts_and_links(admin: TableApi) -> None:
    """A query that matches nothing answers an empty list, count 0 and first = last = 0."""
    response = admin.get("incident", sysparm_query=f"u_interface_id={tag()}")

    assert response.json() == {"result": []}
    assert response.headers["X-Total-Count"] == "0"
    assert {rel: p["sysparm_offset"] for rel, p in links(response).items()} == {
        "first": "0",
        "last": "0",
    }


# -- display values and reference links ---------------------------------------------------------


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


def test_a_reference_can_be_written_by_the_referenced_records_name(admin: TableApi) -> None:
    """A reference given as a user name or a group name is stored as that record's sys_id."""
    record = admin.create(
        "incident",
        {
            "short_description": "By name",
            "caller_id": "lanternfield.caller",
            "assignment_group": "DIP Manager",
        },
    )

    shown = admin.get(f"incident/{record['sys_id']}", sysparm_display_value="all").json()["result"]

    assert shown["caller_id"]["display_value"] == "Ella Marsh"
    assert shown["assignment_group"]["display_value"] == "DIP Manager"
    assert SYS_ID.match(shown["assignment_group"]["value"])


# -- leniency: case, empty values, unknown sysparms ----------------------------------------------


@pytest.mark.parametrize(
    ("display", "state"),
    [
        ("TRUE", "In Progress"),
        ("True", "In Progress"),
        ("ALL", None),
        ("False", "2"),
        ("FALSE", "2"),
    ],
)
def test_display_value_is_case_insensitive(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]], display: str, state: str | None
) -> None:
    """pysnow's `False` and any other casing of true / false / all are understood."""
    _marker, records = tagged

    record = admin.get(f"incident/{records[0]['sys_id']}", sysparm_display_value=display).json()[
        "result"
    ]

    assert record["state"] == (state or {"display_value": "In Progress", "value": "2"})


@pytest.mark.parametrize("flag", ["true", "TRUE", "True", "tRuE"])
def test_boolean_sysparms_are_case_insensitive(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]], flag: str
) -> None:
    """Flags read true in any letter case."""
    marker, _records = tagged

    response = admin.get(
        "incident",
        sysparm_query=f"u_interface_id={marker}",
        sysparm_exclude_reference_link=flag,
        sysparm_suppress_pagination_header=flag,
        sysparm_no_count=flag,
    )

    assert isinstance(response.json()["result"][0]["caller_id"], str)
    assert "Link" not in response.headers
    assert "X-Total-Count" not in response.headers


def test_empty_sysparms_mean_absent(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]]
) -> None:
    """`sysparm_x=` behaves exactly as if the parameter were not sent at all."""
    marker, _records = tagged
    query = f"u_interface_id={marker}"
    empty = {
        name: ""
        for name in (
            "sysparm_fields",
            "sysparm_limit",
            "sysparm_offset",
            "sysparm_display_value",
            "sysparm_exclude_reference_link",
            "sysparm_suppress_pagination_header",
            "sysparm_no_count",
            "sysparm_view",
        )
    }

    with_empty = admin.get("incident", sysparm_query=query, **empty)
    without = admin.get("incident", sysparm_query=query)

    assert with_empty.json() == without.json()
    assert len(with_empty.json()["result"]) == 5
    assert with_empty.headers["X-Total-Count"] == without.headers["X-Total-Count"] == "5"


def test_an_empty_query_lists_every_record(admin: TableApi) -> None:
    """`sysparm_query=` filters nothing."""
    everything = admin.get("sys_user_group")
    empty = admin.get("sys_user_group", sysparm_query="")

    assert empty.json() == everything.json()


def test_unknown_sysparms_are_ignored_on_every_method(admin: TableApi) -> None:
    """pysnow's `sysparm_view=` and any unknown sysparm change nothing, on GET, POST and PUT."""
    extra = {"sysparm_view": "", "sysparm_input_display_value": "true", "sysparm_nonsense": "1"}

    created = admin.post("incident", {"short_description": "Extra sysparms"}, **extra)
    sys_id = created.json()["result"]["sys_id"]
    updated = admin.put(f"incident/{sys_id}", {"description": "still fine"}, **extra)
    listed = admin.get("incident", sysparm_query=f"sys_id={sys_id}", **extra)

    assert created.status_code == 201
    assert updated.status_code == 200
    assert updated.json()["result"]["description"] == "still fine"
    assert [record["sys_id"] for record in listed.json()["result"]] == [sys_id]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sysparm_limit": "ten"}, "sysparm_limit 'ten' is not a whole number"),
        ({"sysparm_offset": "-2"}, "sysparm_offset '-2' is not a whole number"),
        (
            {"sysparm_display_value": "maybe"},
            "sysparm_display_value 'maybe' is not true, false or all",
        ),
        ({"sysparm_no_count": "yes"}, "sysparm_no_count 'yes' is not true or false"),
    ],
)
def test_a_bad_sysparm_value_answers_400_naming_the_parameter(
    admin: TableApi, params: dict[str, str], message: str
) -> None:
    """A sysparm whose value cannot be understood is refused rather than guessed."""
    response = admin.get("incident", **params)

    assert response.status_code == 400
    assert response.json()["error"]["message"] == message


# -- queries the desk refuses --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("caller_id.name=Ella Marsh", "uses dot-walking, which this desk does not support"),
        ("short_descriptionLIKEx^ORcaller_id.user_name=admin", "uses dot-walking"),
        ("ORDERBYcaller_id.name", "orders by a dot-walked field"),
        ("sys_idINjavascript:getMyGroups()", "contains a javascript: expression"),
        ("numberSTARTSWITHINC^assigned_to=javascript:gs.getUserID()", "javascript:"),
        ("u_nonsense=1", "'u_nonsense' is not a field of table 'incident'"),
        ("stateINSTANCEOFtask", "uses operator INSTANCEOF, which this desk does not support"),
    ],
)
def test_unsupported_query_constructs_are_refused_with_400(
    admin: TableApi, query: str, message: str
) -> None:
    """Dot-walking, javascript: and unknown fields are refused, never silently widened."""
    response = admin.get("incident", sysparm_query=query)

    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert response.json()["error"]["detail"] == f"sysparm_query={query}"


def test_encoded_queries_filter_with_and_or_and_order(
    admin: TableApi, tagged: tuple[str, list[dict[str, Any]]]
) -> None:
    """`^`, `^OR` and ORDERBYDESC combine as ServiceNow defines them."""
    marker, records = tagged
    first, last = records[0]["number"], records[-1]["number"]

    response = admin.get(
        "incident",
        sysparm_query=f"u_interface_id={marker}^number={first}^ORnumber={last}^ORDERBYDESCnumber",
    )

    assert [record["number"] for record in response.json()["result"]] == [last, first]


def test_writing_to_an_unknown_table_answers_400(admin: TableApi) -> None:
    """POST to a table the desk does not serve is refused with 400 naming it."""
    response = admin.post("u_meter_reads", {"mpan": "1012345678901"})

    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Invalid table u_meter_reads"
