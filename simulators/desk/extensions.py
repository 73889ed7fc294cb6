"""What the assembly adds to a desk's HTTP app: extra test-mode routes and middleware."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from simulators.desk.auth import Actor

ExtraEndpoint = Callable[[Request, Any, Actor], Awaitable[Response]]
"""An endpoint given the request, the desk and the authenticated actor."""
Middleware = Callable[[ASGIApp], ASGIApp]
"""Wraps the desk's app (e.g. fault injection); the first listed is the outermost."""


@dataclass
class HttpExtensions:
    """Routes and middleware a desk's app serves besides the Table API and the clock."""

    endpoints: dict[str, dict[str, ExtraEndpoint]] = field(default_factory=dict)
    middleware: list[Middleware] = field(default_factory=list)

    def add(
        self,
        endpoints: dict[str, dict[str, ExtraEndpoint]] | None = None,
        middleware: Middleware | None = None,
    ) -> None:
        """Serve more routes, or wrap the app in one more middleware (innermost so far)."""
        for path, handlers in (endpoints or {}).items():
            self.endpoints.setdefault(path, {}).update(handlers)
        if middleware is not None:
            self.middleware.append(middleware)
