"""Problem behaviour: lifecycle checks, known errors, and what a problem's end does to incidents."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from simulators.config import DeskConfig
from simulators.desk import (
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    apply_move,
    desk_context,
    is_agent,
    update_record,
)
from simulators.errors import BadRequest, Forbidden
from simulators.processes.incident import ACTIVE_STATES as ACTIVE_INCIDENT_STATES
from simulators.processes.incident import AWAITING_PROBLEM, IN_PROGRESS, ON_HOLD
from simulators.processes.incident import RESOLVED as INCIDENT_RESOLVED
from simulators.processes.problem.lifecycle import (
    ACTIVE_STATES,
    CANCELED,
    CLOSED,
    DUPLICATE,
    FIX_APPLIED,
    NEW,
    PROBLEM_LIFECYCLE,
    RESOLVED,
    RISK_ACCEPTED,
)

MAX_CASCADE_DEPTH = 5


@dataclass(frozen=True)
class LinkedIncidentOutcome:
    """What a problem's ending, by its resolution code, does to the incidents waiting for it."""

    resolution_code: str
    incident_state: str = ""
    """The state waiting incidents move to ('' leaves the state alone)."""
    close_code: str = ""
    notes_field: str = ""
    """The problem field copied into the incidents' resolution notes."""
    relink: bool = False
    """Move the link to the problem this one duplicates."""
    note: str = ""
    """Work note on each incident; {number}, {original} and problem fields are filled in."""


LINKED_INCIDENT_OUTCOMES: Mapping[str, LinkedIncidentOutcome] = {
    FIX_APPLIED: LinkedIncidentOutcome(
        FIX_APPLIED,
        incident_state=INCIDENT_RESOLVED,
        close_code="Solved (Permanently)",
        notes_field="fix_notes",
        note="Resolved by problem {number}: {fix_notes}",
    ),
    RISK_ACCEPTED: LinkedIncidentOutcome(
        RISK_ACCEPTED,
        incident_state=IN_PROGRESS,
        note="Problem {number} was resolved with its risk accepted; "
        "the incident no longer waits for a fix",
    ),
    CANCELED: LinkedIncidentOutcome(
        CANCELED,
        incident_state=IN_PROGRESS,
        note="Problem {number} was canceled; the incident no longer waits for it",
    ),
    DUPLICATE: LinkedIncidentOutcome(
        DUPLICATE,
        relink=True,
        note="Problem {number} is a duplicate of {original}; the incident now waits for {original}",
    ),
}
"""Declared as data: a problem resolved with a fix resolves its waiting incidents with the fix."""

WORKAROUND_NOTE = "Known error {number} published a workaround: {workaround}"


def linked_incidents(ctx: WriteContext, problem_sys_id: str) -> list[Row]:
    """The active incidents linked to a problem, in creation order."""
    table = ctx.services.store.table("incident")
    condition = (table.c.problem_id == problem_sys_id) & table.c.state.in_(
        sorted(ACTIVE_INCIDENT_STATES)
    )
    return ctx.services.store.select(ctx.connection, "incident", condition)


class ProblemRules(TableRules):
    """Hooks that give the problem table ServiceNow's problem management behaviour."""

    lifecycle: Lifecycle = PROBLEM_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        self.config = config

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        self._require_agent(ctx, "raise", "a problem")
        record["priority"] = self._priority(record)
        self._check_known_error(record["number"], record)
        state = record.get("state") or NEW
        if state != NEW:
            self._move(ctx, {**record, "state": NEW}, record, record["number"])

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        number = before["number"]
        self._require_agent(ctx, "change", f"problem {number}")
        record["priority"] = self._priority(record)
        if record.get("duplicate_of") == before["sys_id"]:
            raise BadRequest(
                f"Problem {number} cannot be a duplicate of itself",
                "duplicate_of names the original problem that stays open",
            )
        if record.get("state") != before.get("state"):
            self._move(ctx, before, record, number)
        else:
            state = record.get("state") or NEW
            self.lifecycle.check_mandatory(number, state, state, record)
        self._check_known_error(number, record)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        if before is None or ctx.cascade_depth >= MAX_CASCADE_DEPTH:
            return
        if self._ends_here(before, after):
            outcome = LINKED_INCIDENT_OUTCOMES.get(after.get("resolution_code", ""))
            if outcome is not None:
                self._apply_outcome(ctx, after, outcome)
        if self._publishes_workaround(before, after):
            self._share_workaround(ctx, after)

    # -- checks -----------------------------------------------------------------------------------

    def _priority(self, record: Mapping[str, str]) -> str:
        key = (record.get("impact") or "3", record.get("urgency") or "3")
        return self.config.priority_matrix.get(key, "5")

    @staticmethod
    def _require_agent(ctx: WriteContext, verb: str, what: str) -> None:
        if not is_agent(ctx):
            raise Forbidden(
                f"User {ctx.actor.user_name} may not {verb} {what}",
                "problems are raised and worked by service desk agents (role itil)",
            )

    @staticmethod
    def _check_known_error(number: str, record: Mapping[str, str]) -> None:
        if record.get("known_error") == "true" and not record.get("workaround", "").strip():
            raise BadRequest(
                f"Problem {number}: workaround is mandatory when known_error is true",
                "a known error is published with the workaround parties can apply meanwhile",
            )

    def _move(
        self, ctx: WriteContext, before: Mapping[str, str], record: dict[str, str], number: str
    ) -> None:
        apply_move(self.lifecycle, ctx, before, record, number)

    # -- cascades to linked incidents -------------------------------------------------------------

    @staticmethod
    def _ends_here(before: Row, after: Row) -> bool:
        """The problem has just been resolved, or closed without being resolved."""
        if before.get("state") == after.get("state"):
            return False
        return after.get("state") == RESOLVED or (
            after.get("state") == CLOSED and before.get("state") in ACTIVE_STATES
        )

    @staticmethod
    def _publishes_workaround(before: Row, after: Row) -> bool:
        if after.get("known_error") != "true":
            return False
        return before.get("known_error") != "true" or before.get("workaround") != after.get(
            "workaround"
        )

    def _apply_outcome(
        self, ctx: WriteContext, problem: Row, outcome: LinkedIncidentOutcome
    ) -> None:
        rule_ctx = desk_context(ctx)
        original = ""
        if outcome.relink:
            row = ctx.services.store.fetch(ctx.connection, "problem", problem["duplicate_of"])
            original = row["number"] if row else problem["duplicate_of"]
        note = outcome.note.format(**{**problem, "original": original})
        for incident in linked_incidents(ctx, problem["sys_id"]):
            values: dict[str, str] = {}
            if outcome.relink:
                values["problem_id"] = problem["duplicate_of"]
            elif _waits_for_problem(incident):
                values["state"] = outcome.incident_state
                if outcome.close_code:
                    values["close_code"] = outcome.close_code
                if outcome.notes_field:
                    values["close_notes"] = problem.get(outcome.notes_field, "")
            else:
                continue
            update_record(
                rule_ctx,
                "incident",
                incident["sys_id"],
                Submission(values=values, journals=[("work_notes", note)]),
            )

    def _share_workaround(self, ctx: WriteContext, problem: Row) -> None:
        rule_ctx = desk_context(ctx)
        note = WORKAROUND_NOTE.format(**problem)
        for incident in linked_incidents(ctx, problem["sys_id"]):
            update_record(
                rule_ctx,
                "incident",
                incident["sys_id"],
                Submission(journals=[("work_notes", note)]),
            )


def _waits_for_problem(incident: Mapping[str, str]) -> bool:
    return (incident.get("state"), incident.get("hold_reason")) == (ON_HOLD, AWAITING_PROBLEM)
