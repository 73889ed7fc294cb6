"""The process catalogue: every process a desk runs, and the tables they bring, each once."""

from __future__ import annotations

from simulators.processes.catalogue import PROCESSES, table_catalogue


def test_the_desk_runs_the_platform_and_every_itsm_process() -> None:
    """Platform tables, SLAs and e-bonding come first, then the ITSM processes."""
    assert [process.name for process in PROCESSES][:3] == ["platform", "sla", "ebonding"]
    assert {"incident", "problem", "change", "request", "triage"} <= {p.name for p in PROCESSES}


def test_every_table_belongs_to_exactly_one_process() -> None:
    """No two processes declare a table of the same name."""
    names = [schema.name for process in PROCESSES for schema in process.schemas]

    assert len(names) == len(set(names))
    assert set(table_catalogue()) == set(names)


def test_the_catalogue_holds_the_tables_the_table_api_serves() -> None:
    """Task tables, the platform's tables and the SLA and e-bond tables are all there."""
    tables = table_catalogue()

    for name in ("incident", "problem", "change_request", "sc_request", "interaction"):
        assert name in tables
    for name in ("sys_user", "sys_journal_field", "task_sla", "u_ebond_link"):
        assert name in tables


def test_a_catalogue_can_be_built_from_chosen_processes() -> None:
    """Only the tables of the processes given."""
    platform = PROCESSES[0]

    assert set(table_catalogue((platform,))) == {s.name for s in platform.schemas}


def test_each_process_documents_its_state_machines() -> None:
    """The processes with lifecycles declare them for docs/lifecycles.md."""
    with_lifecycles = {p.name for p in PROCESSES if p.lifecycles}

    assert {"incident", "problem", "change", "request", "triage"} <= with_lifecycles
