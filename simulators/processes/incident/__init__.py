"""Incident management: the incident table, its lifecycle, parent/child rules and auto-close."""

from simulators.processes.incident.auto_close import AutoClose
from simulators.processes.incident.lifecycle import (
    ACTIVE_STATES,
    AWAITING_PROBLEM,
    CANCELED,
    IN_PROGRESS,
    INCIDENT_LIFECYCLE,
    ON_HOLD,
    RESOLVED,
)
from simulators.processes.incident.rules import IncidentRules
from simulators.processes.incident.schema import (
    HOLD_REASONS,
    IMPACTS,
    INCIDENT,
    INCIDENT_CATEGORIES,
    INCIDENT_STATES,
    PRIORITIES,
    URGENCIES,
)

__all__ = [
    "ACTIVE_STATES",
    "AWAITING_PROBLEM",
    "CANCELED",
    "HOLD_REASONS",
    "IMPACTS",
    "INCIDENT",
    "INCIDENT_CATEGORIES",
    "INCIDENT_LIFECYCLE",
    "INCIDENT_STATES",
    "IN_PROGRESS",
    "ON_HOLD",
    "PRIORITIES",
    "RESOLVED",
    "URGENCIES",
    "AutoClose",
    "IncidentRules",
]
