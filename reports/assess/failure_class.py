"""Which class a non-passing scenario's failure belongs to: product, test or environment.

The classes and their signs are data in vocabulary/failure_classes.py, shared with the Allure
categories `ort run` writes, so the report and Allure always agree.
"""

from __future__ import annotations

from reports.read import FAILING, RawResult
from vocabulary import FAILURE_CLASSES_BY_KEY, FailureClass, failure_class_of

#: Allure statuses of a scenario that ran and did not pass.
NOT_PASSING = FAILING | {"unknown"}


def failure_class(result: RawResult) -> str:
    """The class key of a failed, broken or unknown result ("" for one that passed or was
    skipped)."""
    if result.status not in NOT_PASSING:
        return ""
    step = next((s for s in result.steps if s.status in FAILING), None)
    message = result.message or (step.message if step else "")
    return failure_class_of(result.status, message, result.trace).key


def class_of(key: str) -> FailureClass | None:
    """The declared class of a key, or None for a passing scenario's empty key."""
    return FAILURE_CLASSES_BY_KEY.get(key)
