"""Refusing a key or section the reader does not know, with the nearest known name as a hint."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from typing import Any

from tomlconfig.errors import TomlKeyError

ErrorType = type[Exception]
"""The error class a caller wants raised (its own, so its callers catch what they know)."""


def dotted(prefix: str, key: str) -> str:
    """The dotted name of `key` in the table named `prefix`, as the file spells it."""
    return f"{prefix}.{key}" if prefix else key


def check_keys(
    data: Mapping[str, Any],
    allowed: Iterable[str],
    *,
    where: str,
    prefix: str = "",
    sections: bool = False,
    error: ErrorType = TomlKeyError,
) -> None:
    """Refuse the first key of `data` not in `allowed`: `where` names the file (and place).

    With `sections`, a leftover whose value is a table is called a section ([name]).
    """
    known = sorted(set(allowed))
    for key, value in data.items():
        if key not in known:
            section = sections and isinstance(value, Mapping)
            raise error(f"{where}: {unknown_message(dotted(prefix, key), key, known, section)}")


def unknown_message(name: str, key: str, known: list[str], section: bool) -> str:
    """'unknown key 'a.b'; did you mean 'c'? (known keys here: …)', or the same for a section."""
    kind = "section" if section else "key"
    shown = f"[{name}]" if section else f"'{name}'"
    if not known:
        return f"unknown {kind} {shown}; this table takes no {kind}s"
    listing = f"known {kind}s here: {', '.join(known)}"
    guess = get_close_matches(key, known, n=1)
    if not guess:
        return f"unknown {kind} {shown}; {listing}"
    hint = f"[{dotted(name.rpartition('.')[0], guess[0])}]" if section else f"'{guess[0]}'"
    return f"unknown {kind} {shown}; did you mean {hint}? ({listing})"
