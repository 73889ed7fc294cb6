"""Steps that move the virtual clock."""

from pytest_bdd import given, parsers, when

from fixtures.desks import needs_simulated

UNIT_SECONDS = {"minute": 60, "hour": 3600, "day": 86400, "week": 604800}


@given(parsers.re(r"^(?P<amount>\d+) (?P<unit>minute|hour|day|week)s? pass(?:es)?$"))
@when(parsers.re(r"^(?P<amount>\d+) (?P<unit>minute|hour|day|week)s? pass(?:es)?$"))
@needs_simulated
def time_passes(ort_env, amount, unit):
    ort_env.advance_clock(int(amount) * UNIT_SECONDS[unit])
