"""Reading the report's inputs: the allure-results folder and its evidence attachments."""

from reports.read.evidence import Evidence, EvidenceRecord, SlaMeasure, read_evidence
from reports.read.results import (
    FAILING,
    Attachment,
    Executor,
    FinalResult,
    ParseProblem,
    RawResult,
    ResultsFolder,
    StepResult,
    read_results,
)

__all__ = [
    "FAILING",
    "Attachment",
    "Evidence",
    "EvidenceRecord",
    "Executor",
    "FinalResult",
    "ParseProblem",
    "RawResult",
    "ResultsFolder",
    "SlaMeasure",
    "StepResult",
    "read_evidence",
    "read_results",
]
