"""Encoded-query errors: one sentence quoting the offending fragment and saying what is wrong."""

from __future__ import annotations

from simulators.query.errors import (
    InvalidValue,
    MalformedQuery,
    QueryError,
    UnknownField,
    UnsupportedQuery,
)


def test_a_query_error_quotes_the_term_and_gives_the_diagnosis() -> None:
    """The message is `sysparm_query term '<fragment>' <diagnosis>`."""
    error = MalformedQuery("stateXX1", "has no operator")

    assert str(error) == "sysparm_query term 'stateXX1' has no operator"
    assert (error.fragment, error.diagnosis) == ("stateXX1", "has no operator")


def test_an_unknown_field_names_the_field_and_the_table() -> None:
    """The fragment is the field, not the whole term."""
    error = UnknownField("colour", "incident")

    assert str(error) == "sysparm_query field 'colour' is not a field of table 'incident'"
    assert (error.field, error.table) == ("colour", "incident")


def test_every_query_error_is_a_value_error_the_desk_answers_with_400() -> None:
    """One base class for the API to catch."""
    for kind in (MalformedQuery, UnsupportedQuery, UnknownField, InvalidValue):
        assert issubclass(kind, QueryError)
    assert issubclass(QueryError, ValueError)
