"""The triage process: the contact (interaction) table, its classification rules and lifecycle."""

from simulators.desk.process import Process
from simulators.processes.triage.rules import TriageRules
from simulators.processes.triage.schema import INTERACTION, INTERACTION_LIFECYCLE

TRIAGE_PROCESS = Process(
    name="triage",
    schemas=(INTERACTION,),
    rules={"interaction": TriageRules},
    lifecycles=(INTERACTION_LIFECYCLE,),
)
