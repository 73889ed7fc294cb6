"""The desk configuration is read strictly: every section and key known, every mistake named."""

from dataclasses import replace
from pathlib import Path

import pytest

from simulators.config import DEFAULT_CONFIG, DEFAULT_ROSTER, load_desk_config
from simulators.errors import ConfigError

DESK = DEFAULT_CONFIG.read_text(encoding="utf-8")
ROSTER = DEFAULT_ROSTER.read_text(encoding="utf-8")


def desk_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "desk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def roster_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "roster.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_files_are_read() -> None:
    """The packaged desk.toml and roster.toml pass every check."""
    config = load_desk_config()
    assert config.id == "elexon" and config.find_party("elexon") is not None
    assert config.section("change") is not None and config.section("nothing") is None


def test_a_misspelt_section_is_refused_naming_file_and_section(tmp_path: Path) -> None:
    """A [chnage] section is a typo, not a section to ignore."""
    path = desk_file(tmp_path, DESK.replace("[change]", "[chnage]", 1))
    with pytest.raises(
        ConfigError,
        match=r"desk\.toml: unknown section \[chnage\]; did you mean \[change\]\? \(known "
        r"sections here: change, desk, incident, major_incident, parties, priority, problem, "
        r"request, triage\)$",
    ):
        load_desk_config(path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('calendar = "england_wales"', 'calender = "england_wales"', r"'desk\.calender'"),
        ('auto_close_after = "7d"', 'auto_close = "7d"', r"'incident\.auto_close'"),
        ("overrides = [", "override = [", r"'priority\.override'"),
        (
            '{ category = "dip_outage", priority = "1" }',
            '{ category = "dip_outage", priorty = "1" }',
            r"'priority\.overrides\[0\]\.priorty'; did you mean 'priority'\?",
        ),
    ],
)
def test_an_unknown_key_in_a_desk_section_is_refused(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """Each table of desk.toml takes only its documented keys."""
    assert old in DESK
    with pytest.raises(ConfigError, match=r"desk\.toml: unknown key " + message):
        load_desk_config(desk_file(tmp_path, DESK.replace(old, new, 1)))


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('role = "ldso"', 'role = "ldso"\ncolour = "red"', r"'parties\[\d+\]\.colour'"),
        ('description = "', 'descripton = "', r"'parties\[\d+\]\.groups\[\d+\]\.descripton'"),
        ('user_name = "', 'username = "', r"'parties\[\d+\]\.users\[\d+\]\.username'"),
    ],
)
def test_an_unknown_key_in_a_party_names_the_file_it_came_from(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """Parties borrowed from the roster are checked there, and the roster is named."""
    assert old in ROSTER
    roster = roster_file(tmp_path, ROSTER.replace(old, new, 1))
    with pytest.raises(ConfigError, match=r"roster\.toml: unknown key " + message):
        load_desk_config(None, roster)


def test_the_roster_keys_of_a_party_are_allowed_when_parties_come_from_the_roster() -> None:
    """mpids, binding and the rest belong to a roster entry; the desk reads past them."""
    assert "mpids" in ROSTER
    assert load_desk_config(None, DEFAULT_ROSTER).parties


def test_a_section_that_is_not_a_table_is_refused() -> None:
    """A process reads its section only when it is a table."""
    broken = replace(load_desk_config(), extra={"triage": "yes"})
    with pytest.raises(ConfigError, match=r"desk\.toml: triage must be a table, got 'yes'$"):
        broken.section("triage")
