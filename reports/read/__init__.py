"""Reading the report's inputs: the allure-results folder, evidence attachments and TOML files."""

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
from reports.read.tomlfile import TomlTable, load_toml

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
    "TomlTable",
    "load_toml",
    "read_evidence",
    "read_results",
]
