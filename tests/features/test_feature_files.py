"""The feature files follow the house rules test managers rely on."""

import re
from collections import Counter

import pytest
from pytest_bdd.parser import FeatureParser

from fixtures import FEATURES_DIR, index_features
from fixtures.reporting import (
    PARTIES,
    PRIORITIES,
    PROCESSES,
    PURPOSES,
    SEVERITIES,
    classify,
    is_scenario_id,
)
from vocabulary import EXPECTED_BREACH

SCENARIOS = index_features()


def registered_markers(config: pytest.Config) -> set[str]:
    return {line.split(":")[0].strip() for line in config.getini("markers")}


def test_there_are_scenarios() -> None:
    """The index finds the suite's scenarios."""
    assert len(SCENARIOS) > 40


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.where)
def test_every_scenario_has_one_process_and_one_id(scenario) -> None:
    """Each scenario names exactly one process and exactly one stable id."""
    processes = scenario.tags & set(PROCESSES)
    ids = {t for t in scenario.tags if is_scenario_id(t)}
    assert len(processes) == 1, f"{scenario.where} has process tags {sorted(processes)}"
    assert len(ids) == 1, f"{scenario.where} has id tags {sorted(ids)}"


def test_scenario_ids_are_unique() -> None:
    """No two scenarios share a stable id."""
    counts = Counter(classify(s.tags).scenario_id for s in SCENARIOS)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_tag_is_registered_or_an_id(pytestconfig: pytest.Config) -> None:
    """Tags come from the registered marker list (the vocabulary) or are scenario ids."""
    markers = registered_markers(pytestconfig)
    unknown = {
        f"{s.where} @{t}"
        for s in SCENARIOS
        for t in s.tags
        if t not in markers and not is_scenario_id(t)
    }
    assert unknown == set()


def test_registered_markers_are_the_tag_vocabulary(pytestconfig: pytest.Config) -> None:
    """pyproject's marker list and the harness's tag kinds name the same tags."""
    kinds = set(PROCESSES) | set(PARTIES) | set(SEVERITIES) | set(PRIORITIES) | set(PURPOSES)
    assert kinds <= registered_markers(pytestconfig)


def test_every_feature_says_who_wants_what_and_why() -> None:
    """Each feature opens with As a / I want / So that."""
    missing = {
        s.path.name
        for s in SCENARIOS
        if not all(w in s.feature_description for w in ("As ", "I want", "So that"))
    }
    assert missing == set()


#: A step that asserts a target lapsed: "the incident's resolution SLA is breached", "the
#: response OLA on Northvale Power Networks' copy is breached".
BREACH_ASSERTED = re.compile(r"\b(SLA|OLA)\b.* is breached$")
#: A step that keeps a party silent on purpose, so that its targets lapse.
SILENT_PARTY = re.compile(r" never responds$")


def _steps(scenario) -> list[tuple[str, str]]:
    """The (type, text) of every step of an indexed scenario, its background's first."""
    base = FEATURES_DIR
    feature = FeatureParser(str(base), str(scenario.path.relative_to(base))).parse()
    (parsed,) = (s for s in feature.scenarios.values() if s.line_number == scenario.line)
    return [(step.type, step.name) for step in parsed.steps]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.where)
def test_a_scenario_is_tagged_expected_breach_exactly_when_it_breaches_on_purpose(
    scenario,
) -> None:
    """Asserting a breach needs @expected_breach; the tag needs an asserted breach or silence."""
    steps = _steps(scenario)
    asserts = any(kind == "then" and BREACH_ASSERTED.search(text) for kind, text in steps)
    silent = any(SILENT_PARTY.search(text) for _, text in steps)
    tagged = EXPECTED_BREACH in scenario.tags
    assert tagged if asserts else (not tagged or silent), scenario.where
