"""Strict reading of the report's TOML files: every key known, every value checked."""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from reports.errors import ReportInputError

ErrorType = type[ReportInputError]


def load_toml(path: Path, what: str, error: ErrorType) -> dict[str, Any]:
    """Read a TOML file, turning a missing file or a syntax error into one sentence."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{what} {path} cannot be read: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {path} is not valid TOML: {exc}") from None


class TomlTable:
    """One table of a TOML file; each `take_*` consumes a key, `finish` refuses leftovers."""

    def __init__(self, path: Path, prefix: str, data: dict[str, Any], error: ErrorType) -> None:
        self.path = path
        self.prefix = prefix
        self._data = dict(data)
        self._error = error
        self._known: set[str] = set()

    def name(self, key: str) -> str:
        """The dotted name of `key` in this table, as the file spells it."""
        return f"{self.prefix}.{key}" if self.prefix else key

    def fail(self, key: str, value: object, expected: str) -> ReportInputError:
        """Build the error for a bad value: file, key, value and what was expected."""
        return self._error(
            f"{self.path}: key '{self.name(key)}' has value {value!r}; expected {expected}"
        )

    def has(self, key: str) -> bool:
        """Whether the key is present and not yet consumed."""
        return key in self._data

    def take(self, key: str, default: Any, check: Callable[[Any], bool], expected: str) -> Any:
        """Consume a key, checking its value; the default stands in for an absent key."""
        self._known.add(key)
        if key not in self._data:
            return default
        value = self._data.pop(key)
        if not check(value):
            raise self.fail(key, value, expected)
        return value

    def take_str(self, key: str, default: str = "", *, required: bool = False) -> str:
        """Consume a string value."""
        self._known.add(key)
        if required and key not in self._data:
            raise self._error(f"{self.path}: key '{self.name(key)}' is missing; expected text")
        return str(self.take(key, default, lambda v: isinstance(v, str), "text in quotes"))

    def take_choice(self, key: str, default: str, choices: Iterable[str]) -> str:
        """Consume a string that must be one of `choices`."""
        allowed = tuple(choices)
        expected = "one of " + ", ".join(f'"{c}"' for c in allowed)
        return str(self.take(key, default, lambda v: v in allowed, expected))

    def take_bool(self, key: str, default: bool) -> bool:
        """Consume a boolean value."""
        return bool(self.take(key, default, lambda v: isinstance(v, bool), "true or false"))

    def take_percent(self, key: str, default: float) -> float:
        """Consume a percentage from 0 to 100."""
        return float(
            self.take(
                key,
                default,
                lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 100,
                "a number from 0 to 100",
            )
        )

    def take_int(self, key: str, default: int | None, low: int, high: int) -> int | None:
        """Consume an integer within [low, high]."""
        value = self.take(
            key,
            default,
            lambda v: isinstance(v, int) and not isinstance(v, bool) and low <= v <= high,
            f"a whole number from {low} to {high}",
        )
        return None if value is None else int(value)

    def take_list(
        self, key: str, default: tuple[Any, ...], item: Callable[[Any], bool], expected: str
    ) -> tuple[Any, ...]:
        """Consume a list whose every item passes `item`."""
        value = self.take(
            key,
            list(default),
            lambda v: isinstance(v, list) and all(item(i) for i in v),
            expected,
        )
        return tuple(value)

    def take_table(self, key: str) -> TomlTable:
        """Consume a sub-table (an absent one reads as empty)."""
        value = self.take(key, {}, lambda v: isinstance(v, dict), "a table")
        return TomlTable(self.path, self.name(key), value, self._error)

    def keys(self) -> tuple[str, ...]:
        """Keys not yet consumed."""
        return tuple(self._data)

    def finish(self) -> None:
        """Refuse any key left over: it is a typo or a setting this version does not know."""
        for key in self._data:
            names = ", ".join(sorted(self._known))
            hint = f"; known keys here: {names}" if names else ""
            raise self._error(f"{self.path}: unknown key '{self.name(key)}'{hint}")
