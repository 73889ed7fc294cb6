"""Service desks for ORT: the reference desk (a ServiceNow Table API subset) and party desks."""

from simulators.clock import SystemClock, VirtualClock
from simulators.config import DeskConfig, load_desk_config
from simulators.desk import Desk
from simulators.errors import ConfigError, RequestError, SimulatorError
from simulators.fleet import Fleet
from simulators.roster import Roster, load_roster, run_passwords
from simulators.server import DeskServer

__all__ = [
    "ConfigError",
    "Desk",
    "DeskConfig",
    "DeskServer",
    "Fleet",
    "RequestError",
    "Roster",
    "SimulatorError",
    "SystemClock",
    "VirtualClock",
    "load_desk_config",
    "load_roster",
    "run_passwords",
]
