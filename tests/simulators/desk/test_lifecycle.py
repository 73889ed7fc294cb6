"""Lifecycles declared as data: guards, mandatory fields and effects, the incident's as example."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from simulators.desk.lifecycle import (
    CLEAR,
    INCREMENT,
    NOW,
    USER,
    GuardContext,
    Lifecycle,
    Transition,
)
from simulators.errors import BadRequest, InvalidTransition
from simulators.processes.incident.lifecycle import INCIDENT_LIFECYCLE

AGENT = frozenset({"itil"})


REQUESTER = frozenset({"requester"})


CALLER_ID = "c" * 32


RESOLUTION = {"close_code": "Solved (Permanently)", "close_notes": "Replayed"}


def context(roles: frozenset[str] = AGENT, user: str = "a" * 32, **record: str) -> GuardContext:
    return GuardContext(
        record={"caller_id": CALLER_ID, **record},
        roles=roles,
        user_sys_id=user,
        is_admin="admin" in roles,
    )


def test_states_are_described_by_label_and_code() -> None:
    """describe() gives 'Label (code)', and says so when a code is not a state."""
    assert INCIDENT_LIFECYCLE.describe("2") == "In Progress (2)"
    assert INCIDENT_LIFECYCLE.describe("9") == "unknown state (9)"


@pytest.mark.parametrize(
    ("source", "targets"),
    [
        ("1", ("2", "3", "6", "8")),
        ("2", ("3", "6", "8")),
        ("3", ("2", "6", "8")),
        ("6", ("2", "7")),
        ("7", ()),
        ("8", ()),
    ],
)
def test_targets_lists_the_states_one_move_away(source: str, targets: tuple[str, ...]) -> None:
    """Closed and Canceled are final; Resolved only reopens or closes."""
    assert INCIDENT_LIFECYCLE.targets(source) == targets


def test_find_returns_the_declared_transition_or_none() -> None:
    """find() looks a move up by its two states."""
    assert INCIDENT_LIFECYCLE.find("6", "2") == Transition("6", "2", "reopen", ("agent_or_caller",))
    assert INCIDENT_LIFECYCLE.find("7", "2") is None


def test_check_returns_the_transition_of_a_legal_move() -> None:
    """A legal, guarded and complete move returns its transition."""
    transition = INCIDENT_LIFECYCLE.check("INC0010001", "2", "6", context(**RESOLUTION))

    assert transition.event == "resolve"


def test_check_refuses_an_undeclared_move_listing_the_allowed_ones() -> None:
    """The refusal names the record and both states; the detail lists where it may go."""
    with pytest.raises(
        InvalidTransition,
        match=re.escape(
            "Incident INC0010001 cannot move from Closed (7) to In Progress (2): no such transition"
        ),
    ) as refused:
        INCIDENT_LIFECYCLE.check("INC0010001", "7", "2", context())

    assert refused.value.detail == "allowed from Closed (7): none"
    assert refused.value.status == 400
    assert isinstance(refused.value, BadRequest)


def test_check_refuses_a_state_the_lifecycle_does_not_have() -> None:
    """A target outside the states is refused, listing the valid states."""
    with pytest.raises(
        InvalidTransition,
        match=re.escape(
            "Incident INC0010001 cannot move from New (1) to unknown state (4): "
            "there is no incident state '4'"
        ),
    ) as refused:
        INCIDENT_LIFECYCLE.check("INC0010001", "1", "4", context())

    assert refused.value.detail.startswith("valid states: New (1), In Progress (2), On Hold (3)")


def test_check_refuses_a_move_whose_guard_fails_naming_the_event() -> None:
    """A requester cannot start work: the guard's reason is the message, the event the detail."""
    with pytest.raises(
        InvalidTransition,
        match=re.escape(
            "Incident INC0010001 cannot move from New (1) to In Progress (2): "
            "only a service desk agent may do this"
        ),
    ) as refused:
        INCIDENT_LIFECYCLE.check("INC0010001", "1", "2", context(REQUESTER))

    assert refused.value.detail == "event 'start_work'"


@pytest.mark.parametrize(
    ("roles", "user", "allowed"),
    [
        (AGENT, "a" * 32, True),
        (frozenset({"admin"}), "a" * 32, True),
        (REQUESTER, CALLER_ID, True),
        (REQUESTER, "a" * 32, False),
    ],
)
def test_reopening_is_for_agents_and_the_caller(
    roles: frozenset[str], user: str, allowed: bool
) -> None:
    """The agent_or_caller guard lets agents, admins and the incident's caller reopen."""
    attempt = context(roles, user)

    if allowed:
        assert INCIDENT_LIFECYCLE.check("INC0010001", "6", "2", attempt).event == "reopen"
    else:
        with pytest.raises(InvalidTransition, match="only an agent or the incident's caller"):
            INCIDENT_LIFECYCLE.check("INC0010001", "6", "2", attempt)


@pytest.mark.parametrize(
    ("target", "record", "missing"),
    [
        ("3", {}, "hold_reason is mandatory"),
        ("6", {}, "close_code, close_notes are mandatory"),
        ("6", {"close_code": "Duplicate"}, "close_notes is mandatory"),
    ],
)
def test_check_refuses_a_move_with_empty_mandatory_fields(
    target: str, record: dict[str, str], missing: str
) -> None:
    """Mandatory fields of the target state must be filled; the detail lists them all."""
    with pytest.raises(InvalidTransition, match=re.escape(missing)) as refused:
        INCIDENT_LIFECYCLE.check("INC0010001", "2", target, context(**record))

    assert refused.value.detail.startswith("mandatory for ")


def test_check_mandatory_in_place_names_the_state_the_record_stays_in() -> None:
    """Emptying a mandatory field without moving is refused as 'in <state>'."""
    with pytest.raises(
        InvalidTransition,
        match=re.escape("Incident INC0010001 in Resolved (6): close_notes is mandatory"),
    ):
        INCIDENT_LIFECYCLE.check_mandatory(
            "INC0010001", "6", "6", {"close_code": "Duplicate", "close_notes": ""}
        )


def test_states_without_mandatory_fields_accept_any_record() -> None:
    """New, In Progress and Canceled need nothing filled in."""
    for state in ("1", "2", "8"):
        INCIDENT_LIFECYCLE.check_mandatory("INC0010001", "2", state, {})


@pytest.mark.parametrize(
    ("event_move", "effects"),
    [
        (("3", "2"), {"hold_reason": CLEAR}),
        (("2", "6"), {"hold_reason": CLEAR, "resolved_at": NOW, "resolved_by": USER}),
        (("6", "7"), {"closed_at": NOW, "closed_by": USER, "active": "false"}),
        (
            ("1", "8"),
            {"hold_reason": CLEAR, "closed_at": NOW, "closed_by": USER, "active": "false"},
        ),
        (
            ("6", "2"),
            {
                "reopen_count": INCREMENT,
                "resolved_at": CLEAR,
                "resolved_by": CLEAR,
                "close_code": CLEAR,
                "close_notes": CLEAR,
            },
        ),
        (("1", "2"), {}),
    ],
)
def test_each_event_declares_its_field_effects(
    event_move: tuple[str, str], effects: dict[str, str]
) -> None:
    """Effects are data: '@now', '@user', '@increment' and '' (clear) per event."""
    transition = INCIDENT_LIFECYCLE.find(*event_move)

    assert transition is not None
    assert dict(INCIDENT_LIFECYCLE.effects_of(transition)) == effects


def test_the_transition_table_documents_every_move() -> None:
    """transition_table() gives one readable row per declared transition."""
    rows = INCIDENT_LIFECYCLE.transition_table()

    assert len(rows) == len(INCIDENT_LIFECYCLE.transitions) == 12
    assert (
        "On Hold (3)",
        "resume",
        "In Progress (2)",
        "only an agent or the incident's caller may do this",
        "-",
    ) in rows
    assert (
        "New (1)",
        "resolve",
        "Resolved (6)",
        "only a service desk agent may do this",
        "close_code, close_notes",
    ) in rows


def test_a_transition_to_an_undeclared_state_is_a_definition_error() -> None:
    """A lifecycle naming a state it does not declare fails when it is defined."""
    with pytest.raises(ValueError, match=r"incident: transition .* names unknown 9"):
        replace(INCIDENT_LIFECYCLE, transitions=(Transition("1", "9", "vanish"),))


def test_a_transition_with_an_undeclared_guard_is_a_definition_error() -> None:
    """A lifecycle naming a guard it does not declare fails when it is defined."""
    with pytest.raises(ValueError, match=r"incident: transition .* names guard manager"):
        replace(INCIDENT_LIFECYCLE, transitions=(Transition("1", "2", "start", ("manager",)),))


def test_a_small_lifecycle_needs_only_states_and_transitions() -> None:
    """Mandatory fields, effects and guards are optional."""
    door = Lifecycle(
        table="door",
        label="Door",
        state_field="state",
        states={"open": "Open", "shut": "Shut"},
        initial="shut",
        transitions=(Transition("shut", "open", "open"), Transition("open", "shut", "shut")),
    )

    assert door.check("D1", "shut", "open", context()).event == "open"
    assert door.effects_of(door.transitions[0]) == {}
    with pytest.raises(InvalidTransition, match=r"Door D1 cannot move from Open \(open\)"):
        door.check("D1", "open", "open", context())
