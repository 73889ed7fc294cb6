"""Step definitions, one module per domain concept; the root conftest.py registers them."""

__all__: list[str] = []
