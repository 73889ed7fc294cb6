"""Steps for raising an incident, moving it through its lifecycle and checking what it shows."""

from pytest_bdd import given, parsers, then, when

from fixtures.records import (
    actor_client,
    assert_refusal_says,
    category_code,
    drive_incident_to,
    hold_reason_code,
    incident_move_fields,
    incident_state_code,
    level_code,
    raise_incident,
    read,
)
from simulators.processes.incident import HOLD_REASONS, INCIDENT_LIFECYCLE

REASON = "(?P<reason>" + "|".join(r.removeprefix("Awaiting ") for r in HOLD_REASONS.values()) + ")"


def _actor_client(ort_env, scenario_state, actor):
    return actor_client(ort_env, scenario_state.ticket(), actor)


# -- raising ------------------------------------------------------------------------------------


@when(parsers.parse("{party} raises an incident with {impact} impact and {urgency} urgency"))
def party_raises_incident_with_impact(ort_env, scenario_state, party, impact, urgency):
    fields = {"impact": level_code(impact), "urgency": level_code(urgency)}
    summary = f"Incident with {impact} impact and {urgency} urgency"
    ticket, _ = raise_incident(ort_env, ort_env.party(party), summary, **fields)
    scenario_state.remember(ticket, "the incident")


@when(parsers.parse('{party} raises an incident in category "{category}"'))
def party_raises_incident_in_category(ort_env, scenario_state, party, category):
    fields = {"category": category_code(category), "impact": "3", "urgency": "3"}
    ticket, _ = raise_incident(ort_env, ort_env.party(party), f"{category} reported", **fields)
    scenario_state.remember(ticket, "the incident")


@when(parsers.parse('the service desk recategorises the incident as "{category}"'))
def service_desk_recategorises(ort_env, scenario_state, category):
    ticket = scenario_state.ticket()
    ort_env.service_desk.update("incident", ticket.sys_id, {"category": category_code(category)})


# -- moving -------------------------------------------------------------------------------------


@given(parsers.re(f"^the incident is On Hold awaiting {REASON}$"))
def incident_is_on_hold(ort_env, scenario_state, reason):
    drive_incident_to(ort_env, scenario_state.ticket(), "3", hold_reason_code(reason))


@when(parsers.re(f"^the service desk puts the incident On Hold awaiting {REASON}$"))
def service_desk_puts_on_hold(ort_env, scenario_state, reason):
    ticket = scenario_state.ticket()
    fields = incident_move_fields("3", hold_reason_code(reason))
    ort_env.service_desk.update("incident", ticket.sys_id, fields)


@when("the service desk tries to clear the resolution notes")
def service_desk_tries_to_clear_notes(ort_env, scenario_state):
    ticket = scenario_state.ticket()
    action = lambda: ort_env.service_desk.update("incident", ticket.sys_id, {"close_notes": ""})  # noqa: E731
    scenario_state.attempt(action)


@when(
    parsers.parse('the service desk resolves the incident with code "{code}" and notes "{notes}"')
)
def service_desk_resolves(ort_env, scenario_state, code, notes):
    ticket = scenario_state.ticket()
    fields = {"state": incident_state_code("Resolved"), "close_code": code, "close_notes": notes}
    ort_env.service_desk.update("incident", ticket.sys_id, fields)


@when(parsers.re("^(?P<actor>the service desk|the caller) (?P<verb>reopens|closes) the incident$"))
def actor_reopens_or_closes(ort_env, scenario_state, actor, verb):
    client = _actor_client(ort_env, scenario_state, actor)
    target = incident_state_code("In Progress" if verb == "reopens" else "Closed")
    client.update("incident", scenario_state.ticket().sys_id, {"state": target})


@when(parsers.re('^(?P<actor>the service desk|the caller) adds the comment "(?P<text>.+)"$'))
def actor_adds_comment(ort_env, scenario_state, actor, text):
    client = _actor_client(ort_env, scenario_state, actor)
    client.update("incident", scenario_state.ticket().sys_id, {"comments": text})


# -- checking -----------------------------------------------------------------------------------


@then(parsers.parse("the incident has priority {priority:d}"))
def incident_has_priority(ort_env, scenario_state, priority):
    record = read(ort_env, scenario_state.ticket())
    assert record["priority"] == str(priority), (
        f"{record['number']} has priority {record['priority']}, expected {priority} "
        f"(impact {record['impact']}, urgency {record['urgency']}, category {record['category']})"
    )


@then(parsers.re(f"^the incident is On Hold awaiting {REASON}$"))
def incident_shows_hold(ort_env, scenario_state, reason):
    record = read(ort_env, scenario_state.ticket())
    assert (record["state"], record["hold_reason"]) == ("3", hold_reason_code(reason)), (
        f"{record['number']} is {INCIDENT_LIFECYCLE.describe(record['state'])} with hold reason "
        f"'{HOLD_REASONS.get(record['hold_reason'], 'none')}', expected On Hold awaiting {reason}"
    )


@then("the incident has no on hold reason")
def incident_has_no_hold_reason(ort_env, scenario_state):
    record = read(ort_env, scenario_state.ticket())
    assert record["hold_reason"] == "", (
        f"{record['number']} still has hold reason {record['hold_reason']}"
    )


@then("the incident is no longer active")
def incident_not_active(ort_env, scenario_state):
    record = read(ort_env, scenario_state.ticket())
    assert record["active"] == "false", f"{record['number']} is still active"


@then(parsers.parse('the incident shows the resolution "{code}" with notes "{notes}"'))
def incident_shows_resolution(ort_env, scenario_state, code, notes):
    record = read(ort_env, scenario_state.ticket())
    assert (record["close_code"], record["close_notes"]) == (code, notes), (
        f"{record['number']} shows resolution {record['close_code']!r} / {record['close_notes']!r}"
    )


@then(parsers.re(r"^the incident has been reopened (?P<count>\d+) times?$"))
def incident_reopen_count(ort_env, scenario_state, count):
    record = read(ort_env, scenario_state.ticket())
    assert record["reopen_count"] == count, (
        f"{record['number']} reopened {record['reopen_count']} times"
    )


@then(parsers.parse('the incident\'s work notes say "{text}"'))
def incident_work_notes_say(ort_env, scenario_state, text):
    ticket = scenario_state.ticket()
    notes = ort_env.admin.find(
        "sys_journal_field", f"element_id={ticket.sys_id}^element=work_notes"
    )
    assert any(text.lower() in n["value"].lower() for n in notes), (
        f"no work note on {ticket.number} says {text!r}; notes: {[n['value'] for n in notes]}"
    )


@then(parsers.re("^the move is refused because (?P<reason>only .+)$"))
def move_refused_because(scenario_state, reason):
    assert_refusal_says(scenario_state.refusal, reason, accepted="the move was accepted")
