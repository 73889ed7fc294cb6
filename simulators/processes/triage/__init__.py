"""Triage of contacts: the interaction table, classification outcomes and referrals."""

from simulators.processes.triage.process import TRIAGE_PROCESS
from simulators.processes.triage.schema import INTERACTION_CLOSE_CODES, INTERACTION_STATES

__all__ = [
    "INTERACTION_CLOSE_CODES",
    "INTERACTION_STATES",
    "TRIAGE_PROCESS",
]
