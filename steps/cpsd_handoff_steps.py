"""Steps about bilateral hand-offs: raising with Elexon, passing work on, OLAs and escalation."""

from pytest_bdd import given, parsers, then, when

from fixtures import parse_moment, spoken
from fixtures.cpsd import (
    OWN_INCIDENT,
    assignment_party,
    attempts_of,
    close_own,
    copies_at,
    cross_reference_gaps,
    deliveries,
    desk_journal,
    escalate_to_governance,
    escalation_of,
    evidence,
    hand_copy_on,
    hand_over,
    latest_copy,
    ola_record,
    own_incident,
    raise_with,
    read_ticket,
    reopen_own,
    replay,
    resolved_at,
    told_of_replay,
)
from fixtures.parties import (
    desk_simulation,
    duration_text,
    keys_for,
    push_script,
    raise_on_own_desk,
    script_for,
)
from fixtures.records import incident_state_code, priority_fields, raise_incident, state_pattern
from simulators import parse_time
from simulators.processes.incident import INCIDENT_LIFECYCLE
from simulators.processes.major_incident import TASK_OPEN
from steps.party_steps import needs_simulated
from steps.sla_steps import STAGE, STAGES, TARGET

STATE = state_pattern("incident")

KEYS = r'"(?P<summary>.+)" about (?P<interface>IF-\d{3}) for MPAN (?P<mpan>\d{13})'
RECEIVER = r"(?P<receiver>.+?)(?:, citing (?P<cited>.+?)'s? ticket)?"
HOW = "(?P<how>replays|redelivers)"
DONE = {"replayed": "replays", "redelivered": "redelivers"}


# -- raising and handing over -------------------------------------------------------------------


@given(
    parsers.re(
        rf"^(?P<party>.+?) has raised a priority (?P<priority>[1-5]) incident {KEYS}"
        r"(?P<own> on its own desk)?$"
    )
)
def party_raised_priority_incident_with_keys(
    ort_env, scenario_state, party, priority, summary, interface, mpan, own
):
    view = ort_env.party(party)
    fields = keys_for(interface, mpan) | priority_fields(int(priority))
    if own:
        ticket = raise_on_own_desk(ort_env, view, summary, fields)
    else:
        ticket, _ = raise_incident(ort_env, view, summary, **fields)
    scenario_state.remember(ticket, "the incident", OWN_INCIDENT.format(party=view.name))


@given(parsers.re(r"^(?P<party>.+?) has handed the incident to (?P<other>.+)$"))
def party_has_handed_over(ort_env, scenario_state, party, other):
    hand_over(ort_env, scenario_state.ticket(), ort_env.party(party), ort_env.party(other))


@when(parsers.re(r"^(?P<party>.+?) hands its copy of the incident to (?P<other>.+)$"))
def party_hands_copy_on(ort_env, scenario_state, party, other):
    hand_copy_on(ort_env, scenario_state, ort_env.party(party), ort_env.party(other))


@given(parsers.re(rf"^(?P<party>.+?) has raised its incident with {RECEIVER}$"))
@when(parsers.re(rf"^(?P<party>.+?) raises its incident with {RECEIVER}$"))
def party_raises_with(ort_env, scenario_state, party, receiver, cited):
    cited_party = ort_env.party(cited) if cited else None
    view, target = ort_env.party(party), ort_env.party(receiver)
    raise_with(ort_env, scenario_state, view, target, cited_party)


@when(parsers.re(r'^(?P<party>.+?) assigns its incident to "(?P<group>.+)"$'))
def party_assigns_own_incident(ort_env, scenario_state, party, group):
    ticket = own_incident(scenario_state, ort_env.party(party))
    ort_env.client_on(ticket.desk).update(ticket.table, ticket.sys_id, {"assignment_group": group})


@when(parsers.re(r'^(?P<party>.+?) closes its incident: "(?P<notes>.+)"$'))
def party_closes_own_incident(ort_env, scenario_state, party, notes):
    close_own(ort_env, scenario_state, ort_env.party(party), notes)


@given(parsers.re(r'^(?P<party>.+?) has reopened its incident: "(?P<reason>.+)"$'))
@when(parsers.re(r'^(?P<party>.+?) reopens its incident: "(?P<reason>.+)"$'))
def party_reopens_own_incident(ort_env, scenario_state, party, reason):
    reopen_own(ort_env, scenario_state, ort_env.party(party), reason)


# -- the DIP team and Elexon ----------------------------------------------------------------------


@given(parsers.re(r"^the DIP team has (?P<done>replayed|redelivered) the publication$"))
def dip_team_has_replayed(ort_env, scenario_state, done):
    replay(ort_env, scenario_state.ticket(), DONE[done])


@when(parsers.re(f"^the DIP team {HOW} the publication$"))
def dip_team_replays(ort_env, scenario_state, how):
    replay(ort_env, scenario_state.ticket(), how)


@when(parsers.re(r'^the service desk escalates the incident to governance: "(?P<reason>.+)"$'))
def service_desk_escalates(ort_env, scenario_state, reason):
    escalate_to_governance(ort_env, scenario_state, reason)


# -- scripted parties and faults ---------------------------------------------------------------


@given(parsers.re(r'^(?P<party>.+?) comments on them after (?P<duration>\d+ \w+): "(?P<text>.+)"$'))
@needs_simulated
def party_comments(ort_env, scenario_state, party, duration, text):
    view = ort_env.party(party)
    script_for(ort_env, scenario_state, view).then("comment", duration_text(duration), text=text)
    push_script(ort_env, scenario_state, view)


@given(
    parsers.re(
        r"^(?P<party>.+?)'s? desk loses its answers? to the next(?: (?P<count>\d+))? calls?$"
    )
)
@needs_simulated
def party_desk_loses_answers(ort_env, party, count):
    client = desk_simulation(ort_env, ort_env.party(party)).admin()
    client.set_faults({"mode": "fail_after", "limit": int(count or 1)})


# -- what each desk shows ---------------------------------------------------------------------


@then(parsers.re(f"^(?P<party>.+?)'s? incident is (?:still )?{STATE}$"))
def party_own_incident_in_state(ort_env, scenario_state, party, state):
    record = read_ticket(ort_env, own_incident(scenario_state, ort_env.party(party)))
    assert record["state"] == incident_state_code(state), (
        f"{party}'s {record['number']} is {INCIDENT_LIFECYCLE.describe(record['state'])}, "
        f"expected {state}"
    )


@then(parsers.re(r"^the incident cites (?P<party>.+?)'s? ticket number$"))
def incident_cites_ticket(ort_env, scenario_state, party):
    ticket = scenario_state.ticket()
    cited = latest_copy(ort_env, scenario_state, ort_env.party(party))["number"]
    entries = desk_journal(ort_env, ticket.desk, ticket.sys_id, "comments")
    assert any(cited in entry for entry in entries), (
        f"no comment on {ticket.number} cites {party}'s {cited}; comments: {entries}"
    )


@then(parsers.re(r'^the incident is handed back to (?P<party>.+?) with the reason "(?P<text>.+)"$'))
def incident_handed_back(ort_env, scenario_state, party, text):
    ticket, view = scenario_state.ticket(), ort_env.party(party)
    record = read_ticket(ort_env, ticket)
    owner = assignment_party(ort_env, ticket, record)
    assert owner == view.id, f"{ticket.number} is assigned to a group of {owner or 'nobody'}"
    notes = desk_journal(ort_env, ticket.desk, ticket.sys_id, "work_notes")
    assert any(text in note for note in notes), (
        f"no work note on {ticket.number} gives the reason {text!r}; notes: {notes}"
    )


@then(parsers.re(f"^the {TARGET} OLA on (?P<party>.+?)'s? copy is {STAGE}$"))
def ola_stage_on_copy(ort_env, scenario_state, target, party, stage):
    view = ort_env.party(party)
    copy = latest_copy(ort_env, scenario_state, view)
    ola = ola_record(ort_env, view, copy, target)
    assert ola is not None, f"{party}'s {copy['number']} has no {target} OLA"
    assert ola["stage"] == STAGES[stage], (
        f"{party}'s {copy['number']} has its {target} OLA {ola['stage']}, expected {stage}"
    )


@then(parsers.re(f"^the {TARGET} OLA target on (?P<party>.+?)'s? copy is (?P<moment>.+)$"))
def ola_target_on_copy(ort_env, scenario_state, target, party, moment):
    view = ort_env.party(party)
    copy = latest_copy(ort_env, scenario_state, view)
    ola = ola_record(ort_env, view, copy, target)
    assert ola is not None, f"{party}'s {copy['number']} has no {target} OLA"
    planned = spoken(parse_time(ola["planned_end_time"]))
    assert planned == spoken(parse_moment(moment)), (
        f"{party}'s {copy['number']} has its {target} OLA due {planned}, expected {moment}"
    )


@then(parsers.re(r"^(?P<party>.+?) is told the publication was (?P<done>replayed|redelivered)$"))
def party_told_of_replay(ort_env, scenario_state, party, done):
    view = ort_env.party(party)
    told = told_of_replay(ort_env, scenario_state, view, DONE[done])
    assert len(told) == 1, f"{party} was told {len(told)} times that the publication was {done}"


@then(parsers.parse("the incident was resolved before {moment}"))
def incident_resolved_before(ort_env, scenario_state, moment):
    record = read_ticket(ort_env, scenario_state.ticket())
    when_resolved = resolved_at(record)
    assert when_resolved is not None, f"{record['number']} has not been resolved"
    assert when_resolved < parse_moment(moment), (
        f"{record['number']} was resolved at {spoken(when_resolved)}, not before {moment}"
    )


@then(parsers.re(r"^(?P<party>.+?)'s? desk holds no copy of the incident$"))
def party_desk_holds_no_copy(ort_env, scenario_state, party):
    copies = copies_at(ort_env, scenario_state, ort_env.party(party))
    assert copies == [], f"{party}'s desk holds {[c['number'] for c in copies]}"


@then(parsers.parse('the incident carries the comment "{text}" exactly once'))
def incident_carries_comment_once(ort_env, scenario_state, text):
    ticket = scenario_state.ticket()
    entries = desk_journal(ort_env, ticket.desk, ticket.sys_id, "comments")
    count = sum(text in entry for entry in entries)
    assert count == 1, f"{ticket.number} carries {text!r} {count} times: {entries}"


# -- deliveries, cross-references and escalation ---------------------------------------------


@then(
    parsers.re(
        r"^the (?P<what>hand-off|last update) (?P<direction>to|from) (?P<party>.+?) "
        r"was delivered after (?P<count>\d+) attempts?$"
    )
)
def delivered_after_attempts(ort_env, scenario_state, what, direction, party, count):
    view, ticket = ort_env.party(party), scenario_state.ticket()
    if direction == "to":
        messages = deliveries(ort_env, ticket.desk, ticket.sys_id, view.id)
    else:
        copy = latest_copy(ort_env, scenario_state, view)
        messages = deliveries(ort_env, view.id, copy["sys_id"], ticket.desk)
    kind = "create" if what == "hand-off" else "update"
    chosen = [m for m in messages if m["operation"] == kind]
    assert chosen, f"no {what} {direction} {party} was queued for {ticket.number}"
    message = chosen[-1]
    shown = (message["state"], attempts_of(message))
    assert shown == ("delivered", int(count)), (
        f"the {what} {direction} {party} is {message['state']} after {shown[1]} attempt(s), "
        f"expected delivered after {count}: {message['attempt_log']}"
    )


@then("every hand-off was delivered and names the ticket numbers on both desks")
def every_handoff_cross_referenced(ort_env, scenario_state):
    gaps = cross_reference_gaps(ort_env, scenario_state)
    assert gaps == [], "hand-offs without both ticket numbers:\n" + "\n".join(gaps)


@then(parsers.re(r"^a governance escalation of the incident cites (?P<party>.+?)'s? tickets$"))
def governance_escalation_cites(ort_env, scenario_state, party):
    incident, view = scenario_state.ticket(), ort_env.party(party)
    escalations = escalation_of(ort_env, incident)
    assert len(escalations) == 1, (
        f"{incident.number} has {len(escalations)} governance escalations, expected one"
    )
    wanted = evidence(ort_env, scenario_state, view)
    assert wanted, f"{party} holds no copy of this scenario's tickets to cite"
    description = escalations[0]["description"]
    missing = [line for line in wanted if line not in description]
    assert not missing, (
        f"{escalations[0]['number']} does not cite {missing}; it says: {description!r}"
    )
    assert escalations[0]["state"] == TASK_OPEN, (
        f"{escalations[0]['number']} is {escalations[0]['state']}, expected Open for governance"
    )
