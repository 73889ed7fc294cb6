"""Who is calling: basic credentials parsed strictly and checked against salted password hashes."""

import base64

import pytest

from simulators.desk.auth import (
    SYSTEM_ACTOR,
    Actor,
    generate_password,
    hash_password,
    parse_basic_auth,
    stored_hash,
    verify_password,
)
from simulators.errors import NotAuthenticated


def basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


def test_basic_credentials_give_the_user_and_the_password() -> None:
    """The password may itself contain colons; only the first one separates."""
    assert parse_basic_auth(basic("lanternfield.agent:pa:ss")) == ("lanternfield.agent", "pa:ss")


def test_the_scheme_is_case_insensitive() -> None:
    """`basic` and `Basic` are the same scheme."""
    assert parse_basic_auth(basic("admin:x").replace("Basic", "basic")) == ("admin", "x")


@pytest.mark.parametrize("header", [None, "", "Bearer abc"])
def test_a_request_without_basic_credentials_is_not_authenticated(header: str | None) -> None:
    """No header, or another scheme, answers 401 asking for credentials."""
    with pytest.raises(NotAuthenticated, match="User Not Authenticated") as raised:
        parse_basic_auth(header)

    assert raised.value.detail == "Required to provide Auth information"
    assert raised.value.status == 401


@pytest.mark.parametrize("header", ["Basic !!!not-base64", basic("no-colon-here")])
def test_a_malformed_header_is_not_authenticated(header: str) -> None:
    """Bad base64, or no colon between user and password, is a malformed header."""
    with pytest.raises(NotAuthenticated) as raised:
        parse_basic_auth(header)

    assert raised.value.detail == "Malformed basic authentication header"


def test_a_hash_is_salted_pbkdf2_and_verifies_only_its_password() -> None:
    """Two hashes of one password differ by salt; each verifies that password alone."""
    first, second = hash_password("Secret-1"), hash_password("Secret-1")

    assert first.startswith("pbkdf2$") and first != second
    assert verify_password("Secret-1", first) and verify_password("Secret-1", second)
    assert not verify_password("Secret-2", first)


def test_a_hash_with_a_given_salt_is_reproducible() -> None:
    """The salt is stored in the hash, so the same salt gives the same hash."""
    assert hash_password("Secret-1", "abcd") == hash_password("Secret-1", "abcd")


def test_a_stored_value_that_is_not_a_hash_verifies_nothing() -> None:
    """A plain-text or damaged stored value never matches."""
    assert not verify_password("Secret-1", "Secret-1")


def test_stored_hash_is_computed_once_per_password() -> None:
    """Desks of one run store the same hash for the same password."""
    assert stored_hash("Run-Secret-9") == stored_hash("Run-Secret-9")
    assert verify_password("Run-Secret-9", stored_hash("Run-Secret-9"))


def test_generated_passwords_are_long_and_fresh() -> None:
    """Each generated password is new and at least 24 characters."""
    passwords = {generate_password() for _ in range(5)}

    assert len(passwords) == 5
    assert all(len(password) >= 24 for password in passwords)


def test_an_actor_is_admin_by_its_roles_and_shows_no_secrets() -> None:
    """`is_admin` reads the roles; the repr names the user and the party only."""
    agent = Actor("a" * 32, "lanternfield.agent", "lanternfield", frozenset({"itil"}))

    assert not agent.is_admin
    assert SYSTEM_ACTOR.is_admin
    assert repr(agent) == "Actor('lanternfield.agent', party='lanternfield')"
