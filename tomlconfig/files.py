"""Reading a TOML file or text into a mapping; a missing file or bad syntax is one sentence."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from tomlconfig.errors import TomlFileError
from tomlconfig.keys import ErrorType


def load_toml(path: Path | str, what: str, error: ErrorType = TomlFileError) -> dict[str, Any]:
    """Read the TOML file `what` (e.g. "roster") at `path`, raising `error` when it cannot."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{what} {path} cannot be read: {exc}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{what} {path} is not valid TOML: {exc}") from None


def parse_toml(text: str, source: str, error: ErrorType = TomlFileError) -> dict[str, Any]:
    """Parse TOML text that `source` names in the error, raising `error` on bad syntax."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{source}: not valid TOML: {exc}") from None
