"""The tag and role vocabulary shared by harness and report: processes, parties, severities."""

from vocabulary.failure_classes import (
    ENVIRONMENT,
    FAILURE_CLASS_KEYS,
    FAILURE_CLASSES,
    FAILURE_CLASSES_BY_KEY,
    PRODUCT,
    TEST,
    FailureClass,
    allure_categories,
    failure_class_of,
)
from vocabulary.junit import JUNIT_CLASS_PROPERTY, JUNIT_NAME_PROPERTY, JUNIT_PROPERTIES
from vocabulary.market_time import LONDON
from vocabulary.masking import mask_credentials
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
    "ENVIRONMENT",
    "EXPECTED_BREACH",
    "FAILURE_CLASSES",
    "FAILURE_CLASSES_BY_KEY",
    "FAILURE_CLASS_KEYS",
    "ID_PATTERN",
    "JUNIT_CLASS_PROPERTY",
    "JUNIT_NAME_PROPERTY",
    "JUNIT_PROPERTIES",
    "LONDON",
    "MEASURES",
    "PARTIES",
    "PRIORITIES",
    "PROCESSES",
    "PRODUCT",
    "PURPOSES",
    "SEVERITY_LABELS",
    "SEVERITY_NAMES",
    "SEVERITY_TAGS",
    "SLA_ATTACHMENT",
    "TEST",
    "TIMELINE_ATTACHMENT",
    "UNTAGGED",
    "FailureClass",
    "allure_categories",
    "failure_class_of",
    "mask_credentials",
]
