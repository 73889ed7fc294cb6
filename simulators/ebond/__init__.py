"""E-bonding between desks: the durable outbox, what crosses a bond, and the peers it reaches."""
