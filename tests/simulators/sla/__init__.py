"""Tests of the SLA engine: calendars, definitions, the engine and its configuration."""
