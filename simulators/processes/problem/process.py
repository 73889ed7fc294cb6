"""The problem process: the problem table, its rules, and problem links on incidents."""

from simulators.desk import Process, extend, own
from simulators.processes.problem.lifecycle import PROBLEM_LIFECYCLE
from simulators.processes.problem.links import ProblemLinks
from simulators.processes.problem.rules import ProblemRules
from simulators.processes.problem.schema import PROBLEM

PROBLEM_PROCESS = Process(
    name="problem",
    schemas=(PROBLEM,),
    rules=(
        own("problem", ProblemRules),
        # Incidents keep their own rules and gain problem links (hold on link, recurrence).
        extend("incident", ProblemLinks),
    ),
    lifecycles=(PROBLEM_LIFECYCLE,),
)
