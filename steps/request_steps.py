"""Steps for service requests raised on the portal and fulfilled by their owning team."""

from pytest_bdd import given, parsers, then, when

from fixtures import parse_moment, spoken
from fixtures.records import (
    assert_refused_because,
    fulfil,
    group_emails,
    kind_code,
    offboarding_fields,
    raise_request,
    read,
    record_check,
    reference_value,
    request_fields,
    request_move_fields,
    request_state_code,
    solr_fields,
    spoken_date,
)
from simulators import parse_time
from steps.sla_steps import STAGE, STAGES, TARGET

KIND = "(?P<kind>DIP onboarding|a DIP role change|portal access)"
REFUSALS = {
    "a reason is mandatory": "u_reason is mandatory",
    "an effective date is mandatory": "u_effective_date is mandatory",
    "a reason and an effective date are mandatory": "u_reason, u_effective_date are mandatory",
    "the effective date has passed": "is before today",
    "the role transfer is not yet verified": "until the role transfer is verified",
}
WITHOUT = {
    "a reason": {"u_reason": ""},
    "an effective date": {"u_effective_date": ""},
    "a reason or an effective date": {"u_reason": "", "u_effective_date": ""},
}


def _request(scenario_state):
    return scenario_state.ticket("the request")


def _raise(ort_env, scenario_state, party, fields):
    ticket = raise_request(ort_env, ort_env.party(party), fields)
    scenario_state.remember(ticket, "the request")


def _try_to_raise(ort_env, scenario_state, party, fields):
    scenario_state.attempt(lambda: _raise(ort_env, scenario_state, party, fields))


# -- raising ------------------------------------------------------------------------------------


@given(parsers.re(f"^(?P<party>.+?) requests {KIND} through the portal$"))
@when(parsers.re(f"^(?P<party>.+?) requests {KIND} through the portal$"))
def party_requests_through_portal(ort_env, scenario_state, party, kind):
    code = kind_code(kind)
    fields = {"u_request_type": code, **request_fields(ort_env.party(party), code)}
    _raise(ort_env, scenario_state, party, fields)


@given(
    parsers.re(
        r"^(?P<party>.+?) (?P<attempt>requests|tries to request) DIP offboarding from "
        r'(?P<day>\d{1,2} [A-Z][a-z]+ \d{4}) because "(?P<reason>.+)"$'
    )
)
@when(
    parsers.re(
        r"^(?P<party>.+?) (?P<attempt>requests|tries to request) DIP offboarding from "
        r'(?P<day>\d{1,2} [A-Z][a-z]+ \d{4}) because "(?P<reason>.+)"$'
    )
)
def party_requests_offboarding(ort_env, scenario_state, party, attempt, day, reason):
    fields = offboarding_fields(ort_env, u_reason=reason, u_effective_date=spoken_date(day))
    if attempt == "requests":
        _raise(ort_env, scenario_state, party, fields)
    else:
        _try_to_raise(ort_env, scenario_state, party, fields)


@when(
    parsers.re(
        "^(?P<party>.+?) tries to request DIP offboarding without "
        f"(?P<missing>{'|'.join(WITHOUT)})$"
    )
)
def party_tries_offboarding_without(ort_env, scenario_state, party, missing):
    fields = offboarding_fields(ort_env, **WITHOUT[missing])
    _try_to_raise(ort_env, scenario_state, party, fields)


@given(
    parsers.re(
        "^(?P<incoming>.+?) requests the transfer of (?P<failed>.+?)'s DIP roles "
        "as Supplier of Last Resort$"
    )
)
@when(
    parsers.re(
        "^(?P<incoming>.+?) requests the transfer of (?P<failed>.+?)'s DIP roles "
        "as Supplier of Last Resort$"
    )
)
def incoming_requests_solr_transfer(ort_env, scenario_state, incoming, failed):
    fields = solr_fields(ort_env.party(incoming), ort_env.party(failed))
    _raise(ort_env, scenario_state, incoming, fields)


# -- fulfilling ---------------------------------------------------------------------------------


@given("the DIP team fulfils the request")
@when("the DIP team fulfils the request")
def dip_team_fulfils(ort_env, scenario_state):
    fulfil(ort_env, _request(scenario_state))


@when("the DIP team tries to fulfil the request")
def dip_team_tries_to_fulfil(ort_env, scenario_state):
    scenario_state.attempt(lambda: fulfil(ort_env, _request(scenario_state)))


@when("the requester cancels the request")
def requester_cancels(ort_env, scenario_state):
    ticket = _request(scenario_state)
    fields = request_move_fields(request_state_code("Closed Cancelled"))
    ort_env.client(ticket.raised_by).update("sc_request", ticket.sys_id, fields)


@given("the DIP team verifies the role transfer")
@when("the DIP team verifies the role transfer")
def dip_team_verifies(ort_env, scenario_state):
    record_check(ort_env, _request(scenario_state), "u_roles_verified")


@given("the DIP team sends the transfer instructions")
@when("the DIP team sends the transfer instructions")
def dip_team_sends_instructions(ort_env, scenario_state):
    record_check(ort_env, _request(scenario_state), "u_instructions_sent")


@when("the DIP team tries to send the transfer instructions")
def dip_team_tries_to_send_instructions(ort_env, scenario_state):
    ticket = _request(scenario_state)
    scenario_state.attempt(lambda: record_check(ort_env, ticket, "u_instructions_sent"))


# -- checking -----------------------------------------------------------------------------------


@then(parsers.parse('the request is assigned to "{group}"'))
def request_assigned_to(ort_env, scenario_state, group):
    record = ort_env.admin.get(
        "sc_request", _request(scenario_state).sys_id, sysparm_display_value="true"
    )
    shown = record["assignment_group"]["display_value"] if record["assignment_group"] else ""
    assert shown == group, f"{record['number']} is assigned to {shown!r}, expected {group!r}"


@then("the request was fulfilled by the DIP team")
def request_fulfilled_by_dip_team(ort_env, scenario_state):
    record = read(ort_env, _request(scenario_state))
    [member] = ort_env.admin.find("sys_user", "user_name=elexon.dip")
    closer = reference_value(record["closed_by"])
    assert (record["request_state"], closer) == ("closed_complete", member["sys_id"]), (
        f"{record['number']} is {record['request_state']}, closed by {closer or 'nobody'}; "
        f"expected Closed Complete by {member['name']} of the DIP team"
    )


@then("the request shows the role transfer verified and its instructions sent")
def request_shows_checks_done(ort_env, scenario_state):
    record = read(ort_env, _request(scenario_state))
    done = (record["u_roles_verified"], record["u_instructions_sent"])
    stamped = bool(record["u_verified_at"] and record["u_instructions_sent_at"])
    assert done == ("true", "true") and stamped, (
        f"{record['number']}: verified {done[0]} at {record['u_verified_at'] or 'never'}, "
        f"instructions sent {done[1]} at {record['u_instructions_sent_at'] or 'never'}"
    )


@then(parsers.re("^the transfer instructions are sent to (?P<first>.+?) and (?P<second>.+)$"))
def instructions_sent_to(ort_env, scenario_state, first, second):
    ticket = _request(scenario_state)
    emails = ort_env.admin.find("sys_email", f"instance={ticket.sys_id}^subjectLIKEinstructions")
    assert len(emails) == 1, (
        f"expected one instructions e-mail on {ticket.number}, found {len(emails)}"
    )
    recipients = set(emails[0]["recipients"].split(","))
    for party in (first, second):
        expected = group_emails(ort_env, ort_env.party(party))
        assert expected and expected <= recipients, (
            f"instructions for {ticket.number} went to {sorted(recipients)}, not to {party}"
        )


@then(parsers.re(f"^the request is refused because (?P<reason>{'|'.join(REFUSALS)})$"))
def request_refused_because(scenario_state, reason):
    assert_refused_because(
        scenario_state.refusal, REFUSALS[reason], accepted="the request was accepted"
    )


def _request_sla(ort_env, scenario_state, target):
    ticket = _request(scenario_state)
    records = ort_env.admin.find("task_sla", f"task={ticket.sys_id}^target={target}")
    assert records, f"{ticket.number} has no {target} SLA"
    return records[0]


@then(parsers.re(f"^the request's {TARGET} target is (?P<moment>.+)$"))
def request_target_is(ort_env, scenario_state, target, moment):
    planned = spoken(parse_time(_request_sla(ort_env, scenario_state, target)["planned_end_time"]))
    assert planned == spoken(parse_moment(moment)), (
        f"{_request(scenario_state).number}'s {target} target is {planned}, expected {moment}"
    )


@then(parsers.re(f"^the request's {TARGET} SLA is {STAGE}$"))
def request_sla_stage_is(ort_env, scenario_state, target, stage):
    record = _request_sla(ort_env, scenario_state, target)
    assert record["stage"] == STAGES[stage], (
        f"{_request(scenario_state).number}'s {target} SLA is {record['stage']}, expected {stage}"
    )
