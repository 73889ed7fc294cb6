"""The desk's [request] section: the group that fulfils each request type, read strictly."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

from simulators.config import load_desk_config
from simulators.errors import ConfigError
from simulators.processes.request.schema import REQUEST_TYPES
from simulators.processes.request.settings import DEFAULT_OWNING_GROUPS, read_owning_groups


def with_section(section: Any) -> Any:
    config = load_desk_config()
    return replace(config, extra={**config.extra, "request": section})


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ("DIP Manager", "request must be a table"),
        ({"groups": {}}, "request has unknown key(s) groups"),
        (
            {"owning_groups": {**DEFAULT_OWNING_GROUPS, "meter_reading": "MDS Support"}},
            "request.owning_groups names unknown request type(s) meter_reading",
        ),
        (
            {"owning_groups": {"access": "Elexon Portal Support"}},
            "request.owning_groups gives no group for dip_onboarding, dip_role_change",
        ),
        (
            {"owning_groups": {**DEFAULT_OWNING_GROUPS, "access": "Portal Team"}},
            "request.owning_groups.access names 'Portal Team', which is not a group of any party",
        ),
    ],
)
def test_the_request_section_is_checked_strictly(section: Any, message: str) -> None:
    """Each mistake in [request] is named with the file and key."""
    with pytest.raises(ConfigError, match=re.escape(message)) as raised:
        read_owning_groups(with_section(section))

    assert str(raised.value).startswith(str(load_desk_config().source))


def test_without_a_request_section_the_defaults_apply() -> None:
    """A desk configuration without [request] uses the default owning groups it has."""
    config = load_desk_config()
    bare = replace(config, extra={k: v for k, v in config.extra.items() if k != "request"})

    assert read_owning_groups(bare) == DEFAULT_OWNING_GROUPS


def test_an_unknown_key_is_refused_naming_it_and_the_known_one() -> None:
    """A key other than owning_groups is named, with the key the section takes."""
    with pytest.raises(
        ConfigError, match=r"request has unknown key\(s\) fulfilment_groups; keys: owning_groups$"
    ):
        read_owning_groups(with_section({"fulfilment_groups": {}}))


def test_a_section_without_owning_groups_is_refused() -> None:
    """An empty [request] section does not fall back to the defaults: it must give the table."""
    with pytest.raises(
        ConfigError,
        match=r"request\.owning_groups must be a table of request type = group name$",
    ):
        read_owning_groups(with_section({}))


def test_a_section_naming_every_type_sets_each_group() -> None:
    """Every request type mapped to a known group is read as given."""
    groups = dict.fromkeys(REQUEST_TYPES, "Elexon Portal Support")

    assert read_owning_groups(with_section({"owning_groups": groups})) == groups
