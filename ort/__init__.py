"""The ORT command line: run, report, gate, serve, steps and lifecycles."""

from ort.errors import OrtError, UserError

__all__ = ["OrtError", "UserError"]
