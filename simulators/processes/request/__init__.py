"""Service request fulfilment: the sc_request table, its request types and lifecycle."""
