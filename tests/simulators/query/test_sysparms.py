"""The sysparm_* parameters: case-insensitive, empty means absent, unknown ignored, bad refused."""

from __future__ import annotations

from typing import Any

import pytest

from simulators.errors import BadRequest
from simulators.query.sysparms import DEFAULT_LIMIT, Sysparms, read_sysparms
from tests.simulators.conftest import TableApi


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
        ({"sysparm_limit": "\u00b2"}, "sysparm_limit '\u00b2' is not a whole number"),
        ({"sysparm_limit": str(2**63)}, f"sysparm_limit {2**63} is too large"),
        ({"sysparm_offset": "9" * 40}, f"sysparm_offset {'9' * 40} is too large"),
        (
            {"sysparm_query": "^OR".join(["number=INC0000001"] * 1001)},
            "sysparm_query has 1001 terms; at most 400 are accepted",
        ),
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


# -- read_sysparms, without a desk -------------------------------------------------------------


def test_no_sysparms_read_as_the_defaults() -> None:
    """No query, every field, the whole list, codes, links, a count and pagination headers."""
    assert read_sysparms({}) == Sysparms()
    assert Sysparms().limit == DEFAULT_LIMIT == 10_000


def test_every_sysparm_is_read_into_its_field() -> None:
    """Fields are split on commas and trimmed; numbers and flags are converted."""
    params = read_sysparms(
        {
            "sysparm_query": "active=true^ORDERBYnumber",
            "sysparm_fields": " number, state ,,",
            "sysparm_limit": "5",
            "sysparm_offset": " 10 ",
            "sysparm_display_value": " ALL ",
            "sysparm_exclude_reference_link": "True",
            "sysparm_suppress_pagination_header": "true",
            "sysparm_no_count": "FALSE",
        }
    )

    assert params == Sysparms(
        query="active=true^ORDERBYnumber",
        fields=("number", "state"),
        limit=5,
        offset=10,
        display_value="all",
        exclude_reference_link=True,
        suppress_pagination_header=True,
        no_count=False,
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"sysparm_display_value": "labels"}, "sysparm_display_value 'labels' is not true, false"),
        ({"sysparm_no_count": "yes"}, "sysparm_no_count 'yes' is not true or false"),
        ({"sysparm_limit": "-1"}, "sysparm_limit '-1' is not a whole number"),
        ({"sysparm_offset": "2.5"}, "sysparm_offset '2.5' is not a whole number"),
    ],
)
def test_a_bad_value_is_refused_naming_the_parameter_and_value(
    params: dict[str, str], message: str
) -> None:
    """A value ServiceNow would not accept is a 400 that quotes it."""
    with pytest.raises(BadRequest, match=message):
        read_sysparms(params)
