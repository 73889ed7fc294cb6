"""Options several `ort` commands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_judging_files(parser: argparse.ArgumentParser) -> None:
    """The exit criteria and the defect register a verdict is judged against."""
    parser.add_argument(
        "--criteria",
        type=Path,
        metavar="FILE",
        help="exit criteria TOML (default: fixtures/defaults/exit_criteria.toml)",
    )
    parser.add_argument(
        "--defects",
        type=Path,
        metavar="FILE",
        help="defect register TOML (default: fixtures/defaults/defects.toml)",
    )
