"""Writes allure-results in allure-pytest-bdd's format, for tests and the benchmark."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vocabulary import (
    ID_PATTERN,
    PARTIES,
    PRIORITIES,
    PROCESSES,
    SLA_ATTACHMENT,
    TIMELINE_ATTACHMENT,
)

#: allure-python's historyId is md5(fullName) "." md5(parameters); no parameters gives this.
NO_PARAMETERS = hashlib.md5(b"").hexdigest()
SEVERITY_LABEL = {
    "severity_1": "blocker",
    "severity_2": "critical",
    "severity_3": "normal",
    "severity_4": "minor",
}
#: Epoch milliseconds of Thu 18 Jun 2026 09:00 BST, the default start of a written scenario.
DEFAULT_START_MS = 1_781_769_600_000


@dataclass(frozen=True)
class ScenarioSpec:
    """A scenario to write as one result file: what the Gherkin said and what happened."""

    name: str
    tags: tuple[str, ...]
    status: str = "passed"
    message: str = ""
    steps: tuple[str, ...] = ("Given a desk", "When a party acts", "Then the desk shows it")
    failing_step: int = 2
    feature: str = "Sample feature"
    feature_file: str = "features/sample.feature"
    start_ms: int = DEFAULT_START_MS
    duration_ms: int = 1500
    measures: tuple[dict[str, Any], ...] = ()
    records: tuple[dict[str, Any], ...] = ()
    extra_labels: tuple[tuple[str, str], ...] = field(default=())
    with_suite_labels: bool = True
    parameters: tuple[tuple[str, str], ...] = ()

    @property
    def full_name(self) -> str:
        """allure-pytest-bdd's fullName: feature file and scenario name."""
        return f"{self.feature_file}:{self.name}"

    @property
    def history_id(self) -> str:
        """A historyId derived, as allure-python does, from the full name and the parameters."""
        parameters = (
            hashlib.md5(repr(self.parameters).encode()).hexdigest()
            if self.parameters
            else NO_PARAMETERS
        )
        return f"{hashlib.md5(self.full_name.encode()).hexdigest()}.{parameters}"


def suite_labels(tags: tuple[str, ...]) -> list[tuple[str, str]]:
    """The labels the ORT suite's hook adds from the tags (epic, severity, owner, party, ...)."""
    labels: list[tuple[str, str]] = []
    processes = [p for p in PROCESSES if p in tags]
    parties = [p for p in PARTIES if p in tags]
    if processes:
        labels.append(("epic", processes[0]))
    severity = next((SEVERITY_LABEL[t] for t in tags if t in SEVERITY_LABEL), "normal")
    labels.append(("severity", severity))
    if parties:
        labels.append(("owner", parties[0]))
    labels.extend(("party", p) for p in parties)
    labels.extend(("ort_id", t) for t in tags if ID_PATTERN.match(t))
    labels.extend(("priority", t) for t in tags if t in PRIORITIES)
    return labels


def _details(status: str, message: str) -> dict[str, str]:
    kind = "AssertionError" if status == "failed" else "RuntimeError"
    if status == "skipped":
        return {"message": f"Skipped: {message}", "trace": message}
    return {"message": f"{kind}: {message}", "trace": f"E   {kind}: {message}"}


def _steps(spec: ScenarioSpec, attachments: list[dict[str, str]]) -> list[dict[str, Any]]:
    steps = []
    at = spec.start_ms
    for index, name in enumerate(spec.steps):
        if spec.status == "passed" or index < spec.failing_step:
            status = "passed"
        elif index == spec.failing_step:
            status = spec.status
        else:
            status = "skipped"
        step: dict[str, Any] = {"name": name, "status": status, "start": at, "stop": at + 10}
        if index == spec.failing_step and status != "passed":
            step["statusDetails"] = _details(status, spec.message)
        if index == 0 and attachments:
            step["attachments"] = attachments
        steps.append(step)
        at += 10
    return steps


def _attach(folder: Path, name: str, payload: dict[str, Any]) -> dict[str, str]:
    source = f"{uuid.uuid4()}-attachment.json"
    (folder / source).write_text(json.dumps(payload), encoding="utf-8")
    return {"name": name, "source": source, "type": "application/json"}


def write_result(folder: Path, spec: ScenarioSpec) -> Path:
    """Write one `<uuid>-result.json` (and its evidence attachments) into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    attachments = []
    if spec.records:
        attachments.append(_attach(folder, TIMELINE_ATTACHMENT, {"records": list(spec.records)}))
    if spec.measures:
        attachments.append(_attach(folder, SLA_ATTACHMENT, {"measures": list(spec.measures)}))
    labels = [
        ("host", "ci"),
        ("thread", "1-MainThread"),
        ("framework", "pytest-bdd"),
        ("language", "cpython3"),
        ("feature", spec.feature),
        *(("tag", t) for t in spec.tags),
        *(suite_labels(spec.tags) if spec.with_suite_labels else ()),
        *spec.extra_labels,
    ]
    result: dict[str, Any] = {
        "name": spec.name,
        "status": spec.status,
        "description": "As a party\nI want the process to work\nSo that incidents are fixed",
        "steps": _steps(spec, attachments),
        "start": spec.start_ms,
        "stop": spec.start_ms + spec.duration_ms,
        "uuid": str(uuid.uuid4()),
        "historyId": spec.history_id,
        "testCaseId": spec.history_id.split(".")[0],
        "fullName": spec.full_name,
        "labels": [{"name": n, "value": v} for n, v in labels],
        "parameters": [{"name": n, "value": v} for n, v in spec.parameters],
        "titlePath": ["features", spec.feature],
    }
    if spec.status != "passed":
        result["statusDetails"] = _details(spec.status, spec.message)
    path = folder / f"{uuid.uuid4()}-result.json"
    path.write_text(json.dumps(result, indent=1), encoding="utf-8")
    return path
