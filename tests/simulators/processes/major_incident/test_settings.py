"""The desk's [major_incident] section: notice cadence, review due date, distribution lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest

from simulators.config import DeskConfig, load_desk_config
from simulators.errors import ConfigError
from simulators.processes.major_incident.settings import read_major_incident_settings

DEFAULT = object()


def config_with(section: Any = DEFAULT) -> DeskConfig:
    """The default desk configuration, with another [major_incident] section (or none)."""
    config = load_desk_config()
    extra = {k: v for k, v in config.extra.items() if k != "major_incident"}
    if section is not DEFAULT:
        extra["major_incident"] = section
    return replace(config, extra=extra)


def test_the_default_settings_follow_the_domain_assumptions() -> None:
    """15 minutes to the first notice, 30 / 60 minute cadences, a review in 5 working days."""
    settings = read_major_incident_settings(load_desk_config())

    assert settings.first_notice_within == 15 * 60
    assert dict(settings.update_every) == {"1": 1800, "2": 3600}
    assert settings.pir_due_within_working_days == 5
    assert settings.manager_group == "Major Incident Management"
    assert settings.distribution_for("software") == ("affected",)
    assert settings.distribution_for("dip_outage") == ("all",)


def test_a_desk_file_without_the_section_uses_the_defaults() -> None:
    """An older desk.toml still starts: the section is optional."""
    settings = read_major_incident_settings(config_with())

    assert (settings.first_notice_within, settings.manager_group) == (900, "")
    assert settings.distribution == ("affected",)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"cadence": "30m"}, r"major_incident\.cadence is not a setting; known: first_notice"),
        ({"first_notice_within": "soon"}, r"first_notice_within = 'soon': duration 'soon' is not"),
        ({"update_every": {"7": "30m"}}, r'update_every\."7" names no priority; use one of 1-5'),
        ({"update_every": {"1": "0m"}}, r'update_every\."1" = \'0m\': duration \'0m\' is zero'),
        ({"update_every": "30m"}, r"update_every must be a table like"),
        ({"pir_due_within_working_days": 0}, r"pir_due_within_working_days must be a whole number"),
        ({"manager_group": "Crisis Team"}, r"manager_group = 'Crisis Team' is not a group of any"),
        (
            {"distribution": ["suppliers"]},
            r"distribution has 'suppliers'; an entry is \"affected\"",
        ),
        ({"distribution": ["role:generator"]}, r"has 'role:generator'"),
        ({"distribution": ["party:acme"]}, r"has 'party:acme'.*\(one of [a-z_, ]*northvale"),
        ({"distribution": []}, r"distribution must be a non-empty list of recipients"),
        ({"distribution_by_category": {"weather": ["all"]}}, r"weather names no category"),
        ("yes", r"major_incident must be a table, got 'yes'"),
    ],
)
def test_a_wrong_setting_is_refused_naming_file_key_and_value(section: Any, message: str) -> None:
    """Each mistake in [major_incident] stops the desk with the file, the key and what is wrong."""
    with pytest.raises(ConfigError, match=rf"desk\.toml: .*{message}"):
        read_major_incident_settings(config_with(section))


def test_an_unknown_key_is_refused_naming_it_and_every_known_key() -> None:
    """A misspelt key is named first, followed by the keys the section takes."""
    with pytest.raises(
        ConfigError,
        match=r"major_incident\.first_notice is not a setting; known: first_notice_within, "
        r"update_every, pir_due_within_working_days, manager_group, distribution, "
        r"distribution_by_category$",
    ):
        read_major_incident_settings(config_with({"first_notice": "15m"}))


def test_an_empty_section_uses_every_default() -> None:
    """A [major_incident] heading with nothing under it reads as no section at all."""
    assert read_major_incident_settings(config_with({})) == read_major_incident_settings(
        config_with()
    )


def test_keys_left_out_keep_their_defaults() -> None:
    """Setting one key leaves the others at the domain defaults."""
    settings = read_major_incident_settings(config_with({"first_notice_within": "10m"}))

    assert settings.first_notice_within == 600
    assert dict(settings.update_every) == {"1": 1800, "2": 3600}
    assert settings.pir_due_within_working_days == 5
    assert settings.distribution == ("affected",)


def test_the_cadence_is_a_duration_and_absent_for_an_unlisted_priority() -> None:
    """A P1 is updated every 30 minutes by default; a P3 has no cadence."""
    settings = read_major_incident_settings(config_with())

    assert settings.cadence("1") == timedelta(minutes=30)
    assert settings.cadence("3") is None


def test_a_category_without_its_own_list_gets_the_general_distribution() -> None:
    """distribution_by_category overrides distribution only for the categories it names."""
    settings = read_major_incident_settings(
        config_with(
            {"distribution": ["role:ldso"], "distribution_by_category": {"software": ["all"]}}
        )
    )

    assert settings.distribution_for("software") == ("all",)
    assert settings.distribution_for("dip_outage") == ("role:ldso",)


@pytest.mark.parametrize(
    ("section", "message"),
    [
        ({"distribution_by_category": ["all"]}, r"distribution_by_category must be a table, got"),
        ({"manager_group": 7}, r"manager_group must be a group name, got 7"),
        (
            {"pir_due_within_working_days": True},
            r"pir_due_within_working_days must be a whole number of days >= 1, got True",
        ),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused_naming_the_key(section: Any, message: str) -> None:
    """A table, name or number of the wrong kind is refused with the key and the value."""
    with pytest.raises(ConfigError, match=rf"desk\.toml: major_incident\.{message}"):
        read_major_incident_settings(config_with(section))
