"""Steps for contacts at the central service desk and how triage classifies them."""

from pytest_bdd import given, parsers, then, when

from fixtures.records import (
    CONTACT,
    DEFAULT_ANSWER,
    OUTCOMES,
    answer,
    assert_refused_because,
    classify,
    group_emails,
    make_contact,
    outcome_fields,
    read,
    refer,
    reference_value,
)
from simulators.processes.triage import INTERACTION_CLOSE_CODES

OUTCOME = "(?P<outcome>" + "|".join(OUTCOMES) + ")"
CODE = "(?P<code>" + "|".join(INTERACTION_CLOSE_CODES) + ")"


def _contact(scenario_state):
    return scenario_state.ticket(CONTACT)


# -- contacting and triaging --------------------------------------------------------------------


@given(parsers.parse('{party} contacts the service desk about "{summary}"'))
@when(parsers.parse('{party} contacts the service desk about "{summary}"'))
def party_contacts_service_desk(ort_env, scenario_state, party, summary):
    contact = make_contact(ort_env, ort_env.party(party), summary)
    scenario_state.remember(contact, CONTACT)


@given(parsers.re(f"^the service desk triages the contact as {OUTCOME}$"))
@when(parsers.re(f"^the service desk triages the contact as {OUTCOME}$"))
def service_desk_triages(ort_env, scenario_state, outcome):
    classify(ort_env, scenario_state, ort_env.service_desk, outcome_fields(outcome))


@given(parsers.parse("the service desk refers the contact to {party}"))
@when(parsers.parse("the service desk refers the contact to {party}"))
def service_desk_refers(ort_env, scenario_state, party):
    refer(ort_env, scenario_state, ort_env.party(party))


@when(parsers.re(f"^(?P<actor>.+?) tries to triage the contact as {OUTCOME}$"))
def actor_tries_to_triage(ort_env, scenario_state, actor, outcome):
    if actor == "the service desk":
        client = ort_env.service_desk
    elif actor == "the caller":
        client = ort_env.client(_contact(scenario_state).raised_by)
    else:
        client = ort_env.client(ort_env.party(actor).agent.user_name)
    scenario_state.attempt(
        lambda: classify(ort_env, scenario_state, client, outcome_fields(outcome))
    )


@when("Business Support answers the contact")
def business_support_answers(ort_env, scenario_state):
    answer(ort_env, _contact(scenario_state), DEFAULT_ANSWER)


# -- checking -----------------------------------------------------------------------------------


@then(parsers.re(f'^the contact is closed with "{CODE}"$'))
def contact_closed_with(ort_env, scenario_state, code):
    record = read(ort_env, _contact(scenario_state))
    shown = (record["state"], record["close_code"])
    assert shown == ("closed_complete", code), (
        f"{record['number']} is {record['state']} with close code {record['close_code']!r}, "
        f"expected Closed Complete with {code!r}"
    )


@then(parsers.re(r"^the contact is closed as referred after (?P<minutes>\d+) minutes?$"))
def contact_referred_after(ort_env, scenario_state, minutes):
    record = read(ort_env, _contact(scenario_state))
    shown = (record["state"], record["close_code"], record["u_redirect_seconds"])
    assert shown == ("closed_complete", "Referred", str(int(minutes) * 60)), (
        f"{record['number']} is {record['state']} ({record['close_code'] or 'no close code'}), "
        f"redirected after {record['u_redirect_seconds'] or '?'} s; expected Referred after "
        f"{minutes} minutes"
    )


@then(parsers.re("^the contact is linked to the (?P<raised>incident|request) it raised$"))
def contact_linked_to_raised(ort_env, scenario_state, raised):
    record = read(ort_env, _contact(scenario_state))
    link = {"incident": "u_incident", "request": "u_request"}[raised]
    expected = scenario_state.ticket(f"the {raised}")
    assert reference_value(record[link]) == expected.sys_id, (
        f"{record['number']} links {raised} {reference_value(record[link]) or 'nothing'}, "
        f"expected {expected.number}"
    )


@then(parsers.parse('the contact is routed to "{group}"'))
def contact_routed_to(ort_env, scenario_state, group):
    record = read(ort_env, _contact(scenario_state), sysparm_display_value="true")
    shown = record["assignment_group"]["display_value"] if record["assignment_group"] else ""
    assert shown == group, f"{record['number']} is with {shown!r}, expected {group!r}"


@then("the contact carries no incident SLA")
def contact_has_no_incident_sla(ort_env, scenario_state):
    contact = _contact(scenario_state)
    record = read(ort_env, contact)
    slas = ort_env.admin.find("task_sla", f"task={contact.sys_id}")
    raised = reference_value(record["u_incident"])
    assert slas == [] and raised == "", (
        f"{contact.number} has {len(slas)} SLA records and incident {raised or 'none'}; "
        "a business query carries no incident SLA"
    )


@then(parsers.parse("the contact records the referral to {party}"))
def contact_records_referral(ort_env, scenario_state, party):
    expected = ort_env.party(party)
    record = read(ort_env, _contact(scenario_state), sysparm_display_value="all")
    referred_party = record["u_referred_party"]["value"]
    group = record["u_referred_to"]["display_value"] if record["u_referred_to"] else ""
    groups = {g.name for g in expected.config.groups}
    assert referred_party == expected.config.id and group in groups, (
        f"{record['number']['value']} is referred to {group or 'no group'} "
        f"({referred_party or 'no party'}), expected {party}"
    )


@then(parsers.parse("the caller is told to contact {party}"))
def caller_told_to_contact(ort_env, scenario_state, party):
    contact = _contact(scenario_state)
    [caller] = ort_env.admin.find("sys_user", f"user_name={contact.raised_by}")
    emails = ort_env.admin.find("sys_email", f"instance={contact.sys_id}")
    desks = group_emails(ort_env, ort_env.party(party))
    told = [
        e
        for e in emails
        if caller["email"] in e["recipients"].split(",") and any(d in e["body"] for d in desks)
    ]
    assert len(told) == 1, (
        f"expected one e-mail telling {caller['email']} to contact {party} ({sorted(desks)}); "
        f"sent: {[(e['recipients'], e['subject']) for e in emails]}"
    )


@then(parsers.re("^the triage is refused because (?P<reason>.+)$"))
def triage_refused_because(scenario_state, reason):
    assert_refused_because(
        scenario_state.refusal, reason, accepted="the triage was accepted", statuses=(400, 403)
    )
