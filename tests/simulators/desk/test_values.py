"""Request bodies to field values: coercion to strings, journals, choices, references by name."""

from __future__ import annotations

import pytest

from simulators.desk.values import Submission, read_submission
from simulators.errors import BadRequest
from simulators.processes.catalogue import table_catalogue
from tests.simulators.conftest import TableApi
from tests.simulators.desk.conftest import SYS_ID


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "Exception while reading request"),
        (b'["a list"]', "Exception while reading request"),
        (b'{"state": "4"}', "Field 'state' of incident: '4' is not a valid choice"),
        (b'{"impact": "high"}', "Field 'impact' of incident: 'high' is not a valid choice"),
        (
            b'{"caller_id": "Nobody Atall"}',
            "Field 'caller_id': 'Nobody Atall' matches no record in sys_user",
        ),
        (b'{"short_description": ["a", "b"]}', "Field 'short_description' has an invalid value"),
    ],
)
def test_a_malformed_body_answers_400_naming_the_problem(
    admin: TableApi, body: bytes, message: str
) -> None:
    """Bad JSON, a non-object body, a bad choice or an unknown reference is refused with 400."""
    response = admin.request(
        "POST", "incident", data=body, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert response.json()["error"]["message"] == message


def test_a_reference_can_be_written_by_the_referenced_records_name(admin: TableApi) -> None:
    """A reference given as a user name or a group name is stored as that record's sys_id."""
    record = admin.create(
        "incident",
        {
            "short_description": "By name",
            "caller_id": "lanternfield.caller",
            "assignment_group": "DIP Manager",
        },
    )

    shown = admin.get(f"incident/{record['sys_id']}", sysparm_display_value="all").json()["result"]

    assert shown["caller_id"]["display_value"] == "Ella Marsh"
    assert shown["assignment_group"]["display_value"] == "DIP Manager"
    assert SYS_ID.match(shown["assignment_group"]["value"])


# -- read_submission, without a desk ------------------------------------------------------------

INCIDENT = table_catalogue()["incident"]


def test_every_json_scalar_becomes_the_string_servicenow_stores() -> None:
    """Numbers, booleans and null are coerced; a whole float loses its point."""
    submission = read_submission(
        INCIDENT,
        {
            "impact": 2,
            "urgency": 3.0,
            "short_description": None,
            "description": 1.5,
            "u_mpan": 1,
        },
    )

    assert submission.values == {
        "impact": "2",
        "urgency": "3",
        "short_description": "",
        "description": "1.5",
        "u_mpan": "1",
    }


def test_a_value_may_be_given_as_a_display_value_object() -> None:
    """{"value": ...} as the API returns it with sysparm_display_value=all is accepted."""
    submission = read_submission(INCIDENT, {"state": {"value": "2", "display_value": "x"}})

    assert submission.values == {"state": "2"}


def test_journal_fields_become_entries_and_blank_ones_are_dropped() -> None:
    """Comments and work notes are not stored values but journal entries, in order."""
    submission = read_submission(
        INCIDENT, {"work_notes": "Gateway restarted", "comments": "  ", "state": "2"}
    )

    assert submission == Submission({"state": "2"}, [("work_notes", "Gateway restarted")])


def test_unknown_and_read_only_fields_are_ignored_as_servicenow_does() -> None:
    """A typo, the number or the priority in a body change nothing."""
    submission = read_submission(
        INCIDENT, {"short_desc": "typo", "number": "INC9999999", "priority": "1", "impact": "1"}
    )

    assert submission.values == {"impact": "1"}


def test_the_ebond_key_is_taken_aside_as_the_idempotency_key() -> None:
    """`u_ebond_key` is not a field: it makes a delivered write happen once."""
    submission = read_submission(INCIDENT, {"u_ebond_key": "elexon:42", "impact": "1"})

    assert (submission.idempotency_key, submission.values) == ("elexon:42", {"impact": "1"})


def test_a_boolean_is_written_as_true_or_false() -> None:
    """JSON true and false become ServiceNow's 'true' and 'false'."""
    submission = read_submission(INCIDENT, {"u_mpan": True, "description": False})

    assert submission.values == {"u_mpan": "true", "description": "false"}


@pytest.mark.parametrize(
    ("body", "message", "detail"),
    [
        ([], "Exception while reading request", "must be a JSON object, got list"),
        ({"impact": [1]}, "Field 'impact' has an invalid value", "got list"),
        ({"impact": {"display_value": "1"}}, "Field 'impact' has an invalid value", "got dict"),
    ],
)
def test_a_body_that_cannot_be_read_is_refused_with_the_reason(
    body: object, message: str, detail: str
) -> None:
    """The message is ServiceNow's; the detail says what was wrong."""
    with pytest.raises(BadRequest, match=message) as raised:
        read_submission(INCIDENT, body)

    assert detail in raised.value.detail
