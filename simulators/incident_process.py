"""The incident process: the incident table, its rules and its auto-close timer."""

from simulators.incident_lifecycle import INCIDENT_LIFECYCLE
from simulators.incident_rules import IncidentRules
from simulators.process import Process
from simulators.schema import INCIDENT
from simulators.timers import AutoClose

INCIDENT_PROCESS = Process(
    name="incident",
    schemas=(INCIDENT,),
    rules={"incident": IncidentRules},
    timers=(AutoClose,),
    lifecycles=(INCIDENT_LIFECYCLE,),
)
