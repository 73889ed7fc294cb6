"""The service request process: the sc_request table, its rules and its lifecycle."""

from simulators.desk import Process, own
from simulators.processes.request.lifecycle import REQUEST_LIFECYCLE
from simulators.processes.request.rules import RequestRules
from simulators.processes.request.schema import SC_REQUEST

REQUEST_PROCESS = Process(
    name="request",
    schemas=(SC_REQUEST,),
    rules=(own("sc_request", RequestRules),),
    lifecycles=(REQUEST_LIFECYCLE,),
)
