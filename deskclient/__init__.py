"""The desk client: the one way the harness and the desks' e-bond sender reach a Table API."""

from deskclient.client import DEFAULT_TIMEOUT, Credentials, DeskClient
from deskclient.errors import (
    DeskClientError,
    DeskConflict,
    DeskError,
    DeskForbidden,
    DeskNotFound,
    DeskRefused,
    DeskUnauthorized,
    DeskUnreachable,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "Credentials",
    "DeskClient",
    "DeskClientError",
    "DeskConflict",
    "DeskError",
    "DeskForbidden",
    "DeskNotFound",
    "DeskRefused",
    "DeskUnauthorized",
    "DeskUnreachable",
]
