"""Contract tests: ServiceNow clients written by others, run against the reference desk."""
