"""The Table API over real HTTP: envelopes, status codes, refusals, pagination and queries."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import requests

from simulators.desk.server import DeskServer
from tests.simulators.conftest import Api, TableApi, tag

LINK = re.compile(r'<([^>]+)>;rel="(\w+)"')


def links(response: requests.Response) -> dict[str, dict[str, str]]:
    """The Link header as rel -> query parameters of its URL."""
    found = {}
    for url, rel in LINK.findall(response.headers["Link"]):
        query = requests.utils.urlparse(url).query
        found[rel] = dict(pair.split("=", 1) for pair in query.split("&"))
    return found


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


def test_an_empty_query_lists_every_record(admin: TableApi) -> None:
    """`sysparm_query=` filters nothing."""
    everything = admin.get("sys_user_group")
    empty = admin.get("sys_user_group", sysparm_query="")

    assert empty.json() == everything.json()


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


# -- hostile input: refused in the envelope, never a 5xx ------------------------------------------


def envelope_of(response: requests.Response, status: int) -> dict[str, str]:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == "failure"
    error: dict[str, str] = body["error"]
    return error


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b"[" * 100_000, "the body's JSON nests too deeply"),
        (b'{"short_description": "\\ud800"}', "the text contains a lone surrogate"),
        (b'{"short_description": "IF-008\\u0000"}', "the text contains a NUL character"),
    ],
    ids=["deep", "surrogate", "nul"],
)
def test_a_hostile_body_is_refused_with_400(admin: TableApi, body: bytes, detail: str) -> None:
    """Bodies a store or parser cannot take are refused with the reason, and nothing is written."""
    response = admin.request(
        "POST", "incident", data=body, headers={"Content-Type": "application/json"}
    )

    assert envelope_of(response, 400)["detail"].endswith(detail)


def test_a_body_over_a_mebibyte_is_refused_with_413(admin: TableApi) -> None:
    """The desk reads at most 1 MiB of a body."""
    response = admin.post("incident", {"short_description": "x" * 1_100_000})

    assert envelope_of(response, 413)["message"] == "Request body too large"


def test_an_unknown_method_answers_405_in_the_envelope(admin: TableApi) -> None:
    """PROPFIND is not a Table API method: the refusal is JSON like every other."""
    response = admin.request("PROPFIND", "incident")

    assert envelope_of(response, 405)["message"] == "Method not Supported"
