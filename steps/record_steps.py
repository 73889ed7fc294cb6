"""Steps every record kind shares: raising, states, moves, refused moves and who can see it."""

from pytest_bdd import given, then, when

from fixtures.records import (
    KindParse,
    KindRe,
    assert_in_state,
    assert_move_refused_naming,
    assert_move_refused_needing,
    assert_party_cannot_see,
    assert_party_sees,
    drive_record,
    move_record,
    needs_pattern,
    raise_record,
    state_pattern,
    try_to_move_record,
)

INCIDENT, PROBLEM, CHANGE, REQUEST, CONTACT = "incident", "problem", "change", "request", "contact"
BY_SERVICE_DESK = {"actor": "the service desk"}
BY_DIP_TEAM = {"actor": "the DIP team"}
RAISED_BY_SERVICE_DESK = {"party": "the service desk"}
RAISES_PROBLEM = 'the service desk {verb} a problem "{{summary}}"'
IS_IN = "^the {noun} is {words}{state}$"
MOVES = "^{actor} moves the {noun} to {state}$"
TRIES = "^{actor} tries to move the {noun} to {state}$"
TRIES_WITHOUT = "^the service desk tries to move the {noun} to {state} without {missing}$"
REFUSED_NAMING = "^the move is refused, naming the {noun}, {state} and (?P<target>.+)$"
REFUSED_NEEDING = "^the move is refused because the {noun} needs {missing}$"


def _is_in(noun, words=""):
    return IS_IN.format(noun=noun, words=words, state=state_pattern(noun))


def _moves(noun, actor):
    return MOVES.format(actor=actor, noun=noun, state=state_pattern(noun))


def _tries(noun, actor):
    return TRIES.format(actor=actor, noun=noun, state=state_pattern(noun))


def _tries_without(noun):
    return TRIES_WITHOUT.format(noun=noun, state=state_pattern(noun), missing=needs_pattern(noun))


def _refused_naming(noun):
    return REFUSED_NAMING.format(noun=noun, state=state_pattern(noun))


# -- raising --------------------------------------------------------------------------------------


@given(KindParse(INCIDENT, '{party} has raised an incident "{summary}"'))
@given(KindParse(PROBLEM, RAISES_PROBLEM.format(verb="has raised"), RAISED_BY_SERVICE_DESK))
@when(KindParse(PROBLEM, RAISES_PROBLEM.format(verb="raises"), RAISED_BY_SERVICE_DESK))
def record_raised(ort_env, scenario_state, kind, party, summary):
    raise_record(ort_env, scenario_state, kind, summary, by=party)


# -- bringing a record to a state and moving it ---------------------------------------------------


@given(KindRe(INCIDENT, _is_in(INCIDENT)))
@given(KindRe(PROBLEM, _is_in(PROBLEM, "(?:in )?")))
@given(KindRe(CHANGE, _is_in(CHANGE, "(?:in )?")))
@given(KindRe(REQUEST, _is_in(REQUEST)))
def record_is_in_state(ort_env, scenario_state, kind, state):
    drive_record(ort_env, scenario_state, kind, state)


@when(KindRe(INCIDENT, _moves(INCIDENT, "the service desk"), BY_SERVICE_DESK))
@when(KindRe(PROBLEM, _moves(PROBLEM, "the service desk"), BY_SERVICE_DESK))
@when(KindRe(CHANGE, _moves(CHANGE, "the service desk"), BY_SERVICE_DESK))
@when(KindRe(REQUEST, _moves(REQUEST, "the DIP team"), BY_DIP_TEAM))
def actor_moves_record(ort_env, scenario_state, kind, actor, state):
    move_record(ort_env, scenario_state, kind, state, actor)


@when(KindRe(INCIDENT, _tries(INCIDENT, "(?P<actor>the service desk|the caller)")))
@when(KindRe(PROBLEM, _tries(PROBLEM, "the service desk"), BY_SERVICE_DESK))
@when(KindRe(CHANGE, _tries(CHANGE, "the service desk"), BY_SERVICE_DESK))
@when(KindRe(REQUEST, _tries(REQUEST, "(?P<actor>the DIP team|the requester)")))
def actor_tries_to_move_record(ort_env, scenario_state, kind, actor, state):
    try_to_move_record(ort_env, scenario_state, kind, state, actor)


@when(KindRe(INCIDENT, _tries_without(INCIDENT), BY_SERVICE_DESK))
@when(KindRe(PROBLEM, _tries_without(PROBLEM), BY_SERVICE_DESK))
@when(KindRe(CHANGE, _tries_without(CHANGE), BY_SERVICE_DESK))
def actor_tries_to_move_record_without(ort_env, scenario_state, kind, actor, state, missing):
    try_to_move_record(ort_env, scenario_state, kind, state, actor, without=missing)


# -- checking -------------------------------------------------------------------------------------


@then(KindRe(INCIDENT, _is_in(INCIDENT, "(?:still )?")))
@then(KindRe(PROBLEM, _is_in(PROBLEM, "(?:still )?(?:in )?")))
@then(KindRe(CHANGE, _is_in(CHANGE, "(?:still )?(?:in )?")))
@then(KindRe(REQUEST, _is_in(REQUEST, "(?:still )?")))
@then(KindRe(CONTACT, _is_in(CONTACT, "(?:still )?")))
def record_shows_state(ort_env, scenario_state, kind, state):
    assert_in_state(ort_env, scenario_state, kind, state)


@then(KindRe(INCIDENT, _refused_naming(INCIDENT)))
@then(KindRe(PROBLEM, _refused_naming(PROBLEM)))
@then(KindRe(CHANGE, _refused_naming(CHANGE)))
@then(KindRe(REQUEST, _refused_naming(REQUEST)))
def move_refused_naming_states(ort_env, scenario_state, kind, state, target):
    assert_move_refused_naming(ort_env, scenario_state, kind, state, target)


@then(
    KindRe(
        INCIDENT,
        "^the move is refused because (?P<words>.+) (?:is|are) mandatory$",
        renamed={"words": "missing"},
    )
)
@then(KindRe(PROBLEM, REFUSED_NEEDING.format(noun=PROBLEM, missing=needs_pattern(PROBLEM))))
@then(KindRe(CHANGE, REFUSED_NEEDING.format(noun=CHANGE, missing=needs_pattern(CHANGE))))
def move_refused_for_missing(scenario_state, kind, missing):
    assert_move_refused_needing(scenario_state, kind, missing)


# -- who can see it -------------------------------------------------------------------------------


@then(KindParse(INCIDENT, "{party} can see the incident"))
@then(KindParse(REQUEST, "{party} can see the request"))
def party_can_see_record(ort_env, scenario_state, kind, party):
    assert_party_sees(ort_env, scenario_state, kind, party)


@then(KindParse(INCIDENT, "{party} cannot see the incident"))
@then(KindParse(REQUEST, "{party} cannot see the request"))
@then(KindParse(CONTACT, "{party} cannot see the contact"))
def party_cannot_see_record(ort_env, scenario_state, kind, party):
    assert_party_cannot_see(ort_env, scenario_state, kind, party)
