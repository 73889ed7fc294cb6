"""Service request fulfilment: the sc_request table, its request types and lifecycle."""

from simulators.processes.request.lifecycle import (
    CLOSED_COMPLETE,
    CLOSED_INCOMPLETE,
    IN_PROCESS,
    REQUEST_LIFECYCLE,
)
from simulators.processes.request.process import REQUEST_PROCESS
from simulators.processes.request.schema import REQUEST_STATES, REQUEST_TYPES

__all__ = [
    "CLOSED_COMPLETE",
    "CLOSED_INCOMPLETE",
    "IN_PROCESS",
    "REQUEST_LIFECYCLE",
    "REQUEST_PROCESS",
    "REQUEST_STATES",
    "REQUEST_TYPES",
]
