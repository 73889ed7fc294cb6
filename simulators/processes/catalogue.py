"""Every process a desk runs, in one list, and the table catalogue assembled from them."""

from __future__ import annotations

from simulators.desk import (
    SYS_AUDIT,
    SYS_EMAIL,
    SYS_JOURNAL_FIELD,
    SYS_USER,
    SYS_USER_GROUP,
    Process,
    TableSchema,
)
from simulators.ebond import EBOND_LINK, EBOND_MESSAGE, EBOND_RECEIPT
from simulators.processes.change import CHANGE_PROCESS
from simulators.processes.major_incident import INCIDENT_PROCESS
from simulators.processes.problem import PROBLEM_PROCESS
from simulators.processes.request import REQUEST_PROCESS
from simulators.processes.triage import TRIAGE_PROCESS
from simulators.sla import CONTRACT_SLA, TASK_SLA

PLATFORM = Process(
    name="platform",
    schemas=(SYS_USER, SYS_USER_GROUP, SYS_JOURNAL_FIELD, SYS_AUDIT, SYS_EMAIL),
)
SLA = Process(name="sla", schemas=(CONTRACT_SLA, TASK_SLA))
EBONDING = Process(name="ebonding", schemas=(EBOND_LINK, EBOND_MESSAGE, EBOND_RECEIPT))

PROCESSES: tuple[Process, ...] = (
    PLATFORM,
    SLA,
    EBONDING,
    INCIDENT_PROCESS,
    PROBLEM_PROCESS,
    CHANGE_PROCESS,
    REQUEST_PROCESS,
    TRIAGE_PROCESS,
)
"""Add a process here to give every desk its tables, rules and timers."""


def table_catalogue(processes: tuple[Process, ...] = PROCESSES) -> dict[str, TableSchema]:
    """Every table of every process, by name."""
    return {schema.name: schema for process in processes for schema in process.schemas}
