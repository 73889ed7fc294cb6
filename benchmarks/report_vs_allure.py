"""Benchmark: `ort report` against Allure 3's single-file report on the same results folder.

Run as `python -m benchmarks.report_vs_allure [--count N]`. It writes N result files (10,000 by
default) in allure-pytest-bdd's format with the suite's labels, evidence attachments and a few
retries, then times `ort report` (every output: HTML, Markdown, PDF, summary.json, extract.csv)
and `allure awesome --single-file` on that folder, one after the other in this command, and
prints both times and their ratio. Allure 3 must be installed (`npm ci --prefix reports/viewer`).
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from reports import allure_command
from reports.testing import DEFAULT_START_MS, ScenarioSpec, write_result
from vocabulary import MEASURES, PARTIES, PROCESSES

# Outcome mix of a rehearsal that is going reasonably well.
STATUS_WEIGHTS = {"passed": 92, "failed": 4, "broken": 1, "skipped": 3}
RETRY_SHARE = 0.01
SEVERITIES = ("severity_1", "severity_2", "severity_3", "severity_3", "severity_4")
PURPOSES = ("mandatory", "smoke", "sit_ops_retest", "", "", "", "", "")


def _spec(index: int, rnd: random.Random) -> ScenarioSpec:
    """One scenario: a process, two or three parties, a severity, a priority, evidence."""
    process = PROCESSES[index % len(PROCESSES)]
    parties = tuple(rnd.sample(list(PARTIES), rnd.randint(2, 3)))
    purpose = rnd.choice(PURPOSES)
    scenario_id = f"ort_{process.replace('_', '')[:4]}_{index % 1000:03d}"
    status = rnd.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
    number = f"INC{index:07d}"
    return ScenarioSpec(
        name=f"{process.replace('_', ' ').capitalize()} scenario {index}",
        tags=(
            scenario_id,
            process,
            *parties,
            rnd.choice(SEVERITIES),
            f"p{rnd.randint(1, 4)}",
            *((purpose,) if purpose else ()),
        ),
        status=status,
        message=f"ticket {number} on the {parties[-1]} desk is In Progress; expected Resolved",
        feature=f"{process} feature {index // 40}",
        feature_file=f"features/{process}/{index // 40:03d}_scenarios.feature",
        start_ms=DEFAULT_START_MS + index * 2_000,
        duration_ms=rnd.randint(200, 4_000),
        records=(
            {
                "desk": parties[0],
                "table": "incident",
                "number": number,
                "events": [{"at": "2026-06-18 09:00:00", "field": "state", "value": "2"}],
            },
        ),
        measures=tuple(
            {
                "record": number,
                "desk": parties[0],
                "party": parties[1],
                "measure": measure,
                "seconds": round(rnd.uniform(5, 20_000), 1),
                "target_seconds": 14_400.0,
                "met": None,
            }
            for measure in MEASURES
            if rnd.random() < 0.5
        ),
    )


def generate(folder: Path, count: int, seed: int = 20260618) -> int:
    """Write `count` scenarios (plus failed first attempts of a few retried ones); return files."""
    rnd = random.Random(seed)
    files = 0
    for index in range(count):
        spec = _spec(index, rnd)
        if spec.status == "passed" and rnd.random() < RETRY_SHARE:
            write_result(
                folder,
                replace(
                    spec, status="failed", start_ms=spec.start_ms - 1_000, measures=(), records=()
                ),
            )
            files += 1
        write_result(folder, spec)
        files += 1
    return files


def _timed(command: Sequence[str], cwd: Path) -> float:
    """Run a command to completion and return its wall-clock seconds; fail loudly on error."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    """Generate the folder, time both reports, print the ratio."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.report_vs_allure", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--count", type=int, default=10_000, help="scenarios to generate")
    args = parser.parse_args(argv)
    allure = allure_command()
    with tempfile.TemporaryDirectory(prefix="ort-bench-") as tmp:
        root = Path(tmp)
        results = root / "allure-results"
        results.mkdir()
        started = time.perf_counter()
        files = generate(results, args.count)
        print(
            f"generated {files} result files for {args.count} scenarios "
            f"in {time.perf_counter() - started:.1f} s"
        )
        ours = _timed(
            [
                sys.executable,
                "-m",
                "ort",
                "report",
                str(results),
                "--out",
                str(root / "ort-report"),
                "--quiet",
            ],
            Path.cwd(),
        )
        print(f"ort report (html, md, pdf, json, csv): {ours:8.2f} s")
        theirs = _timed(
            [*allure, "awesome", str(results), "-o", str(root / "allure-report"), "--single-file"],
            root,
        )
        print(f"allure awesome --single-file:          {theirs:8.2f} s")
        print(f"ratio ort report / allure awesome:     {ours / theirs:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
