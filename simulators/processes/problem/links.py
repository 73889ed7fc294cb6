"""Incident behaviour that belongs to problem management: waiting for a problem, recurrence."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from sqlalchemy import and_

from simulators.clock import format_time, parse_time
from simulators.config import DeskConfig
from simulators.desk import (
    Actor,
    Row,
    Submission,
    TableRules,
    WriteContext,
    insert_record,
    update_record,
)
from simulators.processes.incident import ACTIVE_STATES as ACTIVE_INCIDENT_STATES
from simulators.processes.incident import AWAITING_PROBLEM, CANCELED, INCIDENT, ON_HOLD
from simulators.processes.problem.lifecycle import ACTIVE_STATES as ACTIVE_PROBLEM_STATES
from simulators.processes.problem.settings import Recurrence, load_problem_config

LINK_NOTE = "Linked to problem {number}; on hold awaiting the problem"
RECURRENCE_NOTE = (
    "Opened by the recurrence rule: {count} incidents ({occurrences} occurrences) within {within} "
    "share {shared}: {numbers}"
)


class ProblemLinks(TableRules):
    """Problem links on the incident table, added to the incident process's own rules.

    Setting `problem_id` to an active problem puts an active incident On Hold awaiting the
    problem, and the configured recurrence rule opens a problem for incidents that keep coming.
    """

    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.recurrence = load_problem_config(config).recurrence

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        if record.get("problem_id"):
            self._wait_for_problem(ctx, {}, record, sub)

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        if record.get("problem_id") and record.get("problem_id") != before.get("problem_id"):
            self._wait_for_problem(ctx, before, record, sub)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        if before is None and self.recurrence is not None:
            Recurring(self.recurrence, ctx, after).link()

    @staticmethod
    def _wait_for_problem(
        ctx: WriteContext, before: Mapping[str, str], record: dict[str, str], sub: Submission
    ) -> None:
        problem = ctx.services.store.fetch(ctx.connection, "problem", record["problem_id"])
        if problem is None or problem.get("state") not in ACTIVE_PROBLEM_STATES:
            return
        asked = sub.values.get("state")
        if asked and asked != before.get("state", asked):
            return  # an explicit move in the same write wins over the link
        if (record.get("state") or "1") not in ACTIVE_INCIDENT_STATES:
            return
        record["state"] = ON_HOLD
        record["hold_reason"] = AWAITING_PROBLEM
        sub.journals.append(("work_notes", LINK_NOTE.format(number=problem["number"])))


class Recurring:
    """One new incident checked against the recurrence rule: link it, or open a problem."""

    def __init__(self, rule: Recurrence, ctx: WriteContext, incident: Row) -> None:
        self.rule = rule
        self.ctx = ctx
        self.incident = incident
        desk = ctx.services
        system = Actor("", "system", desk.config.party, frozenset({"admin", "itil"}))
        self.rule_ctx = WriteContext(
            desk, ctx.connection, system, ctx.now, cascade_depth=ctx.cascade_depth + 1
        )

    def link(self) -> None:
        """Link the incident to an open problem for its kind, or open one at the threshold."""
        if self.incident.get("problem_id") or not self.rule.counts(self.incident):
            return
        matches = self._matches()
        open_problem = next((p for p in map(self._open_problem, matches) if p), None)
        if open_problem is not None:
            self._link(self.incident, open_problem)
            return
        unlinked = [m for m in matches if not m.get("problem_id")]
        moments = [parse_time(m["sys_created_on"]) for m in unlinked]
        if self.rule.occurrences(moments) >= self.rule.threshold:
            problem = self._open(unlinked)
            for incident in unlinked:
                self._link(incident, problem)

    def _matches(self) -> list[Row]:
        store = self.ctx.services.store
        table = store.table("incident")
        since = format_time(self.ctx.now - timedelta(seconds=self.rule.within_seconds))
        clauses = [table.c[name] == self.incident[name] for name in self.rule.match]
        clauses += [table.c.sys_created_on >= since, table.c.state != CANCELED]
        rows = store.select(self.ctx.connection, "incident", and_(*clauses))
        return [row for row in rows if self.rule.counts(row)]

    def _open_problem(self, incident: Row) -> Row | None:
        if not incident.get("problem_id"):
            return None
        problem = self.ctx.services.store.fetch(
            self.ctx.connection, "problem", incident["problem_id"]
        )
        return problem if problem and problem["state"] in ACTIVE_PROBLEM_STATES else None

    def _open(self, incidents: list[Row]) -> Row:
        first = incidents[0]
        shared = ", ".join(f"{_label(name)} {_shown(name, first)}" for name in self.rule.match)
        values = {
            "short_description": f"Recurring incidents: {shared}",
            "description": (
                f"{first.get('short_description', '')} (first reported as {first['number']})"
            ),
            "first_reported_by_task": first["sys_id"],
        }
        for name in ("category", "u_interface_id"):
            if first.get(name):
                values[name] = first[name]
        note = RECURRENCE_NOTE.format(
            count=len(incidents),
            occurrences=self.rule.occurrences([parse_time(i["sys_created_on"]) for i in incidents]),
            within=_spoken_seconds(self.rule.within_seconds),
            shared=shared,
            numbers=", ".join(i["number"] for i in incidents),
        )
        return insert_record(
            self.rule_ctx, "problem", Submission(values=values, journals=[("work_notes", note)])
        )

    def _link(self, incident: Row, problem: Row) -> None:
        update_record(
            self.rule_ctx,
            "incident",
            incident["sys_id"],
            Submission(values={"problem_id": problem["sys_id"]}),
        )


def _label(name: str) -> str:
    spec = INCIDENT.field(name)
    return (spec.label if spec and spec.label else name).lower()


def _shown(name: str, record: Mapping[str, str]) -> str:
    spec = INCIDENT.field(name)
    value = record.get(name, "")
    return spec.choices.get(value, value) if spec and spec.choices else value


def _spoken_seconds(seconds: int) -> str:
    days, rest = divmod(seconds, 86400)
    return f"{days} days" if days and not rest else f"{seconds // 3600} hours"
