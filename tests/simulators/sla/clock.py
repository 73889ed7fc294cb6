"""Test helpers: London wall-clock times as UTC datetimes, and the two default calendars."""

from datetime import UTC, datetime

from simulators.sla import BusinessCalendar, UkBankHolidays
from vocabulary.market_time import LONDON

ENGLAND_WALES = BusinessCalendar("england_wales", holidays=UkBankHolidays("ENG"))
SCOTLAND = BusinessCalendar("scotland", holidays=UkBankHolidays("SCT"))


def london(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """Return the UTC moment a London wall clock shows the given date and time."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """Return a UTC datetime."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


HOUR = 3600
