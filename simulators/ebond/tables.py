"""Tables of e-bonding: the links between desks' records, the durable outbox, and receipts."""

from simulators.desk import DATETIME, INTEGER, SYSTEM_FIELDS, Field, TableSchema

EBOND_STATES = {"queued": "Queued", "delivered": "Delivered", "failed": "Failed"}

EBOND_LINK = TableSchema(
    name="u_ebond_link",
    display_field="remote_number",
    read_only=True,
    tenancy="child",
    parent_field="local_sys_id",
    fields=(
        *SYSTEM_FIELDS,
        Field("local_table", label="Table"),
        Field("local_sys_id", label="Record"),
        Field("local_number", label="Number"),
        Field("peer", label="Other desk (party id)"),
        Field(
            "role",
            label="This side is the",
            choices={"owner": "owner", "worker": "worker", "returned": "handed back"},
        ),
        Field("remote_sys_id", label="Remote sys_id"),
        Field("remote_number", label="Remote number"),
    ),
)
"""One row per pair of e-bonded records, on each side: who owns the work and who does it."""

EBOND_MESSAGE = TableSchema(
    name="u_ebond_message",
    display_field="idempotency_key",
    read_only=True,
    tenancy="child",
    parent_field="local_sys_id",
    fields=(
        *SYSTEM_FIELDS,
        Field("peer", label="To desk (party id)"),
        Field("operation", label="Operation", choices={"create": "create", "update": "update"}),
        Field("local_table", label="Table"),
        Field("local_sys_id", label="Record"),
        Field("local_number", label="Number"),
        Field("payload", label="Payload (JSON)"),
        Field("idempotency_key", label="Idempotency key"),
        Field("state", label="State", choices=EBOND_STATES, default="queued"),
        Field("attempts", INTEGER, default="0", label="Attempts"),
        Field("next_attempt_at", DATETIME, label="Next attempt"),
        Field("last_error", label="Last error"),
        Field("delivered_at", DATETIME, label="Delivered"),
        Field("attempt_log", label="Attempts (JSON)"),
    ),
)
"""The transactional outbox: written with the change it carries, delivered with retries."""

EBOND_RECEIPT = TableSchema(
    name="u_ebond_receipt",
    display_field="idempotency_key",
    read_only=True,
    admin_only_writes=True,
    tenancy="child",
    parent_field="record",
    fields=(
        *SYSTEM_FIELDS,
        Field("idempotency_key", label="Idempotency key"),
        Field("record_table", label="Table"),
        Field("record", label="Record"),
        Field("record_number", label="Number"),
    ),
)
"""Keys of e-bond messages already applied here: a repeated delivery is refused with 409."""
