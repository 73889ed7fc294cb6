"""Fault injection for a simulated party desk: hand-offs that fail before or after the work."""

from __future__ import annotations

import asyncio
import json
import random
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from simulators.desk import parse_basic_auth
from simulators.ebond import is_ebond_user
from simulators.errors import BadRequest, RequestError

TABLE_API_PREFIX = "/api/now/"
MODES = ("none", "fail_before", "fail_after", "flaky", "slow")
"""fail_before: 503 and nothing done; fail_after: the work is done but the answer is a 502;
flaky: either, at random; slow: the answer comes after `delay_seconds`. A plan with a `limit`
misbehaves on at most that many calls, then the desk answers normally again."""


@dataclass(frozen=True)
class FaultPlan:
    """How a desk misbehaves towards callers of its Table API."""

    mode: str = "none"
    fraction: float = 1.0
    delay_seconds: float = 0.0
    seed: int = 0
    limit: int = 0
    """How many calls the plan may hit before the desk behaves again (0: no limit)."""

    @classmethod
    def from_body(cls, body: Any) -> FaultPlan:
        """Read a plan from a JSON body, refusing anything unclear."""
        if not isinstance(body, Mapping):
            raise BadRequest("A fault plan is a JSON object", f"got {type(body).__name__}")
        unknown = sorted(set(body) - {"mode", "fraction", "delay_seconds", "seed", "limit"})
        if unknown:
            raise BadRequest(f"Unknown fault plan field(s): {', '.join(unknown)}")
        mode = body.get("mode", "none")
        if mode not in MODES:
            raise BadRequest(f"Fault mode '{mode}' is not one of {', '.join(MODES)}")
        fraction = body.get("fraction", 1.0)
        if isinstance(fraction, bool) or not isinstance(fraction, (int, float)):
            raise BadRequest(f"fraction must be a number from 0 to 1, got {fraction!r}")
        if not 0 <= fraction <= 1:
            raise BadRequest(f"fraction must be from 0 to 1, got {fraction}")
        delay = body.get("delay_seconds", 0.0)
        if isinstance(delay, bool) or not isinstance(delay, (int, float)) or not 0 <= delay <= 60:
            raise BadRequest(f"delay_seconds must be 0 to 60, got {delay!r}")
        seed = body.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise BadRequest(f"seed must be a whole number, got {seed!r}")
        limit = body.get("limit", 0)
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
            raise BadRequest(f"limit must be a whole number of calls, 0 or more, got {limit!r}")
        return cls(mode, float(fraction), float(delay), seed, limit)

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "fraction": self.fraction,
            "delay_seconds": self.delay_seconds,
            "seed": self.seed,
            "limit": self.limit,
        }


class FaultSwitch:
    """The plan in force and the dice it rolls; counts what it did."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.set(FaultPlan())

    def set(self, plan: FaultPlan) -> None:
        with self._lock:
            self.plan = plan
            self._dice = random.Random(plan.seed)
            self.counts = {"passed": 0, "failed_before": 0, "failed_after": 0}
            self._hits = 0

    def decide(self) -> str:
        """'pass', 'fail_before', 'fail_after' or 'slow' for the next request."""
        with self._lock:
            plan = self.plan
            spent = 0 < plan.limit <= self._hits
            if plan.mode == "none" or spent or self._dice.random() >= plan.fraction:
                self.counts["passed"] += 1
                return "pass"
            self._hits += 1
            if plan.mode == "slow":
                self.counts["passed"] += 1
                return "slow"
            mode = plan.mode
            if mode == "flaky":
                mode = self._dice.choice(("fail_before", "fail_after"))
            self.counts["failed_before" if mode == "fail_before" else "failed_after"] += 1
            return mode

    def report(self) -> dict[str, Any]:
        with self._lock:
            return {**self.plan.as_dict(), "counts": dict(self.counts)}


def _failure(status: int, message: str) -> list[Message]:
    body = json.dumps(
        {"error": {"message": message, "detail": "injected fault"}, "status": "failure"}
    ).encode()
    return [
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        },
        {"type": "http.response.body", "body": body},
    ]


def _is_ebond_traffic(scope: Scope) -> bool:
    """Faults hit other desks' integration calls, not people looking at the desk."""
    if scope["type"] != "http" or not scope["path"].startswith(TABLE_API_PREFIX):
        return False
    header = dict(scope.get("headers", [])).get(b"authorization", b"").decode("latin-1")
    try:
        user, _ = parse_basic_auth(header)
    except RequestError:
        return False
    return is_ebond_user(user)


class FaultMiddleware:
    """Applies the desk's fault plan to other desks' Table API calls (never to /api/x_ort)."""

    def __init__(self, app: ASGIApp, switch: FaultSwitch) -> None:
        self.app = app
        self.switch = switch

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not _is_ebond_traffic(scope):
            await self.app(scope, receive, send)
            return
        decision = self.switch.decide()
        if decision == "fail_before":
            for message in _failure(503, "Service Unavailable"):
                await send(message)
            return
        if decision == "slow":
            await asyncio.sleep(self.switch.plan.delay_seconds)
        if decision != "fail_after":
            await self.app(scope, receive, send)
            return

        async def swallow(message: Message) -> None:
            """The work is done; its answer is lost and a gateway error goes out instead."""

        await self.app(scope, receive, swallow)
        for message in _failure(502, "Bad Gateway"):
            await send(message)
