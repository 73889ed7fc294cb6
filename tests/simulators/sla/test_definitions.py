"""SLA definitions as data: conditions that match tasks, and choosing a definition and schedule."""

from __future__ import annotations

import pytest

from simulators.sla.calendar import TwentyFourSeven
from simulators.sla.definitions import Condition, SlaConfig, SlaDefinition
from simulators.sla.errors import UnknownCalendarError

P1 = Condition((("priority", frozenset({"1"})),))
P1_OR_P2 = Condition((("priority", frozenset({"1", "2"})),))
ANY = Condition(())


def definition(name: str, target: str, when: Condition, schedule: str = "24x7") -> SlaDefinition:
    return SlaDefinition(name, "incident", target, 3600, schedule, when, ANY, ANY)


CONFIG = SlaConfig(
    definitions=(
        definition("P1 resolution", "resolution", P1),
        definition("Resolution", "resolution", ANY, schedule="business"),
        definition("Response", "response", ANY, schedule="england_wales"),
    ),
    calendars={},
    source="sla.toml",
)


def test_a_condition_matches_when_every_field_holds_an_allowed_value() -> None:
    """A missing field is ''; an empty condition matches every task."""
    assert P1.matches({"priority": "1"})
    assert not P1.matches({"priority": "3"})
    assert not P1.matches({})
    assert ANY.matches({})


def test_a_wider_condition_includes_a_narrower_one() -> None:
    """P1-or-P2 includes P1, not the other way round; the empty condition includes all."""
    assert P1_OR_P2.includes(P1)
    assert not P1.includes(P1_OR_P2)
    assert ANY.includes(P1)
    assert not P1.includes(ANY)


def test_a_condition_reads_as_its_clauses() -> None:
    """Allowed values are sorted; the empty condition reads as {}."""
    assert str(P1_OR_P2) == "{priority in ['1', '2']}"
    assert str(ANY) == "{}"


def test_the_first_matching_definition_in_file_order_is_selected() -> None:
    """A P1 takes the P1 resolution target; any other priority falls through to the general one."""
    assert CONFIG.select("incident", "resolution", {"priority": "1"}).name == "P1 resolution"
    assert CONFIG.select("incident", "resolution", {"priority": "4"}).name == "Resolution"
    assert CONFIG.select("problem", "resolution", {}) is None


def test_targets_are_listed_response_first() -> None:
    """Whatever the file order, response comes before resolution."""
    assert CONFIG.targets("incident") == ("response", "resolution")
    assert CONFIG.targets("problem") == ()


def test_a_definition_runs_on_24x7_the_tasks_business_calendar_or_a_named_one() -> None:
    """`business` is the calendar passed for the task; another name must be declared."""
    business = TwentyFourSeven()
    p1, general, response = CONFIG.definitions

    assert isinstance(CONFIG.schedule_for(p1, business), TwentyFourSeven)
    assert CONFIG.schedule_for(general, business) is business
    with pytest.raises(
        UnknownCalendarError,
        match=r"sla\.toml: no calendar named 'england_wales'; declared calendars: none",
    ):
        CONFIG.schedule_for(response, business)
