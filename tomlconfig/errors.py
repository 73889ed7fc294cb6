"""Errors the reader raises when its caller names no error class of its own."""

from __future__ import annotations


class TomlConfigError(Exception):
    """Base class: a TOML settings file cannot be used as it stands."""


class TomlFileError(TomlConfigError):
    """The file does not exist, cannot be read, or is not valid TOML."""


class TomlKeyError(TomlConfigError):
    """A key is unknown or missing, or holds a value of the wrong type or out of range."""
