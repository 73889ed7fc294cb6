"""The service request table (ServiceNow's sc_request) and its request types, declared as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from simulators.desk import (
    BOOLEAN,
    CHOICE,
    DATETIME,
    NOW,
    REFERENCE,
    SYSTEM_FIELDS,
    TASK_HEAD,
    TASK_JOURNALS,
    USER,
    Field,
    TableSchema,
)
from vocabulary import PARTIES

REQUEST_STATES = {
    "requested": "Requested",
    "in_process": "In Process",
    "closed_complete": "Closed Complete",
    "closed_incomplete": "Closed Incomplete",
    "closed_cancelled": "Closed Cancelled",
}
REQUEST_TYPES = {
    "dip_onboarding": "DIP onboarding",
    "dip_role_change": "DIP role change",
    "solr_role_transfer": "Supplier of Last Resort role transfer",
    "dip_offboarding": "DIP offboarding",
    "access": "Elexon Portal access",
}
MARKET_ROLES = {code: name for code, name in PARTIES.items() if code != "elexon"}
"""The DIP roles a participant can be onboarded to (DOMAIN.md §2, Elexon itself excluded)."""

SC_REQUEST = TableSchema(
    name="sc_request",
    display_field="number",
    numbered=True,
    tenancy="task",
    fields=(
        *SYSTEM_FIELDS,
        *TASK_HEAD,
        Field("requested_for", REFERENCE, reference="sys_user", label="Requested for"),
        Field("opened_by", REFERENCE, reference="sys_user", read_only=True, label="Opened by"),
        Field("opened_at", DATETIME, read_only=True, label="Opened"),
        Field("u_party", read_only=True, label="Requesting party"),
        Field("u_request_type", CHOICE, choices=REQUEST_TYPES, label="Request type"),
        Field(
            "request_state",
            CHOICE,
            choices=REQUEST_STATES,
            default="requested",
            label="Request state",
        ),
        Field("assignment_group", REFERENCE, reference="sys_user_group", label="Assignment group"),
        Field("assigned_to", REFERENCE, reference="sys_user", label="Assigned to"),
        Field("u_mpid", label="Participant MPID"),
        Field("u_market_role", CHOICE, choices=MARKET_ROLES, label="DIP role"),
        Field("u_reason", label="Reason for offboarding"),
        Field("u_effective_date", label="Effective date"),
        Field("u_failed_party", label="Failed supplier"),
        Field("u_failed_mpid", label="Failed supplier MPID"),
        Field("u_incoming_party", label="Incoming supplier"),
        Field("u_incoming_mpid", label="Incoming supplier MPID"),
        Field("u_roles_verified", BOOLEAN, default="false", label="Role transfer verified"),
        Field("u_verified_at", DATETIME, read_only=True, label="Verified"),
        Field(
            "u_verified_by", REFERENCE, reference="sys_user", read_only=True, label="Verified by"
        ),
        Field("u_instructions_sent", BOOLEAN, default="false", label="Instructions sent"),
        Field("u_instructions_sent_at", DATETIME, read_only=True, label="Instructions sent at"),
        Field("close_notes", label="Close notes"),
        Field("closed_at", DATETIME, read_only=True, label="Closed"),
        Field("closed_by", REFERENCE, reference="sys_user", read_only=True, label="Closed by"),
        Field("active", BOOLEAN, read_only=True, default="true", label="Active"),
        *TASK_JOURNALS,
    ),
)


@dataclass(frozen=True)
class Notice:
    """An e-mail the desk sends to the parties a request names, as sys_email records."""

    subject: str
    body: str
    """Formatted with the request's fields and, for each party field, '<field>_name'."""


@dataclass(frozen=True)
class FulfilmentCheck:
    """A step the fulfilling team records on a request by setting a flag; one-way once done."""

    flag: str
    action: str
    outcome: str
    after: tuple[str, ...] = ()
    """Flags that must already be set."""
    stamps: Mapping[str, str] = field(default_factory=dict)
    notice: Notice | None = None


@dataclass(frozen=True)
class RequestType:
    """What a kind of request must carry and which checks its fulfilment needs."""

    code: str
    mandatory: tuple[str, ...] = ()
    mpid_fields: tuple[str, ...] = ()
    party_fields: tuple[str, ...] = ()
    """Fields naming distinct parties of the desk's roster by id."""
    date_fields: tuple[str, ...] = ()
    """Dates ('YYYY-MM-DD') on or after the day they are given."""
    checks: tuple[FulfilmentCheck, ...] = ()

    @property
    def label(self) -> str:
        return REQUEST_TYPES[self.code]


ROLES_VERIFIED = FulfilmentCheck(
    flag="u_roles_verified",
    action="verify the role transfer",
    outcome="the role transfer is verified",
    stamps={"u_verified_at": NOW, "u_verified_by": USER},
)
INSTRUCTIONS_SENT = FulfilmentCheck(
    flag="u_instructions_sent",
    action="send the transfer instructions",
    outcome="the transfer instructions are sent",
    after=("u_roles_verified",),
    stamps={"u_instructions_sent_at": NOW},
    notice=Notice(
        subject="DIP role transfer instructions: {number}",
        body=(
            "Supplier of Last Resort transfer {number}: the DIP roles of {u_failed_party_name} "
            "(MPID {u_failed_mpid}) move to {u_incoming_party_name} (MPID {u_incoming_mpid}). "
            "The transfer is verified. {u_incoming_party_name}: subscribe your webhook to the "
            "transferred roles' publications and send under MPID {u_incoming_mpid}. "
            "{u_failed_party_name}: stop sending under MPID {u_failed_mpid}."
        ),
    ),
)
_DIP_PARTICIPANT = ("u_mpid", "u_market_role")
REQUEST_TYPE_RULES: Mapping[str, RequestType] = {
    kind.code: kind
    for kind in (
        RequestType("dip_onboarding", mandatory=_DIP_PARTICIPANT, mpid_fields=("u_mpid",)),
        RequestType("dip_role_change", mandatory=_DIP_PARTICIPANT, mpid_fields=("u_mpid",)),
        RequestType(
            "solr_role_transfer",
            mandatory=("u_incoming_party", "u_incoming_mpid", "u_failed_party", "u_failed_mpid"),
            mpid_fields=("u_incoming_mpid", "u_failed_mpid"),
            party_fields=("u_incoming_party", "u_failed_party"),
            checks=(ROLES_VERIFIED, INSTRUCTIONS_SENT),
        ),
        RequestType(
            "dip_offboarding",
            mandatory=("u_reason", "u_effective_date"),
            date_fields=("u_effective_date",),
        ),
        RequestType("access"),
    )
}
CHECK_FLAGS = frozenset(c.flag for kind in REQUEST_TYPE_RULES.values() for c in kind.checks)
