"""The desk configuration is read strictly: every section and key known, every mistake named."""

from dataclasses import replace
from pathlib import Path

import pytest

from simulators.config import DEFAULT_CONFIG, DEFAULT_ROSTER, load_desk_config, read_parties
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


def edited_desk_file(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of the packaged desk.toml with one piece of text replaced."""
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "desk.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_packaged_desk_is_elexons_central_desk() -> None:
    """Identity, numbering, the auto-close period and the priority lookup come from desk.toml."""
    config = load_desk_config()

    assert (config.id, config.name, config.party) == ("elexon", "Elexon Service Desk", "elexon")
    assert config.prefixes["incident"] == "INC"
    assert config.number_start["incident"] == 10001
    assert config.auto_close_after_seconds == 7 * 24 * 3600
    assert config.priority_matrix[("1", "1")] == "1"
    assert config.priority_matrix[("3", "3")] == "5"
    assert ("dip_outage", "1") in {(o.category, o.priority) for o in config.priority_overrides}


def test_without_parties_of_its_own_a_desk_takes_the_rosters() -> None:
    """The parties, groups and users come from roster.toml beside desk.toml."""
    config = load_desk_config()

    assert config.find_party("elexon") is not None
    assert config.find_party("lanternfield") is not None
    assert config.find_party("nobody") is None


def test_a_missing_file_is_named() -> None:
    """The path that does not exist is in the message."""
    with pytest.raises(ConfigError, match=r"desk configuration /nowhere/desk\.toml does not exist"):
        load_desk_config("/nowhere/desk.toml")


def test_a_file_that_is_not_toml_is_named_with_the_parser_error(tmp_path: Path) -> None:
    """The TOML error (line and column) follows the file name."""
    path = tmp_path / "desk.toml"
    path.write_text("[desk\n", encoding="utf-8")

    with pytest.raises(ConfigError, match=r"desk\.toml is not valid TOML: .*line 1"):
        load_desk_config(path)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('id = "elexon"  ', 'id = ""  ', r"desk\.id must be a non-empty string, got ''"),
        ('party = "elexon"', 'party = "acme"', r"desk\.party names 'acme', which is not in"),
        ("incident = 10001", "incident = -1", r"desk\.number_start\.incident must be a whole"),
        ('auto_close_after = "7d"', 'auto_close_after = "a week"', r"incident\.auto_close_after: "),
        ('["3", "4", "5"],\n]', "]", r"priority\.matrix must be 3 rows \(impact 1-3\) of 3"),
        ('["1", "2", "3"]', '["1", "2", "9"]', r"priority\.matrix\[1\]\[3\] must be 1-5, got '9'"),
        (
            'category = "dip_outage", priority = "1"',
            'category = "dip_outage", priority = "0"',
            r"priority\.overrides\[0\]\.priority must be 1-5, got '0'",
        ),
        ("[incident]", "[incidents]", r"unknown section \[incidents\]"),
    ],
)
def test_a_wrong_value_is_refused_naming_file_key_and_value(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    """Each mistake names desk.toml, the key and what is wrong with the value."""
    with pytest.raises(ConfigError, match=rf"desk\.toml: {message}"):
        load_desk_config(edited_desk_file(tmp_path, old, new))


PARTY = {"id": "acme", "name": "Acme Energy", "role": "supplier"}


@pytest.mark.parametrize(
    ("party", "message"),
    [
        ({**PARTY, "role": "retailer"}, r"parties\[0\]\.role 'retailer' is not one of ads, dcp"),
        ({**PARTY, "name": ""}, r"parties\[0\]\.name must be a non-empty string"),
        (
            {**PARTY, "users": [{"user_name": "acme.boss", "name": "Boss", "roles": ["root"]}]},
            r"parties\[0\]\.users\[0\]\.roles has unknown role\(s\) root",
        ),
        ({**PARTY, "groups": [{"description": "no name"}]}, r"parties\[0\]\.groups\[0\]\.name"),
        ("acme", r"parties\[0\] must be a table"),
    ],
)
def test_a_wrong_party_is_refused_naming_its_entry(party: object, message: str) -> None:
    """A party entry is checked field by field, naming the file and the entry."""
    with pytest.raises(ConfigError, match=rf"roster\.toml: {message}"):
        read_parties({"parties": [party]}, "roster.toml")


def test_a_party_without_users_works_with_the_defaults() -> None:
    """Calendar defaults to England and Wales; a user's roles default to itil."""
    (party,) = read_parties(
        {"parties": [{**PARTY, "users": [{"user_name": "acme.agent", "name": "Ann"}]}]}, "r.toml"
    )

    assert party.calendar == "england_wales"
    assert party.users[0].roles == ("itil",)


def test_a_file_must_list_at_least_one_party() -> None:
    """An empty roster is refused by name."""
    with pytest.raises(ConfigError, match=r"roster\.toml: parties must list at least one party"):
        read_parties({"parties": []}, "roster.toml")
