"""Errors raised by the exit report pipeline: one base, one class per input or output that fails."""

from __future__ import annotations


class ReportError(Exception):
    """Base class of every error the report pipeline raises on purpose; catch it to catch all."""


class ReportInputError(ReportError):
    """An input given by the user cannot be used; the gate answers with the bad-input code (2)."""


class ResultsFolderError(ReportInputError):
    """Raised when the results path is missing, is not a folder, or cannot be listed.

    `read_results` raises it for a folder; the gate raises it for a target that does not exist.
    """


class CriteriaFileError(ReportInputError):
    """Raised when the exit criteria file is missing, not valid TOML, or holds a bad key or value.

    `load_criteria` raises it, naming the file, the key and the value.
    """


class DefectRegisterError(ReportInputError):
    """Raised when the defect register is missing, not valid TOML, or holds a bad key or value.

    `load_register` raises it, naming the file, the key (`defect[N].field`) and the value.
    """


class SummaryFileError(ReportInputError):
    """Raised when a summary.json (previous run or gate input) is missing, unreadable or not ours.

    `read_summary` raises it, naming the file and the key that is missing or wrong.
    """


class RenderError(ReportError):
    """Raised when a Jinja template fails to render; the message names the template and the line."""


class ViewerError(ReportError):
    """Raised when the optional Allure 3 viewer cannot produce its single-file report.

    Allure 3 or Node.js is not installed, Allure fails or times out, or its page still refers to
    another site after the analytics are stripped.
    """
