"""`ort lifecycles`: the transition table of every process, as the desk enforces it."""

from __future__ import annotations

import argparse

from ort.lifecycle_docs import LIFECYCLES_DOC, render_all

HELP = "print every state machine as a transition table (--update rewrites docs/lifecycles.md)"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--update", action="store_true", help=f"rewrite {LIFECYCLES_DOC.name}")


def main(args: argparse.Namespace) -> int:
    text = render_all()
    if args.update:
        LIFECYCLES_DOC.write_text(text, encoding="utf-8")
        print(f"{LIFECYCLES_DOC}: written.")
    else:
        print(text, end="")
    return 0
