"""`ort report`: write the ORT exit report from an allure-results folder, optionally as a gate."""

from __future__ import annotations

import argparse
from pathlib import Path

from ort.errors import UserError
from ort.options import add_judging_files
from reports import (
    GATE_CODES_HELP,
    ReportInputError,
    ViewerError,
    generate_allure_html,
    stderr_progress,
    write_report,
)

HELP = "write the exit report (HTML, Markdown, PDF, summary.json, extract.csv) from allure-results"

EPILOG = f"""\
outputs (in --out): exit-report.html, exit-report.md, exit-report.pdf, summary.json,
extract.csv (the Test & Defect Extract), and allure-report.html with --allure-html.
Without --gate the command exits 0 once the report is written, whatever the verdict.

{GATE_CODES_HELP}

See docs/exit-report.md for the criteria file and the defect register."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `ort report`."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("results", type=Path, metavar="RESULTS", help="the allure-results folder")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="DIR",
        help="folder to write the report into (created if missing)",
    )
    add_judging_files(parser)
    parser.add_argument(
        "--previous",
        type=Path,
        metavar="SUMMARY",
        help="a previous run's summary.json, to show what changed",
    )
    parser.add_argument(
        "--gate",
        action="store_true",
        help="exit with the release gate's code (see below) after writing",
    )
    parser.add_argument(
        "--allure-html",
        action="store_true",
        help="also write Allure 3's single-file report, without analytics",
    )
    parser.add_argument("--quiet", action="store_true", help="print no progress lines")


def main(args: argparse.Namespace) -> int:
    """Write the report, print the verdict and where the report is; return 0 or the gate code."""
    progress = (lambda _: None) if args.quiet else stderr_progress
    try:
        outcome = write_report(
            args.results,
            args.out,
            criteria=args.criteria,
            defects=args.defects,
            previous=args.previous,
            progress=progress,
        )
        if args.allure_html:
            allure = generate_allure_html(args.results, args.out)
            progress(f"wrote {allure.name} (Allure 3, analytics removed)")
    except (ReportInputError, ViewerError) as error:
        raise UserError(str(error)) from error
    print(f"Verdict: {outcome.verdict}")
    for reason in outcome.reasons:
        print(f"  - {reason}")
    print(f"Report: {outcome.outputs['html']}")
    return outcome.exit_code if args.gate else 0
