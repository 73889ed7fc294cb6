"""Encoded queries and sysparms: parsing ServiceNow's query language and compiling it to SQL."""

from simulators.query.errors import QueryError, UnknownField
from simulators.query.parser import parse_encoded_query
from simulators.query.sql import compile_filter, compile_order
from simulators.query.sysparms import Sysparms, read_sysparms

__all__ = [
    "QueryError",
    "Sysparms",
    "UnknownField",
    "compile_filter",
    "compile_order",
    "parse_encoded_query",
    "read_sysparms",
]
