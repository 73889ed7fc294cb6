"""Specification of the routes and middleware the assembly adds to a desk's app."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.types import ASGIApp

from simulators.desk.extensions import HttpExtensions


async def endpoint(request: Any, desk: Any, actor: Any) -> Response:
    return Response()


async def other(request: Any, desk: Any, actor: Any) -> Response:
    return Response()


def outer(app: ASGIApp) -> ASGIApp:
    return app


def test_routes_of_one_path_are_merged_and_middleware_kept_in_order() -> None:
    """Adding a method to a known path keeps its others; middleware is listed outermost first."""
    http = HttpExtensions()

    http.add({"/api/x_ort/faults": {"GET": endpoint}}, middleware=outer)
    http.add({"/api/x_ort/faults": {"PUT": other}}, middleware=outer)

    assert http.endpoints == {"/api/x_ort/faults": {"GET": endpoint, "PUT": other}}
    assert http.middleware == [outer, outer]
