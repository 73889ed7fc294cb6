"""Running a desk as a real HTTP server on loopback, in a background thread."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from simulators.clock import SystemClock
from simulators.desk.api import create_app
from simulators.desk.desk import Desk

LOOPBACK = "127.0.0.1"
TICK_SECONDS = 5.0


class DeskServer:
    """A desk served by uvicorn on 127.0.0.1; use it as a context manager to start and stop it."""

    def __init__(self, desk: Desk, port: int = 0) -> None:
        self.desk = desk
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Answers go out at once (accepted sockets inherit this), not after a delayed ACK.
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._socket.bind((LOOPBACK, port))
        self.port = self._socket.getsockname()[1]
        config = uvicorn.Config(
            create_app(desk), log_level="warning", access_log=False, lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            daemon=True,
            name=f"desk-{desk.config.id}",
        )
        self._ticker: threading.Thread | None = None
        self._stopping = threading.Event()

    def __repr__(self) -> str:
        return f"DeskServer({self.desk.config.id!r}, {self.url})"

    @property
    def url(self) -> str:
        """The base URL, e.g. http://127.0.0.1:18080."""
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> DeskServer:
        """Start serving; returns once the server accepts connections."""
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"desk {self.desk.config.id} did not start on {self.url}")
            time.sleep(0.01)
        if isinstance(self.desk.clock, SystemClock):
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()
        return self

    def stop(self, *, wait: bool = True, keep_store: bool = False) -> None:
        """Stop serving; with wait, also wait for the last request and (unless kept) the store."""
        self._stopping.set()
        self._server.should_exit = True
        if wait:
            if self._thread.is_alive():
                self._thread.join(timeout=10)
            self._socket.close()
            if not keep_store:
                self.desk.store.close()

    def __enter__(self) -> DeskServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _tick(self) -> None:
        clock = self.desk.clock
        while not self._stopping.wait(TICK_SECONDS):
            clock.tick()  # type: ignore[attr-defined]
