"""The [change] section of desk.toml: freezes, notice and templates, read strictly."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from simulators.config import DeskConfig, load_desk_config
from simulators.errors import ConfigError
from simulators.processes.change.settings import ChangeConfig, load_change_config


def config_with(change: Any) -> DeskConfig:
    return replace(load_desk_config(), extra={"change": change}, source="desk.toml")


def test_the_default_configuration_has_the_christmas_freeze_and_ten_days_notice() -> None:
    """The packaged desk.toml declares DOMAIN.md's assumptions."""
    config = load_change_config(load_desk_config())

    assert config.notice_working_days == 10
    assert config.notice_applies_to == {"normal"}
    assert config.freeze_applies_to == {"normal", "standard"}
    assert [f.name for f in config.freezes] == ["Christmas freeze"]
    assert "ISD monthly release" in config.templates


def test_without_a_change_section_the_defaults_apply() -> None:
    """Nothing in [change] is required."""
    assert load_change_config(config_with({})) == ChangeConfig()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"notice": 10}, "change.notice is not a setting of \\[change\\]"),
        ({"notice_working_days": -1}, "notice_working_days must be a whole number"),
        ({"notice_applies_to": ["major"]}, "notice_applies_to must list change types"),
        ({"freeze": {"name": "x"}}, "change.freeze must be a list"),
        ({"freeze": [{"name": "x", "start": "2026-12-18 18:00"}]}, r"freeze\[0\] must be \{ name"),
        (
            {"freeze": [{"name": "x", "start": "18/12/2026", "end": "2027-01-04 08:00"}]},
            r"freeze\[0\].start must be a London time like '2026-12-18 18:00'",
        ),
        (
            {"freeze": [{"name": "x", "start": "2027-01-04 08:00", "end": "2026-12-18 18:00"}]},
            r"freeze\[0\] ends \(2026-12-18 18:00\) before it starts",
        ),
        ({"templates": {"T": {"state": "-2"}}}, "templates.T.state is not a change field"),
        ({"templates": {"T": {"colour": "red"}}}, "templates.T.colour is not a change field"),
        ({"templates": {"T": {"risk": "9"}}}, "templates.T.risk '9' is not one of"),
        ({"templates": {"T": {"risk": 4}}}, "templates.T.risk must be a string"),
    ],
)
def test_a_bad_change_section_is_refused_naming_file_and_key(change: Any, message: str) -> None:
    """Each mistake names desk.toml, the key and what was wrong."""
    with pytest.raises(ConfigError, match=f"^desk.toml: .*{message}"):
        load_change_config(config_with(change))
