"""A TOML table read strictly: typed takes, defaults for absent keys, leftovers refused."""

from pathlib import Path

import pytest

from tomlconfig import TomlKeyError, TomlTable


class CriteriaError(Exception):
    """A caller's own error class."""


def table(data: dict[str, object], prefix: str = "") -> TomlTable:
    return TomlTable(Path("criteria.toml"), prefix, data, CriteriaError)


def test_absent_keys_read_as_their_defaults() -> None:
    """Nothing is required unless said so."""
    empty = table({})
    assert empty.take_bool("enabled", True) is True
    assert empty.take_percent("threshold", 95.0) == 95.0
    assert empty.take_int("severity", None, 1, 4) is None
    assert empty.take_list("tags", ("manual",), lambda v: isinstance(v, str), "tags") == ("manual",)
    empty.finish()


def test_present_keys_are_checked_and_consumed() -> None:
    """Each take returns the value and leaves nothing behind."""
    rule = table({"enabled": False, "threshold": 90, "on_miss": "red", "title": "Pass"})
    assert (rule.take_bool("enabled", True), rule.take_percent("threshold", 0)) == (False, 90.0)
    assert rule.take_choice("on_miss", "amber", ("red", "amber")) == "red"
    assert rule.take_str("title", required=True) == "Pass"
    assert rule.keys() == ()
    rule.finish()


@pytest.mark.parametrize(
    ("data", "take", "message"),
    [
        (
            {"enabled": 1},
            lambda t: t.take_bool("enabled", True),
            r"key 'gate\.enabled' has value 1; expected true or false",
        ),
        (
            {"threshold": 120},
            lambda t: t.take_percent("threshold", 95.0),
            r"key 'gate\.threshold' has value 120; expected a number from 0 to 100",
        ),
        (
            {"severity": True},
            lambda t: t.take_int("severity", None, 1, 4),
            r"key 'gate\.severity' has value True; expected a whole number from 1 to 4",
        ),
        (
            {"go": "maybe"},
            lambda t: t.take_choice("go", "fail", ("pass", "fail")),
            r"key 'gate\.go' has value 'maybe'; expected one of \"pass\", \"fail\"",
        ),
        ({}, lambda t: t.take_str("id", required=True), r"key 'gate\.id' is missing"),
        (
            {"sub": 3},
            lambda t: t.take_table("sub"),
            r"key 'gate\.sub' has value 3; expected a table",
        ),
    ],
)
def test_a_bad_value_names_file_dotted_key_value_and_what_was_expected(
    data: dict[str, object], take, message: str
) -> None:
    """One sentence in the caller's error class."""
    with pytest.raises(CriteriaError, match=r"^criteria\.toml: " + message):
        take(table(data, "gate"))


def test_a_leftover_key_is_refused_with_the_keys_this_table_takes() -> None:
    """A typo is not silently ignored."""
    gate = table({"conditional_goo": "pass"}, "gate")
    gate.take_choice("conditional_go", "fail", ("pass", "fail"))
    with pytest.raises(
        CriteriaError,
        match=r"^criteria\.toml: unknown key 'gate\.conditional_goo'; did you mean "
        r"'conditional_go'\? \(known keys here: conditional_go\)$",
    ):
        gate.finish()


def test_a_leftover_top_level_table_is_an_unknown_section() -> None:
    """At the top, a misspelt [gate] is named as a section."""
    root = table({"gates": {"conditional_go": "pass"}})
    root.take_table("gate")
    root.take_table("criteria")
    with pytest.raises(CriteriaError, match=r"unknown section \[gates\]; did you mean \[gate\]\?"):
        root.finish()


def test_sub_tables_carry_the_dotted_prefix() -> None:
    """A nested table's keys are named in full."""
    rule = table({"criteria": {"pass_rate": {"speed": 1}}}).take_table("criteria")
    with pytest.raises(CriteriaError, match=r"unknown key 'criteria\.pass_rate\.speed'"):
        rule.take_table("pass_rate").finish()


def test_without_an_error_class_the_reader_raises_its_own() -> None:
    """The default error is the reader's TomlKeyError."""
    with pytest.raises(TomlKeyError, match="unknown key 'x'"):
        TomlTable("f.toml", "", {"x": 1}).finish()
