"""The ORT harness: command line, desk client and shared helpers."""

from ort.client import Credentials, DeskClient, DeskError, DeskUnreachable
from ort.errors import OrtError, UserError

__all__ = ["Credentials", "DeskClient", "DeskError", "DeskUnreachable", "OrtError", "UserError"]
