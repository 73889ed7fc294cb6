"""The desk client: the one way steps reach a desk, over ServiceNow's Table API with requests."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import requests

from deskclient.errors import ERRORS_BY_STATUS, DeskError, DeskNotFound, DeskUnreachable

log = logging.getLogger("deskclient")
DEFAULT_TIMEOUT = 15.0


@dataclass(frozen=True)
class Credentials:
    """A user and password; the password never appears in repr, str, logs or Allure parameters."""

    user: str
    password: str = field(repr=False)

    def __repr__(self) -> str:
        return f"Credentials(user={self.user!r}, password='***')"

    __str__ = __repr__


class DeskClient:
    """A Table API client bound to one desk and one user."""

    def __init__(
        self,
        base_url: str,
        credentials: Credentials,
        *,
        name: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self.name = name or self.base_url
        self.timeout = timeout
        self._session = session or requests.Session()
        self._session.auth = (credentials.user, credentials.password)
        self._session.headers.update({"Accept": "application/json"})

    def __repr__(self) -> str:
        return f"DeskClient({self.name!r}, user={self.credentials.user!r})"

    __str__ = __repr__

    # -- Table API ---------------------------------------------------------------------------------

    def create(self, table: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Insert a record; returns it as the desk stored it."""
        return self._call("POST", f"/api/now/table/{table}", json=dict(fields))["result"]

    def get(self, table: str, sys_id: str, **sysparms: str) -> dict[str, Any]:
        """One record by sys_id."""
        return self._call("GET", f"/api/now/table/{table}/{sys_id}", params=sysparms)["result"]

    def find(
        self,
        table: str,
        query: str = "",
        *,
        fields: str = "",
        limit: int | None = None,
        offset: int = 0,
        display_value: str = "false",
    ) -> list[dict[str, Any]]:
        """Records matching an encoded query."""
        params: dict[str, Any] = {"sysparm_query": query, "sysparm_display_value": display_value}
        if fields:
            params["sysparm_fields"] = fields
        if limit is not None:
            params["sysparm_limit"] = limit
        if offset:
            params["sysparm_offset"] = offset
        return self._call("GET", f"/api/now/table/{table}", params=params)["result"]

    def find_one(self, table: str, query: str) -> dict[str, Any]:
        """The single record matching a query, or DeskNotFound."""
        records = self.find(table, query, limit=2)
        if len(records) != 1:
            found = "no record" if not records else "more than one record"
            url = f"{self.base_url}/api/now/table/{table}"
            raise DeskNotFound(404, f"{found} matches {query!r}", "", "GET", url)
        return records[0]

    def iterate(self, table: str, query: str = "", page_size: int = 100) -> Iterator[dict]:
        """Every matching record, page by page."""
        offset = 0
        while True:
            page = self.find(table, query, limit=page_size, offset=offset)
            yield from page
            if len(page) < page_size:
                return
            offset += page_size

    def update(self, table: str, sys_id: str, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Partial update (PATCH)."""
        path = f"/api/now/table/{table}/{sys_id}"
        return self._call("PATCH", path, json=dict(fields))["result"]

    def delete(self, table: str, sys_id: str) -> None:
        """Delete a record."""
        self._call("DELETE", f"/api/now/table/{table}/{sys_id}")

    # -- test mode (/api/x_ort) -------------------------------------------------------------

    def clock_now(self) -> str:
        """The desk's clock, 'YYYY-MM-DD HH:MM:SS' UTC."""
        return self._call("GET", "/api/x_ort/clock")["result"]["now"]

    def set_clock(self, now: str) -> str:
        """Move the desk's virtual clock to a UTC time."""
        return self._call("PUT", "/api/x_ort/clock", json={"now": now})["result"]["now"]

    def advance_clock(self, seconds: float) -> str:
        """Move the desk's virtual clock forward."""
        body = {"advance_seconds": seconds}
        return self._call("PUT", "/api/x_ort/clock", json=body)["result"]["now"]

    def behaviour(self) -> dict[str, Any]:
        """A simulated party's script and what happened under it."""
        return self._call("GET", "/api/x_ort/behaviour")["result"]

    def set_behaviour(self, script: Mapping[str, Any]) -> dict[str, Any]:
        """Replace a simulated party's script (expectations and policy)."""
        return self._call("PUT", "/api/x_ort/behaviour", json=dict(script))["result"]

    def set_faults(self, plan: Mapping[str, Any]) -> dict[str, Any]:
        """Make a simulated desk fail some of its Table API calls."""
        return self._call("PUT", "/api/x_ort/faults", json=dict(plan))["result"]

    # -- plumbing ---------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        url = f"{self.base_url}{path}"
        try:
            response = self._session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as error:
            raise DeskUnreachable(
                f"{self.name} did not answer {method} {url}: {type(error).__name__}"
            ) from None
        log.debug("%s %s %s -> %s", self.credentials.user, method, url, response.status_code)
        if response.status_code == 204:
            return {}
        body = _json_or_none(response)
        if response.ok and isinstance(body, dict) and "result" in body:
            return body
        envelope = body.get("error") if isinstance(body, dict) else None
        message = str(envelope.get("message", "")) if isinstance(envelope, dict) else ""
        detail = str(envelope.get("detail", "") or "") if isinstance(envelope, dict) else ""
        if not message:
            message = response.reason or "unexpected answer"
            detail = detail or response.text[:200]
        kind = ERRORS_BY_STATUS.get(response.status_code, DeskError)
        raise kind(response.status_code, message, detail, method, url)


def _json_or_none(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
