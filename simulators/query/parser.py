"""Parse a ServiceNow encoded query (`sysparm_query`) into an immutable syntax tree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from simulators.query.errors import MalformedQuery, QueryTooLarge, UnsupportedQuery

# Canonical operator text, as written between field name and value.
OPERATORS: tuple[str, ...] = (
    "=",
    "!=",
    "LIKE",
    "NOT LIKE",
    "STARTSWITH",
    "ENDSWITH",
    "IN",
    "NOT IN",
    "ISEMPTY",
    "ISNOTEMPTY",
    "<",
    "<=",
    ">",
    ">=",
)
VALUELESS_OPERATORS: frozenset[str] = frozenset({"ISEMPTY", "ISNOTEMPTY"})

# ServiceNow operators outside this desk's subset. They are recognised so that a term such as
# `classINSTANCEOFtask` is refused by name instead of being read as `IN` with value `STANCEOFtask`.
UNSUPPORTED_OPERATORS: tuple[str, ...] = (
    "ANYTHING",
    "BETWEEN",
    "CHANGESFROM",
    "CHANGESTO",
    "DATEPART",
    "DYNAMIC",
    "EMPTYSTRING",
    "GT_FIELD",
    "GT_OR_EQUALS_FIELD",
    "INSTANCEOF",
    "LESSTHAN",
    "LT_FIELD",
    "LT_OR_EQUALS_FIELD",
    "MORETHAN",
    "NOTON",
    "NSAMEAS",
    "ON",
    "RELATIVEEE",
    "RELATIVEGE",
    "RELATIVEGT",
    "RELATIVELE",
    "RELATIVELT",
    "SAMEAS",
    "VALCHANGES",
)

# Longest first, so that the first operator that prefixes the rest of a term is the longest one.
_OPERATORS_LONGEST_FIRST: tuple[str, ...] = tuple(
    sorted((*OPERATORS, *UNSUPPORTED_OPERATORS), key=len, reverse=True)
)

FIELD_PATTERN = re.compile(r"[a-z_][a-z0-9_]*")
_DOT_WALK = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)+")

TERM_SEPARATOR = "^"
MAX_TERMS = 400
"""More terms than this are refused: SQL engines limit how deep one expression may nest."""
OR_PREFIX = "OR"
NEW_QUERY_PREFIX = "NQ"
ORDER_BY_PREFIX = "ORDERBY"
ORDER_BY_DESC_PREFIX = "ORDERBYDESC"
END_OF_QUERY = "EQ"
_SCRIPT_MARKER = "javascript:"


@dataclass(frozen=True)
class Condition:
    """One comparison of a field with a value; `value` is '' for ISEMPTY and ISNOTEMPTY."""

    field: str
    operator: str
    value: str

    @property
    def text(self) -> str:
        """The condition as written in an encoded query, e.g. `stateIN1,2`."""
        return f"{self.field}{self.operator}{self.value}"


@dataclass(frozen=True)
class Ordering:
    """One ORDERBY or ORDERBYDESC term."""

    field: str
    descending: bool


@dataclass(frozen=True)
class EncodedQuery:
    """A parsed query: an OR of NQ-separated disjuncts, each an AND of OR-groups of conditions."""

    disjuncts: tuple[tuple[tuple[Condition, ...], ...], ...]
    orderings: tuple[Ordering, ...]

    @property
    def fields(self) -> frozenset[str]:
        """Every field named in a condition or an ordering."""
        named = {
            condition.field
            for disjunct in self.disjuncts
            for group in disjunct
            for condition in group
        }
        return frozenset(named | {ordering.field for ordering in self.orderings})


NO_QUERY = EncodedQuery(disjuncts=(), orderings=())


def parse_encoded_query(text: str | None) -> EncodedQuery:
    """Parse `text`; None or '' means no filter and no ordering.

    Raises MalformedQuery or UnsupportedQuery naming the first offending term.
    """
    if not text:
        return NO_QUERY
    terms = text.split(TERM_SEPARATOR)
    if len(terms) > MAX_TERMS:
        raise QueryTooLarge(len(terms), MAX_TERMS)
    builder = _QueryBuilder()
    for term in terms:
        builder.add(term)
    return builder.finish()


class _QueryBuilder:
    """Accumulates terms left to right into disjuncts, OR-groups and orderings."""

    def __init__(self) -> None:
        self._disjuncts: list[tuple[tuple[Condition, ...], ...]] = []
        self._groups: list[list[Condition]] = []
        self._orderings: list[Ordering] = []
        self._pending_new_query: str | None = None

    def add(self, term: str) -> None:
        """Fold one `^`-separated term into the query."""
        if term in ("", END_OF_QUERY):
            return
        if _SCRIPT_MARKER in term.lower():
            raise UnsupportedQuery(
                term, "contains a javascript: expression, which this desk does not evaluate"
            )
        if term.startswith(ORDER_BY_PREFIX):
            self._orderings.append(_parse_ordering(term))
        elif term.startswith(NEW_QUERY_PREFIX):
            self._start_new_query(term)
        elif term.startswith(OR_PREFIX):
            self._join_with_or(term)
        else:
            self._groups.append([_parse_condition(term, term)])
            self._pending_new_query = None

    def finish(self) -> EncodedQuery:
        """Return the finished query; refuses a trailing `^NQ` that starts an empty query."""
        if self._pending_new_query is not None:
            raise MalformedQuery(
                self._pending_new_query,
                "starts a new query with no condition after it, which would match every record",
            )
        self._close_disjunct()
        return EncodedQuery(disjuncts=tuple(self._disjuncts), orderings=tuple(self._orderings))

    def _start_new_query(self, term: str) -> None:
        if not self._groups:
            raise MalformedQuery(term, "starts a new query (NQ) with no condition before it")
        self._close_disjunct()
        rest = term.removeprefix(NEW_QUERY_PREFIX)
        if rest:
            self._groups.append([_parse_condition(rest, term)])
        else:
            self._pending_new_query = term

    def _join_with_or(self, term: str) -> None:
        if not self._groups:
            raise MalformedQuery(term, "joins a condition with OR but has no condition before it")
        rest = term.removeprefix(OR_PREFIX)
        if not rest:
            raise MalformedQuery(term, "joins with OR but gives no condition after OR")
        self._groups[-1].append(_parse_condition(rest, term))

    def _close_disjunct(self) -> None:
        if self._groups:
            self._disjuncts.append(tuple(tuple(group) for group in self._groups))
        self._groups = []


def _parse_ordering(term: str) -> Ordering:
    descending = term.startswith(ORDER_BY_DESC_PREFIX)
    field = term.removeprefix(ORDER_BY_DESC_PREFIX if descending else ORDER_BY_PREFIX)
    if _DOT_WALK.fullmatch(field):
        raise UnsupportedQuery(
            term, "orders by a dot-walked field, which this desk does not support"
        )
    if not FIELD_PATTERN.fullmatch(field):
        raise MalformedQuery(
            term, f"orders by '{field}', which is not a field name (lowercase letters, digits, _)"
        )
    return Ordering(field=field, descending=descending)


def _parse_condition(text: str, term: str) -> Condition:
    """Parse `text`, the condition part of `term` (which may carry an OR or NQ prefix)."""
    field_match = FIELD_PATTERN.match(text)
    if field_match is None:
        raise MalformedQuery(
            term, "does not start with a field name (lowercase letters, digits and _)"
        )
    field = field_match.group()
    rest = text[field_match.end() :]
    if rest.startswith("."):
        raise UnsupportedQuery(term, "uses dot-walking, which this desk does not support")
    operator = next((op for op in _OPERATORS_LONGEST_FIRST if rest.startswith(op)), None)
    if operator is None:
        problem = f"an unknown operator at '{rest}'" if rest else "no operator"
        raise MalformedQuery(
            term,
            f"has {problem} after field '{field}' (expected one of {', '.join(OPERATORS)})",
        )
    if operator in UNSUPPORTED_OPERATORS:
        raise UnsupportedQuery(term, f"uses operator {operator}, which this desk does not support")
    value = rest[len(operator) :]
    if operator in VALUELESS_OPERATORS and value:
        raise MalformedQuery(term, f"gives value '{value}' to {operator}, which takes no value")
    return Condition(field=field, operator=operator, value=value)
