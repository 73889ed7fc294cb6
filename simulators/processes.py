"""Every process a desk runs, in one list, and the table catalogue assembled from them."""

from __future__ import annotations

from simulators.change_process import CHANGE_PROCESS
from simulators.ebond_schema import EBOND_LINK, EBOND_MESSAGE, EBOND_RECEIPT
from simulators.incident_process import INCIDENT_PROCESS
from simulators.problem_process import PROBLEM_PROCESS
from simulators.process import Process
from simulators.request_process import REQUEST_PROCESS
from simulators.schema import (
    CONTRACT_SLA,
    SYS_AUDIT,
    SYS_EMAIL,
    SYS_JOURNAL_FIELD,
    SYS_USER,
    SYS_USER_GROUP,
    TASK_SLA,
    TableSchema,
)
from simulators.triage_process import TRIAGE_PROCESS

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
