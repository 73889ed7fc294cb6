"""Change behaviour over HTTP: raising, templates, closing, the change that fixes a task."""

from __future__ import annotations

import pytest

from tests.simulators.conftest import TableApi
from tests.simulators.processes.change.conftest import (
    CANCELED,
    CLOSED,
    NEW,
    REVIEW,
    Api,
    change_in,
    move,
    raise_change,
    refusal,
)


def test_a_new_change_is_numbered_new_active_and_not_yet_approved(agent: TableApi) -> None:
    """A normal change gets a CHG number, state New, and approval 'not requested'."""
    record = raise_change(agent)

    assert record["number"].startswith("CHG")
    assert (record["type"], record["state"], record["approval"], record["active"]) == (
        "normal",
        NEW,
        "not requested",
        "true",
    )


def test_the_type_is_fixed_once_raised(agent: TableApi) -> None:
    """Changing a normal change into an emergency one is refused."""
    record = raise_change(agent)

    message = refusal(agent.patch(f"change_request/{record['sys_id']}", {"type": "emergency"}))

    assert message.startswith(f"Change {record['number']}: type cannot change after")


def test_the_approval_is_kept_by_the_desk(agent: TableApi) -> None:
    """A client cannot approve a change by writing its approval field."""
    record = raise_change(agent)

    after = agent.change("change_request", record["sys_id"], {"approval": "approved"})

    assert after["approval"] == "not requested"


def test_closing_needs_a_close_code_and_notes(agent: TableApi, api: Api) -> None:
    """Closed requires close_code and close_notes."""
    record = change_in(agent, api, "normal", REVIEW)

    message = refusal(move(agent, record, CLOSED, close_code="", close_notes=""))

    assert message.endswith("close_code, close_notes are mandatory")


def test_closing_and_canceling_deactivate_the_change(agent: TableApi, api: Api) -> None:
    """Closed and Canceled stamp closed_at and closed_by and make the change inactive."""
    closed = change_in(agent, api, "normal", CLOSED)
    canceled = change_in(agent, api, "normal", CANCELED)

    for record in (closed, canceled):
        assert (record["active"], bool(record["closed_at"]), bool(record["closed_by"])) == (
            "false",
            True,
            True,
        )


def test_a_requester_cannot_raise_a_change(api: Api) -> None:
    """Changes are raised by agents; a requester is refused with 403."""
    response = api("lanternfield.caller").post("change_request", {"short_description": "x"})

    assert refusal(response, 403) == "User lanternfield.caller may not raise a change"


def test_a_template_fills_in_the_change_and_pre_approves_it(agent: TableApi) -> None:
    """std_change_template makes a standard, approved change with the template's fields."""
    record = agent.create("change_request", {"std_change_template": "ISD monthly release"})

    assert (record["type"], record["approval"], record["business_service"]) == (
        "standard",
        "approved",
        "ISD",
    )
    assert record["short_description"] == "Monthly Industry Standing Data release"
    assert record["risk"] == "4"
    group = agent.read("sys_user_group", record["assignment_group"]["value"])
    assert group["name"] == "ISD Support"


def test_fields_given_with_the_template_win(agent: TableApi) -> None:
    """The template fills in only what the change does not give itself."""
    record = agent.create(
        "change_request",
        {"std_change_template": "ISD monthly release", "short_description": "ISD release 2026-11"},
    )

    assert record["short_description"] == "ISD release 2026-11"


def test_a_standard_change_needs_a_template(agent: TableApi) -> None:
    """type standard without std_change_template is refused, listing the templates."""
    response = agent.post("change_request", {"type": "standard", "short_description": "x"})

    assert "a standard change is raised from a template" in refusal(response)
    assert "ISD monthly release" in response.json()["error"]["detail"]


def test_an_unknown_template_is_refused_by_name(agent: TableApi) -> None:
    """A template that is not configured is named in the refusal."""
    response = agent.post("change_request", {"std_change_template": "Broker upgrade"})

    assert "std_change_template 'Broker upgrade' is not a standard change template" in refusal(
        response
    )


def test_a_template_change_cannot_be_another_type(agent: TableApi) -> None:
    """A change raised from a template is standard; asking for emergency is refused."""
    response = agent.post(
        "change_request", {"std_change_template": "ISD monthly release", "type": "emergency"}
    )

    assert "is a standard change, not emergency" in refusal(response)


@pytest.mark.parametrize("table", ["incident", "problem"])
def test_incidents_and_problems_name_the_change_that_fixes_them(
    agent: TableApi, table: str
) -> None:
    """rfc references the change_request, by sys_id or number."""
    change = raise_change(agent, "emergency")
    task = agent.create(table, {"short_description": "DIP egress gateway down"})

    linked = agent.change(table, task["sys_id"], {"rfc": change["number"]})

    assert linked["rfc"]["value"] == change["sys_id"]
    assert agent.rows(table, f"rfc={change['sys_id']}")[0]["number"] == task["number"]
