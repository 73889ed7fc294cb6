"""Service desks for ORT: the reference desk (a ServiceNow Table API subset) and party desks.

The front door also assembles a desk: the desk core, the processes it runs, and the SLA keeper,
e-bonding and party behaviours that listen to its writes.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence

from simulators.clock import (
    Clock,
    SystemClock,
    VirtualClock,
    format_time,
    parse_duration,
    parse_time,
)
from simulators.config import DeskConfig, PartyConfig, UserConfig, load_desk_config
from simulators.desk import Desk, DeskServer, Process, latest_stored_time
from simulators.ebond import EBond, PeerDirectory
from simulators.errors import ConfigError, RequestError, SimulatorError
from simulators.parties import (
    Behaviour,
    FaultSwitch,
    Fleet,
    Roster,
    behaviour_endpoints,
    fault_endpoints,
    fault_middleware,
    load_roster,
    run_passwords,
)
from simulators.processes import PROCESSES
from simulators.sla import DEFAULT_SLA_CONFIG, SlaConfig, SlaKeeper, load_sla_config


@functools.cache
def default_sla_config() -> SlaConfig:
    """The packaged SLA configuration, read once per process."""
    return load_sla_config(DEFAULT_SLA_CONFIG)


def build_desk(
    config: DeskConfig,
    clock: Clock,
    store_url: str = "sqlite://",
    processes: Sequence[Process] = PROCESSES,
    passwords: Mapping[str, str] | None = None,
    sla_config: SlaConfig | None = None,
    peers: PeerDirectory | None = None,
) -> Desk:
    """A desk running `processes`, with SLAs, e-bonding to `peers`, a party script and faults.

    Each write reaches the SLA keeper, then e-bonding, then the party's behaviour; the clock
    fires the processes' timers, then the same three in that order.
    """
    sla = sla_config or default_sla_config()
    desk = Desk(config, clock, processes, calendars=sla.calendar, store_url=store_url)
    keeper = SlaKeeper(desk, sla)
    ebond = EBond(desk, peers or PeerDirectory())
    behaviour = Behaviour(desk)
    faults = FaultSwitch()
    desk.listen(keeper, ebond, behaviour)
    desk.http.add(fault_endpoints(faults), middleware=fault_middleware(faults))
    desk.http.add(behaviour_endpoints(behaviour))
    desk.open(passwords, seeders=(keeper,))
    for timer in (keeper, ebond, behaviour):
        clock.subscribe(timer)
    return desk


__all__ = [
    "ConfigError",
    "Desk",
    "DeskConfig",
    "DeskServer",
    "Fleet",
    "PartyConfig",
    "RequestError",
    "Roster",
    "SimulatorError",
    "SystemClock",
    "UserConfig",
    "VirtualClock",
    "build_desk",
    "default_sla_config",
    "format_time",
    "latest_stored_time",
    "load_desk_config",
    "load_roster",
    "parse_duration",
    "parse_time",
    "run_passwords",
]
