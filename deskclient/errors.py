"""Errors of the desk client: what a desk answered, or that it did not answer at all."""

from __future__ import annotations

from collections.abc import Mapping


class DeskClientError(Exception):
    """Base class of every error the desk client raises."""


class DeskError(DeskClientError):
    """A desk answered with ServiceNow's error envelope (or an unexpected status)."""

    def __init__(self, status: int, message: str, detail: str, method: str, url: str) -> None:
        self.status = status
        self.message = message
        self.detail = detail
        self.method = method
        self.url = url
        text = f"{method} {url} answered {status}: {message}"
        super().__init__(f"{text} ({detail})" if detail else text)


class DeskRefused(DeskError):
    """400: a malformed request or a refused state change."""


class DeskUnauthorized(DeskError):
    """401: wrong or missing credentials."""


class DeskForbidden(DeskError):
    """403: the user may not do this."""


class DeskNotFound(DeskError):
    """404: no such record, or one the user may not see."""


class DeskConflict(DeskError):
    """409: the record would duplicate another."""


class DeskUnreachable(DeskClientError):
    """The desk did not answer at all (refused, timed out, connection dropped)."""


ERRORS_BY_STATUS: Mapping[int, type[DeskError]] = {
    400: DeskRefused,
    401: DeskUnauthorized,
    403: DeskForbidden,
    404: DeskNotFound,
    409: DeskConflict,
}
