"""`ort serve`: the roster's desks on 127.0.0.1 for a rehearsal, until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import os
import signal
import threading
from datetime import UTC, datetime
from types import FrameType

from ort.errors import UserError
from simulators import (
    ConfigError,
    SystemClock,
    VirtualClock,
    build_desk,
    latest_stored_time,
    load_desk_config,
    parse_time,
)
from simulators.desk import ADMIN_PASSWORD_ENV, ADMIN_USER
from simulators.parties import Fleet, Roster, ServedDesk, load_roster, run_passwords

HELP = "serve the roster's desks on 127.0.0.1 for a rehearsal (Ctrl-C stops them)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--port",
        type=_port,
        default=18080,
        help="port of the first desk (default 18080); others take their roster port or the next",
    )
    parser.add_argument("--config", metavar="FILE", help="desk settings TOML")
    parser.add_argument("--roster", metavar="FILE", help="roster TOML (parties, people, bindings)")
    parser.add_argument(
        "--party",
        metavar="ID",
        help="serve only this party's desk, e.g. a participant's own desk in a rehearsal "
        "(default: the central desk and every simulated party desk)",
    )
    parser.add_argument(
        "--virtual-clock",
        action="store_true",
        help="test mode: the clock moves only through PUT /api/x_ort/clock",
    )
    parser.add_argument(
        "--db",
        default="",
        metavar="URL",
        help="store URL (default: SQLite in memory; e.g. sqlite:///desk.db or postgresql+psycopg://…)",
    )


def main(args: argparse.Namespace) -> int:
    try:
        settings = load_desk_config(args.config, args.roster)
        roster = load_roster(args.roster)
    except ConfigError as error:
        raise UserError(str(error)) from None
    parties = _chosen(roster, args.party)
    ports = _ports(roster, parties, args.port, only=args.party)
    passwords = run_passwords(roster)
    clock = resumed_clock(args.db) if args.virtual_clock else SystemClock()
    try:
        fleet = Fleet(
            settings,
            roster,
            passwords,
            clock,
            parties,
            ports,
            args.db or "sqlite://",
            build=build_desk,
        )
    except OSError as error:
        message = f"cannot listen on 127.0.0.1 from port {args.port}: {error.strerror}"
        raise UserError(message) from None
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    fleet.start()
    try:
        for party in parties:
            print(describe(fleet.served[party], roster, clock.virtual), flush=True)
        print("Press Ctrl-C to stop.", flush=True)
        stop.wait()
        print("Stopping.", flush=True)
    finally:
        fleet.stop()
    return 0


def resumed_clock(db: str | None) -> VirtualClock:
    """A virtual clock at the later of now and the newest record a kept store already holds."""
    now = datetime.now(UTC)
    latest = latest_stored_time(db) if db else ""
    return VirtualClock(max(now, parse_time(latest)) if latest else now)


def describe(served: ServedDesk, roster: Roster, virtual: bool) -> str:
    """What the operator needs: the URL, the clock mode, and each user's login."""
    url = served.server.url
    lines = [f"{served.config.name} serving the Table API at {url}/api/now/table/"]
    lines.append(
        f"  Virtual clock at {url}/api/x_ort/clock (admin only)" if virtual else "  Real-time clock"
    )
    lines.append("  Users (a password is shown once when generated here; never logged):")
    env_of = {u.user_name: u.password_env for p in roster.parties for u in p.users}
    env_of |= {f"ebond.{e.party.id}": e.ebond_password_env for e in roster.entries}
    env_of[ADMIN_USER] = ADMIN_PASSWORD_ENV
    for party in served.config.parties:
        for user in party.users:
            lines.append(
                f"    {user.user_name:<22} {party.id:<12} "
                f"{_password_note(user.user_name, served, env_of)}"
            )
    lines.append(f"    {ADMIN_USER:<22} {'admin':<12} {_password_note(ADMIN_USER, served, env_of)}")
    return "\n".join(lines)


def _password_note(user_name: str, served: ServedDesk, env_of: dict[str, str]) -> str:
    env_name = env_of.get(user_name, "")
    if env_name and os.environ.get(env_name):
        return f"password from ${env_name}"
    return f"password {served.desk.passwords[user_name]}"


def _chosen(roster: Roster, only: str | None) -> list[str]:
    if only:
        if only not in {e.party.id for e in roster.entries}:
            known = ", ".join(e.party.id for e in roster.entries)
            raise UserError(f"--party {only} is not in {roster.source}; parties: {known}")
        return [only]
    return [e.party.id for e in roster.entries if e.simulated]


def _ports(roster: Roster, parties: list[str], first: int, only: str | None) -> dict[str, int]:
    """The central desk (or the one party served) on --port; others on theirs, else the next."""
    ports: dict[str, int] = {}
    following = first + 1 if first else 0
    for party in parties:
        entry = roster.entry(party)
        if party == only or (not only and party == roster.central):
            ports[party] = first
        elif entry.port:
            ports[party] = entry.port
        else:
            ports[party] = following
            following += 1 if following else 0
    return ports


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port {value} is outside 0-65535")
    return value
