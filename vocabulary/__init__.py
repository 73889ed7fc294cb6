"""The tag and role vocabulary shared by harness and report: processes, parties, severities."""

from vocabulary.market_time import LONDON
from vocabulary.tags import (
    DEFAULT_SEVERITY,
    EXPECTED_BREACH,
    ID_PATTERN,
    MEASURES,
    PARTIES,
    PRIORITIES,
    PROCESSES,
    PURPOSES,
    SEVERITY_LABELS,
    SEVERITY_NAMES,
    SEVERITY_TAGS,
    SLA_ATTACHMENT,
    TIMELINE_ATTACHMENT,
    UNTAGGED,
)

__all__ = [
    "DEFAULT_SEVERITY",
    "EXPECTED_BREACH",
    "ID_PATTERN",
    "LONDON",
    "MEASURES",
    "PARTIES",
    "PRIORITIES",
    "PROCESSES",
    "PURPOSES",
    "SEVERITY_LABELS",
    "SEVERITY_NAMES",
    "SEVERITY_TAGS",
    "SLA_ATTACHMENT",
    "TIMELINE_ATTACHMENT",
    "UNTAGGED",
]
