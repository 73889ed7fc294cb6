"""The tag vocabulary scenarios carry and the report classifies by, declared as data."""

from __future__ import annotations

import re
from types import MappingProxyType

#: Process tags, in the order the report lists them.
PROCESSES: tuple[str, ...] = (
    "incident",
    "sla",
    "major_incident",
    "problem",
    "change",
    "request",
    "triage",
    "cpsd",
)

#: Party role codes and their names (DOMAIN.md §2), in report order.
PARTIES: MappingProxyType[str, str] = MappingProxyType(
    {
        "supplier": "Supplier",
        "ldso": "LDSO (DNO or iDNO)",
        "mss": "Metering Service (Smart)",
        "msa": "Metering Service (Advanced)",
        "sds": "Data Service (Smart)",
        "ads": "Data Service (Advanced)",
        "umsds": "Data Service (Unmetered)",
        "dcp": "DIP Connection Provider",
        "software_provider": "Software provider",
        "elexon": "Elexon service desk",
    }
)

#: Severity tags and the defect severity a failure of the scenario carries.
SEVERITY_TAGS: MappingProxyType[str, int] = MappingProxyType(
    {"severity_1": 1, "severity_2": 2, "severity_3": 3, "severity_4": 4}
)

#: Severity when a scenario carries no severity tag or label.
DEFAULT_SEVERITY = 3

#: Defect severity names (DOMAIN.md §6).
SEVERITY_NAMES: MappingProxyType[int, str] = MappingProxyType(
    {1: "1 Critical", 2: "2 High", 3: "3 Medium", 4: "4 Low"}
)

#: Allure `severity` label values (written by the suite's hook) and the severity they mean.
SEVERITY_LABELS: MappingProxyType[str, int] = MappingProxyType(
    {"blocker": 1, "critical": 2, "normal": 3, "minor": 4, "trivial": 4}
)

#: Priority tags, in report order.
PRIORITIES: tuple[str, ...] = ("p1", "p2", "p3", "p4")

#: A scenario whose subject is a breach: it lets a target lapse on purpose to check the breach is
#: detected and handled, so its SLA/OLA measures are breach handling, not performance.
EXPECTED_BREACH = "expected_breach"

#: Purpose tags.
PURPOSES: tuple[str, ...] = (
    "smoke",
    "mandatory",
    "sit_ops_retest",
    "manual",
    "virtual_time",
    EXPECTED_BREACH,
)

#: Stable scenario id tags: the CPSD runbook ids (a letter tells variants of one runbook entry
#: apart: cpsd_04a, cpsd_04b) and the ORT script ids.
ID_PATTERN = re.compile(r"^(?:cpsd_\d\d[a-z]?|ort_[a-z]+_\d{3})\Z")

#: Group name for a scenario with no process or no priority tag.
UNTAGGED = "untagged"

#: Names of the evidence attachments the suite adds to a scenario.
TIMELINE_ATTACHMENT = "timeline"
SLA_ATTACHMENT = "sla-measures"

#: SLA/OLA measures the report aggregates, with their display names, in report order.
MEASURES: MappingProxyType[str, str] = MappingProxyType(
    {
        "time_to_acknowledge": "Time to acknowledge",
        "time_to_resolve": "Time to resolve",
        "handoff_latency": "Hand-off latency",
    }
)
