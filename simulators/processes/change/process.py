"""The change process: change requests, their CAB approvals, rules and one lifecycle per type."""

from simulators.desk import Process, own
from simulators.processes.change.approval import ApprovalRules
from simulators.processes.change.lifecycle import APPROVAL_LIFECYCLE, CHANGE_LIFECYCLES
from simulators.processes.change.rules import ChangeRules
from simulators.processes.change.schema import CHANGE_REQUEST, SYSAPPROVAL_APPROVER

CHANGE_PROCESS = Process(
    name="change",
    schemas=(CHANGE_REQUEST, SYSAPPROVAL_APPROVER),
    rules=(own("change_request", ChangeRules), own("sysapproval_approver", ApprovalRules)),
    lifecycles=(*CHANGE_LIFECYCLES.values(), APPROVAL_LIFECYCLE),
)
