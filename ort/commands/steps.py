"""`ort steps`: the step vocabulary for test managers writing features."""

from __future__ import annotations

import argparse

from ort.step_catalogue import GLOSSARY, as_markdown, as_text, catalogue, glossary_with_steps

HELP = "print every step phrase with its parameters and an example, grouped by domain concept"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--grep", metavar="WORD", help="only phrases containing WORD")
    parser.add_argument(
        "--update-glossary",
        action="store_true",
        help=f"rewrite the step section of {GLOSSARY.name} from the step definitions",
    )


def main(args: argparse.Namespace) -> int:
    entries = catalogue()
    if args.update_glossary:
        GLOSSARY.write_text(glossary_with_steps(GLOSSARY.read_text(encoding="utf-8"), entries))
        print(f"{GLOSSARY}: {len(entries)} step phrases written.")
        return 0
    if args.grep:
        entries = [e for e in entries if args.grep.lower() in e.phrase.lower()]
    print(as_markdown(entries) if args.markdown else as_text(entries), end="")
    print(f"\n{len(entries)} step phrases.")
    return 0
