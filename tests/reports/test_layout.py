"""The package layout: stages import one way through front doors, with no cycle and no harness."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import reports

PACKAGE = Path(reports.__file__).parent
REPO = PACKAGE.parent
#: The stages in pipeline order: a stage may import an earlier one, never a later one.
STAGES = ("read", "assess", "view", "write")
#: Top-level packages of the harness that the report must stay independent of.
HARNESS = ("simulators", "fixtures", "steps", "ort")
#: Modules outside `reports` may use its front door and its shipped testing module.
PUBLIC = ("reports", "reports.testing")


def _name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports by absolute name, wherever the import statement stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "reports" and parts[1] in STAGES else None


MODULES = {_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def test_every_stage_is_a_package_with_a_front_door() -> None:
    """Each stage has an `__init__.py` whose `__all__` names only what it exports."""
    for stage in STAGES:
        front = __import__(f"reports.{stage}", fromlist=["__all__"])
        assert front.__all__, stage
        assert all(hasattr(front, name) for name in front.__all__), stage


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _stage(m)))
def test_stage_imports_only_itself_or_earlier_front_doors(module: str) -> None:
    """A stage module imports its own stage's modules, or the front door of an earlier stage."""
    own = _stage(module)
    assert own is not None
    for imported in MODULES[module]:
        other = _stage(imported)
        if other is None or other == own:
            continue
        assert STAGES.index(other) < STAGES.index(own), f"{module} imports later {imported}"
        assert imported == f"reports.{other}", f"{module} bypasses the front door: {imported}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not _stage(m)))
def test_top_level_modules_import_stages_through_their_front_doors(module: str) -> None:
    """The pipeline, the gate and the package's front door import each stage's `__init__` only."""
    for imported in MODULES[module]:
        other = _stage(imported)
        assert other is None or imported == f"reports.{other}", f"{module} imports {imported}"


def test_reports_imports_nothing_from_the_harness() -> None:
    """The report reads allure-results only; it never imports the desks, fixtures, steps or CLI."""
    leaks = sorted(
        f"{module} imports {imported}"
        for module, imports in MODULES.items()
        for imported in imports
        if imported.split(".")[0] in HARNESS
    )
    assert leaks == []


def test_reports_has_no_import_cycle() -> None:
    """Following the imports inside `reports` from any module never leads back to it."""
    graph = {m: {i for i in imports if i in MODULES and i != m} for m, imports in MODULES.items()}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        if module in path:
            cycle = " -> ".join((*path[path.index(module) :], module))
            pytest.fail(f"import cycle: {cycle}")
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


@pytest.mark.parametrize("folder", ["ort", "benchmarks"])
def test_code_outside_reports_uses_only_its_front_door(folder: str) -> None:
    """The CLI and the benchmark import `reports` and its testing module, never its internals."""
    reaching_in = sorted(
        f"{path.relative_to(REPO)} imports {imported}"
        for path in sorted((REPO / folder).rglob("*.py"))
        for imported in _imports(path)
        if imported.split(".")[0] == "reports" and imported not in PUBLIC
    )
    assert reaching_in == []
