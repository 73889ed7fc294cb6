"""Strict parsing and formatting of SLA target durations such as '15m', '4h' or '1h30m'."""

import re

from simulators.sla.errors import DurationError

# Days, hours, minutes and seconds, each optional, in that order, no spaces: '7d', '4h', '1h30m'.
_DURATION = re.compile(
    r"(?:(?P<d>[0-9]+)d)?(?:(?P<h>[0-9]+)h)?(?:(?P<m>[0-9]+)m)?(?:(?P<s>[0-9]+)s)?"
)
_EXAMPLES = "'15m', '4h' or '30h'"


def parse_duration(text: str) -> int:
    """Return the number of seconds a duration string such as '7d', '4h' or '1h30m' stands for."""
    match = _DURATION.fullmatch(text) if isinstance(text, str) else None
    if not text or match is None:
        raise DurationError(
            f"duration {text!r} is not a duration like {_EXAMPLES} "
            "(days 'd', hours 'h', minutes 'm', seconds 's', in that order, no spaces)"
        )
    units = {"d": 86400, "h": 3600, "m": 60, "s": 1}
    seconds = sum(int(match[unit] or 0) * size for unit, size in units.items())
    if seconds == 0:
        raise DurationError(f"duration {text!r} is zero; a target needs a positive duration")
    return seconds


def format_duration(seconds: int) -> str:
    """Return the shortest duration string for a number of seconds, e.g. 5400 -> '1h30m'."""
    if seconds <= 0:
        raise DurationError(f"duration of {seconds} seconds cannot be formatted; it must be > 0")
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [(hours, "h"), (minutes, "m"), (secs, "s")]
    return "".join(f"{value}{unit}" for value, unit in parts if value)
