"""The desk client turns every answer into a result or a typed error, and never shows a password."""

import logging

import pytest
import requests
import responses

from deskclient import (
    Credentials,
    DeskClient,
    DeskConflict,
    DeskError,
    DeskForbidden,
    DeskNotFound,
    DeskRefused,
    DeskUnauthorized,
    DeskUnreachable,
)

BASE = "http://desk.test"
SECRET = "s3cret-Pa55word"


@pytest.fixture
def client() -> DeskClient:
    return DeskClient(BASE, Credentials("lanternfield.agent", SECRET), name="Elexon Service Desk")


def envelope_error(status: int, message: str, detail: str = "") -> responses.Response:
    body = {"error": {"message": message, "detail": detail}, "status": "failure"}
    return responses.Response(
        responses.PATCH, f"{BASE}/api/now/table/incident/abc", json=body, status=status
    )


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, DeskRefused),
        (401, DeskUnauthorized),
        (403, DeskForbidden),
        (404, DeskNotFound),
        (409, DeskConflict),
        (500, DeskError),
    ],
)
@responses.activate
def test_error_envelopes_become_typed_errors(client: DeskClient, status: int, kind: type) -> None:
    """Each status maps to its own error carrying status, message and detail."""
    responses.add(envelope_error(status, "Incident INC0010001 cannot move", "allowed: none"))
    with pytest.raises(
        kind, match=r"PATCH .*/incident/abc answered \d+: Incident INC0010001"
    ) as info:
        client.update("incident", "abc", {"state": "7"})
    assert (info.value.status, info.value.detail) == (status, "allowed: none")


@responses.activate
def test_an_answer_without_the_envelope_is_an_error_with_its_text(client: DeskClient) -> None:
    """A proxy's HTML error page still gives a clear error."""
    responses.add(
        responses.GET, f"{BASE}/api/now/table/incident", body="<html>Bad gateway</html>", status=502
    )
    with pytest.raises(DeskError, match="answered 502: Bad Gateway") as info:
        client.find("incident")
    assert "Bad gateway" in info.value.detail


@responses.activate
def test_a_success_without_result_is_refused(client: DeskClient) -> None:
    """A 200 that is not ServiceNow's envelope is not taken as data."""
    responses.add(responses.GET, f"{BASE}/api/now/table/incident", json={"records": []})
    with pytest.raises(DeskError, match="answered 200"):
        client.find("incident")


@pytest.mark.parametrize("failure", [requests.ConnectionError("refused"), requests.Timeout("slow")])
@responses.activate
def test_an_unreachable_desk_is_named(client: DeskClient, failure: Exception) -> None:
    """Connection failures say which desk did not answer which call."""
    responses.add(responses.GET, f"{BASE}/api/now/table/incident", body=failure)
    with pytest.raises(DeskUnreachable, match="Elexon Service Desk did not answer GET"):
        client.find("incident")


@responses.activate
def test_delete_accepts_no_content(client: DeskClient) -> None:
    """A 204 needs no body."""
    responses.add(responses.DELETE, f"{BASE}/api/now/table/incident/abc", status=204)
    assert client.delete("incident", "abc") is None


@responses.activate
def test_find_one_insists_on_exactly_one(client: DeskClient) -> None:
    """find_one names the query when it matches none or several."""
    responses.add(responses.GET, f"{BASE}/api/now/table/incident", json={"result": []})
    with pytest.raises(DeskNotFound, match="no record matches 'number=INC0010009'"):
        client.find_one("incident", "number=INC0010009")


@responses.activate
def test_iterate_pages_until_a_short_page(client: DeskClient) -> None:
    """iterate walks limit/offset pages."""
    pages = [[{"n": i} for i in range(start, min(start + 2, 5))] for start in (0, 2, 4)]
    for page in pages:
        responses.add(responses.GET, f"{BASE}/api/now/table/incident", json={"result": page})
    assert [r["n"] for r in client.iterate("incident", page_size=2)] == [0, 1, 2, 3, 4]
    offsets = [c.request.url.split("sysparm_offset=")[-1][:1] for c in responses.calls[1:]]
    assert offsets == ["2", "4"]


@responses.activate
def test_the_password_never_appears_in_repr_or_logs(
    client: DeskClient, caplog: pytest.LogCaptureFixture
) -> None:
    """repr, str and debug logs show the user, never the password."""
    caplog.set_level(logging.DEBUG)
    responses.add(responses.GET, f"{BASE}/api/now/table/incident", json={"result": []})
    client.find("incident")
    shown = " ".join([repr(client), str(client), repr(client.credentials), caplog.text])
    assert "lanternfield.agent" in shown
    assert SECRET not in shown
