"""The front door: the reader's public names, and a leaf package that imports nothing of ours."""

import ast
import sys
from pathlib import Path

import tomlconfig

PACKAGE = Path(tomlconfig.__file__).parent


def test_every_public_name_is_exported() -> None:
    """`__all__` lists what the front door offers, and each name resolves."""
    assert sorted(tomlconfig.__all__) == tomlconfig.__all__
    assert all(hasattr(tomlconfig, name) for name in tomlconfig.__all__)


def test_the_package_imports_only_itself_and_the_standard_library() -> None:
    """Both the desks and the report use it, so it may depend on neither."""
    for module in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top == "tomlconfig" or top in sys.stdlib_module_names, (module.name, name)
