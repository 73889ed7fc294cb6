"""Service desks for ORT: the reference desk (a ServiceNow Table API subset) and party desks."""
