"""Change management: change requests by type, CAB approvals, scheduling, freezes and notices."""
