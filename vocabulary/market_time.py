"""The market's civil time: Great Britain's electricity market runs on London time."""

from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
"""Europe/London: GMT in winter, BST in summer; every local time the harness shows or reads."""
