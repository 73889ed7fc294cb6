"""The defect register: strict loading, and matching failures to known or new defects."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reports.assess.classification import Outcome
from reports.assess.defects import join_defects, load_register
from reports.errors import DefectRegisterError
from reports.pipeline import DEFAULT_DEFECTS
from tests.reports.support import scenario

KNOWN = """
[[defect]]
id = "DEF-0042"
title = "Hand-off to the LDSO desk drops the MPAN"
severity = 2
status = "open"
owner = "ldso"
workaround = "The LDSO desk re-keys the MPAN from the work note"
accepted_by = "ORT test manager, 2026-06-20"
scenarios = ["ort_inc_002"]

[[defect]]
id = "DEF-0007"
title = "Problem state lags"
severity = 3
status = "closed"
owner = "elexon"
plan = "Fixed in 3.1"
scenarios = ["ort_prb_002", "ort_prb_099"]
"""


def _register(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "defects.toml"
    path.write_text(text)
    return path


def test_default_register_is_empty() -> None:
    """The shipped register documents its keys and lists no defect."""
    assert load_register(DEFAULT_DEFECTS) == ()


def test_register_entries_are_read(tmp_path: Path) -> None:
    """Every documented key of a [[defect]] is read."""
    first, second = load_register(_register(tmp_path, KNOWN))
    assert first.defect_id == "DEF-0042" and first.workaround_accepted and first.is_open
    assert second.status == "closed" and not second.is_open
    assert second.scenarios == ("ort_prb_002", "ort_prb_099")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'colour = "red"\n[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 1\n',
            r"unknown key 'colour'",
        ),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 5\n',
            r"key 'defect\[0\]\.severity' has value 5; expected a whole number from 1 to 4",
        ),
        ('[[defect]]\nid = "D1"\ntitle = "t"\n', r"key 'defect\[0\]\.severity' is missing"),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 2\nowner = "acme"\n',
            r"key 'defect\[0\]\.owner' has value 'acme'; expected one of",
        ),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 2\nstatus = "done"\n',
            r"key 'defect\[0\]\.status' has value 'done'",
        ),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 2\nscenarios = ["CPSD-01"]\n',
            r"key 'defect\[0\]\.scenarios' has value \['CPSD-01'\]; expected a list of scenario id",
        ),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 2\naccepted_by = "Ann"\n',
            r"key 'defect\[0\]\.accepted_by' has value 'Ann'; expected a workaround to accept",
        ),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 2\nwibble = 1\n',
            r"unknown key 'defect\[0\]\.wibble'",
        ),
        (
            '[[defect]]\nid = "D1"\ntitle = "t"\nseverity = 2\n[[defect]]\nid = "D1"\ntitle = "u"\n'
            "severity = 3\n",
            r"key 'defect\[1\]\.id' has value 'D1', which an earlier defect",
        ),
        (
            '[[defect]]\nid = "NEW-1"\ntitle = "t"\nseverity = 2\n',
            r"key 'defect\[0\]\.id' has value 'NEW-1'",
        ),
        ("[[defect]\n", r"is not valid TOML"),
    ],
)
def test_broken_register_names_file_key_and_value(tmp_path: Path, body: str, message: str) -> None:
    """A mistake in the register is one sentence naming the file, the key and the value."""
    path = _register(tmp_path, body)
    with pytest.raises(DefectRegisterError, match=message) as caught:
        load_register(path)
    assert str(path) in str(caught.value)


def test_missing_register_is_refused(tmp_path: Path) -> None:
    """A register path that does not exist is named."""
    with pytest.raises(DefectRegisterError, match=r"defect register .*absent.toml does not exist"):
        load_register(tmp_path / "absent.toml")


def test_failures_match_known_defects_and_others_become_new(tmp_path: Path) -> None:
    """A failure linked by the register maps to that defect; an unlinked one is new."""
    register = load_register(_register(tmp_path, KNOWN))
    run = (
        scenario("ort_inc_002"),
        scenario("ort_inc_003", Outcome.BLOCKED, severity=1, parties=("mss", "supplier")),
        scenario("ort_inc_001", Outcome.PASSED),
    )
    book = join_defects(register, run, "defects.toml")
    assert [d.defect_id for d in book.of(run[0])] == ["DEF-0042"]
    (new,) = book.of(run[1])
    assert (new.defect_id, new.severity, new.status, new.owner, new.new) == (
        "NEW-ort_inc_003",
        1,
        "new",
        "mss",
        True,
    )
    assert new.title == "Title ort_inc_003: Then it works"
    assert book.of(run[2]) == ()
    assert book.covered_by_workaround(run[0]) and not book.covered_by_workaround(run[1])


def test_closed_defect_whose_scenario_still_fails_is_reopened(tmp_path: Path) -> None:
    """The register says closed, the run says failing: the report shows it reopened."""
    register = load_register(_register(tmp_path, KNOWN))
    book = join_defects(register, (scenario("ort_prb_002"),), "defects.toml")
    defect = next(d for d in book.defects if d.defect_id == "DEF-0007")
    assert defect.status == "reopened" and defect.is_open
    assert defect.failing == ("ort_prb_002",)
    assert "register says closed, but ort_prb_002 still fail" in defect.notes[0]
    assert "not in this run: ort_prb_099" in defect.notes


def test_open_defect_whose_scenarios_all_pass_suggests_closing(tmp_path: Path) -> None:
    """An open defect none of whose linked scenarios fails any more is flagged for closing."""
    register = load_register(_register(tmp_path, KNOWN))
    book = join_defects(register, (scenario("ort_inc_002", Outcome.PASSED),), "defects.toml")
    defect = next(d for d in book.defects if d.defect_id == "DEF-0042")
    assert defect.notes == ("every linked scenario passed in this run: consider closing",)


def test_failing_examples_of_one_outline_share_one_new_defect() -> None:
    """Two failing examples with the same id raise one new defect at the graver severity."""
    first = replace(scenario("ort_inc_005", severity=3), key="k1")
    second = replace(scenario("ort_inc_005", Outcome.BLOCKED, severity=2), key="k2")
    book = join_defects((), (first, second), "register")
    (defect,) = book.defects
    assert (defect.defect_id, defect.severity) == ("NEW-ort_inc_005", 2)
    assert defect.title.endswith("(2 examples)")
    assert book.of(first) == book.of(second) == (defect,)


def test_shipped_register_documents_every_key() -> None:
    """The default register's header explains each key a [[defect]] may hold."""
    text = DEFAULT_DEFECTS.read_text()
    for key in (
        "id",
        "title",
        "severity",
        "status",
        "owner",
        "workaround",
        "accepted_by",
        "plan",
        "scenarios",
    ):
        assert f"#   {key} " in text, key


def test_misspelt_defect_table_is_refused_with_the_table_a_register_has(tmp_path: Path) -> None:
    """[[defects]] is a typo for [[defect]], not an empty register."""
    with pytest.raises(
        DefectRegisterError,
        match=r"unknown key 'defects'; did you mean 'defect'\? \(known keys here: defect\)$",
    ):
        load_register(_register(tmp_path, '[[defects]]\nid = "D1"\ntitle = "t"\nseverity = 1\n'))
