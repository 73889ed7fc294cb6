"""The test-mode side of party desks: scripted behaviours, faults, the roster and its fleet."""

from simulators.parties.behaviour import Behaviour
from simulators.parties.endpoints import behaviour_endpoints, fault_endpoints, fault_middleware
from simulators.parties.faults import FaultSwitch
from simulators.parties.fleet import Fleet, ServedDesk, peer_directory
from simulators.parties.roster import RealDesk, Roster, desk_config_for, load_roster, run_passwords

__all__ = [
    "Behaviour",
    "FaultSwitch",
    "Fleet",
    "RealDesk",
    "Roster",
    "ServedDesk",
    "behaviour_endpoints",
    "desk_config_for",
    "fault_endpoints",
    "fault_middleware",
    "load_roster",
    "peer_directory",
    "run_passwords",
]
