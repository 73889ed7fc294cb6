"""Failure classes declared as data: product, test and environment, and the signs of each.

One source of truth for the report's classification (reports/assess/failure_class.py) and the
Allure categories `ort run` writes (categories.json). A non-passing scenario is checked against
the classes in order; the first whose status and message or trace pattern matches wins, and a
failure matching none is a product defect (a desk did something other than expected).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

PRODUCT = "product"
TEST = "test"
ENVIRONMENT = "environment"


@dataclass(frozen=True)
class FailureClass:
    """One class of failure: its key, its names, and the signs in an Allure result that show it.

    An assertion (Allure status `failed`) is always a product defect: only an error (`broken`)
    can show a test defect or an environment problem."""

    key: str
    label: str
    category: str
    description: str
    statuses: tuple[str, ...]
    message_patterns: tuple[str, ...]
    #: The most serious severity a defect of this class can carry (None: the scenario's own).
    severity_floor: int | None

    @property
    def message_regex(self) -> str:
        """One regex matching a whole message or trace that shows any of the patterns."""
        return "(?s).*(?:" + "|".join(self.message_patterns) + ").*"

    def matches(self, status: str, message: str, trace: str = "") -> bool:
        """Whether a non-passing result with this status, message and trace shows this class."""
        if status not in self.statuses:
            return False
        pattern = re.compile("|".join(self.message_patterns))
        return bool(pattern.search(message) or pattern.search(trace))


#: Harness errors showing the scenario itself is wrong: bad feature data (fixtures/errors.py).
_BAD_FEATURE_DATA = (
    r"fixtures\.errors\.(?:StepDataError|MomentError|ScriptError|NothingToRefer|UnknownParty"
    r"|MarketDataError|MpanError|DistributorError|UnknownRoleError|SettlementWindowError)\b"
)

#: The classes in matching order: environment and test defects first, product last (the rest).
FAILURE_CLASSES: tuple[FailureClass, ...] = (
    FailureClass(
        key=ENVIRONMENT,
        label="Environment problem",
        category="Environment problems",
        description="a desk did not answer or the run timed out: the scenario was blocked",
        statuses=("broken", "unknown"),
        message_patterns=(
            r"\bDeskUnreachable\b",
            r"\bdid not answer\b",
            r"\bTimeout(?:Error|Expired)?\b",
            r"\btimed out\b",
            r"\bConnection(?:Refused|Reset|Aborted)?Error\b",
        ),
        severity_floor=3,
    ),
    FailureClass(
        key=TEST,
        label="Test defect",
        category="Test defects",
        description=(
            "the scenario cannot run as written: an undefined or ambiguous step, bad data in "
            "a feature, or a broken configuration"
        ),
        statuses=("broken", "unknown"),
        message_patterns=(
            r"\bStepDefinitionNotFoundError\b",
            r"Step definition is not found",
            r"\bStepImplementationError\b",
            r"\bFeatureError\b",
            r"\bGherkinParseError\b",
            r"\bambiguous step\b",
            _BAD_FEATURE_DATA,
            r"\b(?:ConfigError|SlaConfigError|LifecycleDefinitionError|TomlConfigError"
            r"|TomlFileError|TomlKeyError)\b",
        ),
        severity_floor=3,
    ),
    FailureClass(
        key=PRODUCT,
        label="Product defect",
        category="Product defects",
        description="a desk did something other than the scenario expects",
        statuses=("failed", "broken", "unknown"),
        message_patterns=(r".",),
        severity_floor=None,
    ),
)

#: The class keys in report order.
FAILURE_CLASS_KEYS: tuple[str, ...] = (PRODUCT, TEST, ENVIRONMENT)
FAILURE_CLASSES_BY_KEY: dict[str, FailureClass] = {c.key: c for c in FAILURE_CLASSES}


def failure_class_of(status: str, message: str, trace: str = "") -> FailureClass:
    """The class of a non-passing result: the first that matches, else a product defect."""
    for failure_class in FAILURE_CLASSES:
        if failure_class.matches(status, message, trace):
            return failure_class
    return FAILURE_CLASSES_BY_KEY[PRODUCT]


def allure_categories() -> list[dict[str, Any]]:
    """categories.json for an allure-results folder: one category per class, in matching order.

    Allure gives a result the first category whose status and (whole-text) message regex match,
    as `failure_class_of` does; product defects match any failed or broken result left over.
    """
    categories: list[dict[str, Any]] = []
    for failure_class in FAILURE_CLASSES:
        category: dict[str, Any] = {
            "name": failure_class.category,
            "description": failure_class.description,
            "matchedStatuses": list(failure_class.statuses),
        }
        if failure_class.key != PRODUCT:
            category["messageRegex"] = failure_class.message_regex
        categories.append(category)
    return categories
