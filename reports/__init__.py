"""The ORT exit report: allure-results in, verdict, reports and a release-gate exit code out."""

from reports.criteria import Criteria, Rag, load_criteria
from reports.defects import Defect, load_register
from reports.errors import (
    CriteriaFileError,
    DefectRegisterError,
    RenderError,
    ReportError,
    ReportInputError,
    ResultsFolderError,
    SummaryFileError,
    ViewerError,
)
from reports.gate import GateResult, judge
from reports.pipeline import (
    DEFAULT_CRITERIA,
    DEFAULT_DEFECTS,
    OUTPUT_FILES,
    ReportOutcome,
    build_report,
    stderr_progress,
    write_outputs,
    write_report,
)
from reports.summary import StoredSummary, read_summary
from reports.verdict import GATE_CODES_HELP, GateCode, Verdict

__all__ = [
    "DEFAULT_CRITERIA",
    "DEFAULT_DEFECTS",
    "GATE_CODES_HELP",
    "OUTPUT_FILES",
    "Criteria",
    "CriteriaFileError",
    "Defect",
    "DefectRegisterError",
    "GateCode",
    "GateResult",
    "Rag",
    "RenderError",
    "ReportError",
    "ReportInputError",
    "ReportOutcome",
    "ResultsFolderError",
    "StoredSummary",
    "SummaryFileError",
    "Verdict",
    "ViewerError",
    "build_report",
    "judge",
    "load_criteria",
    "load_register",
    "read_summary",
    "stderr_progress",
    "write_outputs",
    "write_report",
]
