"""The ORT exit report: allure-results in, verdict, reports and a release-gate exit code out."""

from reports.assess import (
    GATE_CODES_HELP,
    Criteria,
    Defect,
    GateCode,
    Rag,
    StoredSummary,
    Verdict,
    load_criteria,
    load_register,
    read_summary,
)
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
from reports.write import allure_command, generate_allure_html

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
    "allure_command",
    "build_report",
    "generate_allure_html",
    "judge",
    "load_criteria",
    "load_register",
    "read_summary",
    "stderr_progress",
    "write_outputs",
    "write_report",
]
