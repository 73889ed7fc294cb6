"""The incident process as a desk runs it: incidents with their major incident plugin and timers."""

from simulators.desk import Process, own
from simulators.processes.incident import INCIDENT, INCIDENT_LIFECYCLE, AutoClose
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
"""Major incident management is a plugin of incident management in ServiceNow: the incident table's
rules are the incident rules with the major incident ones built on them, so the process that
runs incidents is assembled here, beside the plugin; the incident package knows nothing of it."""
