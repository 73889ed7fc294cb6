"""The step vocabulary: every step phrase with its parameters and an example from the features."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pytest_bdd import parsers
from pytest_bdd.steps import step_function_context_registry

from fixtures import FEATURES_DIR

_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>[^()]*(?:\([^()]*\)[^()]*)*)\)")
_OPTIONAL_WORDS = re.compile(r"\(\?P<\w+>(?P<body>[\w ,'-]+)\)\?")
"""An optional named group of plain words, e.g. (?P<own> on its own desk)?: shown as [words]."""
_OPTIONAL = re.compile(r"\(\?:(?P<body>[^()]*)\)\?")
_ALTERNATIVES = re.compile(r"\(\?:(?P<body>[^()]*)\)")
_PARSE_FIELD = re.compile(r"\{(?P<name>\w+)(?::[^}]*)?\}")
PARAMETER_HELP = {
    "party": "a party's name from the roster, e.g. Lanternfield Energy Supply",
    "group": "a resolver group's name, e.g. DIP Manager",
    "moment": "a London date and time, e.g. Friday 18 December 2026 at 17:30",
    "summary": "the incident's short description",
    "category": "a category's label, e.g. DIP outage",
    "code": "a resolution code, e.g. Solved (Permanently)",
    "notes": "free text",
    "text": "free text",
    "count": "a whole number",
    "amount": "a whole number",
    "priority": "1 to 5",
    "impact": "high | medium | low",
    "urgency": "high | medium | low",
    "interface": "a DIP interface id, e.g. IF-008",
    "mpan": "a 13-digit MPAN core with a valid check digit",
    "duration": "a duration, e.g. 10 minutes, 2 hours, 1 day",
    "keys": "the MPAN, the interface and the DIP transaction id (any of them)",
    "unit": "minute | hour | day | week",
    "reason": "free text",
    "question": "free text",
    "start": "a London date and time, e.g. Saturday 9 January 2027 at 22:00",
    "end": "a London date and time, e.g. Sunday 10 January 2027 at 02:00",
    "days": "a whole number of working days",
    "template": "a standard change template's name",
    "service": "a central service, e.g. DIP",
    "percent": "a whole number from 0 to 100",
}
_EXAMPLE_STEP = re.compile(r"^\s*(Given|When|Then|And|But)\s+(?P<text>.+?)\s*$")


@dataclass(frozen=True)
class StepEntry:
    """One step phrase as test managers read it."""

    concept: str
    kind: str
    phrase: str
    parameters: tuple[tuple[str, str], ...]
    example: str
    example_where: str


def _load(modules: Iterable[str]) -> None:
    for name in modules:
        importlib.import_module(name)


def step_modules() -> list[str]:
    """The step modules the root conftest registers."""
    root = FEATURES_DIR.parent
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    conftest = importlib.import_module("conftest")
    return [m for m in conftest.pytest_plugins if m.startswith("steps.")]


def readable(pattern: str, is_regex: bool) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A pattern as test managers read it, with its parameters and their values.

    'the incident is (?P<state>New|Closed)' gives 'the incident is <state>' and
    (('state', 'New | Closed'),).
    """
    parameters: list[tuple[str, str]] = []
    if not is_regex:
        phrase = _PARSE_FIELD.sub(lambda m: f"<{m['name']}>", pattern)
        names = [m["name"] for m in _PARSE_FIELD.finditer(pattern)]
        return phrase, tuple((n, PARAMETER_HELP.get(n, "text")) for n in names)

    def named(match: re.Match[str]) -> str:
        body = match["body"]
        values = " | ".join(v.replace("\\", "") for v in body.split("|")) if "|" in body else ""
        parameters.append((match["name"], values or PARAMETER_HELP.get(match["name"], "text")))
        return f"<{match['name']}>"

    phrase = pattern.strip("^$")
    phrase = _OPTIONAL_WORDS.sub(_optional, phrase)
    phrase = _GROUP.sub(named, phrase)
    phrase = _OPTIONAL.sub(_optional, phrase)
    phrase = _ALTERNATIVES.sub(lambda m: m["body"].replace("|", " / "), phrase)
    phrase = phrase.replace("\\", "").replace("?", "").replace("  ", " ")
    return phrase, tuple(parameters)


def _optional(match: re.Match[str]) -> str:
    """An optional part as [words], keeping the space on the side it was."""
    body = match["body"]
    before = " " if body.startswith(" ") else ""
    after = " " if body.endswith(" ") else ""
    return f"{before}[{body.strip()}]{after}"


def catalogue(modules: Sequence[str] | None = None) -> list[StepEntry]:
    """Every registered step, grouped by the module (domain concept) that defines it."""
    modules = list(modules or step_modules())
    _load(modules)
    examples = list(_feature_steps())
    order = {"given": 0, "when": 1, "then": 2}
    ranked = []
    for context in step_function_context_registry.values():
        module_name = context.step_func.__module__
        if module_name not in modules:
            continue
        module = sys.modules[module_name]
        concept = (module.__doc__ or module_name).strip().splitlines()[0]
        is_regex = isinstance(context.parser, parsers.re)
        phrase, parameters = readable(context.parser.name, is_regex)
        example, where = next(
            ((text, where) for text, where in examples if context.parser.is_matching(text)),
            ("", ""),
        )
        entry = StepEntry(concept, context.type or "step", phrase, parameters, example, where)
        ranked.append(((modules.index(module_name), order.get(entry.kind, 3), phrase), entry))
    return [entry for _, entry in sorted(ranked, key=lambda pair: pair[0])]


def _feature_steps() -> Iterable[tuple[str, str]]:
    for path in sorted(FEATURES_DIR.rglob("*.feature")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = _EXAMPLE_STEP.match(line)
            if match and "<" not in match["text"]:
                yield match["text"], f"{path.relative_to(FEATURES_DIR)}:{number}"


def as_markdown(entries: Sequence[StepEntry]) -> str:
    """The catalogue as Markdown: a section per concept, a row per phrase."""
    lines: list[str] = []
    concept = None
    for entry in entries:
        if entry.concept != concept:
            concept = entry.concept
            lines += ["", f"### {concept}", "", "| kind | phrase | parameters | example |"]
            lines.append("| --- | --- | --- | --- |")
        parameters = "; ".join(f"`{n}`: {v}" for n, v in entry.parameters) or "-"
        example = f"{entry.example} ({entry.example_where})" if entry.example else "-"
        lines.append(
            f"| {entry.kind.title()} | `{_cell(entry.phrase)}` | {_cell(parameters)} "
            f"| {_cell(example)} |"
        )
    return "\n".join(lines).strip() + "\n"


def as_text(entries: Sequence[StepEntry]) -> str:
    """The catalogue for a terminal."""
    lines: list[str] = []
    concept = None
    for entry in entries:
        if entry.concept != concept:
            concept = entry.concept
            lines += ["", concept, "-" * len(concept)]
        lines.append(f"  {entry.kind.title():<5} {entry.phrase}")
        for name, values in entry.parameters:
            lines.append(f"          <{name}>: {values}")
        if entry.example:
            lines.append(f"          e.g. {entry.example}   ({entry.example_where})")
    return "\n".join(lines).strip() + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


GLOSSARY = FEATURES_DIR / "GLOSSARY.md"
BEGIN = "<!-- steps: generated by `ort steps --update-glossary`; do not edit by hand -->"
END = "<!-- end of generated steps -->"


def glossary_with_steps(glossary: str, entries: Sequence[StepEntry]) -> str:
    """The glossary text with its generated step section replaced by the current catalogue."""
    head, _, rest = glossary.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return f"{head}{BEGIN}\n\n{as_markdown(entries)}\n{END}{tail}"
