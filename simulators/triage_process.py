"""The triage process: the contact (interaction) table, its classification rules and lifecycle."""

from simulators.process import Process
from simulators.triage_rules import TriageRules
from simulators.triage_schema import INTERACTION, INTERACTION_LIFECYCLE

TRIAGE_PROCESS = Process(
    name="triage",
    schemas=(INTERACTION,),
    rules={"interaction": TriageRules},
    lifecycles=(INTERACTION_LIFECYCLE,),
)
