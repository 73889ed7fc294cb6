"""The [problem] section of desk.toml: the recurrence rule, read strictly."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from simulators.config import DeskConfig, load_desk_config
from simulators.errors import ConfigError
from simulators.processes.problem.settings import load_problem_config


def config_with(problem: Any) -> DeskConfig:
    return replace(load_desk_config(), extra={"problem": problem}, source="desk.toml")


def test_the_default_configuration_opens_a_problem_on_the_third_incident_in_30_days() -> None:
    """The packaged desk.toml switches the recurrence rule on."""
    rule = load_problem_config(load_desk_config()).recurrence

    assert rule is not None
    assert (rule.threshold, rule.within_seconds, rule.match) == (
        3,
        30 * 86400,
        ("category", "u_interface_id"),
    )
    assert rule.excluding == {"category": frozenset({"inquiry"})}
    assert rule.one_occurrence_within_seconds == 12 * 3600


def test_without_a_recurrence_setting_no_problem_is_opened() -> None:
    """The rule is optional."""
    assert load_problem_config(config_with({})).recurrence is None


@pytest.mark.parametrize(
    ("recurrence", "message"),
    [
        ({"threshold": 1, "within": "30d", "match": ["category"]}, "threshold must be a whole"),
        ({"threshold": 3, "within": "a month", "match": ["category"]}, "within: duration"),
        (
            {
                "threshold": 3,
                "within": "30d",
                "match": ["category"],
                "one_occurrence_within": "1 h",
            },
            "one_occurrence_within: duration",
        ),
        ({"threshold": 3, "within": "30d", "match": []}, "match must be a non-empty list"),
        ({"threshold": 3, "within": "30d", "match": ["colour"]}, "names 'colour', which is not"),
        ({"threshold": 3, "within": "30d", "match": ["work_notes"]}, "'work_notes', which is not"),
        (
            {"threshold": 3, "within": "30d", "match": ["category"], "by": 1},
            "by is not a recurrence setting",
        ),
        (
            {"threshold": 3, "within": "30d", "match": ["category"], "excluding": ["inquiry"]},
            "excluding must map incident fields to lists of values",
        ),
        (
            {"threshold": 3, "within": "30d", "match": ["category"], "excluding": {"mood": []}},
            "excluding names 'mood', which is not",
        ),
    ],
)
def test_a_bad_recurrence_rule_is_refused_naming_file_and_key(
    recurrence: dict[str, Any], message: str
) -> None:
    """Each mistake names desk.toml, the key and what was wrong."""
    with pytest.raises(ConfigError, match=f"^desk.toml: problem.recurrence.*{message}"):
        load_problem_config(config_with({"recurrence": recurrence}))


def test_an_unknown_problem_setting_is_refused() -> None:
    """A misspelt key is not silently ignored."""
    with pytest.raises(ConfigError, match=r"problem\.recurence is not a setting of \[problem\]"):
        load_problem_config(config_with({"recurence": {}}))
