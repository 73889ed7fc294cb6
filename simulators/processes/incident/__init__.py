"""Incident management: the incident table, its lifecycle, parent/child rules and auto-close."""
