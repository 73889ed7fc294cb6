"""A simulated party's test-mode routes: its fault plan and its scripted behaviour."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp

from simulators.desk import (
    Actor,
    Desk,
    ExtraEndpoint,
    Middleware,
    envelope,
    read_json,
    require_test_mode,
)
from simulators.parties.behaviour import Behaviour
from simulators.parties.faults import FaultMiddleware, FaultPlan, FaultSwitch

FAULTS = "/api/x_ort/faults"
BEHAVIOUR = "/api/x_ort/behaviour"


def fault_endpoints(switch: FaultSwitch) -> dict[str, dict[str, ExtraEndpoint]]:
    """GET and PUT of the desk's fault plan."""

    async def get_faults(request: Request, desk: Desk, actor: Actor) -> Response:
        require_test_mode(desk, actor)
        return envelope(switch.report())

    async def set_faults(request: Request, desk: Desk, actor: Actor) -> Response:
        require_test_mode(desk, actor)
        switch.set(FaultPlan.from_body(await read_json(request)))
        return envelope(switch.report())

    return {FAULTS: {"GET": get_faults, "PUT": set_faults}}


def behaviour_endpoints(behaviour: Behaviour) -> dict[str, dict[str, ExtraEndpoint]]:
    """GET and PUT of the party's scripted behaviour."""

    async def get_behaviour(request: Request, desk: Desk, actor: Actor) -> Response:
        require_test_mode(desk, actor)
        return envelope(behaviour.report())

    async def set_behaviour(request: Request, desk: Desk, actor: Actor) -> Response:
        require_test_mode(desk, actor)
        behaviour.configure(await read_json(request))
        return envelope(behaviour.report())

    return {BEHAVIOUR: {"GET": get_behaviour, "PUT": set_behaviour}}


def fault_middleware(switch: FaultSwitch) -> Middleware:
    """Middleware applying the switch's fault plan to other desks' Table API calls."""

    def wrap(app: ASGIApp) -> ASGIApp:
        return FaultMiddleware(app, switch)

    return wrap
