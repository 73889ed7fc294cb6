"""Steps about changes: types, CAB and eCAB authorisation, windows, freezes, notices, closing."""

from pytest_bdd import given, parsers, then, when

from fixtures import parse_moment
from fixtures.records import (
    BOARDS,
    THE_CHANGE,
    THE_PROBLEM,
    approval_code,
    assert_refusal_says,
    board_member,
    change_notices,
    close_code,
    decide,
    drive_change_to,
    link,
    london_minutes,
    participant_groups,
    raise_change,
    raise_change_for,
    raise_standard,
    read,
    settings,
    try_to_authorise,
    window_fields,
)
from simulators.processes.change import (
    BUSINESS_SERVICES,
    CHANGE_APPROVAL,
    CHANGE_CLOSE_CODES,
    CHANGE_LIFECYCLES,
    CLOSED,
    SCHEDULED,
)

TYPE = "(?P<change_type>normal|emergency)"
BOARD = "(?P<board>" + "|".join(BOARDS) + ")"
CODE = "(?P<code>" + "|".join(label.lower() for label in CHANGE_CLOSE_CODES.values()) + ")"
APPROVAL = "(?P<approval>" + "|".join(label.lower() for label in CHANGE_APPROVAL.values()) + ")"
TASK = "(?P<task>incident|problem)"
WAS_SCHEDULED = "the change was scheduled"


def _change(scenario_state):
    return scenario_state.named(THE_CHANGE)


def _lifecycle(record):
    return CHANGE_LIFECYCLES[record["type"]]


def _window(start, end):
    return window_fields(parse_moment(start), parse_moment(end))


# -- raising and linking ------------------------------------------------------------------------


RAISED = f'an? {TYPE} change "(?P<summary>.+)" for the (?P<service>.+)$'


@given(parsers.re(f"^the service desk has raised {RAISED}"))
@when(parsers.re(f"^the service desk raises {RAISED}"))
def service_desk_raises_change(ort_env, scenario_state, change_type, summary, service):
    scenario_state.keep(raise_change(ort_env, change_type, summary, service), THE_CHANGE)


@given(
    parsers.parse('the service desk has raised a standard change from the template "{template}"')
)
@when(parsers.parse('the service desk raises a standard change from the template "{template}"'))
def service_desk_raises_standard_change(ort_env, scenario_state, template):
    scenario_state.keep(raise_standard(ort_env, template), THE_CHANGE)


@when(
    parsers.parse(
        'the service desk tries to raise a standard change from the template "{template}"'
    )
)
def service_desk_tries_standard_change(ort_env, scenario_state, template):
    scenario_state.attempt(lambda: raise_standard(ort_env, template))


@when("the service desk tries to raise a standard change without a template")
def service_desk_tries_standard_without_template(ort_env, scenario_state):
    action = lambda: raise_change(ort_env, "standard", "Replace DIP gateway certificate")  # noqa: E731
    scenario_state.attempt(action)


@given("an emergency change is raised to restore the incident")
@when("an emergency change is raised to restore the incident")
def emergency_change_for_incident(ort_env, scenario_state):
    change = raise_change_for(ort_env, "emergency", scenario_state.ticket(), "Restore")
    scenario_state.keep(change, THE_CHANGE)


@given(parsers.re(f"^an? {TYPE} change is raised to fix the problem$"))
@when(parsers.re(f"^an? {TYPE} change is raised to fix the problem$"))
def change_for_problem(ort_env, scenario_state, change_type):
    problem = scenario_state.named(THE_PROBLEM)
    scenario_state.keep(raise_change_for(ort_env, change_type, problem, "Fix"), THE_CHANGE)


@when(parsers.re(f"^the service desk links the change to the {TASK}$"))
def change_linked_to(ort_env, scenario_state, task):
    link(ort_env, _change(scenario_state), scenario_state.named(f"the {task}"))


# -- moving ---------------------------------------------------------------------------------------


@given(parsers.parse("the change is scheduled from {start} to {end}"))
def change_has_been_scheduled(ort_env, scenario_state, start, end):
    drive_change_to(ort_env, _change(scenario_state), SCHEDULED, _window(start, end))


@when(parsers.parse("the change is scheduled from {start} to {end}"))
def service_desk_schedules_change(ort_env, scenario_state, start, end):
    change = _change(scenario_state)
    fields = {"state": SCHEDULED, **_window(start, end)}
    ort_env.service_desk.update("change_request", change.sys_id, fields)


@when(parsers.parse("the service desk tries to schedule the change from {start} to {end}"))
def service_desk_tries_to_schedule(ort_env, scenario_state, start, end):
    change = _change(scenario_state)
    fields = {"state": SCHEDULED, **_window(start, end)}
    action = lambda: ort_env.service_desk.update("change_request", change.sys_id, fields)  # noqa: E731
    scenario_state.attempt(action)


@when(parsers.re(f"^the service desk closes the change as {CODE}$"))
def service_desk_closes_change(ort_env, scenario_state, code):
    change = _change(scenario_state)
    fields = {"state": CLOSED, "close_code": close_code(code)}
    fields["close_notes"] = f"Implemented; outcome {code}. Post-implementation checks recorded."
    ort_env.service_desk.update("change_request", change.sys_id, fields)


# -- authorisation ------------------------------------------------------------------------------


@given(parsers.re(f"^the {BOARD} authorises the change$"))
@when(parsers.re(f"^the {BOARD} authorises the change$"))
def board_authorises(ort_env, scenario_state, board):
    decide(ort_env, _change(scenario_state), board, "approved")


@given(parsers.re(f"^the {BOARD} rejects the change$"))
@when(parsers.re(f"^the {BOARD} rejects the change$"))
def board_rejects(ort_env, scenario_state, board):
    decide(ort_env, _change(scenario_state), board, "rejected")


AUTHORISER = "(?P<actor>the service desk|the CAB|the emergency CAB)"


@when(parsers.re(f"^{AUTHORISER} tries to authorise the change$"))
def actor_tries_to_authorise(ort_env, scenario_state, actor):
    board = actor.removeprefix("the ")
    user = ort_env.service_desk.credentials.user if board == "service desk" else None
    user = user or board_member(ort_env, board)
    client = ort_env.client(user)
    change = _change(scenario_state)
    scenario_state.attempt(lambda: try_to_authorise(client, ort_env, change))


# -- checking -------------------------------------------------------------------------------------


@then(parsers.re("^the change is an? (?P<change_type>normal|standard|emergency) change$"))
def change_has_type(ort_env, scenario_state, change_type):
    record = read(ort_env, _change(scenario_state))
    assert record["type"] == change_type, f"{record['number']} is a {record['type']} change"


@then(parsers.re(f"^the change's approval is {APPROVAL}$"))
def change_approval_is(ort_env, scenario_state, approval):
    record = read(ort_env, _change(scenario_state))
    assert record["approval"] == approval_code(approval), (
        f"{record['number']}'s approval is {CHANGE_APPROVAL[record['approval']]}, "
        f"expected {approval}"
    )


@then(parsers.re(f"^the {BOARD} is asked to authorise the change$"))
def board_is_asked(ort_env, scenario_state, board):
    change = _change(scenario_state)
    member = board_member(ort_env, board)
    approvals = ort_env.admin.find(
        "sysapproval_approver", f"document_id={change.sys_id}^state=requested"
    )
    approvers = {a["approver"]["value"] for a in approvals}
    member_id = ort_env.admin.find_one("sys_user", f"user_name={member}")["sys_id"]
    assert member_id in approvers, f"{member} was not asked to authorise {change.number}"


@then(parsers.parse('the change is filled in from the template "{template}"'))
def change_filled_from_template(ort_env, scenario_state, template):
    record = read(ort_env, _change(scenario_state))
    values = settings(ort_env).templates[template].values
    shown = {name: record[name] for name in values}
    for name in shown:
        if isinstance(shown[name], dict):
            group = ort_env.admin.get("sys_user_group", shown[name]["value"])
            shown[name] = group["name"]
    assert shown == dict(values), f"{record['number']} shows {shown}, template gives {values}"


@then(parsers.re(f"^the {TASK} names the change as its fix$"))
def task_names_change(ort_env, scenario_state, task):
    record = read(ort_env, scenario_state.named(f"the {task}"))
    change = _change(scenario_state)
    rfc = record["rfc"]["value"] if record["rfc"] else ""
    assert rfc == change.sys_id, (
        f"{record['number']} names {rfc or 'no change'}, not {change.number}"
    )


@then(parsers.re(f"^the change is closed as {CODE}$"))
def change_closed_as(ort_env, scenario_state, code):
    record = read(ort_env, _change(scenario_state))
    assert (record["state"], record["close_code"]) == (CLOSED, close_code(code)), (
        f"{record['number']} is {_lifecycle(record).describe(record['state'])} with close code "
        f"{record['close_code'] or 'none'!r}, expected Closed as {code}"
    )


@then(parsers.re(f"^the authorisation is refused because only the {BOARD} may authorise it$"))
def authorisation_refused(ort_env, scenario_state, board):
    role = {"CAB": "change_approver", "emergency CAB": "emergency_change_approver"}[board]
    assert_refusal_says(
        scenario_state.refusal,
        _change(scenario_state).number,
        f"needs the {role} role",
        accepted="the authorisation was accepted",
        status=400,
    )


@then(parsers.parse("the scheduling is refused because the window overlaps the {freeze}"))
def scheduling_refused_by_freeze(scenario_state, freeze):
    number = _change(scenario_state).number
    assert_refusal_says(
        scenario_state.refusal, number, f"overlaps the {freeze}", accepted=WAS_SCHEDULED
    )


NOTICE_REFUSED = (
    "the scheduling is refused because the change gives less than {days:d} working days' notice"
)


@then(parsers.parse(NOTICE_REFUSED))
def scheduling_refused_by_notice(scenario_state, days):
    notice = f"needs {days} working days' notice"
    number = _change(scenario_state).number
    assert_refusal_says(scenario_state.refusal, number, notice, accepted=WAS_SCHEDULED)


def _notices_to_every_participant(ort_env, scenario_state, subject_word):
    change = _change(scenario_state)
    record = read(ort_env, change)
    sent = [n for n in change_notices(ort_env, change) if subject_word in n["subject"]]
    window = f"{london_minutes(record['start_date'])} to {london_minutes(record['end_date'])}"
    service = BUSINESS_SERVICES[record["business_service"]]
    missing = []
    for party, emails in participant_groups(ort_env).items():
        mine = [n for n in sent if set(emails) <= set(n["recipients"].split(","))]
        good = [
            n
            for n in mine
            if change.number in n["subject"] and window in n["body"] and service in n["body"]
        ]
        if not good:
            missing.append(f"{party} ({', '.join(emails)}): {[n['subject'] for n in mine]}")
    assert not missing, (
        f"participants not told of {change.number} ({window}, {service}): {'; '.join(missing)}"
    )


@then("every participant is notified of the change")
def every_participant_notified(ort_env, scenario_state):
    _notices_to_every_participant(ort_env, scenario_state, "change")


@then("every participant is told the change is complete")
def every_participant_told_complete(ort_env, scenario_state):
    _notices_to_every_participant(ort_env, scenario_state, "Completed")


@then("no participant is notified of the change")
def no_participant_notified(ort_env, scenario_state):
    sent = change_notices(ort_env, _change(scenario_state))
    assert sent == [], f"unexpected notices: {[n['subject'] for n in sent]}"
