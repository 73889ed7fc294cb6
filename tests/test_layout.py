"""The tree keeps its shape: a module outside a package reaches it only through its front door."""

from __future__ import annotations

from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "ort",
    "steps",
    "fixtures",
    "simulators",
    "reports",
    "deskclient",
    "vocabulary",
    "tomlconfig",
)


def _is_package(module: str) -> bool:
    return (ROOT / module.replace(".", "/") / "__init__.py").is_file()


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def test_every_import_from_outside_a_package_goes_through_its_front_door(graph) -> None:
    """Importing `simulators.desk.records` from `fixtures` is refused: `simulators` is the door."""
    around = sorted(
        f"{importer} imports {imported}"
        for importer in graph.modules
        for imported in graph.find_modules_directly_imported_by(importer)
        if not _is_package(imported)
        and "." in imported
        and not _inside(importer, imported.rpartition(".")[0])
    )
    assert around == [], "\n".join(around)


def test_every_package_has_a_front_door_with_all(graph) -> None:
    """Each package's `__init__.py` opens with a docstring and lists its public names in __all__."""
    missing = []
    for package in sorted(m for m in graph.modules if _is_package(m)):
        text = (ROOT / package.replace(".", "/") / "__init__.py").read_text(encoding="utf-8")
        if not text.startswith('"""'):
            missing.append(f"{package}: no docstring")
        if "import" in text and "__all__" not in text:
            missing.append(f"{package}: re-exports without __all__")
    assert missing == [], "\n".join(missing)
