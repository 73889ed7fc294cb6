"""Triage of contacts: the interaction table, classification outcomes and referrals."""
