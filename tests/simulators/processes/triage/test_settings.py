"""The desk's [triage] section: the intake and business-query groups, read strictly."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest

from simulators.config import load_desk_config
from simulators.errors import ConfigError
from simulators.processes.triage.settings import DEFAULT_GROUPS, read_triage_groups


def with_section(section: Any) -> Any:
    config = load_desk_config()
    return replace(config, extra={**config.extra, "triage": section})


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (["Business Support"], "triage must be a table"),
        (
            {**DEFAULT_GROUPS, "referral_group": "Elexon Service Desk"},
            "triage has unknown key(s) referral_group",
        ),
        (
            {"intake_group": "Elexon Service Desk"},
            "triage.business_query_group names None, which is not a group of any party",
        ),
        (
            {**DEFAULT_GROUPS, "business_query_group": "Market Rules Team"},
            "triage.business_query_group names 'Market Rules Team', which is not a group",
        ),
    ],
)
def test_the_triage_section_is_checked_strictly(section: Any, message: str) -> None:
    """Each mistake in [triage] is named with the file and key."""
    with pytest.raises(ConfigError, match=re.escape(message)):
        read_triage_groups(with_section(section))


def test_without_a_triage_section_the_defaults_apply() -> None:
    """A desk configuration without [triage] uses the default groups it has."""
    config = load_desk_config()
    bare = replace(config, extra={k: v for k, v in config.extra.items() if k != "triage"})

    assert read_triage_groups(bare) == DEFAULT_GROUPS


def test_an_unknown_key_is_refused_naming_it_and_the_known_ones() -> None:
    """A key the section does not take is named, with the keys it does take."""
    with pytest.raises(
        ConfigError,
        match=r"triage has unknown key\(s\) intake; keys: intake_group, business_query_group$",
    ):
        read_triage_groups(with_section({**DEFAULT_GROUPS, "intake": "Elexon Service Desk"}))


def test_a_section_may_choose_other_known_groups() -> None:
    """Both groups are read as given when each is a group of some party."""
    chosen = {"intake_group": "Business Support", "business_query_group": "Elexon Service Desk"}

    assert read_triage_groups(with_section(chosen)) == chosen
