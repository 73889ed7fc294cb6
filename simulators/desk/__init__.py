"""The desk core: Table API over HTTP, store, users, tenancy, records and lifecycle engine."""
