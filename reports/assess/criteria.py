"""The exit criteria: their definitions as data, and reading a criteria file against them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reports.errors import CriteriaFileError
from tomlconfig import TomlTable, load_toml

TAG_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
CONDITIONAL_GO_POLICIES = ("pass", "fail")


class Rag(StrEnum):
    """Red / amber / green status of an exit criterion."""

    GREEN = "GREEN"
    AMBER = "AMBER"
    RED = "RED"


@dataclass(frozen=True)
class CriterionRule:
    """One exit criterion with its settings; None means the setting does not apply to it."""

    key: str
    title: str
    enabled: bool = True
    threshold: float | None = None
    amber_threshold: float | None = None
    tag: str | None = None
    severities: tuple[int, ...] | None = None
    on_miss: Rag | None = None

    @property
    def display_title(self) -> str:
        """The title with the rule's tag and severities filled in."""
        severities = " or ".join(str(s) for s in self.severities or ())
        return self.title.format(tag=self.tag or "", severities=severities)


#: The exit criteria, in report order, with their defaults (DOMAIN.md §6).
#: A criteria file may change any setting shown here, but not add settings a rule lacks.
DEFAULT_RULES: tuple[CriterionRule, ...] = (
    CriterionRule(
        "all_executed",
        "All in-scope scenarios executed",
        threshold=100.0,
        amber_threshold=90.0,
    ),
    CriterionRule(
        "mandatory_passed",
        "Mandatory scenarios (@{tag}) passed",
        tag="mandatory",
        on_miss=Rag.RED,
    ),
    CriterionRule(
        "pass_rate",
        "Pass rate of executed scenarios",
        threshold=95.0,
        amber_threshold=80.0,
    ),
    CriterionRule(
        "blocking_defects",
        "No open severity {severities} defect without an accepted workaround",
        severities=(1, 2),
        on_miss=Rag.RED,
    ),
    CriterionRule(
        "minor_defects_planned",
        "Open severity {severities} defects have an owner and a plan",
        severities=(3,),
        on_miss=Rag.AMBER,
    ),
    CriterionRule(
        "sit_ops_retests",
        "SIT Operations retests (@{tag}) closed or deferred",
        tag="sit_ops_retest",
        on_miss=Rag.RED,
    ),
    CriterionRule(
        "no_test_defects",
        "No test defect: the run is valid",
        on_miss=Rag.AMBER,
    ),
    CriterionRule(
        "no_environment_problems",
        "No scenario blocked by the environment",
        on_miss=Rag.AMBER,
    ),
    CriterionRule(
        "results_intact",
        "Every result file readable",
        on_miss=Rag.AMBER,
    ),
)


@dataclass(frozen=True)
class Criteria:
    """A criteria file, read: the gate policy, the scope and every rule."""

    source: str
    conditional_go: str
    out_of_scope_tags: tuple[str, ...]
    rules: tuple[CriterionRule, ...]

    @property
    def enabled(self) -> tuple[CriterionRule, ...]:
        """The rules the run is judged by."""
        return tuple(r for r in self.rules if r.enabled)


def default_criteria(source: str = "built-in defaults") -> Criteria:
    """The criteria when no file says otherwise."""
    return Criteria(source, "fail", (), DEFAULT_RULES)


def load_criteria(path: Path) -> Criteria:
    """Read a criteria file; unknown keys and bad values name the file, key and value."""
    root = TomlTable(
        path, "", load_toml(path, "criteria file", CriteriaFileError), CriteriaFileError
    )
    gate = root.take_table("gate")
    conditional_go = gate.take_choice("conditional_go", "fail", CONDITIONAL_GO_POLICIES)
    gate.finish()
    scope = root.take_table("scope")
    out_of_scope = scope.take_list(
        "out_of_scope_tags",
        (),
        lambda v: isinstance(v, str) and bool(TAG_PATTERN.match(v)),
        'a list of tags such as "manual"',
    )
    scope.finish()
    table = root.take_table("criteria")
    rules = tuple(_rule(table.take_table(rule.key), rule) for rule in DEFAULT_RULES)
    table.finish()
    root.finish()
    return Criteria(str(path), conditional_go, out_of_scope, rules)


def _rule(table: TomlTable, default: CriterionRule) -> CriterionRule:
    """A rule with the file's settings over the defaults; only settings the rule has."""
    enabled = table.take_bool("enabled", default.enabled)
    threshold, amber = default.threshold, default.amber_threshold
    if threshold is not None and amber is not None:
        threshold = table.take_percent("threshold", threshold)
        amber = table.take_percent("amber_threshold", amber)
        if amber > threshold:
            raise table.fail(
                "amber_threshold", amber, f"a number no greater than threshold ({threshold:g})"
            )
    tag = default.tag
    if tag is not None:
        tag = str(
            table.take(
                "tag",
                tag,
                lambda v: isinstance(v, str) and bool(TAG_PATTERN.match(v)),
                "a tag in lower_snake_case",
            )
        )
    severities = default.severities
    if severities is not None:
        severities = table.take_list(
            "severities",
            severities,
            lambda v: isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 4,
            "a list of severities from 1 to 4, such as [1, 2]",
        )
    on_miss = default.on_miss
    if on_miss is not None:
        on_miss = Rag(table.take_choice("on_miss", on_miss.lower(), ("red", "amber")).upper())
    table.finish()
    return CriterionRule(
        key=default.key,
        title=default.title,
        enabled=enabled,
        threshold=threshold,
        amber_threshold=amber,
        tag=tag,
        severities=severities,
        on_miss=on_miss,
    )
