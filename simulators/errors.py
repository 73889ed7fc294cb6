"""Errors of the desk: each request error knows its HTTP status, message and detail."""

from __future__ import annotations


class SimulatorError(Exception):
    """Base class of every error the desk raises on purpose."""


class LifecycleDefinitionError(SimulatorError, ValueError):
    """Raised when a lifecycle is declared wrongly: a transition names a state or guard it lacks.

    A programming error found when the lifecycle is built, never a user's refused move (that is
    InvalidTransition).
    """


class ConfigError(SimulatorError):
    """A desk, roster or SLA configuration file is missing, malformed or inconsistent."""


class RequestError(SimulatorError):
    """A request the desk refuses; rendered as ServiceNow's error envelope."""

    status = 400
    default_message = "Invalid request"

    def __init__(self, message: str = "", detail: str = "") -> None:
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(self.message)


class BadRequest(RequestError):
    """The request is malformed: bad JSON, a bad value, an unsupported query or parameter."""

    status = 400


class InvalidTransition(BadRequest):
    """A state change the lifecycle does not allow, or whose mandatory fields are missing."""


class NotAuthenticated(RequestError):
    """No credentials, or credentials that do not match a user."""

    status = 401
    default_message = "User Not Authenticated"


class Forbidden(RequestError):
    """The user is known but may not do this (admin-only table, another party's record)."""

    status = 403
    default_message = "Operation Failed"


class RecordNotFound(RequestError):
    """No such record, or one the user may not see (tenancy hides it)."""

    status = 404
    default_message = "No Record found"


class MethodNotAllowed(RequestError):
    """The HTTP method is not offered on this resource."""

    status = 405
    default_message = "Method not Supported"


class Conflict(RequestError):
    """The write would duplicate a record that must be unique (e.g. a repeated e-bond delivery)."""

    status = 409
    default_message = "Conflict"


class PayloadTooLarge(RequestError):
    """A request body larger than the desk reads (see simulators.desk.api.MAX_BODY_BYTES)."""

    status = 413
    default_message = "Request body too large"


class UnsupportedMediaType(RequestError):
    """A body that is not JSON."""

    status = 415
    default_message = "Unsupported Media Type"


class DurationError(SimulatorError, ValueError):
    """A duration string such as '15m' or '4h' in a setting or a script cannot be parsed."""
