"""The names under which a scenario's JUnit class and test name travel from pytest to `ort run`.

The harness records them on each test item; `ort run` rewrites junit.xml with them (class =
`<process>.<feature file stem>`, name = `<ort id> <scenario name>`) and removes them again, so
the file stays plain, valid JUnit.
"""

from __future__ import annotations

JUNIT_CLASS_PROPERTY = "ort_junit_classname"
JUNIT_NAME_PROPERTY = "ort_junit_name"
JUNIT_PROPERTIES = (JUNIT_CLASS_PROPERTY, JUNIT_NAME_PROPERTY)
