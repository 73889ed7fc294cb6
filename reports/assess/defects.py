"""The defect register: loading it, and matching the run's failures to known defects."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from reports.assess.classification import Scenario
from reports.errors import DefectRegisterError
from tomlconfig import TomlTable, load_toml
from vocabulary import FAILURE_CLASSES_BY_KEY, ID_PATTERN, PARTIES, PRODUCT, TEST

#: Statuses a register may give, and how the report treats them.
REGISTER_STATUSES: tuple[str, ...] = (
    "open",
    "in_progress",
    "fixed",
    "closed",
    "rejected",
    "deferred",
)
#: Statuses the report adds: a failure nobody triaged yet, and a closed defect failing again.
NEW = "new"
REOPENED = "reopened"
OPEN_STATUSES = frozenset({NEW, "open", "in_progress", REOPENED})
CLOSED_STATUSES = frozenset({"fixed", "closed", "rejected"})
DEFERRED = "deferred"
#: Prefix of the id the report gives a new, untriaged defect.
NEW_ID_PREFIX = "NEW-"


@dataclass(frozen=True)
class Defect:
    """A defect: from the register, or new (a failure with no known defect)."""

    defect_id: str
    title: str
    severity: int
    status: str
    owner: str
    workaround: str
    accepted_by: str
    plan: str
    scenarios: tuple[str, ...]
    new: bool = False
    failing: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    #: product, test or environment; a register's defects are product defects.
    failure_class: str = PRODUCT

    @property
    def is_open(self) -> bool:
        """Whether the defect is open (new, open, in progress or reopened)."""
        return self.status in OPEN_STATUSES

    @property
    def workaround_accepted(self) -> bool:
        """Whether a workaround exists and someone accepted it."""
        return bool(self.workaround.strip() and self.accepted_by.strip())


@dataclass(frozen=True)
class DefectBook:
    """The register joined to the run: every defect, and which defects each scenario maps to."""

    defects: tuple[Defect, ...]
    by_scenario: dict[str, tuple[str, ...]]
    source: str

    def of(self, scenario: Scenario) -> tuple[Defect, ...]:
        """The defects a scenario maps to (known ones, or its new one)."""
        ids = self.by_scenario.get(scenario.key, ())
        return tuple(d for d in self.defects if d.defect_id in ids)

    def covered_by_workaround(self, scenario: Scenario) -> bool:
        """Whether a failing scenario maps to known defects whose open ones all have an
        accepted workaround (or are deferred)."""
        defects = [d for d in self.of(scenario) if not d.new]
        if not defects:
            return False
        return all(d.workaround_accepted for d in defects if d.is_open)


def load_register(path: Path) -> tuple[Defect, ...]:
    """Read a defect register file; every key and value is checked."""
    data = load_toml(path, "defect register", DefectRegisterError)
    root = TomlTable(path, "", data, DefectRegisterError)
    entries = root.take(
        "defect", [], lambda v: isinstance(v, list), "an array of [[defect]] tables"
    )
    root.finish()
    defects: list[Defect] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise root.fail("defect", entry, "an array of [[defect]] tables")
        defect = _defect(TomlTable(path, f"defect[{index}]", entry, DefectRegisterError))
        if defect.defect_id in seen:
            raise root.error(
                f"key 'defect[{index}].id' has value {defect.defect_id!r}, "
                "which an earlier defect already uses; ids must be unique"
            )
        seen.add(defect.defect_id)
        defects.append(defect)
    return tuple(defects)


def _defect(table: TomlTable) -> Defect:
    """One [[defect]] table."""
    defect_id = table.take_str("id", required=True).strip()
    if not defect_id or defect_id.startswith(NEW_ID_PREFIX):
        raise table.fail("id", defect_id, f"a non-empty id not starting with {NEW_ID_PREFIX!r}")
    severity = table.take_int("severity", None, 1, 4)
    if severity is None:
        raise table.error(f"key '{table.name('severity')}' is missing; expected 1, 2, 3 or 4")
    defect = Defect(
        defect_id=defect_id,
        title=table.take_str("title", required=True),
        severity=severity,
        status=table.take_choice("status", "open", REGISTER_STATUSES),
        owner=table.take_choice("owner", "", ("", *PARTIES)),
        workaround=table.take_str("workaround"),
        accepted_by=table.take_str("accepted_by"),
        plan=table.take_str("plan"),
        scenarios=table.take_list(
            "scenarios",
            (),
            lambda v: isinstance(v, str) and bool(ID_PATTERN.match(v)),
            'a list of scenario id tags such as "ort_inc_001" or "cpsd_01"',
        ),
    )
    if defect.accepted_by and not defect.workaround:
        raise table.fail("accepted_by", defect.accepted_by, "a workaround to accept (none given)")
    table.finish()
    return defect


def join_defects(
    register: Iterable[Defect], scenarios: Iterable[Scenario], source: str
) -> DefectBook:
    """Match failing scenarios to known defects; each unmatched failure becomes a new defect."""
    scenarios = tuple(scenarios)
    known = list(register)
    by_id = {s.scenario_id: s for s in scenarios}
    by_scenario: dict[str, tuple[str, ...]] = {}
    failing_ids: dict[str, list[str]] = {d.defect_id: [] for d in known}
    untriaged: dict[tuple[str, str], list[Scenario]] = {}
    for scenario in scenarios:
        matched = [d for d in known if scenario.scenario_id in d.scenarios]
        if matched:
            by_scenario[scenario.key] = tuple(d.defect_id for d in matched)
            if scenario.failing:
                for defect in matched:
                    failing_ids[defect.defect_id].append(scenario.scenario_id)
        elif scenario.failing:
            # examples of one Scenario Outline share an id: one new defect covers them all,
            # one entry per failure class (a test defect never hides a product defect)
            entry = (scenario.scenario_id, scenario.failure_class or PRODUCT)
            untriaged.setdefault(entry, []).append(scenario)
    new = [_new_defect(group) for group in untriaged.values()]
    for defect, group in zip(new, untriaged.values(), strict=True):
        for scenario in group:
            by_scenario[scenario.key] = (defect.defect_id,)
    joined = [_annotate(d, tuple(dict.fromkeys(failing_ids[d.defect_id])), by_id) for d in known]
    return DefectBook(defects=(*joined, *new), by_scenario=by_scenario, source=source)


#: Infix of a new entry's id by class: NEW-cpsd_02 (product), NEW-TEST-cpsd_02, NEW-ENV-cpsd_02.
CLASS_ID_INFIX = {PRODUCT: "", TEST: "TEST-", "environment": "ENV-"}


def _new_defect(group: list[Scenario]) -> Defect:
    """The untriaged entry that failures of one scenario id and class with no known defect
    raise: a product defect at the scenario's severity, a test defect or an environment
    problem never above its class's severity floor (severity 3)."""
    scenario = group[0]
    key = scenario.failure_class or PRODUCT
    floor = FAILURE_CLASSES_BY_KEY[key].severity_floor
    severity = min(s.severity for s in group)
    if floor is not None:
        severity = max(severity, floor)
    examples = f" ({len(group)} examples)" if len(group) > 1 else ""
    notes = ["untriaged: no known defect links this scenario"]
    if key != PRODUCT:
        notes.append(f"{FAILURE_CLASSES_BY_KEY[key].label.lower()}: {scenario.message[:200]}")
    return Defect(
        defect_id=f"{NEW_ID_PREFIX}{CLASS_ID_INFIX.get(key, '')}{scenario.scenario_id}",
        title=f"{scenario.title}: {scenario.failing_step or scenario.outcome.value}{examples}",
        severity=severity,
        status=NEW,
        # a test defect is the test authors', not the scenario's party's
        owner="" if key == TEST else scenario.owner,
        workaround="",
        accepted_by="",
        plan="",
        scenarios=(scenario.scenario_id,),
        new=True,
        failing=(scenario.scenario_id,),
        notes=tuple(notes),
        failure_class=key,
    )


def _annotate(defect: Defect, failing: tuple[str, ...], by_id: dict[str, Scenario]) -> Defect:
    """Give a known defect its failing scenarios, a reopened status, and notes for the board."""
    notes: list[str] = []
    status = defect.status
    if failing and status in CLOSED_STATUSES:
        status = REOPENED
        notes.append(f"register says {defect.status}, but {', '.join(failing)} still fail")
    linked = [s for s in defect.scenarios if s in by_id]
    missing = [s for s in defect.scenarios if s not in by_id]
    if missing:
        notes.append(f"not in this run: {', '.join(missing)}")
    if (
        defect.is_open
        and linked
        and not failing
        and all(by_id[s].outcome == "passed" for s in linked)
    ):
        notes.append("every linked scenario passed in this run: consider closing")
    return replace(defect, status=status, failing=failing, notes=tuple(notes))
