"""The incident process: incidents with major incident management, review tasks and their timers."""

from simulators.desk.process import Process, own
from simulators.processes.incident.auto_close import AutoClose
from simulators.processes.incident.lifecycle import INCIDENT_LIFECYCLE
from simulators.processes.incident.schema import INCIDENT
from simulators.processes.major_incident.communications import CommunicationPlan
from simulators.processes.major_incident.lifecycle import (
    INCIDENT_TASK,
    INCIDENT_TASK_LIFECYCLE,
    MAJOR_INCIDENT_LIFECYCLE,
)
from simulators.processes.major_incident.rules import IncidentTaskRules, MajorIncidentRules

INCIDENT_PROCESS = Process(
    name="incident",
    schemas=(INCIDENT, INCIDENT_TASK),
    rules=(own("incident", MajorIncidentRules), own("incident_task", IncidentTaskRules)),
    timers=(AutoClose, CommunicationPlan),
    lifecycles=(INCIDENT_LIFECYCLE, MAJOR_INCIDENT_LIFECYCLE, INCIDENT_TASK_LIFECYCLE),
)
"""Major incident management is part of incident management in ServiceNow (a plugin of it), so
its lifecycle, its communication plan and its Post Incident Review task table live here."""
