"""The whole exit report as data: what was read, how it was judged, and what changed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from reports.assess.assessment import Assessment
from reports.assess.classification import Scenario
from reports.assess.trend import Trend
from reports.read import Executor, ParseProblem


@dataclass(frozen=True)
class Report:
    """Everything the outputs are rendered from."""

    generated_at: datetime
    results_path: str
    result_files: int
    scenarios: tuple[Scenario, ...]
    problems: tuple[ParseProblem, ...]
    environment: tuple[tuple[str, str], ...]
    executor: Executor | None
    assessment: Assessment
    trend: Trend | None
