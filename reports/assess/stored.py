"""summary.json read back as judged scenarios: the previous run for a trend, or the gate input."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reports.assess.classification import Outcome, Scenario
from reports.assess.verdict import Verdict
from reports.errors import SummaryFileError
from reports.read import ParseProblem
from vocabulary import FAILURE_CLASS_KEYS

#: The schema stamp of every summary.json the pipeline writes, and the only one it reads.
SCHEMA = "ort-exit-summary/1"


@dataclass(frozen=True)
class StoredSummary:
    """A summary.json read back."""

    source: str
    generated_at: str
    verdict: str
    reasons: tuple[str, ...]
    conditional_go: str
    exit_code: int
    scenarios: tuple[Scenario, ...]
    unreadable: tuple[ParseProblem, ...]
    open_defects: int


class _Reader:
    """Typed access to a summary document; a wrong or missing key names file and key."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def get(self, data: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        name = f"{where}.{key}" if where else key
        if not isinstance(data, dict) or key not in data:
            raise SummaryFileError(f"summary {self.path} lacks key '{name}'")
        value = data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            raise SummaryFileError(
                f"summary {self.path}: key '{name}' has value {value!r} of the wrong type"
            )
        return value

    def moment(self, data: Any, key: str, where: str) -> datetime | None:
        value = self.get(data, key, (str, type(None)), where)
        if value is None:
            return None
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise SummaryFileError(
                f"summary {self.path}: key '{where}.{key}' has value {value!r}, "
                "not an ISO date-time"
            ) from None

    def scenario(self, data: Any, where: str) -> Scenario:
        outcome = self.get(data, "outcome", str, where)
        if outcome not in {o.value for o in Outcome}:
            raise SummaryFileError(
                f"summary {self.path}: key '{where}.outcome' has value {outcome!r}; expected "
                + ", ".join(repr(o.value) for o in Outcome)
            )
        return Scenario(
            key=self.get(data, "key", str, where),
            scenario_id=self.get(data, "id", str, where),
            title=self.get(data, "title", str, where),
            feature=self.get(data, "feature", str, where),
            process=self.get(data, "process", str, where),
            parties=tuple(str(p) for p in self.get(data, "parties", list, where)),
            priority=self.get(data, "priority", str, where),
            severity=self.get(data, "severity", int, where),
            tags=tuple(str(t) for t in self.get(data, "tags", list, where)),
            outcome=Outcome(outcome),
            failing_step=self.get(data, "failing_step", str, where),
            message=self.get(data, "message", str, where),
            flaky=self.get(data, "flaky", bool, where),
            attempts=self.get(data, "attempts", int, where),
            start=self.moment(data, "start", where),
            stop=self.moment(data, "stop", where),
            parameters=tuple(
                (str(p[0]), str(p[1]))
                for p in self.get(data, "parameters", list, where)
                if isinstance(p, list) and len(p) == 2
            ),
            failure_class=self.failure_class(data, where),
        )

    def failure_class(self, data: Any, where: str) -> str:
        """A scenario's failure class; a summary written before classes existed has none."""
        if not isinstance(data, dict) or "failure_class" not in data:
            return ""
        value = self.get(data, "failure_class", str, where)
        if value not in ("", *FAILURE_CLASS_KEYS):
            raise SummaryFileError(
                f"summary {self.path}: key '{where}.failure_class' has value {value!r}; "
                "expected " + ", ".join(repr(k) for k in ("", *FAILURE_CLASS_KEYS))
            )
        return value


def read_summary(path: Path) -> StoredSummary:
    """Read a summary.json written by this pipeline (any other file is refused by name)."""
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        raise SummaryFileError(f"summary {path} does not exist") from None
    except json.JSONDecodeError as exc:
        raise SummaryFileError(
            f"summary {path} is not valid JSON at line {exc.lineno}, column {exc.colno}"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SummaryFileError(f"summary {path} cannot be read: {exc}") from None
    reader = _Reader(path)
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema != SCHEMA:
        raise SummaryFileError(
            f"summary {path} has schema {schema!r}; expected {SCHEMA!r} (a summary.json "
            "written by `ort report`)"
        )
    verdict = reader.get(data, "verdict", str, "")
    if verdict not in {v.value for v in Verdict}:
        raise SummaryFileError(f"summary {path}: key 'verdict' has value {verdict!r}")
    gate = reader.get(data, "gate", dict, "")
    items = reader.get(data, "scenarios", list, "")
    defects = reader.get(data, "defects", list, "")
    unreadable = reader.get(data, "unreadable", list, "")
    return StoredSummary(
        source=str(path),
        generated_at=reader.get(data, "generated_at", str, ""),
        verdict=verdict,
        reasons=tuple(str(r) for r in reader.get(data, "reasons", list, "")),
        conditional_go=reader.get(gate, "conditional_go", str, "gate"),
        exit_code=reader.get(gate, "exit_code", int, "gate"),
        scenarios=tuple(reader.scenario(item, f"scenarios[{i}]") for i, item in enumerate(items)),
        unreadable=tuple(
            ParseProblem(
                reader.get(item, "file", str, f"unreadable[{i}]"),
                reader.get(item, "reason", str, f"unreadable[{i}]"),
            )
            for i, item in enumerate(unreadable)
        ),
        open_defects=sum(1 for d in defects if isinstance(d, dict) and d.get("open") is True),
    )
