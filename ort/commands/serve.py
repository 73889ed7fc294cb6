"""`ort serve`: the reference desk on 127.0.0.1 for rehearsals, until SIGINT or SIGTERM."""

from __future__ import annotations

import argparse
import os
import signal
import threading
from types import FrameType

from ort.errors import UserError
from simulators.auth import ADMIN_USER
from simulators.clock import SystemClock, VirtualClock
from simulators.config import DeskConfig, load_desk_config
from simulators.desk import ADMIN_PASSWORD_ENV, Desk
from simulators.errors import ConfigError
from simulators.server import DeskServer

HELP = "serve the reference desk on 127.0.0.1 for a rehearsal (Ctrl-C stops it)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_port, default=18080, help="TCP port (default 18080)")
    parser.add_argument("--config", metavar="FILE", help="desk configuration TOML")
    parser.add_argument(
        "--virtual-clock",
        action="store_true",
        help="test mode: the desk's clock moves only through PUT /api/x_ort/clock",
    )
    parser.add_argument(
        "--db",
        default="",
        metavar="URL",
        help="store URL (default: SQLite in memory; e.g. sqlite:///desk.db or postgresql+psycopg://…)",
    )


def main(args: argparse.Namespace) -> int:
    try:
        config = load_desk_config(args.config)
    except ConfigError as error:
        raise UserError(str(error)) from None
    clock = VirtualClock() if args.virtual_clock else SystemClock()
    desk = Desk(config, clock, store_url=args.db or "sqlite://")
    try:
        server = DeskServer(desk, port=args.port)
    except OSError as error:
        raise UserError(f"cannot listen on 127.0.0.1:{args.port}: {error.strerror}") from None
    stop = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    with server:
        print(describe(config, desk, server.url, clock.virtual), flush=True)
        stop.wait()
        print(f"{config.name} stopping.", flush=True)
    return 0


def describe(config: DeskConfig, desk: Desk, url: str, virtual: bool) -> str:
    """What the operator needs: the URL, the clock mode, and each user's login."""
    lines = [f"{config.name} serving the Table API at {url}/api/now/table/"]
    lines.append(
        f"Virtual clock at {url}/api/x_ort/clock (admin only)" if virtual else "Real-time clock"
    )
    lines.append("Users (password shown once when generated here; never logged):")
    lines.append(
        f"  {ADMIN_USER:<22} admin  {_password_note(ADMIN_USER, desk, ADMIN_PASSWORD_ENV)}"
    )
    for party in config.parties:
        for user in party.users:
            note = _password_note(user.user_name, desk, user.password_env)
            lines.append(f"  {user.user_name:<22} {party.id:<6} {note}")
    lines.append("Press Ctrl-C to stop.")
    return "\n".join(lines)


def _password_note(user_name: str, desk: Desk, env_name: str) -> str:
    if env_name and os.environ.get(env_name):
        return f"password from ${env_name}"
    return f"password {desk.passwords[user_name]}"


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"port {value} is outside 0-65535")
    return value
