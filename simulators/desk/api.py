"""The Table API over HTTP: routes declared as a table of small endpoint functions."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from simulators.clock import format_time, parse_time
from simulators.desk import status
from simulators.desk.auth import Actor, parse_basic_auth
from simulators.desk.desk import Desk
from simulators.errors import (
    BadRequest,
    Forbidden,
    MethodNotAllowed,
    PayloadTooLarge,
    RecordNotFound,
    RequestError,
    UnsupportedMediaType,
)
from simulators.query import Sysparms, read_sysparms

log = logging.getLogger("ort.desk")
MAX_BODY_BYTES = 1_048_576
MAX_CLOCK_MOVE_DAYS = 400
MAX_CLOCK_MOVE_SECONDS = MAX_CLOCK_MOVE_DAYS * 86_400
"""One move of the virtual clock covers at most 400 days (a whole ORT cycle and then some)."""
"""The largest request body the desk reads (1 MiB); a larger one is refused with 413."""
Endpoint = Callable[[Request, Desk, Actor], Awaitable[Response]]


def envelope(
    result: Any, status_code: int = status.OK, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    """ServiceNow's success envelope."""
    return JSONResponse({"result": result}, status_code=status_code, headers=headers)


def error_response(error: RequestError) -> JSONResponse:
    """ServiceNow's error envelope."""
    body = {"error": {"message": error.message, "detail": error.detail}, "status": "failure"}
    return JSONResponse(body, status_code=error.status)


def base_url(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


async def read_json(request: Request) -> Any:
    """The JSON body, or 415 / 400 with a clear reason."""
    content_type = request.headers.get("content-type", "")
    if "json" not in content_type.lower():
        raise UnsupportedMediaType(
            detail=f"send the body as application/json, not '{content_type or 'nothing'}'"
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise PayloadTooLarge(detail=f"the desk reads bodies of at most {MAX_BODY_BYTES} bytes")
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY_BYTES:
            raise PayloadTooLarge(detail=f"the desk reads bodies of at most {MAX_BODY_BYTES} bytes")
    try:
        return json.loads(raw or b"null")
    except RecursionError:
        raise BadRequest(
            "Exception while reading request", "the body's JSON nests too deeply"
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest(
            "Exception while reading request", f"the body is not JSON: {error}"
        ) from None


def sysparms(request: Request) -> Sysparms:
    return read_sysparms(request.query_params)


# -- Table API endpoints ---------------------------------------------------------------------


async def list_records(request: Request, desk: Desk, actor: Actor) -> Response:
    params = sysparms(request)
    table = request.path_params["table"]
    page = await run_in_threadpool(desk.list, table, actor, params, base_url(request))
    headers: dict[str, str] = {}
    if not params.no_count:
        headers["X-Total-Count"] = str(page.total)
    if not params.suppress_pagination_header:
        headers["Link"] = pagination_links(request, params, page.total)
    return envelope(page.records, headers=headers)


async def create_record(request: Request, desk: Desk, actor: Actor) -> Response:
    params = sysparms(request)
    table = request.path_params["table"]
    body = await read_json(request)
    # Location needs the sys_id even when sysparm_fields leaves it out of the response body.
    hide_sys_id = bool(params.fields) and "sys_id" not in params.fields
    if hide_sys_id:
        params = replace(params, fields=(*params.fields, "sys_id"))
    record = await run_in_threadpool(desk.create, table, body, actor, params, base_url(request))
    shown = record.pop("sys_id") if hide_sys_id else record["sys_id"]
    sys_id = shown if isinstance(shown, str) else shown["value"]
    location = f"{base_url(request)}/api/now/table/{table}/{sys_id}"
    return envelope(record, status.CREATED, headers={"Location": location})


async def get_record(request: Request, desk: Desk, actor: Actor) -> Response:
    table, sys_id = request.path_params["table"], request.path_params["sys_id"]
    record = await run_in_threadpool(
        desk.get, table, sys_id, actor, sysparms(request), base_url(request)
    )
    return envelope(record)


async def update_record(request: Request, desk: Desk, actor: Actor) -> Response:
    params = sysparms(request)
    table, sys_id = request.path_params["table"], request.path_params["sys_id"]
    body = await read_json(request)
    record = await run_in_threadpool(
        desk.update, table, sys_id, body, actor, params, base_url(request)
    )
    return envelope(record)


async def delete_record(request: Request, desk: Desk, actor: Actor) -> Response:
    table, sys_id = request.path_params["table"], request.path_params["sys_id"]
    await run_in_threadpool(desk.delete, table, sys_id, actor)
    return Response(status_code=status.NO_CONTENT)


# -- test-mode endpoints (/api/x_ort) ----------------------------------------------------------


def require_test_mode(desk: Desk, actor: Actor) -> None:
    """Test-only endpoints exist only on a virtual clock, and only for the admin."""
    if not desk.clock.virtual:
        raise RecordNotFound("Requested URI does not represent any resource")
    if not actor.is_admin:
        raise Forbidden(f"User {actor.user_name} may not use test-mode endpoints", "admin only")


async def get_clock(request: Request, desk: Desk, actor: Actor) -> Response:
    require_test_mode(desk, actor)
    return envelope({"now": format_time(desk.clock.now())})


async def move_clock(request: Request, desk: Desk, actor: Actor) -> Response:
    require_test_mode(desk, actor)
    body = await read_json(request)
    if not isinstance(body, dict) or ("now" in body) == ("advance_seconds" in body):
        raise BadRequest(
            "Give exactly one of 'now' or 'advance_seconds'",
            'e.g. {"now": "2026-12-18 17:30:00"} or {"advance_seconds": 3600}',
        )
    clock = desk.clock
    if "now" in body:
        target = parse_time(str(body["now"]))
        if (target - clock.now()).total_seconds() > MAX_CLOCK_MOVE_SECONDS:
            raise BadRequest(
                f"now {body['now']} is more than {MAX_CLOCK_MOVE_DAYS} days ahead",
                "move the clock in steps of at most that",
            )
        await run_in_threadpool(clock.move_to, target)  # type: ignore[attr-defined]
    else:
        seconds = body["advance_seconds"]
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)):
            raise BadRequest(f"advance_seconds must be a number of seconds, got {seconds!r}")
        if not seconds <= MAX_CLOCK_MOVE_SECONDS:  # NaN fails every comparison
            raise BadRequest(
                f"advance_seconds must be at most {MAX_CLOCK_MOVE_SECONDS}, got {seconds!r}",
                f"one move covers at most {MAX_CLOCK_MOVE_DAYS} days",
            )
        await run_in_threadpool(clock.advance, seconds)  # type: ignore[attr-defined]
    return envelope({"now": format_time(clock.now())})


# -- routing -----------------------------------------------------------------------------------

TABLE_COLLECTION = "/api/now/table/{table}"
TABLE_RECORD = "/api/now/table/{table}/{sys_id}"
CLOCK = "/api/x_ort/clock"

ENDPOINTS: dict[str, dict[str, Endpoint]] = {
    TABLE_COLLECTION: {"GET": list_records, "POST": create_record},
    TABLE_RECORD: {
        "GET": get_record,
        "PUT": update_record,
        "PATCH": update_record,
        "DELETE": delete_record,
    },
    CLOCK: {"GET": get_clock, "PUT": move_clock},
}
"""The desk core's routes; the assembly adds more (faults, behaviour) through `desk.http`."""
ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


def pagination_links(request: Request, params: Sysparms, total: int) -> str:
    """RFC 5988 links first / prev / next / last, as ServiceNow sends them."""
    limit = max(params.limit, 1)
    last = max((total - 1) // limit * limit, 0)
    pages = {"first": 0, "last": last}
    if params.offset > 0:
        pages["prev"] = max(params.offset - limit, 0)
    if params.offset + limit < total:
        pages["next"] = params.offset + limit
    query = dict(request.query_params)
    links = []
    for rel in ("first", "prev", "next", "last"):
        if rel in pages:
            query.update(sysparm_limit=str(limit), sysparm_offset=str(pages[rel]))
            links.append(f'<{base_url(request)}{request.url.path}?{urlencode(query)}>;rel="{rel}"')
    return ",".join(links)


def dispatcher(
    desk: Desk, handlers: Mapping[str, Endpoint]
) -> Callable[[Request], Awaitable[Response]]:
    """One Starlette endpoint for a path: authenticate, pick the method's handler, map errors."""

    async def endpoint(request: Request) -> Response:
        user = "-"
        try:
            name, password = parse_basic_auth(request.headers.get("authorization"))
            actor = await run_in_threadpool(desk.authenticate, name, password)
            user = actor.user_name
            handler = handlers.get(request.method)
            if handler is None:
                raise MethodNotAllowed(
                    detail=f"{request.method} is not supported here; use {', '.join(handlers)}"
                )
            response = await handler(request, desk, actor)
        except RequestError as error:
            response = error_response(error)
        log.info("%s %s %s %s", user, request.method, request.url.path, response.status_code)
        return response

    return endpoint


async def not_found(request: Request, exc: Exception) -> Response:
    return error_response(RecordNotFound("Requested URI does not represent any resource"))


async def method_not_allowed(request: Request, exc: Exception) -> Response:
    """A method no route offers (PROPFIND, TRACE, …), in the envelope like every other refusal."""
    return error_response(
        MethodNotAllowed(detail=f"{request.method} is not supported; use {', '.join(ALL_METHODS)}")
    )


async def server_error(request: Request, exc: Exception) -> Response:
    """A fault of the desk itself: logged with its trace, answered in the envelope, never bare."""
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    body = {
        "error": {"message": "Internal error", "detail": "the desk failed; see its log"},
        "status": "failure",
    }
    return JSONResponse(body, status_code=500)


def create_app(desk: Desk) -> ASGIApp:
    """The ASGI application serving one desk: the core routes, then the desk's HTTP extensions.

    Extension middleware wraps the app in the order listed (the first is the outermost).
    """
    endpoints: dict[str, Mapping[str, Endpoint]] = {**ENDPOINTS, **desk.http.endpoints}
    routes = [
        Route(path, dispatcher(desk, handlers), methods=ALL_METHODS)
        for path, handlers in endpoints.items()
    ]
    handlers = {404: not_found, 405: method_not_allowed, 500: server_error}
    app: ASGIApp = Starlette(routes=routes, exception_handlers=handlers)
    for wrap in reversed(desk.http.middleware):
        app = wrap(app)
    return app
