"""Reading a TOML file or text: a missing file or bad syntax is one sentence naming it."""

from pathlib import Path

import pytest

from tomlconfig import TomlFileError, load_toml, parse_toml


class PartyFileError(Exception):
    """A caller's own error class."""


def test_a_file_is_read_into_a_mapping(tmp_path: Path) -> None:
    """Tables become nested dictionaries."""
    path = tmp_path / "roster.toml"
    path.write_text('central = "elexon"\n[[parties]]\nid = "northvale"\n', encoding="utf-8")
    assert load_toml(path, "roster") == {"central": "elexon", "parties": [{"id": "northvale"}]}


def test_a_missing_file_is_named_with_what_it_is(tmp_path: Path) -> None:
    """The sentence says which file was wanted and for what."""
    with pytest.raises(TomlFileError, match=r"^roster .*absent\.toml does not exist$"):
        load_toml(tmp_path / "absent.toml", "roster")


def test_a_folder_cannot_be_read(tmp_path: Path) -> None:
    """A path that is not a readable file says why."""
    with pytest.raises(TomlFileError, match=r"^desk configuration .* cannot be read: "):
        load_toml(tmp_path, "desk configuration")


def test_bad_syntax_names_the_file_and_line(tmp_path: Path) -> None:
    """The parser's line and column are kept."""
    path = tmp_path / "desk.toml"
    path.write_text("[desk]\nid = \n", encoding="utf-8")
    with pytest.raises(TomlFileError, match=r"desk\.toml is not valid TOML: .*line 2"):
        load_toml(path, "desk configuration")


def test_the_caller_chooses_the_error_class(tmp_path: Path) -> None:
    """Each package raises its own error type, so its callers catch what they know."""
    with pytest.raises(PartyFileError, match="does not exist"):
        load_toml(tmp_path / "absent.toml", "roster", PartyFileError)


def test_text_is_parsed_under_a_source_name() -> None:
    """Text has no path: the caller names it."""
    assert parse_toml('name = "P1"', "inline") == {"name": "P1"}
    with pytest.raises(PartyFileError, match=r"^inline: not valid TOML: Invalid value"):
        parse_toml("name = ", "inline", PartyFileError)
