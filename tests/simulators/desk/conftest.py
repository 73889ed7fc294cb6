"""Shared by the desk's Table API tests: the admin, a tagged set of records, and helpers."""

from __future__ import annotations

import re

SYS_ID = re.compile(r"^[0-9a-f]{32}$")
