"""The view model of a report: every text the templates print, formatted, in frozen records."""

from reports.view.build import SECTIONS, build_view
from reports.view.model import Cell, Figure, ReportView, Section, Table, VerdictView

__all__ = [
    "SECTIONS",
    "Cell",
    "Figure",
    "ReportView",
    "Section",
    "Table",
    "VerdictView",
    "build_view",
]
