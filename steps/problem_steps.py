"""Steps about problems: raising, root cause, known errors, fixes, duplicates, linked incidents."""

from pytest_bdd import given, parsers, then, when

from fixtures import Ticket
from fixtures.records import (
    DEFAULT_CAUSE,
    THE_ORIGINAL,
    THE_PROBLEM,
    assert_refusal_says,
    assert_refused_because,
    category_code,
    drive_problem_to,
    incidents_about,
    link_incident,
    mark_duplicate,
    move_problem,
    problem_state_code,
    raise_incident,
    raise_problem,
    raise_problem_for,
    read,
    resolution_code,
    resolve_with_fix,
)
from simulators.processes.problem import (
    CANCELED,
    CLOSED,
    PROBLEM_LIFECYCLE,
    PROBLEM_RESOLUTION_CODES,
    RESOLVED,
    RISK_ACCEPTED,
)

CODE = "(?P<code>" + "|".join(PROBLEM_RESOLUTION_CODES.values()) + ")"


def _problem(scenario_state):
    return scenario_state.named(THE_PROBLEM)


# -- raising and linking ------------------------------------------------------------------------


@given("the service desk raises a problem for the incident")
@when("the service desk raises a problem for the incident")
def service_desk_raises_problem_for_incident(ort_env, scenario_state):
    problem = raise_problem_for(ort_env, scenario_state.ticket())
    scenario_state.keep(problem, THE_PROBLEM)


@given(parsers.parse('the problem "{summary}" is already open'))
def original_problem_is_open(ort_env, scenario_state, summary):
    scenario_state.keep(raise_problem(ort_env, summary), THE_ORIGINAL)


@given("the service desk links the incident to the problem")
@when("the service desk links the incident to the problem")
def service_desk_links_incident(ort_env, scenario_state):
    link_incident(ort_env, scenario_state.ticket(), _problem(scenario_state))


@given(parsers.parse('{party} has raised an incident about {interface} in category "{category}"'))
@when(parsers.parse('{party} raises an incident about {interface} in category "{category}"'))
def party_raises_incident_about_interface(ort_env, scenario_state, party, interface, category):
    fields = {"u_interface_id": interface, "category": category_code(category)}
    summary = f"{interface} messages failing ({category})"
    ticket, _ = raise_incident(ort_env, ort_env.party(party), summary, **fields)
    scenario_state.remember(ticket, "the incident")


# -- moving ---------------------------------------------------------------------------------------


@when(parsers.parse('{party} tries to raise a problem "{summary}"'))
def party_tries_to_raise_problem(ort_env, scenario_state, party, summary):
    client = ort_env.client(ort_env.party(party).caller.user_name)
    scenario_state.attempt(lambda: client.create("problem", {"short_description": summary}))


@given(parsers.parse('the problem is resolved with the fix "{notes}"'))
@when(parsers.parse('the problem is resolved with the fix "{notes}"'))
def problem_resolved_with_fix(ort_env, scenario_state, notes):
    resolve_with_fix(ort_env, _problem(scenario_state), notes)


@when("the service desk accepts the risk of the problem")
def service_desk_accepts_risk(ort_env, scenario_state):
    problem = _problem(scenario_state)
    drive_problem_to(ort_env, problem, problem_state_code("Root Cause Analysis"))
    move_problem(
        ort_env, problem, RESOLVED, resolution_code=RISK_ACCEPTED, cause_notes=DEFAULT_CAUSE
    )


@when("the service desk cancels the problem")
def service_desk_cancels_problem(ort_env, scenario_state):
    move_problem(ort_env, _problem(scenario_state), CLOSED, resolution_code=CANCELED)


@when("the service desk marks the problem as a duplicate of the original problem")
def service_desk_marks_duplicate(ort_env, scenario_state):
    original = scenario_state.named(THE_ORIGINAL)
    mark_duplicate(ort_env, _problem(scenario_state), original)


@when("the service desk tries to mark the problem as a duplicate without naming the original")
def service_desk_tries_duplicate_without_original(ort_env, scenario_state):
    problem = _problem(scenario_state)
    scenario_state.attempt(lambda: mark_duplicate(ort_env, problem, None))


# -- known errors ---------------------------------------------------------------------------------


@given(parsers.parse('the problem is a known error with the workaround "{text}"'))
@when(parsers.parse('the problem is published as a known error with the workaround "{text}"'))
def problem_is_known_error(ort_env, scenario_state, text):
    fields = {"known_error": "true", "workaround": text}
    ort_env.service_desk.update("problem", _problem(scenario_state).sys_id, fields)


@when("the service desk tries to publish the problem as a known error without a workaround")
def service_desk_tries_known_error_without_workaround(ort_env, scenario_state):
    problem = _problem(scenario_state)
    fields = {"known_error": "true", "workaround": ""}
    action = lambda: ort_env.service_desk.update("problem", problem.sys_id, fields)  # noqa: E731
    scenario_state.attempt(action)


# -- checking -------------------------------------------------------------------------------------


@then(parsers.re(f"^the problem is closed as {CODE}$"))
def problem_closed_as(ort_env, scenario_state, code):
    record = read(ort_env, _problem(scenario_state))
    expected = (CLOSED, resolution_code(code))
    assert (record["state"], record["resolution_code"]) == expected, (
        f"{record['number']} is {PROBLEM_LIFECYCLE.describe(record['state'])} with resolution "
        f"code {record['resolution_code'] or 'none'!r}, expected Closed as {code}"
    )


@then(parsers.parse('the problem is a known error with the workaround "{text}"'))
def problem_shows_known_error(ort_env, scenario_state, text):
    record = read(ort_env, _problem(scenario_state))
    assert (record["known_error"], record["workaround"]) == ("true", text), (
        f"{record['number']} known_error={record['known_error']}, "
        f"workaround={record['workaround']!r}"
    )


@then("the problem is not a known error")
def problem_not_known_error(ort_env, scenario_state):
    record = read(ort_env, _problem(scenario_state))
    assert record["known_error"] == "false", f"{record['number']} is marked a known error"


@then(
    parsers.re(
        '^the refusal names the (?P<record>incident|problem|change) and says "(?P<text>.+)"$'
    )
)
def refusal_names_record_and_says(scenario_state, record, text):
    number = scenario_state.named(f"the {record}").number
    assert_refusal_says(scenario_state.refusal, number, text, accepted="the request was accepted")


@then("the incident is linked to the problem")
def incident_linked_to_problem(ort_env, scenario_state):
    record = read(ort_env, scenario_state.ticket())
    problem = _problem(scenario_state)
    assert record["problem_id"] and record["problem_id"]["value"] == problem.sys_id, (
        f"{record['number']} is linked to {record['problem_id'] or 'no problem'}, "
        f"expected {problem.number}"
    )


@then("the incident waits for the original problem")
def incident_waits_for_original(ort_env, scenario_state):
    record = read(ort_env, scenario_state.ticket())
    original = scenario_state.named(THE_ORIGINAL)
    linked = record["problem_id"]["value"] if record["problem_id"] else ""
    assert (linked, record["state"], record["hold_reason"]) == (original.sys_id, "3", "3"), (
        f"{record['number']} is in state {record['state']} (hold reason "
        f"{record['hold_reason'] or 'none'}) linked to {linked or 'no problem'}, expected On Hold "
        f"awaiting Problem linked to {original.number}"
    )


@then("the incident's work notes name the problem")
def incident_work_notes_name_problem(ort_env, scenario_state):
    ticket = scenario_state.ticket()
    problem = _problem(scenario_state)
    notes = ort_env.admin.find(
        "sys_journal_field", f"element_id={ticket.sys_id}^element=work_notes"
    )
    assert any(problem.number in n["value"] for n in notes), (
        f"no work note on {ticket.number} names {problem.number}: {[n['value'] for n in notes]}"
    )


@then(parsers.parse("a problem is opened for the incidents about {interface}"))
def problem_opened_for_interface(ort_env, scenario_state, interface):
    incidents = incidents_about(ort_env, interface)
    linked = {i["problem_id"]["value"] for i in incidents if i["problem_id"]}
    assert len(linked) == 1, (
        f"incidents about {interface} are linked to {len(linked)} problems, expected one: "
        f"{[(i['number'], i['problem_id']) for i in incidents]}"
    )
    problem = ort_env.admin.get("problem", linked.pop())
    ticket = Ticket("problem", problem["sys_id"], problem["number"], problem["sys_created_by"])
    scenario_state.keep(ticket, THE_PROBLEM)


@then(parsers.parse("no problem is opened for the incidents about {interface}"))
def no_problem_for_interface(ort_env, interface):
    incidents = incidents_about(ort_env, interface)
    linked = [i["number"] for i in incidents if i["problem_id"]]
    problems = ort_env.admin.find("problem", f"u_interface_id={interface}")
    assert not linked and not problems, (
        f"expected no problem for {interface}; linked incidents {linked}, "
        f"problems {[p['number'] for p in problems]}"
    )


@then(parsers.parse("every incident about {interface} waits for the problem"))
def every_incident_waits(ort_env, scenario_state, interface):
    problem = _problem(scenario_state)
    wrong = [
        f"{i['number']} (state {i['state']}, hold reason {i['hold_reason'] or 'none'}, "
        f"problem {i['problem_id']['value'] if i['problem_id'] else 'none'})"
        for i in incidents_about(ort_env, interface)
        if (i["state"], i["hold_reason"]) != ("3", "3")
        or not i["problem_id"]
        or i["problem_id"]["value"] != problem.sys_id
    ]
    assert not wrong, f"expected every incident to wait for {problem.number}: {'; '.join(wrong)}"


@then(parsers.re("^the (?P<record>problem|change) is not raised because (?P<reason>.+)$"))
def record_not_raised(scenario_state, record, reason):
    assert_refused_because(
        scenario_state.refusal,
        reason,
        accepted=f"the {record} was raised",
        statuses=(400, 403),
        with_detail=True,
    )
