"""Who is calling: HTTP basic credentials checked against the desk's users."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass

from simulators.errors import NotAuthenticated

ADMIN_USER = "admin"
ADMIN_PASSWORD_ENV = "ORT_ADMIN_PASSWORD"
AGENT_ROLES = frozenset({"itil", "admin"})
"""Roles that work tickets: a service desk agent, or the admin."""
_ITERATIONS = 60_000


@dataclass(frozen=True)
class Actor:
    """The authenticated user of one request."""

    sys_id: str
    user_name: str
    party: str
    roles: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles

    def __repr__(self) -> str:
        return f"Actor({self.user_name!r}, party={self.party!r})"


SYSTEM_ACTOR = Actor(sys_id="", user_name="system", party="", roles=frozenset({"admin"}))


def generate_password() -> str:
    """A fresh random password for a desk user."""
    return secrets.token_urlsafe(18)


def hash_password(password: str, salt: str | None = None) -> str:
    """A salted PBKDF2 hash, as stored in sys_user.user_password (never returned by the API)."""
    salt = salt or secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), _ITERATIONS)
    return f"pbkdf2${salt}${digest.hex()}"


_HASHES: dict[str, str] = {}
_HASHES_LOCK = threading.Lock()


def stored_hash(password: str) -> str:
    """The hash to store for a password, computed once per process for a given password."""
    with _HASHES_LOCK:
        if password not in _HASHES:
            _HASHES[password] = hash_password(password)
        return _HASHES[password]


_VERIFIED: set[tuple[str, str]] = set()


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches a stored hash (a match is remembered, keyed by a digest)."""
    key = (stored, hashlib.sha256(password.encode()).hexdigest())
    if key in _VERIFIED:
        return True
    try:
        _scheme, salt, _digest = stored.split("$")
    except ValueError:
        return False
    if not hmac.compare_digest(hash_password(password, salt), stored):
        return False
    _VERIFIED.add(key)
    return True


def parse_basic_auth(header: str | None) -> tuple[str, str]:
    """(user, password) from an Authorization header, or NotAuthenticated."""
    if not header or not header.lower().startswith("basic "):
        raise NotAuthenticated(detail="Required to provide Auth information")
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        raise NotAuthenticated(detail="Malformed basic authentication header") from None
    user, separator, password = decoded.partition(":")
    if not separator:
        raise NotAuthenticated(detail="Malformed basic authentication header")
    return user, password
