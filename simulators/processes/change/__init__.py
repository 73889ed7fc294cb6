"""Change management: change requests by type, CAB approvals, scheduling, freezes and notices."""

from simulators.processes.change.lifecycle import (
    APPROVAL_ROLES,
    AUTHORIZE,
    CANCELED,
    CHANGE_LIFECYCLES,
    CLOSED,
    EMERGENCY,
    NORMAL,
    SCHEDULED,
    STANDARD,
)
from simulators.processes.change.process import CHANGE_PROCESS
from simulators.processes.change.scheduling import nth_working_day_after
from simulators.processes.change.schema import (
    BUSINESS_SERVICES,
    CHANGE_APPROVAL,
    CHANGE_CLOSE_CODES,
    CHANGE_STATES,
)
from simulators.processes.change.settings import ChangeConfig, load_change_config

__all__ = [
    "APPROVAL_ROLES",
    "AUTHORIZE",
    "BUSINESS_SERVICES",
    "CANCELED",
    "CHANGE_APPROVAL",
    "CHANGE_CLOSE_CODES",
    "CHANGE_LIFECYCLES",
    "CHANGE_PROCESS",
    "CHANGE_STATES",
    "CLOSED",
    "EMERGENCY",
    "NORMAL",
    "SCHEDULED",
    "STANDARD",
    "ChangeConfig",
    "load_change_config",
    "nth_working_day_after",
]
