"""Shared by the desk's Table API tests: the admin, a tagged set of records, and helpers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from tests.simulators.conftest import TableApi

Api = Callable[[str], TableApi]


def tag() -> str:
    """A value no other test uses, to find this test's records."""
    return f"t-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def admin(api: Api) -> TableApi:
    return api("admin")


@pytest.fixture(scope="module")
def caller_sys_id(admin: TableApi) -> str:
    [user] = admin.rows("sys_user", "user_name=lanternfield.caller")
    return user["sys_id"]


@pytest.fixture(scope="module")
def tagged(admin: TableApi, caller_sys_id: str) -> tuple[str, list[dict[str, Any]]]:
    """Five incidents sharing one interface id, oldest first."""
    marker = tag()
    records = [
        admin.create(
            "incident",
            {
                "short_description": f"Paged record {index}",
                "u_interface_id": marker,
                "caller_id": caller_sys_id,
                "state": "2",
            },
        )
        for index in range(5)
    ]
    return marker, records


SYS_ID = re.compile(r"^[0-9a-f]{32}$")
