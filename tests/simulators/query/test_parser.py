"""The encoded-query parser: `sysparm_query` text to an immutable syntax tree."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulators.query.errors import MalformedQuery, QueryError, QueryTooLarge, UnsupportedQuery
from simulators.query.parser import (
    NO_QUERY,
    OPERATORS,
    UNSUPPORTED_OPERATORS,
    VALUELESS_OPERATORS,
    Condition,
    EncodedQuery,
    Ordering,
    parse_encoded_query,
)


def only_condition(text: str) -> Condition:
    """Parse a one-condition query and return its condition."""
    [[[condition]]] = parse_encoded_query(text).disjuncts
    return condition


@pytest.mark.parametrize("text", [None, "", "^", "^^^", "EQ", "^EQ"])
def test_an_empty_query_means_no_filter_and_no_ordering(text: str | None) -> None:
    """None, '' and queries of only empty or EQ terms parse to the empty query."""
    assert parse_encoded_query(text) == NO_QUERY
    assert NO_QUERY.fields == frozenset()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("number=INC0010001", Condition("number", "=", "INC0010001")),
        ("state!=7", Condition("state", "!=", "7")),
        ("short_descriptionLIKEdip", Condition("short_description", "LIKE", "dip")),
        ("short_descriptionNOT LIKEdip", Condition("short_description", "NOT LIKE", "dip")),
        ("numberSTARTSWITHINC", Condition("number", "STARTSWITH", "INC")),
        ("numberENDSWITH01", Condition("number", "ENDSWITH", "01")),
        ("stateIN1,2,3", Condition("state", "IN", "1,2,3")),
        ("stateNOT IN6,7", Condition("state", "NOT IN", "6,7")),
        ("assigned_toISEMPTY", Condition("assigned_to", "ISEMPTY", "")),
        ("assigned_toISNOTEMPTY", Condition("assigned_to", "ISNOTEMPTY", "")),
        ("priority<3", Condition("priority", "<", "3")),
        ("priority<=2", Condition("priority", "<=", "2")),
        ("priority>1", Condition("priority", ">", "1")),
        ("priority>=-5", Condition("priority", ">=", "-5")),
    ],
)
def test_each_operator_is_read_directly_after_the_field_name(
    text: str, expected: Condition
) -> None:
    """Every supported operator parses to its canonical text with the value that follows it."""
    assert only_condition(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("categoryIN1,2", Condition("category", "IN", "1,2")),
        ("u_origin_2IN1", Condition("u_origin_2", "IN", "1")),
        ("descriptionLIKEdesc", Condition("description", "LIKE", "desc")),
        ("short_description=a=b", Condition("short_description", "=", "a=b")),
        ("short_descriptionLIKENOT IN", Condition("short_description", "LIKE", "NOT IN")),
        ("short_description=LIKE", Condition("short_description", "=", "LIKE")),
        ("state=>1", Condition("state", "=", ">1")),
        (
            "sys_created_on>=2024-03-01 09:00:00",
            Condition("sys_created_on", ">=", "2024-03-01 09:00:00"),
        ),
        ("short_description=", Condition("short_description", "=", "")),
        ("close_notes=1.5 MWh", Condition("close_notes", "=", "1.5 MWh")),
    ],
)
def test_the_operator_is_the_longest_one_after_the_field_name(
    text: str, expected: Condition
) -> None:
    """Field names end where an operator starts; operator words inside values are values."""
    assert only_condition(text) == expected


def test_or_binds_tighter_than_and() -> None:
    """`a=1^b=2^ORc=3` means a=1 AND (b=2 OR c=3)."""
    query = parse_encoded_query("a=1^b=2^ORc=3")
    assert query.disjuncts == (
        ((Condition("a", "=", "1"),), (Condition("b", "=", "2"), Condition("c", "=", "3"))),
    )


def test_nq_starts_a_new_query_ored_with_everything_before() -> None:
    """`a=1^b=2^NQc=3^ORd=4` means (a=1 AND b=2) OR (c=3 OR d=4)."""
    query = parse_encoded_query("a=1^b=2^NQc=3^ORd=4")
    assert query.disjuncts == (
        ((Condition("a", "=", "1"),), (Condition("b", "=", "2"),)),
        ((Condition("c", "=", "3"), Condition("d", "=", "4")),),
    )


def test_a_bare_nq_term_starts_a_new_query_with_the_next_condition() -> None:
    """`a=1^NQ^b=2` is the same query as `a=1^NQb=2`."""
    assert parse_encoded_query("a=1^NQ^b=2") == parse_encoded_query("a=1^NQb=2")


def test_ordering_terms_keep_their_order_of_appearance_wherever_they_stand() -> None:
    """ORDERBY and ORDERBYDESC terms may stand anywhere and do not break an OR-group."""
    query = parse_encoded_query("ORDERBYDESCpriority^a=1^ORDERBYnumber^ORb=2^ORDERBYdescription")
    assert query.disjuncts == (((Condition("a", "=", "1"), Condition("b", "=", "2")),),)
    assert query.orderings == (
        Ordering("priority", descending=True),
        Ordering("number", descending=False),
        Ordering("description", descending=False),
    )


def test_empty_and_eq_terms_are_ignored() -> None:
    """Leading, trailing and doubled `^` and the EQ marker change nothing."""
    assert parse_encoded_query("^a=1^^b=2^EQ^") == parse_encoded_query("a=1^b=2")


def test_fields_lists_every_field_named_by_conditions_and_orderings() -> None:
    """The fields property collects condition fields from every disjunct and ordering fields."""
    query = parse_encoded_query("a=1^ORbISEMPTY^NQc=3^ORDERBYd^ORDERBYDESCa")
    assert query.fields == frozenset({"a", "b", "c", "d"})


def test_the_syntax_tree_is_immutable() -> None:
    """Conditions, orderings and queries are frozen records."""
    query = parse_encoded_query("a=1^ORDERBYa")
    with pytest.raises(dataclasses.FrozenInstanceError):
        query.orderings[0].descending = True  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        only_condition("a=1").value = "2"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            "active=true^caller_id.name=Bob",
            UnsupportedQuery,
            r"^sysparm_query term 'caller_id\.name=Bob' uses dot-walking, "
            r"which this desk does not support$",
        ),
        ("a=1^ORcaller_id.name=Bob", UnsupportedQuery, r"'ORcaller_id\.name=Bob' uses dot-walking"),
        (
            "ORDERBYcaller_id.name",
            UnsupportedQuery,
            r"'ORDERBYcaller_id\.name' orders by a dot-walked",
        ),
        (
            "assigned_to=javascript:gs.getUserID()",
            UnsupportedQuery,
            r"'assigned_to=javascript:gs\.getUserID\(\)' contains a javascript: expression",
        ),
        ("a=1^bLIKEJavaScript:x", UnsupportedQuery, r"'bLIKEJavaScript:x' contains a javascript:"),
        ("sys_class_nameINSTANCEOFtask", UnsupportedQuery, r"uses operator INSTANCEOF, which this"),
        ("opened_atONToday@javascript", UnsupportedQuery, r"'opened_atONToday@javascript'"),
        ("opened_atBETWEEN1@2", UnsupportedQuery, r"uses operator BETWEEN"),
        ("active", MalformedQuery, r"'active' has no operator after field 'active' \(expected"),
        (
            "a=1^stateXX3",
            MalformedQuery,
            r"'stateXX3' has an unknown operator at 'XX3' after field",
        ),
        ("statelike3", MalformedQuery, r"'statelike3' has no operator after field 'statelike3'"),
        ("Priority=1", MalformedQuery, r"'Priority=1' does not start with a field name"),
        ("=1", MalformedQuery, r"'=1' does not start with a field name"),
        (" a=1", MalformedQuery, r"' a=1' does not start with a field name"),
        ("ORa=1", MalformedQuery, r"'ORa=1' joins a condition with OR but has no condition before"),
        ("ORDERBYa^ORb=1", MalformedQuery, r"'ORb=1' joins a condition with OR but has no"),
        ("a=1^NQORb=1", MalformedQuery, r"'NQORb=1' does not start with a field name"),
        ("a=1^OR", MalformedQuery, r"'OR' joins with OR but gives no condition after OR"),
        ("NQa=1", MalformedQuery, r"'NQa=1' starts a new query \(NQ\) with no condition before it"),
        ("a=1^NQ^NQb=2", MalformedQuery, r"'NQb=2' starts a new query \(NQ\) with no condition"),
        ("a=1^NQ^ORDERBYa", MalformedQuery, r"'NQ' starts a new query with no condition after it"),
        ("aISEMPTYx", MalformedQuery, r"'aISEMPTYx' gives value 'x' to ISEMPTY, which takes no"),
        ("aISNOTEMPTY0", MalformedQuery, r"gives value '0' to ISNOTEMPTY, which takes no value"),
        ("ORDERBY", MalformedQuery, r"'ORDERBY' orders by '', which is not a field name"),
        ("ORDERBYDESCNumber", MalformedQuery, r"orders by 'Number', which is not a field name"),
    ],
)
def test_refused_queries_name_the_offending_term(
    text: str, error: type[QueryError], message: str
) -> None:
    """Unsupported and malformed terms raise a QueryError that quotes the term and says why."""
    with pytest.raises(error, match=message) as raised:
        parse_encoded_query(text)
    assert isinstance(raised.value, ValueError)


ALL_OPERATORS = (*OPERATORS, *UNSUPPORTED_OPERATORS)


def extends_operator(operator: str, value: str) -> bool:
    """Whether `value` would make `operator` read as a longer ServiceNow operator."""
    written = operator + value
    return any(
        len(other) > len(operator) and other.startswith(operator) and written.startswith(other)
        for other in ALL_OPERATORS
    )


fields = st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True)


values = st.text(st.characters(codec="utf-8", exclude_characters="^"), max_size=10).filter(
    lambda value: "javascript:" not in value.lower()
)


valued_conditions = st.builds(
    Condition,
    field=fields,
    operator=st.sampled_from(sorted(set(OPERATORS) - VALUELESS_OPERATORS)),
    value=values,
).filter(lambda condition: not extends_operator(condition.operator, condition.value))


valueless_conditions = st.builds(
    Condition,
    field=fields,
    operator=st.sampled_from(sorted(VALUELESS_OPERATORS)),
    value=st.just(""),
)


conditions = valued_conditions | valueless_conditions


groups = st.lists(conditions, min_size=1, max_size=3).map(tuple)


disjuncts = st.lists(groups, min_size=1, max_size=3).map(tuple)


queries = st.builds(
    EncodedQuery,
    disjuncts=st.lists(disjuncts, max_size=3).map(tuple),
    orderings=st.lists(st.builds(Ordering, field=fields, descending=st.booleans()), max_size=3).map(
        tuple
    ),
)


def encode(query: EncodedQuery, ordering_slots: list[int], blank_slots: list[int]) -> str:
    """Write `query` as ServiceNow would, with orderings and empty terms at the given slots."""
    terms: list[str] = []
    for disjunct_index, disjunct in enumerate(query.disjuncts):
        for group_index, group in enumerate(disjunct):
            for condition_index, condition in enumerate(group):
                if condition_index:
                    prefix = "OR"
                elif disjunct_index and not group_index:
                    prefix = "NQ"
                else:
                    prefix = ""
                terms.append(f"{prefix}{condition.field}{condition.operator}{condition.value}")
    earliest = 0  # orderings keep their relative order
    for ordering, slot in zip(query.orderings, ordering_slots, strict=False):
        keyword = "ORDERBYDESC" if ordering.descending else "ORDERBY"
        position = earliest + slot % (len(terms) - earliest + 1)
        terms.insert(position, keyword + ordering.field)
        earliest = position + 1
    for slot in blank_slots:
        terms.insert(slot % (len(terms) + 1), "")
    return "^".join(terms)


@settings(max_examples=60, deadline=None)
@given(
    query=queries,
    ordering_slots=st.lists(st.integers(0, 20), min_size=3, max_size=3),
    blank_slots=st.lists(st.integers(0, 20), max_size=2),
)
def test_encoded_syntax_trees_parse_back_to_themselves(
    query: EncodedQuery, ordering_slots: list[int], blank_slots: list[int]
) -> None:
    """Any tree, encoded with orderings and empty terms anywhere among its terms, parses back."""
    assert parse_encoded_query(encode(query, ordering_slots, blank_slots)) == query


def test_a_query_of_more_terms_than_an_engine_nests_is_refused() -> None:
    """400 terms are read; the 401st is refused with the count, before any SQL is built."""
    assert len(parse_encoded_query("^".join(["active=true"] * 400)).disjuncts[0]) == 400
    with pytest.raises(QueryTooLarge, match=r"^sysparm_query has 401 terms; at most 400 are"):
        parse_encoded_query("^OR".join(["active=true"] * 401))
