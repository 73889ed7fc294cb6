"""Credentials never shown: the password part of any URL in a text is replaced by ***."""

from __future__ import annotations

import re

_URL_CREDENTIALS = re.compile(r"(?P<head>[a-zA-Z][a-zA-Z0-9+.-]*://[^:/@\s]*):[^@\s]*@")


def mask_credentials(text: str) -> str:
    """`text` with every `scheme://user:password@` written `scheme://user:***@`."""
    return _URL_CREDENTIALS.sub(r"\g<head>:***@", text)
