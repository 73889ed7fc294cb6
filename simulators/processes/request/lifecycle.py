"""The service request state machine (ServiceNow's sc_request.request_state), declared as data."""

from __future__ import annotations

from simulators.desk import NOW, USER, GuardContext, Lifecycle, Transition
from simulators.processes.request.schema import REQUEST_STATES

REQUESTED, IN_PROCESS = "requested", "in_process"
CLOSED_COMPLETE, CLOSED_INCOMPLETE, CLOSED_CANCELLED = (
    "closed_complete",
    "closed_incomplete",
    "closed_cancelled",
)
OPEN_STATES = frozenset({REQUESTED, IN_PROCESS})

# Facts the request rules work out about the actor and the record and hand to the guards beside
# the record's fields (a guard sees only the record, roles and user; these need the roster).
FULFILS = "_actor_fulfils"
"""'true' when the actor is an agent of the party that owns the request's assignment group."""
REQUESTS = "_actor_requests"
"""'true' when the actor belongs to the requesting party."""
CHECKS_DONE = "_checks_done"
"""'true' when every fulfilment check of the request's type is done."""


def _fulfils(context: GuardContext) -> bool:
    return context.is_admin or context.record.get(FULFILS) == "true"


def _requests_or_fulfils(context: GuardContext) -> bool:
    return _fulfils(context) or context.record.get(REQUESTS) == "true"


def _checks_done(context: GuardContext) -> bool:
    return context.record.get(CHECKS_DONE) == "true"


GUARDS = {
    "fulfiller": (_fulfils, "only the fulfilling team may do this"),
    "requester_or_fulfiller": (
        _requests_or_fulfils,
        "only the requesting party or the fulfilling team may do this",
    ),
    "checks_done": (
        _checks_done,
        "only a request whose fulfilment checks are all done may close complete",
    ),
}

_CLOSING = {"closed_at": NOW, "closed_by": USER, "active": "false"}
REQUEST_LIFECYCLE = Lifecycle(
    table="sc_request",
    label="Request",
    state_field="request_state",
    states=REQUEST_STATES,
    initial=REQUESTED,
    transitions=(
        Transition(REQUESTED, IN_PROCESS, "start_fulfilment", ("fulfiller",)),
        Transition(REQUESTED, CLOSED_CANCELLED, "cancel", ("requester_or_fulfiller",)),
        Transition(IN_PROCESS, CLOSED_COMPLETE, "complete", ("fulfiller", "checks_done")),
        Transition(IN_PROCESS, CLOSED_INCOMPLETE, "close_incomplete", ("fulfiller",)),
        Transition(IN_PROCESS, CLOSED_CANCELLED, "cancel", ("requester_or_fulfiller",)),
    ),
    mandatory={CLOSED_INCOMPLETE: ("close_notes",)},
    effects={"complete": _CLOSING, "close_incomplete": _CLOSING, "cancel": _CLOSING},
    guards=GUARDS,
)
