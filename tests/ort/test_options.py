"""Options shared by several commands: the files a verdict is judged against."""

from __future__ import annotations

import argparse
from pathlib import Path

from ort.options import add_judging_files


def test_the_criteria_and_defect_files_are_optional_paths() -> None:
    """Without them the packaged defaults apply; given, each is read as a path."""
    parser = argparse.ArgumentParser()
    add_judging_files(parser)

    assert vars(parser.parse_args([])) == {"criteria": None, "defects": None}
    given = parser.parse_args(["--criteria", "c.toml", "--defects", "d.toml"])
    assert (given.criteria, given.defects) == (Path("c.toml"), Path("d.toml"))
