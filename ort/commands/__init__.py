"""Sub-commands of `ort`: each module offers HELP, configure(parser) and main(args) -> int."""

COMMANDS: dict[str, str] = {
    "serve": "ort.commands.serve",
    "run": "ort.commands.run",
    "report": "ort.commands.report",
    "gate": "ort.commands.gate",
    "steps": "ort.commands.steps",
    "lifecycles": "ort.commands.lifecycles",
}

__all__ = ["COMMANDS"]
