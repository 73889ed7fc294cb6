"""Errors raised while parsing or compiling a ServiceNow encoded query (`sysparm_query`)."""

from __future__ import annotations

from simulators.errors import SimulatorError


class QueryError(SimulatorError, ValueError):
    """Base of every encoded-query error; the desk answers any of them with HTTP 400 and str(error).

    Every message is one sentence that quotes the offending fragment of `sysparm_query` and says
    what is wrong with it.
    """

    fragment_noun = "term"

    def __init__(self, fragment: str, diagnosis: str) -> None:
        self.fragment = fragment
        self.diagnosis = diagnosis
        super().__init__(f"sysparm_query {self.fragment_noun} '{fragment}' {diagnosis}")


class MalformedQuery(QueryError):
    """Raised when the text is not a valid encoded query: a term with no operator or an unknown one,
    `^OR` or `^NQ` with no condition to join, a value given to an operator that takes none, or an
    ordering term that names no field."""


class UnsupportedQuery(QueryError):
    """Raised for valid ServiceNow constructs this desk refuses rather than silently widening the
    query: dot-walking, `javascript:` values and ServiceNow operators outside the desk's subset."""


class UnknownField(QueryError):
    """Raised when a condition or ordering names a field that the queried table does not have."""

    fragment_noun = "field"

    def __init__(self, field: str, table: str) -> None:
        self.field = field
        self.table = table
        super().__init__(field, f"is not a field of table '{table}'")


class InvalidValue(QueryError):
    """Raised when a condition compares a field with a value its kind cannot hold, such as a
    non-integer value for an integer field."""


class QueryTooLarge(QueryError):
    """Raised when a query has more terms than the desk evaluates in one statement."""

    def __init__(self, terms: int, most: int) -> None:
        self.fragment = f"{terms} terms"
        self.diagnosis = f"at most {most} are accepted"
        ValueError.__init__(self, f"sysparm_query has {terms} terms; at most {most} are accepted")
