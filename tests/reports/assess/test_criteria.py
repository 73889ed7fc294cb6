"""Exit criteria: declared as data, documented in the shipped file, and loaded strictly."""

from __future__ import annotations

from pathlib import Path

import pytest

from reports.assess.criteria import DEFAULT_RULES, default_criteria, load_criteria
from reports.errors import CriteriaFileError
from reports.pipeline import DEFAULT_CRITERIA


def _criteria(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "criteria.toml"
    path.write_text(text)
    return path


def test_shipped_file_states_the_defaults() -> None:
    """fixtures/defaults/exit_criteria.toml holds exactly the built-in defaults."""
    loaded = load_criteria(DEFAULT_CRITERIA)
    assert loaded.rules == default_criteria().rules
    assert (loaded.conditional_go, loaded.out_of_scope_tags) == ("fail", ())


def test_shipped_file_comments_every_key() -> None:
    """Every key line in the shipped criteria file follows a comment line."""
    lines = DEFAULT_CRITERIA.read_text().splitlines()
    for index, line in enumerate(lines):
        if "=" in line and not line.startswith("#"):
            assert lines[index - 1].startswith("#"), f"line {index + 1} has no comment: {line}"


def test_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    """A partial file keeps the defaults for everything it does not set."""
    loaded = load_criteria(
        _criteria(
            tmp_path,
            (
                '[gate]\nconditional_go = "pass"\n[scope]\nout_of_scope_tags = ["manual"]\n'
                "[criteria.pass_rate]\nthreshold = 90\namber_threshold = 75.5\n"
                "[criteria.results_intact]\nenabled = false\n"
            ),
        )
    )
    rate = next(r for r in loaded.rules if r.key == "pass_rate")
    assert (rate.threshold, rate.amber_threshold) == (90.0, 75.5)
    assert loaded.conditional_go == "pass" and loaded.out_of_scope_tags == ("manual",)
    assert [r.key for r in loaded.enabled] == [r.key for r in DEFAULT_RULES][:-1]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '[gate]\nconditional_go = "maybe"\n',
            r"key 'gate\.conditional_go' has value 'maybe'; expected one of \"pass\", \"fail\"",
        ),
        (
            "[criteria.pass_rate]\nthreshold = 120\n",
            r"key 'criteria\.pass_rate\.threshold' has value 120; expected a number from 0 to 100",
        ),
        (
            "[criteria.pass_rate]\nthreshold = 80\namber_threshold = 90\n",
            r"key 'criteria\.pass_rate\.amber_threshold' has value 90\.0; expected a number no "
            r"greater than threshold \(80\)",
        ),
        (
            '[criteria.pass_rate]\ntag = "x"\n',
            r"unknown key 'criteria\.pass_rate\.tag'; known keys here: amber_threshold, enabled, "
            r"threshold",
        ),
        ("[criteria.speed]\nenabled = true\n", r"unknown key 'criteria\.speed'"),
        (
            "[criteria.blocking_defects]\nseverities = [0]\n",
            r"key 'criteria\.blocking_defects\.severities' has value \[0\]",
        ),
        (
            '[criteria.mandatory_passed]\non_miss = "purple"\n',
            r"key 'criteria\.mandatory_passed\.on_miss' has value 'purple'",
        ),
        (
            '[criteria.mandatory_passed]\ntag = "Must Pass"\n',
            r"key 'criteria\.mandatory_passed\.tag' has value 'Must Pass'",
        ),
        (
            "[criteria.all_executed]\nenabled = 1\n",
            r"key 'criteria\.all_executed\.enabled' has value 1; expected true or false",
        ),
        ("threshold = \n", r"is not valid TOML: .*line 1"),
    ],
)
def test_broken_criteria_file_names_file_key_and_value(
    tmp_path: Path, body: str, message: str
) -> None:
    """A mistake in the criteria file is one sentence with the file, the key and the value."""
    path = _criteria(tmp_path, body)
    with pytest.raises(CriteriaFileError, match=message) as caught:
        load_criteria(path)
    assert str(path) in str(caught.value)


def test_misspelt_section_is_refused_with_the_sections_a_criteria_file_has(tmp_path: Path) -> None:
    """[gates] is a typo for [gate], not a section to ignore."""
    with pytest.raises(
        CriteriaFileError,
        match=r"criteria\.toml: unknown section \[gates\]; did you mean \[gate\]\? "
        r"\(known sections here: criteria, gate, scope\)$",
    ):
        load_criteria(_criteria(tmp_path, '[gates]\nconditional_go = "pass"\n'))


def test_each_failure_class_has_its_own_default(tmp_path: Path) -> None:
    """Test defects and environment problems are AMBER by default; a file can make a test
    defect RED (NO-GO), and product defects keep their severity rules."""
    rules = {r.key: r for r in default_criteria().rules}
    assert (rules["no_test_defects"].on_miss, rules["no_environment_problems"].on_miss) == (
        "AMBER",
        "AMBER",
    )
    assert rules["blocking_defects"].severities == (1, 2)
    loaded = load_criteria(_criteria(tmp_path, '[criteria.no_test_defects]\non_miss = "red"\n'))
    assert next(r for r in loaded.rules if r.key == "no_test_defects").on_miss == "RED"
