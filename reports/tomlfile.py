"""The report's TOML files are read by the shared strict reader (`tomlconfig`)."""

from tomlconfig import TomlTable, load_toml

__all__ = ["TomlTable", "load_toml"]
