"""The test-mode side of party desks: scripted behaviours, faults, the roster and its fleet."""
