"""A party's script: expectations read strictly, arrivals matched, actions done on the clock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from simulators.errors import BadRequest
from simulators.parties.behaviour import Expectation, parse_script
from tests.simulators.ebond_support import Party, bonded_desks

MPAN = "1200023304457"


@pytest.fixture(scope="module")
def desks() -> Iterator[tuple[Any, dict[str, Party]]]:
    with bonded_desks("elexon", "northvale") as (clock, parties):
        yield clock, parties


def hand_off(elexon: Party, interface: str) -> dict[str, str]:
    answer = elexon.session("elexon.agent").post(
        elexon.table("incident"),
        json={
            "short_description": f"{interface} not received",
            "u_mpan": MPAN,
            "u_interface_id": interface,
            "assignment_group": "Northvale Registration Support",
        },
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    return answer.json()["result"]


def script(party: Party, body: dict[str, Any]) -> None:
    """Give a party its script through the test-mode API, as the harness does."""
    answer = party.session("admin").put(f"{party.url}/api/x_ort/behaviour", json=body, timeout=30)
    assert answer.status_code == 200, answer.text


def script_report(party: Party) -> dict[str, Any]:
    """What a party's script has seen and done so far."""
    answer = party.session("admin").get(f"{party.url}/api/x_ort/behaviour", timeout=30)
    assert answer.status_code == 200, answer.text
    result: dict[str, Any] = answer.json()["result"]
    return result


# -- the script, read strictly -----------------------------------------------------------------


def test_a_script_reads_expectations_actions_and_the_policy() -> None:
    """Durations are read as SLA durations; a missing policy is first match."""
    expectations, policy = parse_script(
        {
            "expectations": [
                {
                    "name": "if-008",
                    "match": {"u_interface_id": "IF-008"},
                    "actions": [{"kind": "acknowledge", "after": "15m"}, {"kind": "resolve"}],
                }
            ]
        }
    )

    assert policy == "first_match"
    assert [(a.kind, a.after_seconds) for a in expectations[0].actions] == [
        ("acknowledge", 900),
        ("resolve", 0),
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ([], "A behaviour is a JSON object"),
        ({"policy": "random"}, "policy 'random' is not one of first_match, ordered"),
        ({"expectations": {"name": "x"}}, "expectations must be a list"),
        ({"expectations": [{"match": {}}]}, r"expectations\[0\] needs a name"),
        (
            {"expectations": [{"name": "x", "match": {"state": 2}}]},
            r"expectations\[0\]\.match must map field names to string values",
        ),
        (
            {"expectations": [{"name": "x", "actions": [{"kind": "escalate"}]}]},
            r"expectations\[0\]\.actions\[0\]\.kind must be one of acknowledge, ask_information",
        ),
        (
            {"expectations": [{"name": "x", "actions": [{"kind": "resolve", "after": "soon"}]}]},
            r"expectations\[0\]\.actions\[0\]\.after: ",
        ),
        ({"expectations": [{"name": "x"}, {"name": "x"}]}, "expectation names must be unique"),
        ({"expectations": [{"name": "x", "actions": 5}]}, r"expectations\[0\]\.actions must be"),
        (
            {
                "expectations": [
                    {"name": "x", "actions": [{"kind": "resolve", "after": "99999999999d"}]}
                ]
            },
            r"expectations\[0\]\.actions\[0\]\.after: 99999999999d is longer than 400 days",
        ),
    ],
)
def test_an_unclear_script_is_refused_naming_the_entry(body: Any, message: str) -> None:
    """Each mistake names where in the script it is."""
    with pytest.raises(BadRequest, match=message):
        parse_script(body)


def test_a_mismatch_says_which_fields_differ() -> None:
    """A matching record gives ''; otherwise each wrong field with what was expected."""
    expectation = Expectation("if-008", {"u_interface_id": "IF-008", "u_mpan": MPAN})

    assert expectation.mismatch({"u_interface_id": "IF-008", "u_mpan": MPAN}) == ""
    assert expectation.mismatch({"u_interface_id": "IF-001"}) == (
        f"u_interface_id is 'IF-001', expected 'IF-008'; u_mpan is '', expected '{MPAN}'"
    )


# -- arrivals and actions on a bonded desk ---------------------------------------------------


def test_a_matching_hand_off_is_recorded_and_its_actions_wait_for_the_clock(desks) -> None:
    """The action is pending until its time comes, then done on the party's copy."""
    clock, parties = desks
    northvale = parties["northvale"]
    script(
        northvale,
        {
            "expectations": [
                {
                    "name": "if-008",
                    "match": {"u_interface_id": "IF-008"},
                    "actions": [{"kind": "acknowledge", "after": "10m"}],
                }
            ]
        },
    )
    record = hand_off(parties["elexon"], "IF-008")

    report = script_report(northvale)
    (expectation,) = report["expectations"]
    assert len(expectation["matched"]) == 1
    assert [p["action"] for p in report["pending"]] == ["acknowledge"]

    clock.advance(600)

    report = script_report(northvale)
    assert report["pending"] == []
    assert [d["action"] for d in report["done"]] == ["acknowledge"]
    copy = northvale.rows("incident", f"correlation_id={record['number']}")[0]
    assert copy["state"] == "2"


def test_an_unexpected_hand_off_is_kept_with_every_reason(desks) -> None:
    """A record no expectation matches is listed with why each one did not match."""
    _, parties = desks
    northvale = parties["northvale"]
    script(northvale, {"expectations": [{"name": "if-008", "match": {"u_interface_id": "IF-008"}}]})
    record = hand_off(parties["elexon"], "IF-021")

    (unexpected,) = script_report(northvale)["unexpected"]
    assert unexpected["record"].startswith("NVL")
    assert unexpected["reasons"] == ["'if-008': u_interface_id is 'IF-021', expected 'IF-008'"]
    assert record["number"].startswith("INC")


def test_an_ordered_script_expects_one_hand_off_per_expectation(desks) -> None:
    """Under `ordered`, a second arrival after the last expectation is unexpected."""
    _, parties = desks
    northvale = parties["northvale"]
    script(northvale, {"policy": "ordered", "expectations": [{"name": "first", "match": {}}]})
    hand_off(parties["elexon"], "IF-008")
    hand_off(parties["elexon"], "IF-008")

    report = script_report(northvale)
    assert len(report["expectations"][0]["matched"]) == 1
    assert report["unexpected"][0]["reasons"] == [
        "every expectation has already been met (policy ordered)"
    ]


def test_without_a_script_nothing_is_watched(desks) -> None:
    """An empty script records no arrivals at all."""
    _, parties = desks
    northvale = parties["northvale"]
    script(northvale, {})
    hand_off(parties["elexon"], "IF-008")

    assert script_report(northvale) == {
        "policy": "first_match",
        "expectations": [],
        "unexpected": [],
        "pending": [],
        "done": [],
    }
