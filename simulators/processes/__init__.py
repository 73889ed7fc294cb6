"""The ITSM processes a desk runs, one package each, and the catalogue that lists them."""

from simulators.processes.catalogue import PROCESSES

__all__ = [
    "PROCESSES",
]
