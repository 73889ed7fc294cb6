"""Scripted behaviour of a simulated party: expectations about what arrives, and what it does."""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from simulators.clock import format_time, parse_duration
from simulators.desk import Actor, Row, Submission, WriteContext, update_record
from simulators.ebond import is_ebond_user
from simulators.errors import BadRequest, DurationError

if TYPE_CHECKING:
    from simulators.desk import DeskServices

POLICIES = ("first_match", "ordered")


@dataclass(frozen=True)
class Action:
    """One thing the party's staff do to an arrived record, some time after it arrived."""

    kind: str
    after_seconds: int = 0
    close_code: str = "Solved (Permanently)"
    text: str = ""

    def fields(self, desk: DeskServices) -> Submission:
        """The write this action makes on the party's copy."""
        if self.kind == "acknowledge":
            note = self.text or f"{desk.config.name} is investigating."
            return Submission({"state": "2"}, [("work_notes", note)])
        if self.kind == "ask_information":
            question = self.text or "Please send the DIP transaction id and the MPAN."
            return Submission({"state": "3", "hold_reason": "1"}, [("comments", question)])
        if self.kind == "resolve":
            notes = self.text or "Fixed in our estate."
            return Submission({"state": "6", "close_code": self.close_code, "close_notes": notes})
        if self.kind in ("comment", "work_note"):
            name = "comments" if self.kind == "comment" else "work_notes"
            return Submission(journals=[(name, self.text)])
        raise AssertionError(f"unknown action {self.kind}")


ACTION_KINDS = ("acknowledge", "ask_information", "resolve", "reject", "comment", "work_note")


@dataclass(frozen=True)
class Expectation:
    """What the party expects to receive (field values) and what it then does."""

    name: str
    match: Mapping[str, str] = field(default_factory=dict)
    actions: tuple[Action, ...] = ()

    def mismatch(self, record: Mapping[str, str]) -> str:
        """'' when the record matches, else why not."""
        wrong = [
            f"{name} is '{record.get(name, '')}', expected '{value}'"
            for name, value in self.match.items()
            if record.get(name, "") != value
        ]
        return "; ".join(wrong)


@dataclass
class _Scheduled:
    due: datetime
    record_sys_id: str
    action: Action
    expectation: str


class Behaviour:
    """The party's script: expectations matched first-match or in order, actions on the clock."""

    def __init__(self, desk: DeskServices) -> None:
        self.desk = desk
        self._lock = threading.RLock()
        self.reset()

    def reset(self, expectations: Sequence[Expectation] = (), policy: str = "first_match") -> None:
        """Replace the script; forget what happened under the old one."""
        with self._lock:
            self.expectations = tuple(expectations)
            self.policy = policy
            self.matched: dict[str, list[str]] = {e.name: [] for e in self.expectations}
            self.unexpected: list[dict[str, Any]] = []
            self.scheduled: list[_Scheduled] = []
            self.done: list[dict[str, str]] = []
            self._arrivals = 0

    @property
    def scripted(self) -> bool:
        return bool(self.expectations)

    def configure(self, body: Any) -> None:
        """Set the script from a JSON body (the /api/x_ort/behaviour contract)."""
        self.reset(*parse_script(body))

    def report(self) -> dict[str, Any]:
        with self._lock:
            return {
                "policy": self.policy,
                "expectations": [
                    {"name": e.name, "match": dict(e.match), "matched": self.matched[e.name]}
                    for e in self.expectations
                ],
                "unexpected": list(self.unexpected),
                "pending": [
                    {"record": s.record_sys_id, "action": s.action.kind, "due": format_time(s.due)}
                    for s in self.scheduled
                ],
                "done": list(self.done),
            }

    # -- arrivals ---------------------------------------------------------------------------------

    def writes_done(self, now: datetime) -> None:
        """Nothing to do once writes commit: arrivals are matched as they are written."""

    def record_written(
        self, ctx: WriteContext, table: str, before: Row | None, after: Row, sub: Submission
    ) -> None:
        """An incident handed over by another desk arrives: match it and schedule the script."""
        if not self.scripted or table != "incident" or before is not None:
            return
        if not is_ebond_user(ctx.actor.user_name):
            return
        with self._lock:
            candidates = self._candidates()
            self._arrivals += 1
            reasons = []
            for expectation in candidates:
                why = expectation.mismatch(after)
                if not why:
                    self.matched[expectation.name].append(after["number"])
                    for action in expectation.actions:
                        due = ctx.now + timedelta(seconds=action.after_seconds)
                        self.scheduled.append(
                            _Scheduled(due, after["sys_id"], action, expectation.name)
                        )
                    return
                reasons.append(f"'{expectation.name}': {why}")
            if not candidates:
                reasons.append("every expectation has already been met (policy ordered)")
            self.unexpected.append({"record": after["number"], "reasons": reasons})

    def _candidates(self) -> list[Expectation]:
        if self.policy == "ordered":
            index = self._arrivals
            return [self.expectations[index]] if index < len(self.expectations) else []
        return list(self.expectations)

    # -- the clock -------------------------------------------------------------------------------

    def next_due(self) -> datetime | None:
        with self._lock:
            return min((s.due for s in self.scheduled), default=None)

    def fire(self, now: datetime) -> None:
        with self._lock:
            due = sorted((s for s in self.scheduled if s.due <= now), key=lambda s: s.due)
            self.scheduled = [s for s in self.scheduled if s.due > now]
        for item in due:
            self._perform(item, now)
        if due:
            # The actions are writes like any other; once they commit, listeners (e-bonding)
            # send what they queued.
            self.desk.writes_done(now)

    def _perform(self, item: _Scheduled, now: datetime) -> None:
        store = self.desk.store
        actor = self._staff()
        with store.writing() as connection:
            ctx = WriteContext(self.desk, connection, actor, now)
            record = store.fetch(connection, "incident", item.record_sys_id)
            if record is None:
                return
            if item.action.kind == "reject":
                self._reject(ctx, record, item.action)
            else:
                update_record(ctx, "incident", record["sys_id"], item.action.fields(self.desk))
        with self._lock:
            self.done.append(
                {"record": record["number"], "action": item.action.kind, "at": format_time(now)}
            )

    def _reject(self, ctx: WriteContext, record: Row, action: Action) -> None:
        """Not ours: hand it back to the group of the desk that sent it, with the reason."""
        owner = self._owner_party(ctx, record)
        party = self.desk.config.find_party(owner)
        reason = action.text or "This fault is not in our estate."
        group = party.groups[0].name if party and party.groups else ""
        # One write: once handed back, the record is no longer this party's to update there.
        update_record(
            ctx,
            "incident",
            record["sys_id"],
            Submission(
                {"assignment_group": group, "state": "8"},
                [("work_notes", f"Rejected: {reason} Closed here: handed back to the sender.")],
            ),
        )

    def _owner_party(self, ctx: WriteContext, record: Row) -> str:
        links = self.desk.store.table("u_ebond_link")
        rows = self.desk.store.select(
            ctx.connection, "u_ebond_link", links.c.local_sys_id == record["sys_id"]
        )
        return rows[0]["peer"] if rows else ""

    def _staff(self) -> Actor:
        party = self.desk.config.find_party(self.desk.config.party)
        agents = [u for u in (party.users if party else ()) if "itil" in u.roles]
        if not agents:
            raise BadRequest(f"desk {self.desk.config.id} has no agent to act for its party")
        return self.desk.actor(agents[0].user_name)


MAX_AFTER_SECONDS = 400 * 86_400
"""The longest a scripted action may wait: 400 days, like one move of the virtual clock."""


def parse_script(body: Any) -> tuple[list[Expectation], str]:
    """Expectations and policy from {"policy": …, "expectations": [{name, match, actions}]}."""
    if not isinstance(body, Mapping):
        raise BadRequest("A behaviour is a JSON object", f"got {type(body).__name__}")
    policy = body.get("policy", "first_match")
    if policy not in POLICIES:
        raise BadRequest(f"policy '{policy}' is not one of {', '.join(POLICIES)}")
    raw = body.get("expectations", [])
    if not isinstance(raw, list):
        raise BadRequest("expectations must be a list")
    expectations = [_expectation(i, item) for i, item in enumerate(raw)]
    names = [e.name for e in expectations]
    if len(set(names)) != len(names):
        raise BadRequest("expectation names must be unique", f"got {names}")
    return expectations, policy


def _expectation(index: int, item: Any) -> Expectation:
    where = f"expectations[{index}]"
    if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
        raise BadRequest(f"{where} needs a name")
    match = item.get("match", {})
    if not isinstance(match, Mapping) or not all(isinstance(v, str) for v in match.values()):
        raise BadRequest(f"{where}.match must map field names to string values")
    raw_actions = item.get("actions", [])
    if not isinstance(raw_actions, list):
        raise BadRequest(f"{where}.actions must be a list", f"got {type(raw_actions).__name__}")
    actions = tuple(_action(f"{where}.actions[{j}]", a) for j, a in enumerate(raw_actions))
    return Expectation(item["name"], dict(match), actions)


def _action(where: str, item: Any) -> Action:
    if not isinstance(item, Mapping) or item.get("kind") not in ACTION_KINDS:
        raise BadRequest(f"{where}.kind must be one of {', '.join(ACTION_KINDS)}")
    after = item.get("after", "0s")
    try:
        seconds = parse_duration(after) if after not in ("0", "0s", "") else 0
    except DurationError as error:
        raise BadRequest(f"{where}.after: {error}") from None
    if seconds > MAX_AFTER_SECONDS:
        raise BadRequest(
            f"{where}.after: {after} is longer than {MAX_AFTER_SECONDS // 86_400} days",
            "a party's staff act within an ORT cycle",
        )
    return Action(
        kind=item["kind"],
        after_seconds=seconds,
        close_code=str(item.get("close_code", "Solved (Permanently)")),
        text=str(item.get("text", "")),
    )
