"""Credentials never shown: the password part of any URL in a text becomes ***."""

from __future__ import annotations

import pytest

from vocabulary import mask_credentials


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "--db=postgresql+psycopg://ort:S3cret@127.0.0.1:5432/ort -m cpsd",
            "--db=postgresql+psycopg://ort:***@127.0.0.1:5432/ort -m cpsd",
        ),
        ("https://svc:p%40ss@desk.example/api", "https://svc:***@desk.example/api"),
        (
            "sqlite:///desks.db and http://127.0.0.1:18080/",
            "sqlite:///desks.db and http://127.0.0.1:18080/",
        ),
        ("-m cpsd", "-m cpsd"),
    ],
    ids=["postgres", "https", "no-credentials", "no-url"],
)
def test_every_password_in_a_url_is_masked(text: str, shown: str) -> None:
    """The user stays readable; the password, whatever it holds, does not."""
    assert mask_credentials(text) == shown
