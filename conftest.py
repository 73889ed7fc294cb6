"""Root conftest: registers the harness plugins and every step module, in one list."""

pytest_plugins = [
    "fixtures.plugin",
    "fixtures.reporting.allure_plugin",
    "steps.record_steps",
    "steps.incident_steps",
    "steps.relationship_steps",
    "steps.major_incident_steps",
    "steps.tenancy_steps",
    "steps.time_steps",
    "steps.sla_steps",
    "steps.party_steps",
    "steps.problem_steps",
    "steps.change_steps",
    "steps.request_steps",
    "steps.triage_steps",
    "steps.cpsd_central_steps",
    "steps.cpsd_handoff_steps",
]
