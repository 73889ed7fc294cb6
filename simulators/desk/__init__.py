"""The desk core: Table API over HTTP, store, users, tenancy, records and lifecycle engine."""

from simulators.desk.api import envelope, read_json, require_test_mode
from simulators.desk.auth import (
    ADMIN_PASSWORD_ENV,
    ADMIN_USER,
    AGENT_ROLES,
    Actor,
    generate_password,
    parse_basic_auth,
)
from simulators.desk.desk import Desk
from simulators.desk.email import send_email
from simulators.desk.extensions import ExtraEndpoint, Middleware
from simulators.desk.lifecycle import (
    CLEAR,
    INCREMENT,
    NOW,
    USER,
    Guard,
    GuardContext,
    Lifecycle,
    Transition,
)
from simulators.desk.process import Process, extend, own
from simulators.desk.records import insert_record, system_fields, update_record
from simulators.desk.rule_context import apply_move, desk_context, is_agent
from simulators.desk.schema import (
    BOOLEAN,
    CHOICE,
    DATETIME,
    INTEGER,
    JOURNAL,
    REFERENCE,
    SYS_AUDIT,
    SYS_EMAIL,
    SYS_JOURNAL_FIELD,
    SYS_USER,
    SYS_USER_GROUP,
    SYSTEM_FIELDS,
    TASK_HEAD,
    TASK_JOURNALS,
    Field,
    TableSchema,
)
from simulators.desk.server import DeskServer
from simulators.desk.services import DeskServices, TableRules, WorkingCalendar, WriteContext
from simulators.desk.store import Row, latest_stored_time
from simulators.desk.values import IDEMPOTENCY_KEY, Submission, validate_values

__all__ = [
    "ADMIN_PASSWORD_ENV",
    "ADMIN_USER",
    "AGENT_ROLES",
    "BOOLEAN",
    "CHOICE",
    "CLEAR",
    "DATETIME",
    "IDEMPOTENCY_KEY",
    "INCREMENT",
    "INTEGER",
    "JOURNAL",
    "NOW",
    "REFERENCE",
    "SYSTEM_FIELDS",
    "SYS_AUDIT",
    "SYS_EMAIL",
    "SYS_JOURNAL_FIELD",
    "SYS_USER",
    "SYS_USER_GROUP",
    "TASK_HEAD",
    "TASK_JOURNALS",
    "USER",
    "Actor",
    "Desk",
    "DeskServer",
    "DeskServices",
    "ExtraEndpoint",
    "Field",
    "Guard",
    "GuardContext",
    "Lifecycle",
    "Middleware",
    "Process",
    "Row",
    "Submission",
    "TableRules",
    "TableSchema",
    "Transition",
    "WorkingCalendar",
    "WriteContext",
    "apply_move",
    "desk_context",
    "envelope",
    "extend",
    "generate_password",
    "insert_record",
    "is_agent",
    "latest_stored_time",
    "own",
    "parse_basic_auth",
    "read_json",
    "require_test_mode",
    "send_email",
    "system_fields",
    "update_record",
    "validate_values",
]
