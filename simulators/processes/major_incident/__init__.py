"""Major incident management: the major incident lifecycle, its tasks and communications."""

from simulators.processes.major_incident.lifecycle import (
    GOVERNANCE_ESCALATION,
    MAJOR_INCIDENT_LIFECYCLE,
    TASK_OPEN,
)
from simulators.processes.major_incident.process import INCIDENT_PROCESS
from simulators.processes.major_incident.settings import read_major_incident_settings

__all__ = [
    "GOVERNANCE_ESCALATION",
    "INCIDENT_PROCESS",
    "MAJOR_INCIDENT_LIFECYCLE",
    "TASK_OPEN",
    "read_major_incident_settings",
]
