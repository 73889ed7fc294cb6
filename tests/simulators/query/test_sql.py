"""Compiling encoded queries to SQLAlchemy Core, run against in-memory SQLite."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from sqlalchemy import Column, ColumnElement, Engine, MetaData, Table, Text, create_engine, select
from sqlalchemy.dialects import postgresql

from simulators.query.errors import InvalidValue, UnknownField
from simulators.query.parser import parse_encoded_query
from simulators.query.sql import column_resolver, compile_filter, compile_order

FIELD_KINDS = {
    "state": "integer",
    "priority": "integer",
    "active": "boolean",
    "assigned_to": "reference",
    "opened_at": "datetime",
    "category": "choice",
    "impact_cost": "currency",  # a kind the compiler does not know: compared as text
}


COLUMNS = ("number", "short_description", *FIELD_KINDS)


metadata = MetaData()


incident = Table("incident", metadata, *(Column(name, Text) for name in COLUMNS))


REFERENCE_A = "a" * 32


REFERENCE_B = "b" * 32


ROWS: tuple[Mapping[str, str | None], ...] = (
    {
        "number": "INC1",
        "short_description": "Disk 50% full on dip_gateway",
        "state": "1",
        "priority": "1",
        "active": "true",
        "assigned_to": REFERENCE_A,
        "opened_at": "2024-03-01 09:00:00",
        "category": "network",
        "impact_cost": "9",
    },
    {
        "number": "INC2",
        "short_description": "DIP connection down",
        "state": "2",
        "priority": "2",
        "active": "TRUE",
        "assigned_to": "",
        "opened_at": "2024-03-02 10:00:00",
        "category": "software",
        "impact_cost": "10",
    },
    {
        "number": "INC3",
        "short_description": "Disk 50 percent full",
        "state": "-5",
        "priority": "3",
        "active": "false",
        "assigned_to": REFERENCE_B,
        "opened_at": "2024-02-29 23:59:59",
        "category": "",
        "impact_cost": "",
    },
    {
        "number": "INC4",
        "short_description": "Printer out of paper",
        "state": "-1",
        "priority": "",
        "active": "false",
        "assigned_to": None,
        "opened_at": "",
        "category": "hardware",
        "impact_cost": "",
    },
    {
        "number": "INC5",
        "short_description": "dipXgateway slow",
        "state": "10",
        "priority": "02",
        "active": "true",
        "assigned_to": REFERENCE_A,
        "opened_at": "2024-03-03 08:30:00",
        "category": "network",
        "impact_cost": "",
    },
    {
        "number": "INC6",
        "short_description": "",
        "state": "",
        "priority": "4",
        "active": "",
        "assigned_to": "",
        "opened_at": "",
        "category": None,
        "impact_cost": "",
    },
)


resolve = column_resolver(incident, FIELD_KINDS)


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    """An in-memory SQLite database holding the six incidents of ROWS."""
    database = create_engine("sqlite://")
    metadata.create_all(database)
    with database.begin() as connection:
        connection.execute(incident.insert(), [dict(row) for row in ROWS])
    yield database
    database.dispose()


def numbers(engine: Engine, text: str) -> list[str]:
    """Numbers of the incidents `text` selects, in the query's order (then by number)."""
    query = parse_encoded_query(text)
    statement = select(incident.c.number)
    where = compile_filter(query, resolve)
    if where is not None:
        statement = statement.where(where)
    statement = statement.order_by(*compile_order(query, resolve), incident.c.number)
    with engine.connect() as connection:
        return list(connection.scalars(statement))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["INC1", "INC2", "INC3", "INC4", "INC5", "INC6"]),
        ("number=INC3", ["INC3"]),
        ("short_description=Disk 50 percent full", ["INC3"]),
        ("short_description=disk 50 percent full", []),
        ("category!=network", ["INC2", "INC4"]),
        ("category=", ["INC3", "INC6"]),
        ("category!=", ["INC1", "INC2", "INC4", "INC5"]),
        ("short_descriptionLIKEdisk", ["INC1", "INC3"]),
        ("short_descriptionNOT LIKEdisk", ["INC2", "INC4", "INC5"]),
        ("short_descriptionSTARTSWITHdip", ["INC2", "INC5"]),
        ("short_descriptionENDSWITHFULL", ["INC3"]),
        ("short_descriptionENDSWITHGateway", ["INC1"]),
        ("categoryINnetwork,hardware", ["INC1", "INC4", "INC5"]),
        ("categoryIN,hardware", ["INC3", "INC4", "INC6"]),
        ("categoryNOT INnetwork", ["INC2", "INC4"]),
        ("categoryNOT IN", ["INC1", "INC2", "INC4", "INC5"]),
        ("assigned_toISEMPTY", ["INC2", "INC4", "INC6"]),
        ("assigned_toISNOTEMPTY", ["INC1", "INC3", "INC5"]),
        (f"assigned_to={REFERENCE_A}", ["INC1", "INC5"]),
        ("opened_at>=2024-03-01", ["INC1", "INC2", "INC5"]),
        ("opened_at<2024-03-01", ["INC3"]),
        ("opened_at<=2024-03-02 10:00:00", ["INC1", "INC2", "INC3"]),
        ("opened_at>2024-03-02 10:00:00", ["INC5"]),
        ("impact_cost<2", ["INC2"]),
    ],
)
def test_text_kinds_compare_as_text(engine: Engine, text: str, expected: list[str]) -> None:
    """String, choice, reference, datetime and unknown kinds compare as text, NULL as ''."""
    assert numbers(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("short_descriptionLIKE50%", ["INC1"]),
        ("short_descriptionLIKEdip_gateway", ["INC1"]),
        ("short_descriptionNOT LIKEdip_gateway", ["INC2", "INC3", "INC4", "INC5"]),
        ("short_descriptionSTARTSWITHdisk 50%", ["INC1"]),
        ("short_descriptionENDSWITHy_slow", []),
        ("short_descriptionENDSWITHy slow", ["INC5"]),
        ("short_descriptionSTARTSWITHdip_", []),
        ("short_descriptionLIKE/", []),
        ("short_descriptionLIKE\\", []),
    ],
)
def test_like_wildcards_in_the_value_are_literal(
    engine: Engine, text: str, expected: list[str]
) -> None:
    """`%`, `_` and the escape characters in a LIKE-family value match only themselves."""
    assert numbers(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("state=1", ["INC1"]),
        ("priority=2", ["INC2", "INC5"]),
        ("priority=002", ["INC2", "INC5"]),
        ("priority!=2", ["INC1", "INC3", "INC6"]),
        ("state<0", ["INC3", "INC4"]),
        ("state>=2", ["INC2", "INC5"]),
        ("state>-2", ["INC1", "INC2", "INC4", "INC5"]),
        ("state<=-5", ["INC3"]),
        ("stateIN-5,10", ["INC3", "INC5"]),
        ("stateIN1,", ["INC1", "INC6"]),
        ("stateNOT IN1,2", ["INC3", "INC4", "INC5"]),
        ("state=", ["INC6"]),
        ("state!=", ["INC1", "INC2", "INC3", "INC4", "INC5"]),
    ],
)
def test_integer_fields_compare_numerically(engine: Engine, text: str, expected: list[str]) -> None:
    """Integer kinds compare as numbers, so "02" equals 2 and "10" is greater than "2"."""
    assert numbers(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("active=true", ["INC1", "INC2", "INC5"]),
        ("active=TRUE", ["INC1", "INC2", "INC5"]),
        ("active!=true", ["INC3", "INC4"]),
        ("activeINFalse", ["INC3", "INC4"]),
        ("activeNOT INFALSE", ["INC1", "INC2", "INC5"]),
    ],
)
def test_boolean_fields_compare_case_insensitively(
    engine: Engine, text: str, expected: list[str]
) -> None:
    """Boolean kinds match "true" and "TRUE" alike, and `!=` skips empty values."""
    assert numbers(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("category=software^state=1^ORactive=TRUE", ["INC2"]),
        ("state=1^ORstate=2^ORstate=10^active=true", ["INC1", "INC2", "INC5"]),
        ("state=-5^NQpriority=4", ["INC3", "INC6"]),
        (
            "category=network^state=10^NQcategory=hardware^ORcategoryISEMPTY^state<0",
            ["INC3", "INC4", "INC5"],
        ),
    ],
)
def test_or_groups_bind_tighter_than_and_and_nq_joins_whole_queries(
    engine: Engine, text: str, expected: list[str]
) -> None:
    """`^OR` joins a condition to the one before it; `^NQ` ORs whole queries."""
    assert numbers(engine, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ORDERBYstate", ["INC6", "INC3", "INC4", "INC1", "INC2", "INC5"]),
        ("ORDERBYDESCstate", ["INC5", "INC2", "INC1", "INC4", "INC3", "INC6"]),
        ("ORDERBYpriority^ORDERBYDESCnumber", ["INC4", "INC1", "INC5", "INC2", "INC3", "INC6"]),
        ("ORDERBYcategory", ["INC3", "INC6", "INC4", "INC1", "INC5", "INC2"]),
        ("ORDERBYDESCcategory", ["INC2", "INC1", "INC5", "INC4", "INC3", "INC6"]),
        ("ORDERBYDESCactive^stateISNOTEMPTY", ["INC1", "INC2", "INC5", "INC3", "INC4"]),
    ],
)
def test_ordering_is_numeric_for_integers_and_puts_empty_values_first(
    engine: Engine, text: str, expected: list[str]
) -> None:
    """Integers order as numbers ("-5" < "-1" < "1" < "10"), booleans case-insensitively, and
    empty values come first ascending and last descending."""
    assert numbers(engine, text) == expected


def test_a_query_without_conditions_compiles_to_no_filter() -> None:
    """No conditions give no WHERE clause and no orderings give no ORDER BY clauses."""
    query = parse_encoded_query(None)
    assert compile_filter(query, resolve) is None
    assert compile_order(query, resolve) == []


@pytest.mark.parametrize("text", ["u_colour=red", "state=1^ORu_colour=red", "ORDERBYu_colour"])
def test_a_field_the_table_lacks_is_refused(text: str) -> None:
    """Conditions and orderings naming a missing field raise UnknownField naming field and table."""
    query = parse_encoded_query(text)
    with pytest.raises(
        UnknownField, match=r"^sysparm_query field 'u_colour' is not a field of table 'incident'$"
    ):
        compile_filter(query, resolve)
        compile_order(query, resolve)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "state=new",
            r"^sysparm_query term 'state=new' compares integer field 'state' with 'new', ",
        ),
        (
            "priority<",
            r"'priority<' compares integer field 'priority' with '', which is not a whole",
        ),
        ("stateIN1,two", r"'stateIN1,two' compares integer field 'state' with 'two'"),
        ("stateNOT IN1.5", r"with '1\.5', which is not a whole number$"),
        ("state>99999999999999999999", r"with 99999999999999999999, which is outside the 64-bit"),
    ],
)
def test_a_non_integer_value_for_an_integer_field_is_refused(text: str, message: str) -> None:
    """Integer kinds refuse values that are not whole numbers instead of matching nothing."""
    with pytest.raises(InvalidValue, match=message):
        compile_filter(parse_encoded_query(text), resolve)


def every_operator_query() -> str:
    """A query using every operator, OR, NQ and both orderings."""
    return (
        "state=2^ORstate!=2^priority<3^priority<=3^priority>1^priority>=1^stateIN1,2"
        "^stateNOT IN6,7^NQshort_descriptionLIKE50%^short_descriptionNOT LIKEa_b"
        "^numberSTARTSWITHINC^numberENDSWITH1^assigned_toISEMPTY^ORassigned_toISNOTEMPTY"
        "^active=TRUE^categoryINnetwork,^ORDERBYstate^ORDERBYDESCnumber"
    )


def test_the_clauses_compile_for_postgresql() -> None:
    """The same clauses render for the PostgreSQL dialect, with ILIKE and NULLS FIRST."""
    query = parse_encoded_query(every_operator_query())
    where = compile_filter(query, resolve)
    assert where is not None
    statement = select(incident.c.number).where(where).order_by(*compile_order(query, resolve))
    sql = str(statement.compile(dialect=postgresql.dialect()))
    assert "ILIKE" in sql
    assert "ESCAPE '/'" in sql
    assert re.search(
        r"CAST\(nullif\(incident\.state, %\(\w+\)s::VARCHAR\) AS BIGINT\) ASC NULLS FIRST",
        sql,
    )


def test_every_operator_runs_on_sqlite(engine: Engine) -> None:
    """A query using every operator executes on SQLite and selects the expected incidents."""
    assert sorted(numbers(engine, every_operator_query())) == ["INC1", "INC2"]


def test_the_resolver_passes_columns_and_kinds_through() -> None:
    """column_resolver returns the table's column and its kind, "string" when none is given."""
    column: ColumnElement[Any]
    column, kind = resolve("state")
    assert (column, kind) == (incident.c.state, "integer")
    assert resolve("number") == (incident.c.number, "string")
