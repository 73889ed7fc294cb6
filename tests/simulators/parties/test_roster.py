"""The roster: every party's binding and people, checked entry by entry with clear errors."""

from __future__ import annotations

import pytest

from simulators.config import load_desk_config
from simulators.errors import ConfigError
from simulators.parties.roster import (
    RealDesk,
    desk_config_for,
    load_roster,
    parse_roster,
    run_passwords,
)


def entry(**overrides):
    base = {
        "id": "northvale",
        "name": "Northvale Power Networks",
        "role": "ldso",
        "mpids": ["NRVL"],
        "incident_prefix": "NVL",
        "groups": [{"name": "Northvale Registration Support"}],
        "users": [{"user_name": "northvale.agent", "name": "Aisha Khan", "roles": ["itil"]}],
    }
    return base | overrides


CENTRAL = {"id": "elexon", "name": "Elexon", "role": "elexon", "incident_prefix": "INC"}


def test_the_default_roster_has_the_realistic_cast() -> None:
    """Elexon, two suppliers, DNOs in England and Scotland, an iDNO, data and metering services."""
    roster = load_roster()
    roles = [e.party.role for e in roster.entries]
    assert roster.central == "elexon"
    assert roles.count("supplier") >= 2 and roles.count("ldso") >= 3
    assert {"sds", "ads", "mss"} <= set(roles)
    assert {e.party.calendar for e in roster.entries if e.party.role == "ldso"} == {
        "england_wales",
        "scotland",
    }
    groups = {g.name for g in roster.entry("elexon").party.groups}
    assert {"DIP Manager", "MDS Support", "LSS Support", "VAS Support", "ISD Support"} <= groups


def test_a_binding_to_a_real_desk_names_its_url_and_credential_variables() -> None:
    """A real desk is a URL plus the names of the variables that hold its credentials."""
    binding = {"url": "https://desk.example/", "user_env": "NV_USER", "password_env": "NV_PASS"}
    roster = parse_roster({"parties": [CENTRAL, entry(binding=binding)]}, "r.toml")
    assert roster.entry("northvale").binding == RealDesk(
        "https://desk.example", "NV_USER", "NV_PASS"
    )
    assert roster.entry("elexon").simulated


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (
            entry(mpids=["nrvl"]),
            r"parties\[1\] \(northvale\)\.mpids must be a list of four capital",
        ),
        (entry(incident_prefix="nvl"), r"incident_prefix must be 2-5 capital letters, got 'nvl'"),
        (entry(binding={"url": "ftp://x"}), r"binding is missing user_env, password_env"),
        (
            entry(binding={"url": "ftp://x", "user_env": "U", "password_env": "P"}),
            r"binding.url 'ftp://x' is not an http\(s\) URL",
        ),
        (entry(binding="local"), r"binding must be \"simulated\" or a table"),
        (entry(port="18081"), r"port must be a port number, got '18081'"),
        (entry(incident_prefix="INC"), r"incident_prefix INC used by two parties"),
        (entry(role="dno"), r"parties\[1\]\.role 'dno' is not one of"),
    ],
)
def test_a_broken_entry_is_named_with_its_field(broken, message) -> None:
    """Each mistake names the file, the entry and the field."""
    with pytest.raises(ConfigError, match=r"^r\.toml: .*" + message):
        parse_roster({"parties": [CENTRAL, broken]}, "r.toml")


def test_the_central_party_must_exist_and_be_simulated() -> None:
    """The central desk is the reference desk of the run."""
    with pytest.raises(ConfigError, match="central names 'hub', which is not a party"):
        parse_roster({"central": "hub", "parties": [CENTRAL]}, "r.toml")


def test_a_party_desk_knows_its_own_people_and_an_integration_user_per_other_desk() -> None:
    """Northvale's desk has Northvale's agent, ebond users for the others, and its own prefix."""
    roster = load_roster()
    config = desk_config_for(load_desk_config(), roster, "northvale")
    users = {u.user_name for p in config.parties for u in p.users}
    assert "northvale.agent" in users and "lanternfield.agent" not in users
    assert {"ebond.elexon", "ebond.lanternfield"} <= users and "ebond.northvale" not in users
    assert config.prefixes["incident"] == "NVL" and config.calendar == "england_wales"


def test_run_passwords_cover_every_user_and_every_integration_user(monkeypatch) -> None:
    """A password per user; a variable named by the roster wins over a generated one."""
    monkeypatch.setenv("ORT_ADMIN_PASSWORD", "admin-from-env")
    passwords = run_passwords(load_roster())
    assert passwords["admin"] == "admin-from-env"
    assert {"northvale.agent", "ebond.northvale", "ebond.elexon"} <= set(passwords)
    assert len(set(passwords.values())) == len(passwords)


@pytest.mark.parametrize(
    ("roster", "message"),
    [
        (
            {"centrall": "elexon", "parties": [CENTRAL]},
            r"unknown key 'centrall'; did you mean 'central'\? "
            r"\(known keys here: central, parties\)$",
        ),
        ({"parties": [CENTRAL, entry(mpid=["NRVL"])]}, r"'parties\[1\]\.mpid'; did you mean"),
        (
            {"parties": [CENTRAL, entry(binding={"url": "https://d", "user": "U"})]},
            r"unknown key 'parties\[1\]\.binding\.user'; did you mean 'user_env'\?",
        ),
    ],
)
def test_an_unknown_key_is_refused_naming_file_and_dotted_key(roster, message) -> None:
    """A misspelt roster key is not silently ignored."""
    with pytest.raises(ConfigError, match=r"^r\.toml: .*" + message):
        parse_roster(roster, "r.toml")


def test_a_missing_roster_file_is_named(tmp_path) -> None:
    """The path that was asked for is in the sentence."""
    with pytest.raises(ConfigError, match=r"^roster .*absent\.toml does not exist$"):
        load_roster(tmp_path / "absent.toml")


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (
            entry(incident_prefix="NVX"),
            r"parties\[2\]\.id repeats the party id 'northvale' of parties\[1\]\.id; "
            r"each party id must be unique$",
        ),
        (
            entry(id="southvale", incident_prefix="SVL", groups=[{"name": "Southvale Desk"}]),
            r"parties\[2\]\.users\[0\]\.user_name repeats the user name 'northvale\.agent' of "
            r"parties\[1\]\.users\[0\]\.user_name; each user name must be unique$",
        ),
        (
            entry(id="southvale", incident_prefix="SVL", users=[]),
            r"parties\[2\]\.groups\[0\]\.name repeats the group name 'Northvale Registration "
            r"Support' of parties\[1\]\.groups\[0\]\.name; each group name must be unique$",
        ),
    ],
)
def test_a_duplicate_party_user_or_group_is_refused(second, message) -> None:
    """Two parties with one id would share a tenancy; names of people and groups are unique."""
    with pytest.raises(ConfigError, match=r"^r\.toml: " + message):
        parse_roster({"parties": [CENTRAL, entry(), second]}, "r.toml")
