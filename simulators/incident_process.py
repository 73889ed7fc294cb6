"""The incident process: incidents with major incident management, review tasks and their timers."""

from simulators.communications import CommunicationPlan
from simulators.incident_lifecycle import INCIDENT_LIFECYCLE
from simulators.major_incident import (
    INCIDENT_TASK,
    INCIDENT_TASK_LIFECYCLE,
    MAJOR_INCIDENT_LIFECYCLE,
)
from simulators.major_incident_rules import IncidentTaskRules, MajorIncidentRules
from simulators.process import Process
from simulators.schema import INCIDENT
from simulators.timers import AutoClose

INCIDENT_PROCESS = Process(
    name="incident",
    schemas=(INCIDENT, INCIDENT_TASK),
    rules={"incident": MajorIncidentRules, "incident_task": IncidentTaskRules},
    timers=(AutoClose, CommunicationPlan),
    lifecycles=(INCIDENT_LIFECYCLE, MAJOR_INCIDENT_LIFECYCLE, INCIDENT_TASK_LIFECYCLE),
)
"""Major incident management is part of incident management in ServiceNow (a plugin of it), so
its lifecycle, its communication plan and its Post Incident Review task table live here."""
