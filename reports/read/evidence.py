"""Reads a scenario's evidence attachments: the records' timeline and the SLA/OLA measures."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reports.read.results import Attachment, ParseProblem
from vocabulary import MEASURES, SLA_ATTACHMENT, TIMELINE_ATTACHMENT


@dataclass(frozen=True)
class EvidenceRecord:
    """A ticket a scenario touched, from its timeline: which desk, which table, which number.

    A desk the suite could not reach for evidence has a record with only `unreachable`, its URL.
    """

    desk: str
    table: str
    number: str
    events: int
    unreachable: str = ""


@dataclass(frozen=True)
class SlaMeasure:
    """One SLA/OLA measurement taken by a scenario."""

    scenario_id: str
    record: str
    desk: str
    party: str
    measure: str
    seconds: float
    target_seconds: float | None
    met: bool | None


@dataclass(frozen=True)
class Evidence:
    """The evidence of one scenario, plus the attachments that could not be used."""

    records: tuple[EvidenceRecord, ...]
    measures: tuple[SlaMeasure, ...]
    problems: tuple[ParseProblem, ...]


def read_evidence(folder: Path, scenario_id: str, attachments: tuple[Attachment, ...]) -> Evidence:
    """Read the timeline and sla-measures attachments of one scenario; others are ignored."""
    records: list[EvidenceRecord] = []
    measures: list[SlaMeasure] = []
    problems: list[ParseProblem] = []
    for attachment in attachments:
        if attachment.name not in (TIMELINE_ATTACHMENT, SLA_ATTACHMENT):
            continue
        data = _load(folder / attachment.source, attachment.name)
        if isinstance(data, ParseProblem):
            problems.append(data)
        elif attachment.name == TIMELINE_ATTACHMENT:
            records.extend(_records(data, attachment.source, problems))
        else:
            measures.extend(_measures(data, scenario_id, attachment.source, problems))
    return Evidence(tuple(records), tuple(measures), tuple(problems))


def _load(path: Path, name: str) -> Any | ParseProblem:
    """Load an attachment's JSON, or describe why it cannot be used."""
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        return ParseProblem(path.name, f"'{name}' attachment is referenced but missing")
    except json.JSONDecodeError as exc:
        return ParseProblem(
            path.name,
            f"'{name}' attachment is not valid JSON at line {exc.lineno}, column {exc.colno}",
        )
    except (OSError, UnicodeDecodeError) as exc:
        return ParseProblem(path.name, f"'{name}' attachment cannot be read: {exc}")


def _records(data: Any, source: str, problems: list[ParseProblem]) -> list[EvidenceRecord]:
    """The records of a timeline attachment."""
    items = data.get("records") if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(ParseProblem(source, "'timeline' attachment has no 'records' list"))
        return []
    records = []
    for item in items:
        if not isinstance(item, dict):
            continue
        events = item.get("events")
        records.append(
            EvidenceRecord(
                desk=str(item.get("desk", "")),
                table=str(item.get("table", "")),
                number=str(item.get("number", "")),
                events=len(events) if isinstance(events, list) else 0,
                unreachable=str(item.get("unreachable", "")),
            )
        )
    return records


def _number(value: object) -> float | None:
    """A JSON number as float, or None."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def _measures(
    data: Any, scenario_id: str, source: str, problems: list[ParseProblem]
) -> list[SlaMeasure]:
    """The measures of an sla-measures attachment; malformed entries are named and skipped."""
    items = data.get("measures") if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(ParseProblem(source, "'sla-measures' attachment has no 'measures' list"))
        return []
    measures = []
    for index, item in enumerate(items):
        seconds = _number(item.get("seconds")) if isinstance(item, dict) else None
        if not isinstance(item, dict) or item.get("measure") not in MEASURES or seconds is None:
            problems.append(
                ParseProblem(
                    source,
                    f"'sla-measures' entry {index} needs a known 'measure' "
                    f"({', '.join(MEASURES)}) and numeric 'seconds'",
                )
            )
            continue
        met = item.get("met")
        measures.append(
            SlaMeasure(
                scenario_id=scenario_id,
                record=str(item.get("record", "")),
                desk=str(item.get("desk", "")),
                party=str(item.get("party", "")),
                measure=str(item["measure"]),
                seconds=seconds,
                target_seconds=_number(item.get("target_seconds")),
                met=met if isinstance(met, bool) else None,
            )
        )
    return measures
