"""The service request process: the sc_request table, its rules and its lifecycle."""

from simulators.process import Process
from simulators.request_lifecycle import REQUEST_LIFECYCLE
from simulators.request_rules import RequestRules
from simulators.request_schema import SC_REQUEST

REQUEST_PROCESS = Process(
    name="request",
    schemas=(SC_REQUEST,),
    rules={"sc_request": RequestRules},
    lifecycles=(REQUEST_LIFECYCLE,),
)
