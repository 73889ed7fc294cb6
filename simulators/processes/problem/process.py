"""The problem process: the problem table, its rules, and problem links on incidents."""

from simulators.desk.process import Process
from simulators.processes.incident.process import INCIDENT_PROCESS
from simulators.processes.problem.lifecycle import PROBLEM_LIFECYCLE
from simulators.processes.problem.links import with_problem_links
from simulators.processes.problem.rules import ProblemRules
from simulators.processes.problem.schema import PROBLEM

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
