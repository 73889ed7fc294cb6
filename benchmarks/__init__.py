"""Benchmarks run on demand; each prints its speed against a baseline run in the same command."""
