"""The tag vocabulary: scenario ids, party roles, severities, and tags that are identifiers."""

from __future__ import annotations

import re

import pytest

from simulators.config import ROLE_CODES
from simulators.parties.roster import load_roster
from vocabulary import (
    DEFAULT_SEVERITY,
    ID_PATTERN,
    MEASURES,
    PARTIES,
    PRIORITIES,
    PROCESSES,
    PURPOSES,
    SEVERITY_LABELS,
    SEVERITY_NAMES,
    SEVERITY_TAGS,
)

KINDS = {
    "process": tuple(PROCESSES),
    "party": tuple(PARTIES),
    "severity": tuple(SEVERITY_TAGS),
    "priority": tuple(PRIORITIES),
    "purpose": tuple(PURPOSES),
}


@pytest.mark.parametrize(
    "tag", ["cpsd_07", "cpsd_07b", "cpsd_99z", "ort_inc_010", "ort_major_001", "ort_cpsd_999"]
)
def test_the_id_pattern_accepts_runbook_and_script_ids(tag: str) -> None:
    """A CPSD runbook id with an optional variant letter, or an ORT script id, is a scenario id."""
    assert ID_PATTERN.match(tag)


@pytest.mark.parametrize(
    "tag",
    [
        "cpsd_7",
        "cpsd_007",
        "cpsd_07bc",
        "cpsd_07B",
        "CPSD_07",
        "cpsd07",
        "ort_inc_10",
        "ort_inc_0100",
        "ort_INC_010",
        "ort__010",
        "ort_inc2_010",
        "inc_010",
        "ort_inc_010a",
        " cpsd_07",
        "incident",
        "",
    ],
)
def test_the_id_pattern_refuses_anything_else(tag: str) -> None:
    """Wrong digit counts, capitals, missing parts and ordinary tags are not scenario ids."""
    assert ID_PATTERN.match(tag) is None


def test_no_vocabulary_tag_is_mistaken_for_a_scenario_id() -> None:
    """Process, party, severity, priority and purpose tags never match the id pattern."""
    assert [t for tags in KINDS.values() for t in tags if ID_PATTERN.match(t)] == []


def test_every_party_role_is_named() -> None:
    """Each party role code has a display name."""
    assert PARTIES and all(name.strip() for name in PARTIES.values())


def test_the_party_roles_are_the_desk_role_codes() -> None:
    """The report's party tags and the simulated desks' role codes are the same set."""
    assert set(PARTIES) == set(ROLE_CODES)


def test_every_party_on_the_roster_has_a_role_in_the_vocabulary() -> None:
    """Each simulated party plays a role the report can name."""
    roles = {party.id: party.role for party in load_roster().parties}
    assert roles and {p: r for p, r in roles.items() if r not in PARTIES} == {}


def test_severities_one_to_four_are_named() -> None:
    """Severities 1 to 4 each have a name that starts with its number."""
    assert sorted(SEVERITY_NAMES) == [1, 2, 3, 4]
    for severity, name in SEVERITY_NAMES.items():
        assert re.fullmatch(rf"{severity} [A-Z][a-z]+", name), name


def test_every_way_of_giving_a_severity_lands_on_a_named_one() -> None:
    """Severity tags, Allure severity labels and the default all mean a named severity."""
    assert dict(SEVERITY_TAGS) == {f"severity_{n}": n for n in SEVERITY_NAMES}
    assert set(SEVERITY_LABELS.values()) == set(SEVERITY_NAMES)
    assert DEFAULT_SEVERITY in SEVERITY_NAMES


def test_tags_are_lower_snake_case_and_belong_to_one_kind() -> None:
    """Every vocabulary tag is an identifier-like name, and no tag is of two kinds."""
    tags = [t for kind in KINDS.values() for t in kind]
    assert [t for t in tags if not re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", t)] == []
    assert len(tags) == len(set(tags))


def test_every_measure_is_named() -> None:
    """Each SLA/OLA measure the report aggregates has a display name."""
    assert set(MEASURES) == {"time_to_acknowledge", "time_to_resolve", "handoff_latency"}
    assert all(name.strip() for name in MEASURES.values())


def test_an_id_with_a_trailing_newline_is_not_an_id() -> None:
    """A register entry "cpsd_07\\n" would never match a scenario, so it is refused as an id."""
    assert ID_PATTERN.match("cpsd_07\n") is None
