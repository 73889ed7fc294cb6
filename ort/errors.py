"""Errors raised by the harness outside the desk itself."""


class OrtError(Exception):
    """Base class of every error the harness raises on purpose."""


class UserError(OrtError):
    """A user mistake (bad option, file or config); the CLI prints it as one sentence."""
