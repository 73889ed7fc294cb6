"""Steps about what each party can see and change."""

from pytest_bdd import given, parsers, then, when

from deskclient import DeskError, DeskForbidden, DeskNotFound


def _party_client(ort_env, party):
    return ort_env.client(ort_env.party(party).agent.user_name)


@given(parsers.parse('the incident is assigned to "{group}"'))
@when(parsers.parse('the service desk assigns the incident to "{group}"'))
def service_desk_assigns(ort_env, scenario_state, group):
    ticket = scenario_state.ticket()
    ort_env.service_desk.update("incident", ticket.sys_id, {"assignment_group": group})


@then(parsers.parse("{party} cannot change the incident"))
def party_cannot_change(ort_env, scenario_state, party):
    ticket = scenario_state.ticket()
    client = _party_client(ort_env, party)
    try:
        client.update("incident", ticket.sys_id, {"short_description": "changed by another party"})
    except (DeskNotFound, DeskForbidden) as refusal:
        assert refusal.status in (403, 404)
    else:
        raise AssertionError(f"{party} could change {ticket.number}")
    record = ort_env.admin.get("incident", ticket.sys_id)
    assert record["short_description"] != "changed by another party"


@then(parsers.parse("{party} cannot read the incident's comments"))
def party_cannot_read_journal(ort_env, scenario_state, party):
    ticket = scenario_state.ticket()
    ort_env.service_desk.update("incident", ticket.sys_id, {"comments": "MPAN and flow details"})
    client = _party_client(ort_env, party)
    try:
        entries = client.find("sys_journal_field", f"element_id={ticket.sys_id}")
    except DeskError as refusal:
        assert refusal.status in (403, 404)
        return
    assert entries == [], f"{party} reads {len(entries)} journal entries of {ticket.number}"
