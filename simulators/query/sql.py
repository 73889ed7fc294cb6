"""Compile a parsed encoded query to portable SQLAlchemy Core WHERE and ORDER BY clauses.

Storage model: one Text column per field, every value a string, empty values stored as '' (NULL is
treated as '' too). Semantics, chosen to match ServiceNow:

- `=` and `!=` compare exactly; `!=`, `NOT LIKE`, `NOT IN` and `<`, `<=`, `>`, `>=` never match an
  empty value (ServiceNow's `state!=6` does not return records whose state is empty).
  `field=` (empty value) matches empty values and `field!=` non-empty ones, like ISEMPTY/ISNOTEMPTY.
- `LIKE`, `NOT LIKE`, `STARTSWITH`, `ENDSWITH` are case-insensitive; `%` and `_` in the value are
  literal characters.
- `IN` / `NOT IN` split the value on commas; an empty item in an `IN` list matches empty values.
- "integer" fields compare and order numerically (CAST of the non-empty text to BIGINT), so "02"
  equals "2" and "-5" < "-1" < "0" < "3"; a query value that is not a whole number is refused.
- "boolean" fields compare case-insensitively ("TRUE" matches "true").
- Every other kind ("string", "choice", "reference", "datetime", and unknown kinds) compares as
  text; "YYYY-MM-DD HH:MM:SS" datetimes order correctly as text.
- Ordering puts empty values first ascending and last descending, as ServiceNow does.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, ColumnElement, Table, and_, cast, func, literal, or_

from simulators.query.errors import InvalidValue, UnknownField
from simulators.query.parser import Condition, EncodedQuery

FieldResolver = Callable[[str], tuple[ColumnElement[Any], str]]
"""Maps a field name to its column and kind; raises UnknownField for a field the table lacks."""

DEFAULT_KIND = "string"
_INTEGER_TEXT = re.compile(r"\s*[+-]?[0-9]+\s*")
_BIGINT_LIMIT = 2**63


@dataclass(frozen=True)
class KindRule:
    """How values of one field kind compare: numerically, case-insensitively, or as plain text."""

    numeric: bool = False
    case_insensitive: bool = False


KIND_RULES: Mapping[str, KindRule] = {
    "string": KindRule(),
    "choice": KindRule(),
    "reference": KindRule(),
    "datetime": KindRule(),
    "boolean": KindRule(case_insensitive=True),
    "integer": KindRule(numeric=True),
}


def column_resolver(table: Table, kinds: Mapping[str, str]) -> FieldResolver:
    """Return a resolver over `table`'s columns; fields missing from `kinds` are "string"."""

    def resolve(field: str) -> tuple[ColumnElement[Any], str]:
        if field not in table.c:
            raise UnknownField(field, table.name)
        return table.c[field], kinds.get(field, DEFAULT_KIND)

    return resolve


def compile_filter(query: EncodedQuery, resolve: FieldResolver) -> ColumnElement[bool] | None:
    """Return the WHERE clause for `query`, or None when it has no conditions."""
    if not query.disjuncts:
        return None
    return or_(
        *(
            and_(*(or_(*(_compile_condition(c, resolve) for c in group)) for group in disjunct))
            for disjunct in query.disjuncts
        )
    )


def compile_order(query: EncodedQuery, resolve: FieldResolver) -> list[ColumnElement[Any]]:
    """Return ORDER BY clauses for `query`'s orderings, in their order of appearance."""
    clauses: list[ColumnElement[Any]] = []
    for ordering in query.orderings:
        column, kind = resolve(ordering.field)
        key = _comparable(column, _rule(kind))
        # Only numbers can be NULL here (empty text is ''); NULLS FIRST/LAST keeps empty values
        # first ascending on PostgreSQL, which otherwise sorts NULL last.
        clauses.append(key.desc().nulls_last() if ordering.descending else key.asc().nulls_first())
    return clauses


def _compile_condition(condition: Condition, resolve: FieldResolver) -> ColumnElement[bool]:
    column, kind = resolve(condition.field)
    return _BUILDERS[condition.operator](_Operand(condition, column, kind))


@dataclass(frozen=True)
class _Operand:
    """A condition together with the column and kind its field resolved to."""

    condition: Condition
    column: ColumnElement[Any]
    kind: str

    @property
    def rule(self) -> KindRule:
        return _rule(self.kind)

    @property
    def text(self) -> ColumnElement[str]:
        return _text(self.column)

    @property
    def compared(self) -> ColumnElement[Any]:
        """The column as the kind compares it: number, lowercased text, or text."""
        return _comparable(self.column, self.rule)

    @property
    def items(self) -> list[str]:
        """The comma-separated items of an IN or NOT IN value."""
        return self.condition.value.split(",")

    def literal(self, value: str) -> Any:
        """Convert one query value to what `compared` is compared with."""
        if self.rule.numeric:
            return self._integer(value)
        if self.rule.case_insensitive:
            return value.lower()
        return value

    def _integer(self, value: str) -> int:
        if not _INTEGER_TEXT.fullmatch(value):
            raise InvalidValue(
                self.condition.text,
                f"compares integer field '{self.condition.field}' with '{value}', "
                "which is not a whole number",
            )
        number = int(value)
        if not -_BIGINT_LIMIT <= number < _BIGINT_LIMIT:
            raise InvalidValue(
                self.condition.text,
                f"compares integer field '{self.condition.field}' with {number}, "
                "which is outside the 64-bit range",
            )
        return number


def _rule(kind: str) -> KindRule:
    return KIND_RULES.get(kind, KIND_RULES[DEFAULT_KIND])


def _text(column: ColumnElement[Any]) -> ColumnElement[str]:
    return func.coalesce(column, literal(""))


def _comparable(column: ColumnElement[Any], rule: KindRule) -> ColumnElement[Any]:
    """The column as `rule` compares and orders it: number, lowercased text, or text."""
    if rule.numeric:
        return _number(column)
    if rule.case_insensitive:
        return func.lower(_text(column))
    return _text(column)


def _number(column: ColumnElement[Any]) -> ColumnElement[int]:
    # NULLIF first: PostgreSQL refuses to CAST '' to an integer.
    return cast(func.nullif(column, literal("")), BigInteger)


def _is_empty(operand: _Operand) -> ColumnElement[bool]:
    return operand.text == ""


def _is_not_empty(operand: _Operand) -> ColumnElement[bool]:
    return operand.text != ""


def _equals(operand: _Operand) -> ColumnElement[bool]:
    value = operand.condition.value
    if value == "":
        return _is_empty(operand)
    return operand.compared == operand.literal(value)


def _not_equals(operand: _Operand) -> ColumnElement[bool]:
    value = operand.condition.value
    if value == "":
        return _is_not_empty(operand)
    return and_(_is_not_empty(operand), operand.compared != operand.literal(value))


def _in(operand: _Operand) -> ColumnElement[bool]:
    present = [item for item in operand.items if item != ""]
    matches: list[ColumnElement[bool]] = []
    if present:
        matches.append(operand.compared.in_([operand.literal(item) for item in present]))
    if len(present) < len(operand.items):
        matches.append(_is_empty(operand))
    return or_(*matches)


def _not_in(operand: _Operand) -> ColumnElement[bool]:
    present = [item for item in operand.items if item != ""]
    if not present:
        return _is_not_empty(operand)
    excluded = operand.compared.not_in([operand.literal(item) for item in present])
    return and_(_is_not_empty(operand), excluded)


def _contains(operand: _Operand) -> ColumnElement[bool]:
    return operand.text.icontains(operand.condition.value, autoescape=True)


def _not_contains(operand: _Operand) -> ColumnElement[bool]:
    return and_(_is_not_empty(operand), ~_contains(operand))


def _starts_with(operand: _Operand) -> ColumnElement[bool]:
    return operand.text.istartswith(operand.condition.value, autoescape=True)


def _ends_with(operand: _Operand) -> ColumnElement[bool]:
    return operand.text.iendswith(operand.condition.value, autoescape=True)


def _ordered(compare: Callable[[Any, Any], Any]) -> Callable[[_Operand], ColumnElement[bool]]:
    def build(operand: _Operand) -> ColumnElement[bool]:
        bound = operand.literal(operand.condition.value)
        return and_(_is_not_empty(operand), compare(operand.compared, bound))

    return build


_BUILDERS: Mapping[str, Callable[[_Operand], ColumnElement[bool]]] = {
    "=": _equals,
    "!=": _not_equals,
    "LIKE": _contains,
    "NOT LIKE": _not_contains,
    "STARTSWITH": _starts_with,
    "ENDSWITH": _ends_with,
    "IN": _in,
    "NOT IN": _not_in,
    "ISEMPTY": _is_empty,
    "ISNOTEMPTY": _is_not_empty,
    "<": _ordered(operator.lt),
    "<=": _ordered(operator.le),
    ">": _ordered(operator.gt),
    ">=": _ordered(operator.ge),
}
