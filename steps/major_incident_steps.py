"""Steps about major incidents: proposing, deciding, the notices parties receive and the review."""

from pytest_bdd import given, parsers, then, when

from fixtures import parse_moment, spoken
from fixtures.records import (
    DEMOTION,
    FIRST_NOTICE,
    RESOLUTION,
    UPDATE,
    VERBS,
    assert_refusal_names,
    client_for,
    drive_mi_to,
    first_notice_deadline,
    group_name,
    mi_notices,
    mi_state_code,
    mi_state_text,
    notices_of,
    parse_moments,
    party_addresses,
    review_tasks,
    set_mi_state,
)
from simulators import parse_time

ACTOR = "(?P<actor>the service desk|the major incident manager|the caller)"
MI_STATE = "(?P<mi_state>proposed|accepted|rejected|demoted)"
DECISION = "(?P<verb>propose|accept|reject)"
KINDS = {"resolution": RESOLUTION, "demotion": DEMOTION}


# -- moving the candidacy -----------------------------------------------------------------------


@given(parsers.re(f"^the incident is {MI_STATE} as a major incident$"))
def incident_is_major(ort_env, scenario_state, mi_state):
    drive_mi_to(ort_env, scenario_state.ticket(), mi_state)


@when(parsers.re(f"^{ACTOR} (?P<verb>proposes|accepts|rejects) the incident as a major incident$"))
def actor_decides(ort_env, scenario_state, actor, verb):
    ticket = scenario_state.ticket()
    set_mi_state(client_for(ort_env, ticket, actor), ticket, VERBS[verb.removesuffix("s")])


@when(parsers.re(f"^{ACTOR} demotes the major incident$"))
def actor_demotes(ort_env, scenario_state, actor):
    ticket = scenario_state.ticket()
    set_mi_state(client_for(ort_env, ticket, actor), ticket, VERBS["demote"])


def _attempt(ort_env, scenario_state, actor, verb):
    ticket = scenario_state.ticket()
    scenario_state.attempt(
        lambda: set_mi_state(client_for(ort_env, ticket, actor), ticket, VERBS[verb])
    )


@when(parsers.re(f"^{ACTOR} tries to {DECISION} the incident as a major incident$"))
def actor_tries_to_decide(ort_env, scenario_state, actor, verb):
    _attempt(ort_env, scenario_state, actor, verb)


@when(parsers.re(f"^{ACTOR} tries to demote the major incident$"))
def actor_tries_to_demote(ort_env, scenario_state, actor):
    _attempt(ort_env, scenario_state, actor, "demote")


# -- the candidacy as the desk shows it ------------------------------------------------------------


def _mi_state(ort_env, scenario_state):
    record = ort_env.admin.get("incident", scenario_state.ticket().sys_id)
    return record["number"], record["major_incident_state"]


@then(parsers.re(f"^the incident is (?:still )?{MI_STATE} as a major incident$"))
def incident_shows_mi_state(ort_env, scenario_state, mi_state):
    number, code = _mi_state(ort_env, scenario_state)
    assert code == mi_state_code(mi_state), (
        f"{number}'s major incident state is {code or 'none'}, expected {mi_state}"
    )


@then(parsers.re("^the incident is (?:still )?not a major incident$"))
def incident_is_not_major(ort_env, scenario_state):
    number, code = _mi_state(ort_env, scenario_state)
    assert code == "", f"{number}'s major incident state is {code}, expected none"


@then(
    parsers.re(
        "^the major incident move is refused, naming the incident, "
        f"(?P<source>none|proposed|accepted|rejected|demoted) and {MI_STATE}$"
    )
)
def major_move_refused(scenario_state, source, mi_state):
    assert_refusal_names(
        scenario_state.refusal,
        scenario_state.ticket().number,
        mi_state_text(source),
        mi_state_text(mi_state),
    )


# -- notices ------------------------------------------------------------------------------------


def _one(ort_env, scenario_state, kind):
    ticket = scenario_state.ticket()
    found = notices_of(ort_env, ticket, kind)
    sent = [f"{n.kind} at {spoken(n.sent_at)}" for n in mi_notices(ort_env, ticket)]
    assert len(found) == 1, f"expected one {kind} notice about {ticket.number}; sent: {sent}"
    return found[0]


@then(parsers.re("^the first major incident notice is sent at (?P<moment>.+)$"))
def first_notice_sent_at(ort_env, scenario_state, moment):
    notice = _one(ort_env, scenario_state, FIRST_NOTICE)
    assert spoken(notice.sent_at) == spoken(parse_moment(moment)), (
        f"the first notice was sent at {spoken(notice.sent_at)}, expected {moment}"
    )


@then("the first major incident notice is sent within the agreed time")
def first_notice_in_time(ort_env, scenario_state):
    notice = _one(ort_env, scenario_state, FIRST_NOTICE)
    accepted, due = first_notice_deadline(ort_env, scenario_state.ticket())
    assert accepted <= notice.sent_at <= due, (
        f"accepted at {spoken(accepted)}, first notice due by {spoken(due)}, "
        f"sent at {spoken(notice.sent_at)}"
    )


@then(
    parsers.re(
        "^the major incident (?P<kind>resolution|demotion) notice is sent at (?P<moment>.+)$"
    )
)
def closing_notice_sent_at(ort_env, scenario_state, kind, moment):
    notice = _one(ort_env, scenario_state, KINDS[kind])
    assert spoken(notice.sent_at) == spoken(parse_moment(moment)), (
        f"the {kind} notice was sent at {spoken(notice.sent_at)}, expected {moment}"
    )


@then(parsers.re("^major incident updates are sent at (?P<moments>.+)$"))
def updates_sent_at(ort_env, scenario_state, moments):
    sent = [spoken(n.sent_at) for n in notices_of(ort_env, scenario_state.ticket(), UPDATE)]
    expected = [spoken(m) for m in parse_moments(moments)]
    assert sent == expected, f"updates were sent at {sent}, expected {expected}"


@then(parsers.re("^no major incident (?P<kind>notice|update) is sent$"))
def nothing_sent(ort_env, scenario_state, kind):
    ticket = scenario_state.ticket()
    found = mi_notices(ort_env, ticket) if kind == "notice" else notices_of(ort_env, ticket, UPDATE)
    assert found == [], f"unexpected {kind}s about {ticket.number}: {[n.subject for n in found]}"


def _notified(ort_env, scenario_state, party):
    addresses = party_addresses(ort_env, ort_env.party(party))
    sent = mi_notices(ort_env, scenario_state.ticket())
    return addresses, [n for n in sent if addresses & set(n.recipients)], sent


@then(parsers.parse("{party} receives a major incident notice"))
def party_receives_notice(ort_env, scenario_state, party):
    addresses, received, sent = _notified(ort_env, scenario_state, party)
    assert received, (
        f"{party} ({', '.join(sorted(addresses))}) is not among the recipients of "
        f"{len(sent)} notice(s): {[n.recipients for n in sent]}"
    )


@then(parsers.parse("{party} receives no major incident notice"))
def party_receives_no_notice(ort_env, scenario_state, party):
    _addresses, received, _sent = _notified(ort_env, scenario_state, party)
    assert received == [], f"{party} received {[n.subject for n in received]}"


# -- the Post Incident Review --------------------------------------------------------------------


def _review(ort_env, scenario_state):
    ticket = scenario_state.ticket()
    tasks = review_tasks(ort_env, ticket)
    assert len(tasks) == 1, f"{ticket.number} has {len(tasks)} post incident reviews, expected 1"
    return tasks[0]


@then(parsers.parse("a post incident review is due by {moment}"))
def review_due_by(ort_env, scenario_state, moment):
    review = _review(ort_env, scenario_state)
    due = spoken(parse_time(review["due_date"]))
    assert due == spoken(parse_moment(moment)), f"{review['number']} is due by {due}, not {moment}"


@then(parsers.parse('the post incident review is assigned to "{group}"'))
def review_assigned_to(ort_env, scenario_state, group):
    review = _review(ort_env, scenario_state)
    reference = review["assignment_group"]
    held_by = group_name(ort_env, reference["value"] if reference else "")
    assert held_by == group, f"{review['number']} is assigned to {held_by}, expected {group}"


@then("no post incident review is opened")
def no_review(ort_env, scenario_state):
    ticket = scenario_state.ticket()
    tasks = review_tasks(ort_env, ticket)
    assert tasks == [], f"{ticket.number} has reviews {[t['number'] for t in tasks]}"
