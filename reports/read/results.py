"""Reads an allure-results folder: result files, retries, environment and executor."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reports.errors import ResultsFolderError

RESULT_SUFFIX = "-result.json"
ENVIRONMENT_FILE = "environment.properties"
EXECUTOR_FILE = "executor.json"

#: Statuses allure-python writes; anything else is read as "unknown".
STATUSES = frozenset({"passed", "failed", "broken", "skipped", "unknown"})
FAILING = frozenset({"failed", "broken"})

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Attachment:
    """A file attached to a result or one of its steps."""

    name: str
    source: str
    type: str


@dataclass(frozen=True)
class StepResult:
    """One Gherkin step of a result, with its own status and message."""

    name: str
    status: str
    message: str


@dataclass(frozen=True)
class RawResult:
    """One `<uuid>-result.json`, as written by allure-pytest-bdd."""

    file: str
    name: str
    full_name: str
    status: str
    message: str
    trace: str
    steps: tuple[StepResult, ...]
    labels: tuple[tuple[str, str], ...]
    parameters: tuple[tuple[str, str], ...]
    attachments: tuple[Attachment, ...]
    start_ms: int | None
    stop_ms: int | None
    history_id: str


@dataclass(frozen=True)
class ParseProblem:
    """A file of the results folder that could not be used, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class FinalResult:
    """The last attempt of one scenario, with what earlier attempts said."""

    result: RawResult
    attempts: tuple[str, ...]

    @property
    def flaky(self) -> bool:
        """Whether the scenario failed at least once and then passed on a retry."""
        return self.result.status == "passed" and any(s in FAILING for s in self.attempts[:-1])


@dataclass(frozen=True)
class Executor:
    """What `executor.json` says about the run that wrote the results."""

    name: str
    type: str
    build_name: str
    build_url: str
    report_name: str


@dataclass(frozen=True)
class ResultsFolder:
    """Everything read from one allure-results folder."""

    path: Path
    results: tuple[FinalResult, ...]
    problems: tuple[ParseProblem, ...]
    environment: tuple[tuple[str, str], ...]
    executor: Executor | None
    result_files: int

    @property
    def attempts(self) -> int:
        """Result files read, retries included."""
        return sum(len(r.attempts) for r in self.results)


def read_results(folder: Path, progress: Progress | None = None) -> ResultsFolder:
    """Read a results folder; unreadable files become problems, never exceptions."""
    if not folder.exists():
        raise ResultsFolderError(f"results folder {folder} does not exist")
    if not folder.is_dir():
        raise ResultsFolderError(f"results path {folder} is not a folder")
    try:
        names = sorted(p.name for p in folder.iterdir())
    except OSError as exc:
        raise ResultsFolderError(f"results folder {folder} cannot be listed: {exc}") from None
    result_names = [n for n in names if n.endswith(RESULT_SUFFIX)]
    if progress:
        progress(f"reading {len(result_names)} result files from {folder}")
    problems: list[ParseProblem] = []
    raw: list[RawResult] = []
    for name in result_names:
        parsed = _read_result(folder / name)
        if isinstance(parsed, ParseProblem):
            problems.append(parsed)
        else:
            raw.append(parsed)
    environment = _read_environment(folder / ENVIRONMENT_FILE, problems)
    executor = _read_executor(folder / EXECUTOR_FILE, problems)
    return ResultsFolder(
        path=folder,
        results=tuple(_last_attempts(raw)),
        problems=tuple(problems),
        environment=environment,
        executor=executor,
        result_files=len(result_names),
    )


def _last_attempts(raw: list[RawResult]) -> Iterator[FinalResult]:
    """Group attempts by historyId in time order and keep the last one of each."""
    groups: dict[str, list[RawResult]] = {}
    for result in raw:
        groups.setdefault(result.history_id or result.file, []).append(result)
    for attempts in groups.values():
        attempts.sort(key=lambda r: (r.start_ms or 0, r.stop_ms or 0, r.file))
        yield FinalResult(result=attempts[-1], attempts=tuple(a.status for a in attempts))


def _read_json(path: Path) -> Any | ParseProblem:
    """Load a JSON file or describe why it cannot be loaded."""
    try:
        return json.loads(path.read_bytes())
    except json.JSONDecodeError as exc:
        return ParseProblem(
            path.name,
            f"not valid JSON (truncated or corrupt) at line {exc.lineno}, "
            f"column {exc.colno}: {exc.msg}",
        )
    except UnicodeDecodeError:
        return ParseProblem(path.name, "not UTF-8 text")
    except OSError as exc:
        return ParseProblem(path.name, f"cannot be read: {exc.strerror or exc}")


def _text(value: object) -> str:
    """A JSON value as text; absent or non-text values read as empty."""
    return value if isinstance(value, str) else ""


def _millis(value: object) -> int | None:
    """A JSON epoch-milliseconds value, or None when absent or not a number."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    return None


def _status(value: object) -> str:
    """An Allure status, with anything unexpected read as unknown."""
    return value if isinstance(value, str) and value in STATUSES else "unknown"


def _details(node: dict[str, Any]) -> tuple[str, str]:
    """The message and trace of a result or step."""
    details = node.get("statusDetails")
    if not isinstance(details, dict):
        return "", ""
    return _text(details.get("message")).strip(), _text(details.get("trace"))


def _pairs(items: object, key: str) -> tuple[tuple[str, str], ...]:
    """`[{"name": ..., key: ...}]` as (name, value) pairs, skipping malformed entries."""
    if not isinstance(items, list):
        return ()
    return tuple(
        (item["name"], str(item.get(key, "")))
        for item in items
        if isinstance(item, dict) and isinstance(item.get("name"), str)
    )


def _attachments(node: dict[str, Any]) -> Iterator[Attachment]:
    """Attachments of a node and of all its nested steps, depth first."""
    for item in node.get("attachments") or ():
        if isinstance(item, dict) and isinstance(item.get("source"), str):
            yield Attachment(_text(item.get("name")), item["source"], _text(item.get("type")))
    for step in node.get("steps") or ():
        if isinstance(step, dict):
            yield from _attachments(step)


def _steps(node: dict[str, Any]) -> tuple[StepResult, ...]:
    """The top-level steps of a result: the Gherkin steps."""
    steps = []
    for step in node.get("steps") or ():
        if isinstance(step, dict):
            message, _ = _details(step)
            steps.append(StepResult(_text(step.get("name")), _status(step.get("status")), message))
    return tuple(steps)


def _read_result(path: Path) -> RawResult | ParseProblem:
    """Parse one result file into a RawResult, or say what is wrong with it."""
    data = _read_json(path)
    if isinstance(data, ParseProblem):
        return data
    if not isinstance(data, dict):
        return ParseProblem(path.name, f"holds a JSON {type(data).__name__}, not an object")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        return ParseProblem(path.name, "has no scenario name")
    if "status" not in data:
        return ParseProblem(path.name, f"scenario '{name}' has no status (run interrupted?)")
    message, trace = _details(data)
    return RawResult(
        file=path.name,
        name=name.strip(),
        full_name=_text(data.get("fullName")) or name.strip(),
        status=_status(data.get("status")),
        message=message,
        trace=trace,
        steps=_steps(data),
        labels=_pairs(data.get("labels"), "value"),
        parameters=_pairs(data.get("parameters"), "value"),
        attachments=tuple(_attachments(data)),
        start_ms=_millis(data.get("start")),
        stop_ms=_millis(data.get("stop")),
        history_id=_text(data.get("historyId")),
    )


def _read_environment(path: Path, problems: list[ParseProblem]) -> tuple[tuple[str, str], ...]:
    """Parse `environment.properties` (Java properties: `key=value`, `key: value`, # comments)."""
    if not path.exists():
        return ()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(ParseProblem(path.name, f"cannot be read: {exc}"))
        return ()
    pairs: list[tuple[str, str]] = []
    pending = ""
    for line in text.splitlines():
        stripped = pending + line.strip()
        pending = ""
        if stripped.endswith("\\"):
            pending = stripped[:-1]
            continue
        if not stripped or stripped[0] in "#!":
            continue
        cut = min((i for i in (stripped.find("="), stripped.find(":")) if i > 0), default=-1)
        if cut < 0:
            pairs.append((stripped, ""))
        else:
            pairs.append((stripped[:cut].strip(), stripped[cut + 1 :].strip()))
    return tuple(pairs)


def _read_executor(path: Path, problems: list[ParseProblem]) -> Executor | None:
    """Parse `executor.json`; a malformed one is a problem, not a crash."""
    if not path.exists():
        return None
    data = _read_json(path)
    if isinstance(data, ParseProblem):
        problems.append(data)
        return None
    if not isinstance(data, dict):
        problems.append(ParseProblem(path.name, "is not a JSON object"))
        return None
    return Executor(
        name=_text(data.get("name")),
        type=_text(data.get("type")),
        build_name=_text(data.get("buildName")),
        build_url=_text(data.get("buildUrl")),
        report_name=_text(data.get("reportName")),
    )
