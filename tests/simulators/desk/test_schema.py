"""Table schemas as data: fields by name, stored columns apart from journals, display fields."""

from __future__ import annotations

import pytest

from simulators.desk.schema import JOURNAL, Field, TableSchema
from simulators.processes.catalogue import table_catalogue

NOTE = TableSchema(
    "u_note",
    (Field("title"), Field("body"), Field("work_notes", JOURNAL)),
    display_field="title",
)


def test_a_field_is_found_by_name() -> None:
    """An unknown name gives None rather than an error."""
    assert NOTE.field("title") == Field("title")
    assert NOTE.field("missing") is None


def test_journal_fields_are_not_stored_columns() -> None:
    """Work notes and comments are appends kept in sys_journal_field."""
    assert [f.name for f in NOTE.stored_fields] == ["title", "body"]
    assert [f.name for f in NOTE.journal_fields] == ["work_notes"]


@pytest.mark.parametrize("schema", table_catalogue().values(), ids=lambda s: s.name)
def test_every_table_names_a_display_field_it_has(schema: TableSchema) -> None:
    """References show the display field, so it must be a stored field of the table."""
    assert schema.display_field in {f.name for f in schema.stored_fields}


@pytest.mark.parametrize("schema", table_catalogue().values(), ids=lambda s: s.name)
def test_every_reference_names_a_table_of_the_catalogue(schema: TableSchema) -> None:
    """A reference field points at a table the desk serves, or at a field that names one."""
    tables = set(table_catalogue())
    for spec in schema.fields:
        if spec.kind == "reference":
            assert spec.reference in tables or schema.field(spec.reference_from), spec.name
