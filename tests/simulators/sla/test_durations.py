"""Durations: SLA targets are written as hours, minutes and seconds, and parsed strictly."""

import pytest

from simulators.sla import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("15m", 900),
        ("4h", 14400),
        ("30h", 108000),
        ("100h", 360000),
        ("1h30m", 5400),
        ("90s", 90),
        ("2h0m5s", 7205),
        ("7d", 604800),
        ("1d2h", 93600),
    ],
)
def test_durations_parse_to_seconds(text: str, seconds: int) -> None:
    """Hours, minutes and seconds add up in that order."""
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    ["8 hours", "4H", "4", "h", "30m4h", "1.5h", " 4h", "4h ", "-4h", "", "4 h", "4w", "2h1d"],
)
def test_anything_else_is_refused_with_examples(text: str) -> None:
    """Spaces, other units, decimals, signs, wrong order and bare numbers are refused."""
    with pytest.raises(
        DurationError, match=rf"duration {text!r} is not a duration like '15m', '4h' or '30h'"
    ):
        parse_duration(text)


def test_a_number_instead_of_a_string_is_refused() -> None:
    """A bare TOML integer is not a duration."""
    with pytest.raises(DurationError, match=r"duration 4 is not a duration like"):
        parse_duration(4)  # type: ignore[arg-type]


def test_a_zero_duration_is_refused() -> None:
    """A target of no time at all is a mistake."""
    with pytest.raises(DurationError, match=r"duration '0h0m' is zero"):
        parse_duration("0h0m")


@pytest.mark.parametrize(
    ("seconds", "text"), [(900, "15m"), (14400, "4h"), (5400, "1h30m"), (3661, "1h1m1s")]
)
def test_durations_format_back_to_their_shortest_string(seconds: int, text: str) -> None:
    """Formatting drops zero parts and parses back to the same seconds."""
    assert format_duration(seconds) == text
    assert parse_duration(text) == seconds
