"""Service desks for ORT: the reference desk (a ServiceNow Table API subset) and party desks."""

from simulators.assembly import build_desk, default_sla_config
from simulators.clock import SystemClock, VirtualClock
from simulators.config import DeskConfig, load_desk_config
from simulators.desk.desk import Desk
from simulators.desk.server import DeskServer
from simulators.errors import ConfigError, RequestError, SimulatorError
from simulators.parties.fleet import Fleet
from simulators.parties.roster import Roster, load_roster, run_passwords

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
    "build_desk",
    "default_sla_config",
    "load_desk_config",
    "load_roster",
    "run_passwords",
]
