"""The `ort` command line: one sub-command per entry of COMMANDS, mistakes in one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from ort import cli
from ort.commands import COMMANDS


def test_every_listed_command_is_offered_with_its_help(capsys: pytest.CaptureFixture[str]) -> None:
    """`ort --help` lists each sub-command of COMMANDS."""
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])

    assert exited.value.code == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert name in out


def test_a_command_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command, argparse's usage error exits 2."""
    with pytest.raises(SystemExit) as exited:
        cli.main([])

    assert exited.value.code == 2
    assert "the following arguments are required: COMMAND" in capsys.readouterr().err


def test_an_unknown_command_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """A misspelt command names the choices."""
    with pytest.raises(SystemExit) as exited:
        cli.main(["serv"])

    assert exited.value.code == 2
    assert "invalid choice: 'serv'" in capsys.readouterr().err


def test_extra_arguments_are_refused_unless_the_command_takes_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`ort steps --bogus` is a usage error naming the stray argument."""
    with pytest.raises(SystemExit) as exited:
        cli.main(["steps", "--bogus"])

    assert exited.value.code == 2
    assert "unrecognised arguments: --bogus" in capsys.readouterr().err


def test_a_user_mistake_is_one_sentence_and_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A UserError from a command prints `ort <command>: <sentence>` on stderr, no traceback."""
    missing = tmp_path / "no-results"

    assert cli.main(["gate", str(missing), "--quiet"]) == cli.EXIT_USAGE

    err = capsys.readouterr().err
    assert err.startswith("ort gate: ") and str(missing) in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_command_returns_its_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    """What the command's main returns is the process's exit code."""
    assert cli.main(["lifecycles"]) == 0
    assert capsys.readouterr().out
