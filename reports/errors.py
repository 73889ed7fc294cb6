"""Errors raised by the exit report pipeline."""

from __future__ import annotations


class ReportError(Exception):
    """Base class of every error the report pipeline raises on purpose."""


class ReportInputError(ReportError):
    """An input given by the user cannot be used; the gate answers with the bad-input code."""


class ResultsFolderError(ReportInputError):
    """The results path is missing, is not a folder, or cannot be listed."""


class CriteriaFileError(ReportInputError):
    """The exit criteria file is missing, not valid TOML, or holds an unknown key or bad value."""


class DefectRegisterError(ReportInputError):
    """The defect register is missing, is not valid TOML, or holds an unknown key or bad value."""


class SummaryFileError(ReportInputError):
    """A summary.json given as previous run or gate input is missing, unreadable or not ours."""


class RenderError(ReportError):
    """A template failed to render; the message names the template and the line."""


class ViewerError(ReportError):
    """The optional Allure 3 viewer is not installed or failed to generate its report."""
