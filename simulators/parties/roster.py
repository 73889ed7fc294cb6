"""The roster: every party of a run, its desk binding (simulated or a real URL) and its people."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from simulators.config import (
    DEFAULT_ROSTER,
    ROSTER_ENTRY_KEYS,
    DeskConfig,
    PartyConfig,
    UserConfig,
    read_parties,
)
from simulators.desk import ADMIN_PASSWORD_ENV, ADMIN_USER, generate_password
from simulators.ebond import ebond_user
from simulators.errors import ConfigError
from tomlconfig import check_keys, load_toml

MPID = re.compile(r"^[A-Z]{4}$")
PREFIX = re.compile(r"^[A-Z]{2,5}$")
ROSTER_SECTIONS = ("central", "parties")
BINDING_KEYS = ("url", "user_env", "password_env")


@dataclass(frozen=True)
class RealDesk:
    """A participant's own desk at a URL; credentials come from environment variables."""

    url: str
    user_env: str
    password_env: str


@dataclass(frozen=True)
class RosterEntry:
    """One party of the run: who it is and where its desk is."""

    party: PartyConfig
    mpids: tuple[str, ...]
    incident_prefix: str
    binding: RealDesk | None  # None: a simulated desk started for the run
    port: int = 0  # a simulated desk's fixed loopback port (0: any free port)
    ebond_password_env: str = ""  # holds the password of ebond.<party> on the other desks

    @property
    def simulated(self) -> bool:
        return self.binding is None


@dataclass(frozen=True)
class Roster:
    """Every party, and which one runs the central desk."""

    central: str
    entries: tuple[RosterEntry, ...]
    source: str

    def entry(self, party_id: str) -> RosterEntry:
        for entry in self.entries:
            if entry.party.id == party_id:
                return entry
        raise ConfigError(f"{self.source}: no party '{party_id}' in the roster")

    @property
    def parties(self) -> tuple[PartyConfig, ...]:
        return tuple(entry.party for entry in self.entries)


def load_roster(path: Path | str | None = None) -> Roster:
    """Read and check a roster file (the packaged default when path is None)."""
    roster_path = Path(path) if path else DEFAULT_ROSTER
    return parse_roster(load_toml(roster_path, "roster", ConfigError), str(roster_path))


def parse_roster(raw: Mapping[str, Any], source: str) -> Roster:
    """Check every entry; an error names the file, the entry and the field."""
    check_keys(raw, ROSTER_SECTIONS, where=source, sections=True, error=ConfigError)
    parties = read_parties(raw, source, ROSTER_ENTRY_KEYS)
    entries = []
    for index, (party, item) in enumerate(zip(parties, raw["parties"], strict=True)):
        where = f"{source}: parties[{index}] ({party.id})"
        mpids = item.get("mpids", [])
        if not isinstance(mpids, list) or not all(
            isinstance(m, str) and MPID.match(m) for m in mpids
        ):
            raise ConfigError(
                f"{where}.mpids must be a list of four capital letters, got {mpids!r}"
            )
        prefix = item.get("incident_prefix", "INC")
        if not isinstance(prefix, str) or not PREFIX.match(prefix):
            raise ConfigError(
                f"{where}.incident_prefix must be 2-5 capital letters, got {prefix!r}"
            )
        port = item.get("port", 0)
        if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
            raise ConfigError(f"{where}.port must be a port number, got {port!r}")
        secret_env = item.get("ebond_password_env", "")
        if not isinstance(secret_env, str):
            raise ConfigError(
                f"{where}.ebond_password_env must name a variable, got {secret_env!r}"
            )
        entries.append(
            RosterEntry(
                party,
                tuple(mpids),
                prefix,
                _binding(where, item, source, f"parties[{index}].binding"),
                port,
                secret_env,
            )
        )
    central = raw.get("central", "elexon")
    if central not in {p.id for p in parties}:
        raise ConfigError(f"{source}: central names '{central}', which is not a party")
    if not next(e for e in entries if e.party.id == central).simulated:
        raise ConfigError(f"{source}: the central party '{central}' must be simulated")
    prefixes = [e.incident_prefix for e in entries]
    duplicated = sorted({p for p in prefixes if prefixes.count(p) > 1})
    if duplicated:
        raise ConfigError(f"{source}: incident_prefix {', '.join(duplicated)} used by two parties")
    return Roster(central, tuple(entries), source)


def _binding(where: str, item: Mapping[str, Any], source: str, key: str) -> RealDesk | None:
    binding = item.get("binding", "simulated")
    if binding == "simulated":
        return None
    if not isinstance(binding, Mapping):
        raise ConfigError(
            f'{where}.binding must be "simulated" or a table with url, user_env, '
            f"password_env; got {binding!r}"
        )
    check_keys(binding, BINDING_KEYS, where=source, prefix=key, error=ConfigError)
    missing = [k for k in BINDING_KEYS if not binding.get(k)]
    if missing:
        raise ConfigError(f"{where}.binding is missing {', '.join(missing)}")
    if not str(binding["url"]).startswith(("http://", "https://")):
        raise ConfigError(f"{where}.binding.url '{binding['url']}' is not an http(s) URL")
    return RealDesk(str(binding["url"]).rstrip("/"), binding["user_env"], binding["password_env"])


def desk_config_for(settings: DeskConfig, roster: Roster, party_id: str) -> DeskConfig:
    """The configuration of one party's desk: the shared settings, its numbering, its people.

    The central desk knows every party's users (participants log in to the central portal);
    a party's own desk knows its own users. Every desk knows every group (to hand work over)
    and has an integration user for each other desk that may hand work to it.
    """
    entry = roster.entry(party_id)
    central = party_id == roster.central
    parties = []
    for other in roster.entries:
        users: tuple[UserConfig, ...] = (
            other.party.users if central or other.party.id == party_id else ()
        )
        if other.party.id != party_id:
            integration = UserConfig(
                ebond_user(other.party.id), f"{other.party.name} e-bond", ("itil",)
            )
            users = (*users, integration)
        parties.append(dataclasses.replace(other.party, users=users))
    prefixes = dict(settings.prefixes)
    prefixes["incident"] = entry.incident_prefix
    return dataclasses.replace(
        settings,
        id=party_id,
        name=settings.name if central else desk_name(roster, party_id),
        party=party_id,
        calendar=entry.party.calendar,
        prefixes=prefixes,
        parties=tuple(parties),
    )


def desk_name(roster: Roster, party_id: str) -> str:
    """What a party's own desk is called ('Northvale Power Networks Service Desk')."""
    return f"{roster.entry(party_id).party.name} Service Desk"


def run_passwords(roster: Roster) -> dict[str, str]:
    """One password per user of the run: from the variable the roster names, else generated.

    Covers every party's users, each party's e-bond user (ebond.<party>) and the admin.
    """

    def chosen(env_name: str) -> str:
        return (env_name and os.environ.get(env_name)) or generate_password()

    values = {u.user_name: chosen(u.password_env) for p in roster.parties for u in p.users}
    values |= {ebond_user(e.party.id): chosen(e.ebond_password_env) for e in roster.entries}
    values[ADMIN_USER] = chosen(ADMIN_PASSWORD_ENV)
    return values
