"""The ORT harness: command line, desk client and shared helpers."""

from ort.client import DeskClient, DeskError, DeskUnreachable, Credentials
from ort.errors import OrtError, UserError

__all__ = ["Credentials", "DeskClient", "DeskError", "DeskUnreachable", "OrtError", "UserError"]
