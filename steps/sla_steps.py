"""Steps about SLA targets, stages and breach notifications, in a service manager's words."""

from pytest_bdd import given, parsers, then, when

from fixtures import parse_moment, spoken
from fixtures.desks import needs_simulated
from fixtures.records import priority_fields, raise_incident
from simulators import parse_time

TARGET = "(?P<target>response|resolution)"
STAGES = {
    "in progress": "in_progress",
    "paused": "paused",
    "achieved": "achieved",
    "breached": "breached",
    "cancelled": "cancelled",
}
STAGE = "(?P<stage>" + "|".join(STAGES) + ")"


def _task_sla(ort_env, scenario_state, target):
    ticket = scenario_state.ticket()
    records = ort_env.admin.find("task_sla", f"task={ticket.sys_id}^target={target}")
    assert records, f"{ticket.number} has no {target} SLA"
    return records[0]


@given(parsers.parse("it is {moment}"))
@when(parsers.parse("it is {moment}"))
@needs_simulated
def it_is(ort_env, moment):
    ort_env.set_clock(parse_moment(moment))


@when(parsers.re(r"^(?P<amount>\d+) business hours? pass(?:es)?$"))
@needs_simulated
def business_hours_pass(ort_env, amount):
    now = parse_time(ort_env.admin.clock_now())
    ort_env.set_clock(ort_env.business_calendar.add(now, int(amount) * 3600))


@given(parsers.parse("{party} has raised a priority {priority:d} incident"))
@when(parsers.parse("{party} raises a priority {priority:d} incident"))
def party_raises_priority_incident(ort_env, scenario_state, party, priority):
    summary = f"Priority {priority} fault reported by {party}"
    ticket, _ = raise_incident(ort_env, ort_env.party(party), summary, **priority_fields(priority))
    scenario_state.remember(ticket, "the incident")


@when(parsers.parse("the service desk raises the incident to priority {priority:d}"))
def service_desk_changes_priority(ort_env, scenario_state, priority):
    ticket = scenario_state.ticket()
    ort_env.service_desk.update("incident", ticket.sys_id, priority_fields(priority))


@then(parsers.re(f"^the incident's {TARGET} target is (?P<moment>.+)$"))
def sla_target_is(ort_env, scenario_state, target, moment):
    record = _task_sla(ort_env, scenario_state, target)
    planned = spoken(parse_time(record["planned_end_time"]))
    assert planned == spoken(parse_moment(moment)), (
        f"{scenario_state.ticket().number}'s {target} target is {planned}, expected {moment}"
    )


@then(parsers.re(f"^the incident's {TARGET} SLA is {STAGE}$"))
def sla_stage_is(ort_env, scenario_state, target, stage):
    record = _task_sla(ort_env, scenario_state, target)
    assert record["stage"] == STAGES[stage], (
        f"{scenario_state.ticket().number}'s {target} SLA is {record['stage']}, expected {stage}"
    )


def _breach_emails(ort_env, scenario_state, target):
    ticket = scenario_state.ticket()
    emails = ort_env.admin.find("sys_email", f"instance={ticket.sys_id}^subjectLIKESLA breached")
    return [e for e in emails if target in e["subject"].lower()]


@then(parsers.re(f"^the {TARGET} SLA breach is notified at (?P<moment>.+)$"))
def breach_notified(ort_env, scenario_state, target, moment):
    emails = _breach_emails(ort_env, scenario_state, target)
    assert len(emails) == 1, f"expected one {target} breach notification, found {len(emails)}"
    sent = spoken(parse_time(emails[0]["sent_at"]))
    assert sent == spoken(parse_moment(moment)), f"breach notified at {sent}, expected {moment}"


@then(parsers.re(f"^no {TARGET} SLA breach is notified$"))
def no_breach_notified(ort_env, scenario_state, target):
    emails = _breach_emails(ort_env, scenario_state, target)
    assert emails == [], f"unexpected breach notifications: {[e['subject'] for e in emails]}"
