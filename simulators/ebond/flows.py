"""What crosses an e-bond, declared as data: the hand-off fields and which state changes flow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

EBONDED_TABLES = frozenset({"incident"})
HANDOFF_FIELDS = (
    "short_description",
    "description",
    "impact",
    "urgency",
    "category",
    "subcategory",
    "u_mpan",
    "u_interface_id",
    "u_dip_transaction_id",
)
"""Copied into the record created on the other desk, with the assignment group."""
FORWARDED_JOURNALS = ("comments", "work_notes")
"""Journal entries forwarded both ways, prefixed with where they came from."""


@dataclass(frozen=True)
class StateFlow:
    """A state one side enters that the other side learns of, and what it does about it."""

    sender: str  # "owner" (the desk that handed the work over) or "worker"
    entered: str
    left: str = ""  # only when leaving this state ("" = from any state)
    fields: tuple[str, ...] = ()  # copied along with the state
    target_state: str = ""  # state the receiver moves to ("" = a work note only)
    note: str = ""

    def applies(self, sender: str, before: Mapping[str, str], after: Mapping[str, str]) -> bool:
        return (
            sender == self.sender
            and after.get("state") == self.entered
            and before.get("state") != self.entered
            and (not self.left or before.get("state") == self.left)
        )


STATE_FLOWS: tuple[StateFlow, ...] = (
    StateFlow("worker", "2", left="1", note="{sender} acknowledged the hand-off as {number}."),
    StateFlow("worker", "3", fields=("hold_reason",), note="{sender} put {number} on hold."),
    StateFlow(
        "worker",
        "6",
        fields=("close_code", "close_notes"),
        target_state="6",
        note="{sender} resolved {number}.",
    ),
    # The resolution flowed to the owner, so a reopen must too (or the owner's copy closes itself).
    StateFlow("worker", "2", left="6", target_state="2", note="{sender} reopened {number}."),
    StateFlow("owner", "8", target_state="8", note="{sender} cancelled {number}."),
    StateFlow("owner", "2", left="6", target_state="2", note="{sender} reopened {number}."),
    StateFlow(
        "owner",
        "7",
        fields=("close_code", "close_notes"),
        target_state="7",
        note="{sender} closed {number}.",
    ),
)

RETRY_BACKOFF_SECONDS = (60, 120, 300, 600, 1800, 3600)
"""Wait before each retry; the last value repeats until MAX_ATTEMPTS."""
MAX_ATTEMPTS = 12
PERMANENT_STATUSES = frozenset({400, 401, 403, 404, 405, 415})
"""Answers that retrying cannot change: the hand-off fails at once."""


def retry_delay(attempts: int) -> int:
    """Seconds to wait after `attempts` failed attempts."""
    return RETRY_BACKOFF_SECONDS[min(attempts, len(RETRY_BACKOFF_SECONDS)) - 1]
