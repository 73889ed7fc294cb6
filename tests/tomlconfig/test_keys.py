"""Refusing unknown keys and sections: file, dotted key, the nearest known name, and the rest."""

import pytest

from tomlconfig import TomlKeyError, check_keys


class DeskFileError(Exception):
    """A caller's own error class."""


def test_known_keys_pass() -> None:
    """Nothing is refused when every key is allowed."""
    check_keys({"id": "elexon", "name": "Elexon"}, ("id", "name", "party"), where="desk.toml")


def test_an_unknown_key_names_file_dotted_key_and_what_is_allowed() -> None:
    """One sentence: where, which key, what the table takes."""
    with pytest.raises(
        TomlKeyError, match=r"^desk\.toml: unknown key 'desk\.colour'; known keys here: id, name$"
    ):
        check_keys({"colour": "red"}, ("name", "id"), where="desk.toml", prefix="desk")


def test_a_misspelt_key_suggests_the_nearest() -> None:
    """A near miss is a typo: the message says what was probably meant."""
    with pytest.raises(
        TomlKeyError,
        match=r"unknown key 'parties\[0\]\.mpid'; did you mean 'mpids'\? \(known keys here: ",
    ):
        check_keys({"mpid": []}, ("id", "mpids"), where="roster.toml", prefix="parties[0]")


def test_a_misspelt_section_is_named_as_a_section() -> None:
    """At the top level a table is a section, written as the file writes it."""
    with pytest.raises(
        DeskFileError,
        match=r"^desk\.toml: unknown section \[chnage\]; did you mean \[change\]\? "
        r"\(known sections here: change, desk, problem\)$",
    ):
        check_keys(
            {"chnage": {"notice_working_days": 5}},
            ("desk", "change", "problem"),
            where="desk.toml",
            sections=True,
            error=DeskFileError,
        )


def test_a_plain_value_at_the_top_is_still_a_key() -> None:
    """Only a table is called a section."""
    with pytest.raises(TomlKeyError, match=r"unknown key 'colour'; known keys here: defect$"):
        check_keys({"colour": "red"}, ("defect",), where="d.toml", sections=True)


def test_a_table_that_takes_nothing_says_so() -> None:
    """An empty allowance is stated, not listed."""
    with pytest.raises(TomlKeyError, match=r"unknown key 'x\.y'; this table takes no keys$"):
        check_keys({"y": 1}, (), where="f.toml", prefix="x")
