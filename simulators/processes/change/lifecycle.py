"""The change state machines, one per change type, and the approval's, declared as data."""

from __future__ import annotations

from collections.abc import Mapping

from simulators.desk import AGENT_ROLES, NOW, USER, Guard, GuardContext, Lifecycle, Transition
from simulators.processes.change.schema import APPROVAL_STATES, CHANGE_STATES

NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW, CLOSED, CANCELED = (
    "-5",
    "-4",
    "-3",
    "-2",
    "-1",
    "0",
    "3",
    "4",
)
ACTIVE_STATES = frozenset({NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT, REVIEW})
NORMAL, STANDARD, EMERGENCY = "normal", "standard", "emergency"
APPROVAL_ROLES: Mapping[str, str] = {
    NORMAL: "change_approver",
    EMERGENCY: "emergency_change_approver",
}
"""Who authorises each type of change: the CAB, or the emergency CAB (eCAB)."""


def _is_agent(context: GuardContext) -> bool:
    return context.is_admin or bool(context.roles & AGENT_ROLES)


GUARDS: Mapping[str, tuple[Guard, str]] = {
    "agent": (_is_agent, "only a service desk agent may do this"),
    "approved": (
        lambda c: c.record.get("approval") == "approved",
        "the change is not approved: only a change approved by the CAB (normal) or the "
        "emergency CAB (emergency) leaves Authorize",
    ),
    "pre_approved": (
        lambda c: c.record.get("approval") == "approved",
        "a standard change is scheduled only from a pre-approved template",
    ),
    "rejected": (
        lambda c: c.record.get("approval") == "rejected",
        "a change returns to New from Authorize only when its approval was rejected",
    ),
}

_work = ("agent",)
_MANDATORY = {
    SCHEDULED: ("start_date", "end_date"),
    IMPLEMENT: ("start_date", "end_date"),
    REVIEW: ("start_date", "end_date"),
    CLOSED: ("close_code", "close_notes"),
}
_EFFECTS = {
    "request_approval": {"approval": "requested"},
    "close": {"closed_at": NOW, "closed_by": USER, "active": "false"},
    "cancel": {"closed_at": NOW, "closed_by": USER, "active": "false"},
}
_DELIVERY = (
    Transition(SCHEDULED, IMPLEMENT, "implement", _work),
    Transition(IMPLEMENT, REVIEW, "review", _work),
    Transition(REVIEW, CLOSED, "close", _work),
)


def _cancel_from(*states: str) -> tuple[Transition, ...]:
    return tuple(Transition(state, CANCELED, "cancel", _work) for state in states)


def _lifecycle(label: str, transitions: tuple[Transition, ...]) -> Lifecycle:
    return Lifecycle(
        table="change_request",
        label=label,
        state_field="state",
        states=CHANGE_STATES,
        initial=NEW,
        transitions=transitions,
        mandatory=_MANDATORY,
        effects=_EFFECTS,
        guards=GUARDS,
    )


NORMAL_CHANGE_LIFECYCLE = _lifecycle(
    "Normal change",
    (
        Transition(NEW, ASSESS, "assess", _work),
        Transition(ASSESS, AUTHORIZE, "request_approval", _work),
        Transition(AUTHORIZE, SCHEDULED, "schedule", ("agent", "approved")),
        Transition(AUTHORIZE, NEW, "revert_to_new", ("agent", "rejected")),
        *_DELIVERY,
        *_cancel_from(NEW, ASSESS, AUTHORIZE, SCHEDULED, IMPLEMENT),
    ),
)
STANDARD_CHANGE_LIFECYCLE = _lifecycle(
    "Standard change",
    (
        Transition(NEW, SCHEDULED, "schedule", ("agent", "pre_approved")),
        *_DELIVERY,
        *_cancel_from(NEW, SCHEDULED, IMPLEMENT),
    ),
)
EMERGENCY_CHANGE_LIFECYCLE = _lifecycle(
    "Emergency change",
    (
        Transition(NEW, AUTHORIZE, "request_approval", _work),
        Transition(AUTHORIZE, SCHEDULED, "schedule", ("agent", "approved")),
        Transition(AUTHORIZE, NEW, "revert_to_new", ("agent", "rejected")),
        *_DELIVERY,
        *_cancel_from(NEW, AUTHORIZE, SCHEDULED, IMPLEMENT),
    ),
)
CHANGE_LIFECYCLES: Mapping[str, Lifecycle] = {
    NORMAL: NORMAL_CHANGE_LIFECYCLE,
    STANDARD: STANDARD_CHANGE_LIFECYCLE,
    EMERGENCY: EMERGENCY_CHANGE_LIFECYCLE,
}
"""The state machine each change follows, chosen by its `type`."""

REQUESTED, APPROVED, REJECTED, CANCELLED, NOT_REQUIRED = (
    "requested",
    "approved",
    "rejected",
    "cancelled",
    "not_required",
)


def _is_named_approver(context: GuardContext) -> bool:
    return context.is_admin or context.record.get("approver") == context.user_sys_id


APPROVAL_LIFECYCLE = Lifecycle(
    table="sysapproval_approver",
    label="Approval",
    state_field="state",
    states=APPROVAL_STATES,
    initial=REQUESTED,
    transitions=(
        Transition(REQUESTED, APPROVED, "approve", ("named_approver",)),
        Transition(REQUESTED, REJECTED, "reject", ("named_approver",)),
        Transition(REQUESTED, CANCELLED, "cancel", ("desk",)),
        Transition(REQUESTED, NOT_REQUIRED, "no_longer_required", ("desk",)),
    ),
    guards={
        "named_approver": (
            _is_named_approver,
            "only the approver named on the approval may decide it",
        ),
        "desk": (
            lambda c: c.is_admin,
            "only the desk withdraws an approval (when the change is decided or canceled)",
        ),
    },
)
