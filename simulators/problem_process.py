"""The problem process: the problem table, its rules, and problem links on incidents."""

from simulators.incident_process import INCIDENT_PROCESS
from simulators.problem_lifecycle import PROBLEM_LIFECYCLE
from simulators.problem_links import with_problem_links
from simulators.problem_rules import ProblemRules
from simulators.problem_schema import PROBLEM
from simulators.process import Process

PROBLEM_PROCESS = Process(
    name="problem",
    schemas=(PROBLEM,),
    rules={
        "problem": ProblemRules,
        # Incidents keep their own rules and gain problem links (hold on link, recurrence).
        "incident": with_problem_links(INCIDENT_PROCESS.rules["incident"]),
    },
    lifecycles=(PROBLEM_LIFECYCLE,),
)
