"""Steps about parties' own desks: scripted behaviour, outages and faults, hand-offs and copies."""

from pytest_bdd import given, parsers, then, when

from fixtures.desks import needs_simulated
from fixtures.parties import (
    copy_on,
    deliveries_to,
    desk_simulation,
    duration_text,
    keys_for,
    push_script,
    raise_on_own_desk,
    script_for,
)
from fixtures.records import incident_state_code, read, state_pattern
from simulators.processes.incident import INCIDENT_LIFECYCLE

STATE = state_pattern("incident")

# -- behaviour ---------------------------------------------------------------------------------


@given(parsers.re(r"^(?P<party>.+?) expects hand-offs(?: about (?P<interface>IF-\d{3}))?$"))
@needs_simulated
def party_expects_handoffs(ort_env, scenario_state, party, interface):
    view = ort_env.party(party)
    script = script_for(ort_env, scenario_state, view)
    match = {"u_interface_id": interface} if interface else {}
    script.expect(f"hand-offs about {interface}" if interface else "any hand-off", match)
    push_script(ort_env, scenario_state, view)


@given(parsers.re(r"^(?P<party>.+?) acknowledges them within (?P<duration>\d+ \w+)$"))
@needs_simulated
def party_acknowledges(ort_env, scenario_state, party, duration):
    view = ort_env.party(party)
    script_for(ort_env, scenario_state, view).then("acknowledge", duration_text(duration))
    push_script(ort_env, scenario_state, view)


@given(
    parsers.re(r'^(?P<party>.+?) asks for information after (?P<duration>\d+ \w+): "(?P<text>.+)"$')
)
@needs_simulated
def party_asks_information(ort_env, scenario_state, party, duration, text):
    view = ort_env.party(party)
    script = script_for(ort_env, scenario_state, view)
    script.then("ask_information", duration_text(duration), text=text)
    push_script(ort_env, scenario_state, view)


@given(
    parsers.re(r'^(?P<party>.+?) resolves them after (?P<duration>\d+ \w+) with "(?P<notes>.+)"$')
)
@needs_simulated
def party_resolves(ort_env, scenario_state, party, duration, notes):
    view = ort_env.party(party)
    script_for(ort_env, scenario_state, view).then("resolve", duration_text(duration), text=notes)
    push_script(ort_env, scenario_state, view)


@given(parsers.re(r'^(?P<party>.+?) rejects them as not theirs: "(?P<reason>.+)"$'))
@needs_simulated
def party_rejects(ort_env, scenario_state, party, reason):
    view = ort_env.party(party)
    script_for(ort_env, scenario_state, view).then("reject", "5m", text=reason)
    push_script(ort_env, scenario_state, view)


@given(parsers.re(r"^(?P<party>.+?) never responds$"))
@needs_simulated
def party_never_responds(ort_env, scenario_state, party):
    view = ort_env.party(party)
    script_for(ort_env, scenario_state, view).expect("hand-offs left unanswered", {})
    push_script(ort_env, scenario_state, view)


@given(parsers.re(r"^(?P<party>.+?)'s? desk fails (?P<percent>\d+)% of calls$"))
@needs_simulated
def party_desk_fails(ort_env, party, percent):
    client = desk_simulation(ort_env, ort_env.party(party)).admin()
    client.set_faults({"mode": "flaky", "fraction": int(percent) / 100, "seed": 7})


@given(parsers.re(r"^(?P<party>.+?)'s? desk is down$"))
@needs_simulated
def party_desk_down(ort_env, party):
    desk_simulation(ort_env, ort_env.party(party)).go_down()


@when(parsers.re(r"^(?P<party>.+?)'s? desk comes back(?: after (?P<duration>\d+ \w+))?$"))
@needs_simulated
def party_desk_comes_back(ort_env, party, duration):
    if duration:
        from simulators import parse_duration

        ort_env.advance_clock(parse_duration(duration_text(duration)))
    desk_simulation(ort_env, ort_env.party(party)).come_back()
    ort_env.advance_clock(3600)


# -- raising and handing over -------------------------------------------------------------------


@given(
    parsers.re(
        r'^(?P<party>.+?) has raised an incident "(?P<summary>.+)" about (?P<interface>IF-\d{3}) '
        r"for MPAN (?P<mpan>\d{13})(?P<own> on its own desk)?$"
    )
)
@when(
    parsers.re(
        r'^(?P<party>.+?) raises an incident "(?P<summary>.+)" about (?P<interface>IF-\d{3}) '
        r"for MPAN (?P<mpan>\d{13})(?P<own> on its own desk)?$"
    )
)
def party_raises_with_keys(ort_env, scenario_state, party, summary, interface, mpan, own):
    view = ort_env.party(party)
    fields = keys_for(interface, mpan)
    if own:
        ticket = raise_on_own_desk(ort_env, view, summary, fields)
    else:
        from fixtures.records import raise_incident

        ticket, _ = raise_incident(ort_env, view, summary, **fields)
    scenario_state.remember(ticket, "the incident", f"{view.name}'s incident")


@when(parsers.re(r"^(?P<party>.+?) hands the incident to (?P<other>.+)$"))
def party_hands_over(ort_env, scenario_state, party, other):
    view, target = ort_env.party(party), ort_env.party(other)
    ticket = scenario_state.ticket()
    client = ort_env.client_on(view.id) if ticket.desk == view.id else ort_env.service_desk
    client.update("incident", ticket.sys_id, {"assignment_group": target.config.groups[0].name})


# -- what the other desk shows --------------------------------------------------------------------


def _copy(ort_env, scenario_state, party):
    view = ort_env.party(party)
    ticket = scenario_state.ticket()
    record = copy_on(ort_env, view, ticket)
    assert record is not None, f"{view.name}'s desk has no incident for {ticket.number}"
    return view, ticket, record


@then(parsers.re(r"^(?P<party>.+?)'s? desk has the incident(?:, carrying (?P<keys>.+))?$"))
def party_desk_has_copy(ort_env, scenario_state, party, keys):
    view, ticket, record = _copy(ort_env, scenario_state, party)
    original = ort_env.desk_of(ticket.desk).admin().get("incident", ticket.sys_id)
    wanted = {
        "the MPAN": "u_mpan",
        "the interface": "u_interface_id",
        "the DIP transaction id": "u_dip_transaction_id",
    }
    for words in (keys or "").replace(" and ", ", ").split(", "):
        if words:
            name = wanted[words.strip()]
            assert record[name] == original[name], (
                f"{view.name}'s {record['number']} has {name} {record[name]!r}, "
                f"expected {original[name]!r}"
            )
    assert record["correlation_id"] == ticket.number


@then(parsers.re(f"^(?P<party>.+?)'s? copy of the incident is (?:still )?{STATE}$"))
def party_copy_in_state(ort_env, scenario_state, party, state):
    view, _, record = _copy(ort_env, scenario_state, party)
    assert record["state"] == incident_state_code(state), (
        f"{view.name}'s {record['number']} is {INCIDENT_LIFECYCLE.describe(record['state'])}, "
        f"expected {state}"
    )


@then(parsers.re(r"^the incident shows (?P<party>.+?)'s? ticket number$"))
def incident_shows_remote_number(ort_env, scenario_state, party):
    view, ticket, record = _copy(ort_env, scenario_state, party)
    original = ort_env.desk_of(ticket.desk).admin().get("incident", ticket.sys_id)
    assert original["correlation_id"] == record["number"], (
        f"{ticket.number} shows {original['correlation_id']!r}, expected {view.name}'s "
        f"{record['number']}"
    )


@then(parsers.re(r"^(?P<party>.+?) received the hand-off exactly once$"))
def party_received_once(ort_env, scenario_state, party):
    view = ort_env.party(party)
    ticket = scenario_state.ticket()
    copies = ort_env.desk_of(view.id).admin().find("incident", f"correlation_id={ticket.number}")
    assert len(copies) == 1, f"{view.name} holds {len(copies)} copies of {ticket.number}"


@then(parsers.re(r"^the hand-off to (?P<party>.+?) is (?P<outcome>waiting to be retried|failed)$"))
def handoff_outcome(ort_env, scenario_state, party, outcome):
    view = ort_env.party(party)
    messages = deliveries_to(ort_env, scenario_state.ticket(), view)
    assert messages, f"nothing was handed to {view.name}"
    expected = "queued" if outcome == "waiting to be retried" else "failed"
    assert messages[0]["state"] == expected, (
        f"the hand-off to {view.name} is {messages[0]['state']} after "
        f"{messages[0]['attempts']} attempt(s): {messages[0]['last_error']}"
    )


@then(parsers.re(r"^the service desk is told the hand-off to (?P<party>.+?) failed$"))
def service_desk_told_of_failure(ort_env, scenario_state, party):
    ticket = scenario_state.ticket()
    record = read(ort_env, ticket)
    notes = ort_env.admin.find(
        "sys_journal_field", f"element_id={ticket.sys_id}^element=work_notes"
    )
    mails = ort_env.admin.find(
        "sys_email", f"instance={ticket.sys_id}^subjectSTARTSWITHE-bond failure"
    )
    assert any("failed after" in n["value"] for n in notes), (
        f"no failure note on {record['number']}"
    )
    assert mails, f"no failure e-mail about {record['number']}"
