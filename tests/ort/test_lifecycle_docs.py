"""docs/lifecycles.md is generated from the declared state machines and kept current."""

from ort.lifecycle_docs import LIFECYCLES_DOC, render_all, render_lifecycle
from simulators.processes.incident.lifecycle import INCIDENT_LIFECYCLE


def test_a_lifecycle_renders_one_row_per_transition() -> None:
    """Each declared transition is a row: both states, the event, who may, and what is needed."""
    text = render_lifecycle(INCIDENT_LIFECYCLE)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(INCIDENT_LIFECYCLE.transitions)
    row = "| In Progress (2) | resolve | Resolved (6) | only a service desk agent may do this |"
    assert row in text
    assert "close_code, close_notes |" in text


def test_the_documentation_is_current() -> None:
    """docs/lifecycles.md equals what `ort lifecycles --update` writes today."""
    assert LIFECYCLES_DOC.read_text(encoding="utf-8") == render_all()
