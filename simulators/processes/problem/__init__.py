"""Problem management: the problem table, its lifecycle, known errors and links to incidents."""

from simulators.processes.problem.lifecycle import (
    ACTIVE_STATES,
    ASSESS,
    CANCELED,
    CLOSED,
    DUPLICATE,
    FIX_APPLIED,
    FIX_IN_PROGRESS,
    NEW,
    PROBLEM_LIFECYCLE,
    RESOLVED,
    RISK_ACCEPTED,
    ROOT_CAUSE_ANALYSIS,
)
from simulators.processes.problem.process import PROBLEM_PROCESS
from simulators.processes.problem.schema import PROBLEM_RESOLUTION_CODES, PROBLEM_STATES

__all__ = [
    "ACTIVE_STATES",
    "ASSESS",
    "CANCELED",
    "CLOSED",
    "DUPLICATE",
    "FIX_APPLIED",
    "FIX_IN_PROGRESS",
    "NEW",
    "PROBLEM_LIFECYCLE",
    "PROBLEM_PROCESS",
    "PROBLEM_RESOLUTION_CODES",
    "PROBLEM_STATES",
    "RESOLVED",
    "RISK_ACCEPTED",
    "ROOT_CAUSE_ANALYSIS",
]
