"""Specification of table rules composed from every process's contributions."""

from __future__ import annotations

from typing import Any

from simulators.config import DeskConfig, load_desk_config
from simulators.desk.process import EXTENSION, OWN, Process, extend, own
from simulators.desk.rules import ComposedRules, compose_rules, ordered_contributions
from simulators.desk.services import TableRules, WriteContext
from simulators.desk.store import Row
from simulators.desk.values import Submission

CALLS: list[str] = []


def recording(name: str) -> type[TableRules]:
    """A rules class that records each hook it runs as '<name>.<hook>'."""

    class Recording(TableRules):
        def __init__(self, config: DeskConfig) -> None:
            self.config = config

        def on_insert(self, ctx: WriteContext, record: dict[str, str], sub: Submission) -> None:
            CALLS.append(f"{name}.on_insert")

        def on_update(
            self, ctx: WriteContext, before: Row, record: dict[str, str], sub: Submission
        ) -> None:
            CALLS.append(f"{name}.on_update")

        def after_write(self, ctx: WriteContext, before: Row | None, after: Row) -> None:
            CALLS.append(f"{name}.after_write")

    Recording.__name__ = f"Recording_{name}"
    return Recording


OWNER = Process("incident", (), rules=(own("incident", recording("owner")),))
LINKS = Process("problem", (), rules=(extend("incident", recording("links")),))
AUDIT = Process("audit", (), rules=(extend("incident", recording("audit")),))


def run_every_hook(rules: TableRules) -> list[str]:
    CALLS.clear()
    ctx: Any = None
    rules.on_insert(ctx, {}, Submission())
    rules.on_update(ctx, {}, {}, Submission())
    rules.after_write(ctx, None, {})
    return list(CALLS)


def test_own_and_extend_declare_their_layers() -> None:
    """A table's own rules sit on the inner layer; another process's additions outside them."""
    assert own("incident", recording("a")).layer == OWN
    assert extend("incident", recording("b")).layer == EXTENSION > OWN


def test_extensions_run_before_the_owner_and_after_it_once_written() -> None:
    """Composed rules nest like wrappers: outer first before the write, inner first after it."""
    rules = compose_rules((OWNER, LINKS), load_desk_config())["incident"]

    assert run_every_hook(rules) == [
        "links.on_insert",
        "owner.on_insert",
        "links.on_update",
        "owner.on_update",
        "owner.after_write",
        "links.after_write",
    ]


def test_the_order_of_the_process_list_does_not_matter() -> None:
    """Contributions are ordered by layer, then by process name, never by list position."""
    config = load_desk_config()
    forward = compose_rules((OWNER, LINKS, AUDIT), config)["incident"]
    backward = compose_rules((AUDIT, LINKS, OWNER), config)["incident"]

    assert run_every_hook(forward) == run_every_hook(backward)
    assert [p.name for p, _ in ordered_contributions((LINKS, OWNER, AUDIT), "incident")] == [
        "audit",
        "problem",
        "incident",
    ]


def test_a_single_contribution_is_used_as_it_is() -> None:
    """A table with one process's rules gets those rules, not a composition of one."""
    rules = compose_rules((OWNER,), load_desk_config())["incident"]

    assert not isinstance(rules, ComposedRules)
    assert type(rules).__name__ == "Recording_owner"
