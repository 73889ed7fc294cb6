"""Failure classes as data: which class a failure's status and message show, and Allure's view."""

from __future__ import annotations

import re

import pytest

from vocabulary import (
    ENVIRONMENT,
    FAILURE_CLASS_KEYS,
    PRODUCT,
    TEST,
    allure_categories,
    failure_class_of,
)

#: What allure-pytest-bdd records for a misspelt step (copied from a real run).
MISSPELT = (
    "pytest_bdd.exceptions.StepDefinitionNotFoundError: Step definition is not found: "
    'Then "the incident is acceptd as a major incident". Line 22 in scenario "The first report" '
    'in the feature "features/cpsd/02_dip_outage_major_incident.feature"'
)
DESK_DOWN = (
    "deskclient.errors.DeskUnreachable: supplier did not answer GET "
    "http://127.0.0.1:8711/api/now/table/incident: ConnectionError"
)
BAD_DATA = "fixtures.errors.StepDataError: the incident desk knows no state 'Resolvd'"
WRONG_EXPECTATION = "AssertionError: incident INC0010001 is in state 'New'; expected 'Resolved'"

CASES = [
    ("broken", MISSPELT, TEST),
    ("broken", BAD_DATA, TEST),
    ("broken", "fixtures.errors.MomentError: 31 February 2026 is not a date", TEST),
    ("broken", "simulators.errors.ConfigError: roster names no desk for 'dcp'", TEST),
    ("broken", DESK_DOWN, ENVIRONMENT),
    ("broken", "requests.exceptions.ReadTimeout: read timed out", ENVIRONMENT),
    ("failed", WRONG_EXPECTATION, PRODUCT),
    ("failed", "AssertionError: the counterparty desk did not answer within 4 hours", PRODUCT),
    ("broken", "deskclient.errors.DeskRefused: POST /incident answered 400: bad state", PRODUCT),
    ("broken", "fixtures.errors.HandOffNotReceived: no copy arrived on the ldso desk", PRODUCT),
]


@pytest.mark.parametrize(("status", "message", "expected"), CASES)
def test_a_failure_is_classed_by_its_status_and_message(
    status: str, message: str, expected: str
) -> None:
    """Undefined steps, bad data and configuration are test defects; unanswered desks and
    timeouts environment problems; an assertion or anything else is a product defect."""
    assert failure_class_of(status, message).key == expected


def test_the_trace_alone_can_show_the_class() -> None:
    """A message that says little still classes by the trace."""
    assert failure_class_of("broken", "", f"E   {MISSPELT}").key == TEST


def test_classes_are_listed_product_first() -> None:
    """The report lists product defects, then test defects, then environment problems."""
    assert FAILURE_CLASS_KEYS == (PRODUCT, TEST, ENVIRONMENT)


@pytest.mark.parametrize(("status", "message", "expected"), CASES)
def test_allure_categories_class_each_failure_as_the_report_does(
    status: str, message: str, expected: str
) -> None:
    """Allure's first category whose statuses and whole-message regex match is the same class
    the report gives."""
    names = {
        PRODUCT: "Product defects",
        TEST: "Test defects",
        ENVIRONMENT: "Environment problems",
    }
    matched = next(
        c["name"]
        for c in allure_categories()
        if status in c["matchedStatuses"]
        and ("messageRegex" not in c or re.fullmatch(c["messageRegex"], message))
    )
    assert matched == names[expected]


def test_allure_categories_use_allures_keys() -> None:
    """Every category has a name and matched statuses; the product category has no regex."""
    categories = allure_categories()
    assert [set(c) - {"description"} for c in categories] == [
        {"name", "matchedStatuses", "messageRegex"},
        {"name", "matchedStatuses", "messageRegex"},
        {"name", "matchedStatuses"},
    ]
    assert categories[-1]["matchedStatuses"] == ["failed", "broken", "unknown"]
