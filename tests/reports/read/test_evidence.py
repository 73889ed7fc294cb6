"""Reading evidence attachments: the timeline's records and the SLA/OLA measures."""

from __future__ import annotations

import json
from pathlib import Path

from reports.read.evidence import read_evidence
from reports.read.results import Attachment, read_results
from tests.reports.support import SAMPLE


def _attachment(tmp_path: Path, name: str, payload: object) -> Attachment:
    source = f"{name}-attachment.json"
    (tmp_path / source).write_text(json.dumps(payload))
    return Attachment(name, source, "application/json")


def test_sample_evidence_gives_records_and_measures() -> None:
    """The sample's hand-off scenario attached two records and three measures."""
    final = next(r for r in read_results(SAMPLE).results if r.result.name.startswith("Harbour"))
    evidence = read_evidence(SAMPLE, "ort_inc_001", final.result.attachments)
    assert [(r.desk, r.number) for r in evidence.records] == [
        ("supplier", "INC0010001"),
        ("ldso", "INC0020001"),
    ]
    assert sorted(m.measure for m in evidence.measures) == [
        "handoff_latency",
        "time_to_acknowledge",
        "time_to_resolve",
    ]
    ack = next(m for m in evidence.measures if m.measure == "time_to_acknowledge")
    assert (ack.seconds, ack.target_seconds, ack.met, ack.party) == (420.0, 900.0, True, "ldso")
    assert evidence.problems == ()


def test_unreachable_desk_is_a_record_with_its_url(tmp_path: Path) -> None:
    """A desk the suite could not reach is read as a record naming its URL and nothing else."""
    attachment = _attachment(
        tmp_path,
        "timeline",
        {"records": [{"desk": "ldso", "unreachable": "http://127.0.0.1:8002"}]},
    )
    (record,) = read_evidence(tmp_path, "ort_inc_001", (attachment,)).records
    assert (record.desk, record.table, record.unreachable) == ("ldso", "", "http://127.0.0.1:8002")


def test_measure_without_target_has_unknown_met(tmp_path: Path) -> None:
    """A measure with no target is counted but not judged."""
    attachment = _attachment(
        tmp_path,
        "sla-measures",
        {
            "measures": [
                {
                    "record": "INC1",
                    "desk": "elexon",
                    "party": "ldso",
                    "measure": "handoff_latency",
                    "seconds": 4,
                    "target_seconds": None,
                    "met": None,
                }
            ]
        },
    )
    (measure,) = read_evidence(tmp_path, "ort_inc_001", (attachment,)).measures
    assert (measure.seconds, measure.target_seconds, measure.met) == (4.0, None, None)


def test_malformed_measure_is_named_and_skipped(tmp_path: Path) -> None:
    """An entry with an unknown measure or no seconds is a problem; the others still count."""
    attachment = _attachment(
        tmp_path,
        "sla-measures",
        {
            "measures": [
                {"measure": "time_to_coffee", "seconds": 1},
                {"measure": "time_to_resolve", "seconds": 60, "party": "mss"},
            ]
        },
    )
    evidence = read_evidence(tmp_path, "ort_inc_001", (attachment,))
    assert [m.measure for m in evidence.measures] == ["time_to_resolve"]
    (problem,) = evidence.problems
    assert problem.file == "sla-measures-attachment.json"
    assert "entry 0 needs a known 'measure'" in problem.reason


def test_missing_and_corrupt_attachments_are_problems(tmp_path: Path) -> None:
    """A referenced attachment that is missing or not JSON is named, not fatal."""
    (tmp_path / "bad-attachment.json").write_text("{")
    evidence = read_evidence(
        tmp_path,
        "x",
        (
            Attachment("timeline", "gone-attachment.json", "application/json"),
            Attachment("timeline", "bad-attachment.json", "application/json"),
        ),
    )
    assert [p.reason for p in evidence.problems] == [
        "'timeline' attachment is referenced but missing",
        "'timeline' attachment is not valid JSON at line 1, column 2",
    ]


def test_other_attachments_are_ignored(tmp_path: Path) -> None:
    """Attachments other than timeline and sla-measures are never opened."""
    evidence = read_evidence(tmp_path, "x", (Attachment("screenshot", "nope.png", "image/png"),))
    assert evidence.records == () and evidence.measures == () and evidence.problems == ()
