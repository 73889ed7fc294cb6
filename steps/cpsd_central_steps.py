"""Steps about central services across parties: reports, children, runs, change outcomes."""

from pytest_bdd import given, parsers, then, when

from fixtures.cpsd import (
    RUN_DECISION,
    THE_INCIDENT,
    check_central,
    interval_seconds,
    journal,
    keep_recurrence_problem,
    later_reports,
    make_children,
    missed_notices,
    missed_outcome,
    own_record,
    parties_named,
    raise_apart,
    raise_central_incident,
    record_run_decision,
    remember_report,
    report_fields,
    report_same_fault,
    report_to_central,
    reports,
    resolve_as_service_desk,
    resolve_children_with_major_incident,
    says,
    skip_unless_fresh,
)
from fixtures.desks import needs_simulated
from fixtures.records import (
    THE_CHANGE,
    category_code,
    children_of,
    incident_state_code,
    incidents_about,
    read,
    state_pattern,
)
from simulators.processes.incident import INCIDENT_LIFECYCLE

STATE = state_pattern("incident")
PROBLEM_STATE = state_pattern("problem")

REPORTED = r'"(?P<summary>.+)" to (?P<receiver>.+?) in category "(?P<category>.+)"$'
SAME_FAULT = r"the same fault to (?P<receiver>.+?)(?: within (?P<amount>\d+) minutes)?$"
INTERVAL = r"(?P<interval>[^\"]+?)"


# -- reports to the central desk --------------------------------------------------------------


@given(parsers.re(f"^(?P<party>.+?) has reported {REPORTED}"))
@when(parsers.re(f"^(?P<party>.+?) reports {REPORTED}"))
def party_reports_to_central(ort_env, scenario_state, party, summary, receiver, category):
    check_central(ort_env, receiver)
    report = report_to_central(ort_env, ort_env.party(party), report_fields(summary, category))
    remember_report(scenario_state, report)


@given(parsers.re(f"^(?P<parties>.+?) (?:have|has) reported {SAME_FAULT}"))
@when(parsers.re(f"^(?P<parties>.+?) (?:report|reports) {SAME_FAULT}"))
@needs_simulated
def parties_report_same_fault(ort_env, scenario_state, parties, receiver, amount):
    check_central(ort_env, receiver)
    within = int(amount or 0) * 60
    report_same_fault(ort_env, scenario_state, parties_named(ort_env, parties), within)


@given("the service desk has made the later reports children of the incident")
@when("the service desk makes the later reports children of the incident")
def service_desk_makes_children(ort_env, scenario_state):
    make_children(ort_env, scenario_state)


@given(
    parsers.re(
        r'^the service desk has raised a priority (?P<priority>[1-5]) incident "(?P<summary>.+)" '
        r'in category "(?P<category>.+)"$'
    )
)
def service_desk_raised_incident(ort_env, scenario_state, priority, summary, category):
    ticket = raise_central_incident(ort_env, summary, category, int(priority))
    scenario_state.remember(ticket, THE_INCIDENT)


@given(
    parsers.re(
        r"^(?P<parties>.+?) have raised incidents about (?P<interface>IF-\d{3}) in category "
        rf'"(?P<category>.+)" {INTERVAL} apart$'
    )
)
@needs_simulated
def parties_raised_apart(ort_env, scenario_state, parties, interface, category, interval):
    skip_unless_fresh(ort_env, "the recurrence rule counts every incident on the desk")
    fields = {"u_interface_id": interface, "category": category_code(category)}
    raise_apart(
        ort_env, scenario_state, parties_named(ort_env, parties), fields, interval_seconds(interval)
    )


@given(
    parsers.re(
        r'^the service desk has resolved the incident with code "(?P<code>.+)" '
        r'and notes "(?P<notes>.+)"$'
    )
)
def service_desk_has_resolved(ort_env, scenario_state, code, notes):
    resolve_as_service_desk(ort_env, scenario_state.ticket(), code, notes)


@given(
    parsers.re(
        rf"^the problem opened for the incidents about (?P<interface>IF-\d{{3}}) is (?:in )?"
        rf"{PROBLEM_STATE}$"
    )
)
def recurrence_problem_in_state(ort_env, scenario_state, interface, state):
    keep_recurrence_problem(ort_env, scenario_state, interface, state)


# -- the major incident manager's actions ---------------------------------------------------------


@when(
    "the major incident manager resolves the child incidents with the major incident's resolution"
)
def manager_resolves_children(ort_env, scenario_state):
    resolve_children_with_major_incident(ort_env, scenario_state.ticket(THE_INCIDENT))


@when(parsers.parse('the major incident manager records the settlement run decision "{decision}"'))
def manager_records_run_decision(ort_env, scenario_state, decision):
    record_run_decision(ort_env, scenario_state.ticket(THE_INCIDENT), decision)


# -- what the central desk shows ------------------------------------------------------------------


@then("every participant receives every major incident notice")
def every_participant_notified(ort_env, scenario_state):
    missed = missed_notices(ort_env, scenario_state.ticket(THE_INCIDENT))
    assert not missed, f"notices that did not reach every participant: {'; '.join(missed)}"


@then(parsers.parse("the incident has {count:d} child incidents"))
def incident_has_children(ort_env, scenario_state, count):
    parent = scenario_state.ticket(THE_INCIDENT)
    children = [c["number"] for c in children_of(ort_env, parent)]
    assert len(children) == count, f"{parent.number} has {len(children)} children: {children}"


@then("every child incident shows its reporting party's ticket number")
def every_child_shows_reporter_number(ort_env, scenario_state):
    wrong = []
    for report in later_reports(ort_env, scenario_state):
        central = read(ort_env, report.central)
        own = own_record(ort_env, report)
        if central["correlation_id"] != own["number"] or own["correlation_id"] != central["number"]:
            wrong.append(
                f"{central['number']} shows {central['correlation_id']!r}, {report.party.name}'s "
                f"{own['number']} shows {own['correlation_id']!r}"
            )
    assert not wrong, f"ticket numbers not exchanged: {'; '.join(wrong)}"


@then(parsers.parse('every child incident\'s work notes say "{text}"'))
def every_child_work_notes_say(ort_env, scenario_state, text):
    children = children_of(ort_env, scenario_state.ticket(THE_INCIDENT))
    assert children, "the incident has no child incidents"
    silent = [
        c["number"]
        for c in children
        if not says(journal(ort_env.admin, c["sys_id"], "work_notes"), text)
    ]
    assert not silent, f"no work note saying {text!r} on {', '.join(silent)}"


@then(parsers.parse('the incident records the settlement run decision "{decision}"'))
def incident_records_run_decision(ort_env, scenario_state, decision):
    ticket = scenario_state.ticket(THE_INCIDENT)
    text = RUN_DECISION.format(decision=decision)
    for element in ("work_notes", "comments"):
        entries = journal(ort_env.admin, ticket.sys_id, element)
        assert says(entries, text), f"{ticket.number}'s {element} do not record {text!r}: {entries}"


@then(
    parsers.re(
        r'^the work notes of every incident about (?P<interface>IF-\d{3}) say "(?P<text>.+)"$'
    )
)
def every_incident_about_says(ort_env, interface, text):
    incidents = incidents_about(ort_env, interface)
    assert incidents, f"no incident about {interface}"
    silent = [
        i["number"]
        for i in incidents
        if not says(journal(ort_env.admin, i["sys_id"], "work_notes"), text)
    ]
    assert not silent, f"no work note saying {text!r} on {', '.join(silent)}"


@then(
    parsers.re(
        r'^every incident about (?P<interface>IF-\d{3}) is resolved with the notes "(?P<notes>.+)"$'
    )
)
def every_incident_about_resolved(ort_env, interface, notes):
    incidents = incidents_about(ort_env, interface)
    assert incidents, f"no incident about {interface}"
    wrong = [
        f"{i['number']} is {INCIDENT_LIFECYCLE.describe(i['state'])}, notes {i['close_notes']!r}"
        for i in incidents
        if (i["state"], i["close_notes"]) != (incident_state_code("Resolved"), notes)
    ]
    assert not wrong, f"expected every incident about {interface} resolved: {'; '.join(wrong)}"


@then(
    parsers.re(
        "^every participant is told the change was "
        "(?P<outcome>successful|successful with issues|unsuccessful)$"
    )
)
def every_participant_told_outcome(ort_env, scenario_state, outcome):
    change = scenario_state.named(THE_CHANGE)
    missed = missed_outcome(ort_env, change, outcome)
    assert not missed, f"not told {change.number} was {outcome}: {'; '.join(missed)}"


# -- what each reporting party's own desk shows -------------------------------------------------


@then(parsers.re(f"^every reporting party's own incident is (?:still )?{STATE}$"))
def every_own_incident_in_state(ort_env, scenario_state, state):
    wrong = []
    for report in reports(ort_env, scenario_state):
        record = own_record(ort_env, report)
        if record["state"] != incident_state_code(state):
            described = INCIDENT_LIFECYCLE.describe(record["state"])
            wrong.append(f"{report.party.name}'s {record['number']} is {described}")
    assert not wrong, f"expected every reporter's own incident {state}, but {'; '.join(wrong)}"


@then(parsers.parse('every reporting party\'s own incident carries the resolution notes "{notes}"'))
def every_own_incident_has_notes(ort_env, scenario_state, notes):
    wrong = [
        f"{report.party.name}'s {record['number']} has {record['close_notes']!r}"
        for report in reports(ort_env, scenario_state)
        if (record := own_record(ort_env, report))["close_notes"] != notes
    ]
    assert not wrong, f"expected every reporter's own incident to carry the notes: {wrong}"


@then(parsers.parse('every reporting party is told "{text}" on its own desk'))
def every_reporter_told(ort_env, scenario_state, text):
    silent = []
    for report in reports(ort_env, scenario_state):
        client = ort_env.desk_of(report.party.id).admin()
        if not says(journal(client, report.own.sys_id), text):
            silent.append(f"{report.party.name}'s {report.own.number}")
    assert not silent, f"not told {text!r}: {', '.join(silent)}"
