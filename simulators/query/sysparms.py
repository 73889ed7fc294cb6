"""The sysparm_* query parameters of the Table API, read strictly but as leniently as ServiceNow."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from simulators.errors import BadRequest

DEFAULT_LIMIT = 10_000
MAX_WHOLE = 2**63 - 1
"""The largest limit or offset a database row count can hold (a signed 64-bit integer)."""
DISPLAY_MODES = ("false", "true", "all")


@dataclass(frozen=True)
class Sysparms:
    """Parsed sysparms; unknown ones are ignored, empty ones mean absent."""

    query: str = ""
    fields: tuple[str, ...] = ()
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    display_value: str = "false"
    exclude_reference_link: bool = False
    suppress_pagination_header: bool = False
    no_count: bool = False


def read_sysparms(params: Mapping[str, str]) -> Sysparms:
    """Parse the sysparms of one request; a bad value is a 400 naming the parameter."""
    display = (params.get("sysparm_display_value") or "false").strip().lower()
    if display not in DISPLAY_MODES:
        raise BadRequest(
            f"sysparm_display_value '{params['sysparm_display_value']}' is not true, false or all"
        )
    fields = tuple(
        name.strip() for name in (params.get("sysparm_fields") or "").split(",") if name.strip()
    )
    return Sysparms(
        query=params.get("sysparm_query") or "",
        fields=fields,
        limit=_whole(params, "sysparm_limit", DEFAULT_LIMIT),
        offset=_whole(params, "sysparm_offset", 0),
        display_value=display,
        exclude_reference_link=_flag(params, "sysparm_exclude_reference_link"),
        suppress_pagination_header=_flag(params, "sysparm_suppress_pagination_header"),
        no_count=_flag(params, "sysparm_no_count"),
    )


def _flag(params: Mapping[str, str], name: str) -> bool:
    raw = (params.get(name) or "").strip().lower()
    if raw in ("", "false"):
        return False
    if raw == "true":
        return True
    raise BadRequest(f"{name} '{params[name]}' is not true or false")


def _whole(params: Mapping[str, str], name: str, default: int) -> int:
    raw = (params.get(name) or "").strip()
    if not raw:
        return default
    # isascii: '²' and other Unicode digits pass isdigit() but are not numbers int() reads.
    if not (raw.isascii() and raw.isdigit()):
        raise BadRequest(f"{name} '{raw}' is not a whole number")
    value = int(raw)
    if value > MAX_WHOLE:
        raise BadRequest(f"{name} {raw} is too large", f"the largest accepted is {MAX_WHOLE}")
    return value
