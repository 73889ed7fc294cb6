"""Dependencies inside simulators point one way: the desk core imports nothing built on it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import simulators

ROOT = Path(simulators.__file__).parent
CORE = ("desk", "query")
ABOVE_THE_CORE = (
    "simulators.parties",
    "simulators.processes",
    "simulators.ebond",
    "simulators.sla",
)


def imported_modules(path: Path) -> list[str]:
    """Every module a source file imports, including under TYPE_CHECKING."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
    return names


@pytest.mark.parametrize(
    "path", sorted(p for package in CORE for p in (ROOT / package).rglob("*.py")), ids=str
)
def test_the_desk_core_imports_no_process_sla_ebond_or_party(path: Path) -> None:
    """simulators.desk and simulators.query know only lower layers and the leaf packages."""
    upward = [
        name
        for name in imported_modules(path)
        if name in ("simulators", "simulators.assembly")
        or any(name == above or name.startswith(f"{above}.") for above in ABOVE_THE_CORE)
    ]

    assert upward == [], f"{path.relative_to(ROOT.parent)} imports {', '.join(upward)}"
