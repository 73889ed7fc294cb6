"""Steps about parent and child incidents and what the children show."""

from pytest_bdd import given, parsers, then

from fixtures.records import (
    children_of,
    hold_reason_code,
    incident_state_code,
    raise_incident,
    state_pattern,
)
from simulators.processes.incident import HOLD_REASONS, INCIDENT_LIFECYCLE
from steps.incident_steps import REASON

STATE = state_pattern("incident")


@given(parsers.parse("{party} has raised {count:d} incidents that are children of the incident"))
def party_raises_children(ort_env, scenario_state, party, count):
    parent = scenario_state.ticket()
    for index in range(1, count + 1):
        child, _ = raise_incident(
            ort_env, ort_env.party(party), f"Same symptom reported again ({index})"
        )
        ort_env.service_desk.update("incident", child.sys_id, {"parent_incident": parent.sys_id})
        scenario_state.children.append(child)
        scenario_state.touched[child.sys_id] = child
    scenario_state.current = parent


def _children(ort_env, scenario_state):
    children = children_of(ort_env, scenario_state.ticket())
    assert len(children) == len(scenario_state.children), (
        f"{scenario_state.ticket().number} has {len(children)} children, "
        f"expected {len(scenario_state.children)}"
    )
    return children


@then(parsers.re(f"^every child incident is (?:still )?{STATE}$"))
def every_child_in_state(ort_env, scenario_state, state):
    wrong = [
        f"{c['number']} is {INCIDENT_LIFECYCLE.describe(c['state'])}"
        for c in _children(ort_env, scenario_state)
        if c["state"] != incident_state_code(state)
    ]
    assert not wrong, f"expected every child {state}, but {'; '.join(wrong)}"


@then(parsers.re(f"^every child incident is On Hold awaiting {REASON}$"))
def every_child_on_hold(ort_env, scenario_state, reason):
    expected = ("3", hold_reason_code(reason))
    wrong = [
        f"{c['number']} is {INCIDENT_LIFECYCLE.describe(c['state'])} "
        f"({HOLD_REASONS.get(c['hold_reason'], 'no hold reason')})"
        for c in _children(ort_env, scenario_state)
        if (c["state"], c["hold_reason"]) != expected
    ]
    assert not wrong, f"expected every child On Hold awaiting {reason}, but {'; '.join(wrong)}"


@then(parsers.parse('every child incident carries the resolution notes "{notes}"'))
def every_child_has_notes(ort_env, scenario_state, notes):
    wrong = [
        f"{c['number']} has {c['close_notes']!r}"
        for c in _children(ort_env, scenario_state)
        if c["close_notes"] != notes
    ]
    assert not wrong, f"expected every child to carry the parent's notes, but {'; '.join(wrong)}"
