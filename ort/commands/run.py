"""`ort run`: the ORT suite against the embedded desks, then the exit report."""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from xml.etree import ElementTree

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from ort.errors import UserError
from reports import stderr_progress, write_report
from vocabulary import (
    JUNIT_CLASS_PROPERTY,
    JUNIT_NAME_PROPERTY,
    JUNIT_PROPERTIES,
    allure_categories,
    mask_credentials,
)

HELP = "run the ORT scenarios (pytest selection options such as -m, -k and -n pass through)"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
BINDING_MODULE = "tests/test_features.py"
DEFAULT_OUT = Path("out")
PYTEST_NO_TESTS = 5


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="output folder: allure-results/, junit.xml and report/ go inside (default: out)",
    )
    parser.add_argument("--no-report", action="store_true", help="skip the exit report")
    parser.epilog = (
        "Any other option goes to pytest, e.g. `ort run -m cpsd -n 2` or `ort run -k priority`."
    )
    parser.set_defaults(accepts_extra=True)


def main(args: argparse.Namespace) -> int:
    results = (args.out / "allure-results").resolve()
    # Results from an earlier run would mix into this one's report.
    shutil.rmtree(results, ignore_errors=True)
    results.mkdir(parents=True, exist_ok=True)
    junit = (args.out / "junit.xml").resolve()
    command = [
        sys.executable,
        "-m",
        "pytest",
        str(PROJECT_ROOT / BINDING_MODULE),
        f"--alluredir={results}",
        f"--junitxml={junit}",
        "--rootdir",
        str(PROJECT_ROOT),
        "-c",
        str(PROJECT_ROOT / "pyproject.toml"),
        *args.extra,
    ]
    print(f"ort run: {mask_credentials(' '.join(command[3:]))}", file=sys.stderr, flush=True)
    code = subprocess.call(command, cwd=PROJECT_ROOT)
    if code == PYTEST_NO_TESTS:
        shown = mask_credentials(" ".join(args.extra)) or "(none)"
        raise UserError(f"no scenario matched the selection {shown}")
    if code not in (0, 1):
        return code
    write_environment(results, args.extra)
    write_categories(results)
    if junit.exists():
        group_junit(junit)
    print(f"Allure results: {results}", flush=True)
    print(f"JUnit XML: {junit}", flush=True)
    if not args.no_report:
        write_exit_report(results, (args.out / "report").resolve())
    return code


def write_environment(results: Path, selection: list[str]) -> None:
    """Allure's environment.properties: what ran, against what (never a credential)."""
    facts = {
        "harness": f"ort-harness {metadata.version('ort-harness')}",
        "python": platform.python_version(),
        "pytest-bdd": metadata.version("pytest-bdd"),
        "roster": _option(selection, "--roster") or "fixtures/defaults/roster.toml",
        "store": _masked(_option(selection, "--db")) or "sqlite:// (in memory, fresh per scenario)",
        "selection": mask_credentials(" ".join(selection)) or "the whole suite",
        "host": platform.node(),
    }
    lines = [f"{key}={value}" for key, value in facts.items()]
    (results / "environment.properties").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_categories(results: Path) -> None:
    """Allure's categories.json: product defects, test defects and environment problems,
    from the same data as the exit report's failure classes."""
    text = json.dumps(allure_categories(), indent=2, ensure_ascii=False) + "\n"
    (results / "categories.json").write_text(text, encoding="utf-8")


def group_junit(path: Path) -> None:
    """Rewrite junit.xml so other tools group it by feature: each testcase's classname becomes
    `<process>.<feature file stem>` and its name `<ort id> <scenario name>`, from the properties
    the harness recorded (which are then removed, keeping the file plain JUnit)."""
    tree = ElementTree.parse(path)
    for case in tree.iter("testcase"):
        properties = case.find("properties")
        if properties is None:
            continue
        found: dict[str, str] = {}
        for prop in list(properties.findall("property")):
            name = prop.get("name", "")
            if name in JUNIT_PROPERTIES:
                found[name] = prop.get("value", "")
                properties.remove(prop)
        if len(properties) == 0:
            case.remove(properties)
        if found.get(JUNIT_CLASS_PROPERTY):
            case.set("classname", found[JUNIT_CLASS_PROPERTY])
        if found.get(JUNIT_NAME_PROPERTY):
            case.set("name", found[JUNIT_NAME_PROPERTY])
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _masked(url: str) -> str:
    """A store URL without its password."""
    if not url:
        return ""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unreadable store URL)"


def _option(arguments: list[str], name: str) -> str:
    """The value of `--name=value` or `--name value` among pass-through arguments."""
    for index, argument in enumerate(arguments):
        if argument.startswith(f"{name}="):
            return argument.split("=", 1)[1]
        if argument == name and index + 1 < len(arguments):
            return arguments[index + 1]
    return ""


def write_exit_report(results: Path, out_dir: Path) -> None:
    """Render the exit report from the run's results and say where it is."""
    outcome = write_report(results, out_dir, progress=stderr_progress)
    print(f"Verdict: {outcome.verdict}", flush=True)
    for reason in outcome.reasons:
        print(f"  - {reason}", flush=True)
    report = outcome.outputs.get("html", out_dir / "exit-report.html")
    print(f"Exit report: {Path(report).resolve()}", flush=True)
