"""The triage process: the contact (interaction) table, its classification rules and lifecycle."""

from simulators.desk import Process, own
from simulators.processes.triage.rules import TriageRules
from simulators.processes.triage.schema import INTERACTION, INTERACTION_LIFECYCLE

TRIAGE_PROCESS = Process(
    name="triage",
    schemas=(INTERACTION,),
    rules=(own("interaction", TriageRules),),
    lifecycles=(INTERACTION_LIFECYCLE,),
)
