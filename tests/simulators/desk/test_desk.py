"""A service desk's operations without HTTP: users, the Table API operations and their refusals."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from simulators import build_desk
from simulators.clock import VirtualClock
from simulators.config import DEFAULT_CONFIG, load_desk_config
from simulators.desk.auth import Actor
from simulators.desk.desk import Desk
from simulators.errors import BadRequest, ConfigError, Forbidden, NotAuthenticated, RecordNotFound
from simulators.query.sysparms import Sysparms

BASE = "http://desk.test"
PARAMS = Sysparms()


@pytest.fixture(scope="module")
def desk() -> Iterator[Desk]:
    yield build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")


@pytest.fixture(scope="module")
def agent(desk: Desk) -> Actor:
    return desk.authenticate("lanternfield.agent", desk.passwords["lanternfield.agent"])


def raise_incident(desk: Desk, actor: Actor, summary: str) -> dict:
    return desk.create("incident", {"short_description": summary}, actor, PARAMS, BASE)


def test_a_user_is_authenticated_by_password_into_an_actor(desk: Desk, agent: Actor) -> None:
    """The actor carries the user's party and roles; the repr is the desk's id."""
    assert (agent.user_name, agent.party) == ("lanternfield.agent", "lanternfield")
    assert "itil" in agent.roles
    assert repr(desk) == "Desk('elexon')"


@pytest.mark.parametrize(("user", "password"), [("lanternfield.agent", "wrong"), ("nobody", "x")])
def test_a_wrong_password_or_unknown_user_is_not_authenticated(
    desk: Desk, user: str, password: str
) -> None:
    """Both answer the same 401, so a caller cannot learn which users exist."""
    with pytest.raises(NotAuthenticated, match="User Not Authenticated"):
        desk.authenticate(user, password)


def test_a_known_user_acts_without_a_password_for_timers(desk: Desk) -> None:
    """Timers and scripted parties act as a named user; an unknown one is refused by name."""
    assert desk.actor("elexon.agent").party == "elexon"
    with pytest.raises(RecordNotFound) as raised:
        desk.actor("nobody")
    assert raised.value.detail == "no user nobody on desk elexon"


def test_an_unknown_table_is_refused_listing_the_tables_served(desk: Desk) -> None:
    """The detail lists what the desk does serve."""
    with pytest.raises(BadRequest, match="Invalid table u_nothing") as raised:
        desk.schema("u_nothing")
    assert "incident" in raised.value.detail


def test_create_get_update_and_list_work_on_one_record(desk: Desk, agent: Actor) -> None:
    """The operations the Table API routes to, with links under the given base URL."""
    record = raise_incident(desk, agent, "IF-008 missing for MPAN 1200023304458")

    assert desk.get("incident", record["sys_id"], agent, PARAMS, BASE)["number"] == record["number"]
    changed = desk.update("incident", record["sys_id"], {"impact": "1"}, agent, PARAMS, BASE)
    assert changed["impact"] == "1"
    page = desk.list("incident", agent, Sysparms(query=f"number={record['number']}"), BASE)
    assert (page.total, [r["sys_id"] for r in page.records]) == (1, [record["sys_id"]])


def test_only_the_admin_deletes_a_record(desk: Desk, agent: Actor) -> None:
    """An agent is told to cancel or close instead; the admin's delete removes the record."""
    record = raise_incident(desk, agent, "IF-021 rejected")

    with pytest.raises(
        Forbidden, match=r"User lanternfield\.agent may not delete incident records"
    ):
        desk.delete("incident", record["sys_id"], agent)
    desk.delete("incident", record["sys_id"], desk.actor("admin"))
    with pytest.raises(RecordNotFound):
        desk.get("incident", record["sys_id"], agent, PARAMS, BASE)


def test_a_number_prefix_for_a_table_the_desk_does_not_serve_is_refused(tmp_path: Path) -> None:
    """A typo under [desk.prefixes] names the file, the dotted key and the nearest table."""
    text = DEFAULT_CONFIG.read_text(encoding="utf-8")
    path = tmp_path / "desk.toml"
    path.write_text(text.replace("[desk.prefixes]", '[desk.prefixes]\nincidnet = "INX"', 1))

    with pytest.raises(
        ConfigError,
        match=r"desk\.toml: unknown key 'desk\.prefixes\.incidnet'; did you mean 'incident'\?",
    ):
        build_desk(load_desk_config(path), VirtualClock())


# -- account changes act on the next request ------------------------------------------------------


@pytest.fixture
def fresh() -> Desk:
    """A desk of its own: these tests change users."""
    return build_desk(load_desk_config(), VirtualClock(), store_url="sqlite://")


def user_sys_id(desk: Desk, admin: Actor, user_name: str) -> str:
    page = desk.list("sys_user", admin, Sysparms(query=f"user_name={user_name}"), BASE)
    sys_id: str = page.records[0]["sys_id"]
    return sys_id


def admin_of(desk: Desk) -> Actor:
    return desk.authenticate("admin", desk.passwords["admin"])


def test_a_deactivated_user_is_refused_on_the_next_request(fresh: Desk) -> None:
    """No restart: the user who could sign in a moment ago no longer can."""
    password = fresh.passwords["lanternfield.agent"]
    fresh.authenticate("lanternfield.agent", password)
    admin = admin_of(fresh)

    fresh.update(
        "sys_user",
        user_sys_id(fresh, admin, "lanternfield.agent"),
        {"active": "false"},
        admin,
        PARAMS,
        BASE,
    )

    with pytest.raises(NotAuthenticated):
        fresh.authenticate("lanternfield.agent", password)


def test_a_role_change_acts_on_the_next_request(fresh: Desk) -> None:
    """Roles are read with the user on every request: an emptied role list is empty at once."""
    password = fresh.passwords["elexon.agent"]
    assert "itil" in fresh.authenticate("elexon.agent", password).roles
    admin = admin_of(fresh)

    fresh.update(
        "sys_user", user_sys_id(fresh, admin, "elexon.agent"), {"roles": ""}, admin, PARAMS, BASE
    )

    assert fresh.authenticate("elexon.agent", password).roles == frozenset()


def test_a_password_written_through_the_api_is_stored_hashed_and_works(fresh: Desk) -> None:
    """The new password signs in, the old one no longer does, and only a salted hash is kept."""
    old = fresh.passwords["lanternfield.caller"]
    admin = admin_of(fresh)
    sys_id = user_sys_id(fresh, admin, "lanternfield.caller")

    fresh.update("sys_user", sys_id, {"user_password": "Correct-Horse-9"}, admin, PARAMS, BASE)

    assert fresh.authenticate("lanternfield.caller", "Correct-Horse-9").user_name == (
        "lanternfield.caller"
    )
    with pytest.raises(NotAuthenticated):
        fresh.authenticate("lanternfield.caller", old)
    with fresh.store.reading() as connection:
        stored = fresh.store.fetch(connection, "sys_user", sys_id)
    assert stored is not None
    assert stored["user_password"].startswith("pbkdf2$")
    assert "Correct-Horse-9" not in stored["user_password"]
