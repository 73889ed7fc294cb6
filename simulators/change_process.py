"""The change process: change requests, their CAB approvals, rules and one lifecycle per type."""

from simulators.change_approval import ApprovalRules
from simulators.change_lifecycle import APPROVAL_LIFECYCLE, CHANGE_LIFECYCLES
from simulators.change_rules import ChangeRules
from simulators.change_schema import CHANGE_REQUEST, SYSAPPROVAL_APPROVER
from simulators.process import Process

CHANGE_PROCESS = Process(
    name="change",
    schemas=(CHANGE_REQUEST, SYSAPPROVAL_APPROVER),
    rules={"change_request": ChangeRules, "sysapproval_approver": ApprovalRules},
    lifecycles=(*CHANGE_LIFECYCLES.values(), APPROVAL_LIFECYCLE),
)
