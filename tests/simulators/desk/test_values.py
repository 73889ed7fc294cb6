"""Request bodies to field values: malformed bodies, choices and references by name."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


SYS_ID = re.compile(r"^[0-9a-f]{32}$")


@pytest.fixture(scope="module")
def admin(api: Api) -> TableApi:
    return api("admin")


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
