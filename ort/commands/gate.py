"""`ort gate`: the release gate, an exit code from a results folder or a summary.json."""

from __future__ import annotations

import argparse
from pathlib import Path

from ort.errors import UserError
from ort.options import add_judging_files
from reports import GATE_CODES_HELP, ReportInputError, judge, stderr_progress

HELP = "judge a results folder or a summary.json against the exit criteria; exit with its code"

EPILOG = f"""\
Given a summary.json and no --criteria or --defects, the gate repeats the verdict recorded
in it. Given either file, it judges the summary's scenarios again (a file not given falls
back to its default in fixtures/defaults).

{GATE_CODES_HELP}"""


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `ort gate`."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument(
        "target",
        type=Path,
        metavar="RESULTS_OR_SUMMARY_JSON",
        help="an allure-results folder, or a summary.json from `ort report`",
    )
    add_judging_files(parser)
    parser.add_argument("--quiet", action="store_true", help="print no progress lines")


def main(args: argparse.Namespace) -> int:
    """Print the verdict and its reasons; return the gate's exit code."""
    progress = (lambda _: None) if args.quiet else stderr_progress
    try:
        result = judge(args.target, criteria=args.criteria, defects=args.defects, progress=progress)
    except ReportInputError as error:
        raise UserError(str(error)) from error
    print(f"Verdict: {result.verdict}")
    for reason in result.reasons:
        print(f"  - {reason}")
    print(f"Gate exit code: {result.exit_code}")
    return result.exit_code
