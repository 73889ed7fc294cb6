"""Triage of a contact: classification outcomes as data, the records they raise, referrals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from simulators.clock import parse_time
from simulators.config import DeskConfig
from simulators.desk import (
    Lifecycle,
    Row,
    Submission,
    TableRules,
    WriteContext,
    apply_move,
    insert_record,
    send_email,
)
from simulators.errors import BadRequest, Forbidden
from simulators.processes.triage.schema import (
    CLASSIFICATIONS,
    CLOSED_COMPLETE,
    INTERACTION_LIFECYCLE,
    NEW,
    TRIAGES,
    WORK_IN_PROGRESS,
)
from simulators.processes.triage.settings import read_triage_groups

RAISED_NOTE = "Raised by the central service desk from contact {number}: {short_description}"
REFERRAL_NOTES = "Referred to {group} ({party}): the fault lies in that party's estate."
REFERRAL_SUBJECT = "Your contact {number} has been referred to {group}"
REFERRAL_BODY = (
    "Contact {number} ({short_description}) is about a fault in the estate of {party}, not in a "
    "central service. Please raise it with {group} ({group_email}), quoting {number}.\n\n"
    "{close_notes}"
)


@dataclass(frozen=True)
class TriageOutcome:
    """What classifying a contact does: where it goes, what it raises, what it records."""

    classification: str
    state: str
    close_code: str = ""
    raises: str = ""
    """The table of the record the classification raises ('' for none)."""
    link_field: str = ""
    """The contact's field that links the raised record."""
    copies: Mapping[str, str] = field(default_factory=dict)
    """The raised record's fields, from the contact's fields."""
    route_to: str = ""
    """The [triage] key naming the group the contact is routed to."""
    requires: tuple[str, ...] = ()
    refers: bool = False
    """Records the party referred to and the time to redirect, and tells the caller."""

    @property
    def label(self) -> str:
        return CLASSIFICATIONS[self.classification]


_SUMMARY = {"short_description": "short_description", "description": "description"}
TRIAGE_OUTCOMES: Mapping[str, TriageOutcome] = {
    outcome.classification: outcome
    for outcome in (
        TriageOutcome(
            "incident",
            CLOSED_COMPLETE,
            "Incident raised",
            raises="incident",
            link_field="u_incident",
            copies={**_SUMMARY, "caller_id": "opened_for"},
        ),
        TriageOutcome(
            "request",
            CLOSED_COMPLETE,
            "Request raised",
            raises="sc_request",
            link_field="u_request",
            copies={**_SUMMARY, "requested_for": "opened_for", "u_request_type": "u_request_type"},
            requires=("u_request_type",),
        ),
        TriageOutcome("business_query", WORK_IN_PROGRESS, route_to="business_query_group"),
        TriageOutcome(
            "referral", CLOSED_COMPLETE, "Referred", requires=("u_referred_to",), refers=True
        ),
    )
}


class TriageRules(TableRules):
    """Hooks that classify contacts at the central desk and carry out each outcome."""

    lifecycle: Lifecycle = INTERACTION_LIFECYCLE

    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.groups = read_triage_groups(config)

    def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
        record["opened_for"] = record.get("opened_for") or ctx.actor.sys_id
        user = ctx.services.store.fetch(ctx.connection, "sys_user", record["opened_for"])
        record["u_party"] = user["u_party"] if user else ctx.actor.party
        if record["u_party"] != ctx.actor.party and not self._triages(ctx):
            raise Forbidden(
                f"User {ctx.actor.user_name} may not open a contact for another party's user",
                f"opened_for belongs to {record['u_party']}; a party contacts the desk itself",
            )
        if not (record.get("assignment_group") and self._triages(ctx)):
            intake = self.groups.get("intake_group", "")
            record["assignment_group"] = _group_id(ctx, intake) if intake else ""
        if record.get("u_classification"):
            self._check_classifier(ctx, "(new)")
        self._update(ctx, {**record, "state": NEW, "u_classification": ""}, record, "(new)")

    def on_update(
        self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
    ) -> None:
        number = before["number"]
        if record.get("u_classification") != before.get("u_classification"):
            self._check_classifier(ctx, number)
        if not self._triages(ctx):
            touched = sorted(k for k, v in sub.values.items() if before.get(k) != v)
            journals = sorted({name for name, _ in sub.journals} - {"comments"})
            if touched or journals:
                raise Forbidden(
                    f"User {ctx.actor.user_name} may not change {', '.join(touched + journals)} "
                    f"on interaction {number}",
                    "the contacting party may add comments; the central service desk triages",
                )
        self._update(ctx, before, record, number)

    def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
        was_referral = before is not None and before.get("u_classification") == "referral"
        if after.get("u_classification") == "referral" and not was_referral:
            self._tell_caller(ctx, after)

    # -- classification ----------------------------------------------------------------------------

    def _update(
        self, ctx: WriteContext, before: Mapping[str, str], record: dict[str, str], number: str
    ) -> None:
        outcome = None
        if record.get("u_classification") != before.get("u_classification"):
            outcome = self._classify(ctx, before, record, number)
        state = record.get("state") or NEW
        if state != (before.get("state") or NEW):
            self._move(ctx, before, record, number)
        else:
            self.lifecycle.check_mandatory(number, state, state, record)
        if outcome is not None and outcome.raises:
            record[outcome.link_field] = self._raise(ctx, outcome, record)

    def _classify(
        self, ctx: WriteContext, before: Mapping[str, str], record: dict[str, str], number: str
    ) -> TriageOutcome:
        source = before.get("state") or NEW
        if source == CLOSED_COMPLETE:
            raise BadRequest(
                f"Interaction {number} is {self.lifecycle.describe(source)}: "
                "its classification cannot change",
                f"it was classified as {CLASSIFICATIONS.get(before.get('u_classification', ''))}",
            )
        code = record.get("u_classification", "")
        if code not in TRIAGE_OUTCOMES:
            raise BadRequest(
                f"Interaction {number}: a classification cannot be removed",
                f"classifications: {', '.join(TRIAGE_OUTCOMES)}",
            )
        outcome = TRIAGE_OUTCOMES[code]
        missing = [name for name in outcome.requires if not record.get(name)]
        if missing:
            raise BadRequest(
                f"Interaction {number}: {', '.join(missing)} is mandatory to classify it as "
                f"{outcome.label.lower()}",
                f"{outcome.label} needs: {', '.join(outcome.requires)}",
            )
        record["u_classified_at"] = ctx.now_text
        record["u_classified_by"] = ctx.actor.sys_id
        record["state"] = outcome.state
        if outcome.close_code:
            record["close_code"] = outcome.close_code
        if outcome.route_to:
            record["assignment_group"] = _group_id(ctx, self.groups.get(outcome.route_to, ""))
        if outcome.refers:
            self._refer(ctx, record, number)
        return outcome

    def _refer(self, ctx: WriteContext, record: dict[str, str], number: str) -> None:
        group = ctx.services.store.fetch(ctx.connection, "sys_user_group", record["u_referred_to"])
        assert group is not None  # validate_values resolved the reference
        if group["u_party"] == self.config.party:
            raise BadRequest(
                f"Interaction {number}: a referral goes to another party's desk, "
                f"but {group['name']} belongs to {self.config.name}",
                "route it inside the central desk by classifying it instead",
            )
        party = self.config.find_party(group["u_party"])
        record["u_referred_party"] = group["u_party"]
        opened = parse_time(record["opened_at"])
        record["u_redirect_seconds"] = str(int((ctx.now - opened).total_seconds()))
        if not record.get("close_notes"):
            name = party.name if party else group["u_party"]
            record["close_notes"] = REFERRAL_NOTES.format(group=group["name"], party=name)

    def _raise(self, ctx: WriteContext, outcome: TriageOutcome, record: Mapping[str, str]) -> str:
        values = {target: record.get(source, "") for target, source in outcome.copies.items()}
        note = RAISED_NOTE.format_map(record)
        # The raised record belongs to the contacting party, as if it had raised it on the portal.
        on_behalf = replace(ctx, actor=replace(ctx.actor, party=record.get("u_party", "")))
        raised = insert_record(
            on_behalf, outcome.raises, Submission(values=values, journals=[("work_notes", note)])
        )
        return raised["sys_id"]

    def _move(
        self, ctx: WriteContext, before: Mapping[str, str], record: dict[str, str], number: str
    ) -> None:
        facts = {TRIAGES: "true" if self._triages(ctx) else "false"}
        apply_move(self.lifecycle, ctx, before, record, number, facts)

    def _check_classifier(self, ctx: WriteContext, number: str) -> None:
        if not self._triages(ctx):
            raise Forbidden(
                f"User {ctx.actor.user_name} may not classify interaction {number}: "
                "only the central service desk triages contacts",
                f"{ctx.actor.user_name} is not an agent of {self.config.name}",
            )

    def _triages(self, ctx: WriteContext) -> bool:
        """Admins and the agents of the party that runs the desk triage contacts."""
        return ctx.actor.is_admin or (
            "itil" in ctx.actor.roles and ctx.actor.party == self.config.party
        )

    # -- referral notice ---------------------------------------------------------------------------

    def _tell_caller(self, ctx: WriteContext, contact: Row) -> None:
        store = ctx.services.store
        group = store.fetch(ctx.connection, "sys_user_group", contact["u_referred_to"])
        caller = store.fetch(ctx.connection, "sys_user", contact["opened_for"])
        party = self.config.find_party(contact["u_referred_party"])
        values: dict[str, Any] = {
            **contact,
            "group": group["name"] if group else "",
            "group_email": group["email"] if group else "",
            "party": party.name if party else contact["u_referred_party"],
        }
        recipients = [e for e in (caller and caller["email"], values["group_email"]) if e]
        send_email(
            ctx,
            recipients=recipients,
            subject=REFERRAL_SUBJECT.format_map(values),
            body=REFERRAL_BODY.format_map(values).strip(),
            instance=contact["sys_id"],
            target_table="interaction",
        )


def _group_id(ctx: WriteContext, name: str) -> str:
    groups = ctx.services.store.table("sys_user_group")
    rows = ctx.services.store.select(ctx.connection, "sys_user_group", groups.c.name == name)
    return rows[0]["sys_id"] if rows else ""
