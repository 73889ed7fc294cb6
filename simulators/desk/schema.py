"""Table schemas of the reference desk, declared as data: fields, kinds, choices and references."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

STRING = "string"
INTEGER = "integer"
BOOLEAN = "boolean"
DATETIME = "datetime"
REFERENCE = "reference"
CHOICE = "choice"
JOURNAL = "journal"
PASSWORD = "password"


@dataclass(frozen=True)
class Field:
    """One column of a table as the Table API shows it."""

    name: str
    kind: str = STRING
    label: str = ""
    reference: str = ""
    reference_from: str = ""
    """For a reference whose table varies: the field of the same record that names the table."""
    choices: Mapping[str, str] = field(default_factory=dict)
    default: str = ""
    read_only: bool = False

    @property
    def is_stored(self) -> bool:
        """Journal fields are write-only appends kept in sys_journal_field, not columns."""
        return self.kind != JOURNAL


@dataclass(frozen=True)
class TableSchema:
    """A table: its fields, its number prefix key and the field that names a record."""

    name: str
    fields: tuple[Field, ...]
    display_field: str
    numbered: bool = False
    read_only: bool = False
    admin_only_writes: bool = False
    tenancy: str = ""
    """How parties see it: "task" (raised by, assigned to or called in by the party), "child"
    (visible with the task its `parent_field` names), "party" (the party's own rows), "" (all)."""
    parent_field: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {f.name: f for f in self.fields})

    def field(self, name: str) -> Field | None:
        """The field called `name`, or None."""
        return self._by_name.get(name)  # type: ignore[attr-defined]

    @property
    def stored_fields(self) -> tuple[Field, ...]:
        """Fields kept as columns."""
        return tuple(f for f in self.fields if f.is_stored)

    @property
    def journal_fields(self) -> tuple[Field, ...]:
        """Write-only journal fields (work notes, comments)."""
        return tuple(f for f in self.fields if not f.is_stored)


SYSTEM_FIELDS = (
    Field("sys_id", read_only=True, label="Sys ID"),
    Field("sys_created_on", DATETIME, read_only=True, label="Created"),
    Field("sys_created_by", read_only=True, label="Created by"),
    Field("sys_updated_on", DATETIME, read_only=True, label="Updated"),
    Field("sys_updated_by", read_only=True, label="Updated by"),
    Field("sys_mod_count", INTEGER, read_only=True, default="0", label="Updates"),
)

TASK_HEAD = (
    Field("number", read_only=True, label="Number"),
    Field("short_description", label="Short description"),
    Field("description", label="Description"),
)
"""The fields every task table (incident, problem, change, request, …) starts with."""
TASK_JOURNALS = (
    Field("work_notes", JOURNAL, label="Work notes"),
    Field("comments", JOURNAL, label="Additional comments"),
)
"""The journal fields every task table ends with: write-only, read from sys_journal_field."""

SYS_USER = TableSchema(
    name="sys_user",
    display_field="name",
    admin_only_writes=True,
    tenancy="party",
    fields=(
        *SYSTEM_FIELDS,
        Field("user_name", label="User ID"),
        Field("name", label="Name"),
        Field("email", label="Email"),
        Field("user_password", PASSWORD, label="Password"),
        Field("roles", label="Roles"),
        Field("u_party", label="Party"),
        Field("active", BOOLEAN, default="true"),
    ),
)

SYS_USER_GROUP = TableSchema(
    name="sys_user_group",
    display_field="name",
    admin_only_writes=True,
    fields=(
        *SYSTEM_FIELDS,
        Field("name", label="Name"),
        Field("description", label="Description"),
        Field("email", label="Group email"),
        Field("u_party", label="Party"),
        Field("active", BOOLEAN, default="true"),
    ),
)

SYS_JOURNAL_FIELD = TableSchema(
    name="sys_journal_field",
    display_field="element_id",
    read_only=True,
    tenancy="child",
    parent_field="element_id",
    fields=(
        *SYSTEM_FIELDS,
        Field("name", label="Table"),
        Field("element", label="Field"),
        Field("element_id", label="Record"),
        Field("value", label="Value"),
    ),
)

SYS_AUDIT = TableSchema(
    name="sys_audit",
    display_field="documentkey",
    read_only=True,
    admin_only_writes=True,
    tenancy="child",
    parent_field="documentkey",
    fields=(
        *SYSTEM_FIELDS,
        Field("tablename", label="Table"),
        Field("documentkey", label="Record"),
        Field("fieldname", label="Field"),
        Field("oldvalue", label="Old value"),
        Field("newvalue", label="New value"),
        Field("user", label="User"),
        Field("record_checkpoint", INTEGER, label="Update number"),
    ),
)

SYS_EMAIL = TableSchema(
    name="sys_email",
    display_field="subject",
    read_only=True,
    tenancy="child",
    parent_field="instance",
    fields=(
        *SYSTEM_FIELDS,
        Field("type", label="Type", default="sent"),
        Field("recipients", label="Recipients"),
        Field("subject", label="Subject"),
        Field("body", label="Body"),
        Field("instance", label="Target record"),
        Field("target_table", label="Target table"),
        Field("sent_at", DATETIME, label="Sent"),
    ),
)
