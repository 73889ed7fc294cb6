"""One strict way to read a TOML settings file: the file, its keys, its values."""

from tomlconfig.errors import TomlConfigError, TomlFileError, TomlKeyError
from tomlconfig.files import load_toml, parse_toml
from tomlconfig.keys import ErrorType, check_keys
from tomlconfig.table import TomlTable

__all__ = [
    "ErrorType",
    "TomlConfigError",
    "TomlFileError",
    "TomlKeyError",
    "TomlTable",
    "check_keys",
    "load_toml",
    "parse_toml",
]
