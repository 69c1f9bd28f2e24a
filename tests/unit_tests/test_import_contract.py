"""Data flows one way: the core of planner never imports the editor (Textual) or the CLI.

STYLE.md: nothing in model, catalogue, planfile, rules, report, export (or the editing
session behind the editor) imports Textual, `planner.ui` or `planner.cli`, and
`planner.ui` does not import `planner.cli`. Checked twice: by importing each module in
a fresh interpreter and looking at `sys.modules`, and by reading every import
statement of the source, those inside functions included.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "planner"

CORE_MODULES = [
    "planner.model",
    "planner.catalogue",
    "planner.planfile",
    "planner.tomlkit_adapter",
    "planner.findings",
    "planner.rules.engine",
    "planner.rules.catalogue",
    "planner.report",
    "planner.export",
    "planner.export.ics",
    "planner.export.markdown",
    "planner.editor",
    "planner.edits",
    "planner.templates",
]
EXISTING = [
    name
    for name in CORE_MODULES
    if (ROOT / Path(*name.split("."))).with_suffix(".py").exists()
    or (ROOT / Path(*name.split(".")) / "__init__.py").exists()
]


def forbidden(name: str, *, ui_allowed: bool = False) -> bool:
    """Whether a module name is one the core (or, with ui_allowed, the UI) must not import."""
    if name == "planner.cli" or name.startswith("planner.cli."):
        return True
    if ui_allowed:
        return False
    return name in ("textual", "planner.ui") or name.startswith(("textual.", "planner.ui."))


def loaded_after_import(module: str) -> list[str]:
    """The modules in sys.modules after importing `module` in a fresh interpreter."""
    code = (
        "import importlib, json, sys\n"
        f"importlib.import_module({module!r})\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_the_core_modules_exist() -> None:
    for name in ("planner.model", "planner.planfile", "planner.export", "planner.editor"):
        assert name in EXISTING


@pytest.mark.parametrize("module", EXISTING)
def test_importing_the_core_loads_no_ui_and_no_cli(module: str) -> None:
    loaded = loaded_after_import(module)
    assert module in loaded
    bad = [name for name in loaded if forbidden(name)]
    assert not bad, f"importing {module} loads {bad}"


def test_importing_the_editor_app_does_not_load_the_cli() -> None:
    loaded = loaded_after_import("planner.ui.app")
    assert "textual" in loaded
    assert "planner.cli" not in loaded


# --- the source, every import statement -------------------------------------------------


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module an import statement in the file names, anywhere in the file
    (`from a import b` names both `a` and `a.b`; relative imports made absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            names.append((node.lineno, module))
            names.extend((node.lineno, f"{module}.{alias.name}") for alias in node.names)
    return names


def source_files(under: Path) -> list[Path]:
    return sorted(path for path in under.rglob("*.py") if "__pycache__" not in path.parts)


def test_the_core_source_imports_no_ui_and_no_cli() -> None:
    ui = PACKAGE / "ui"
    allowed = {PACKAGE / "cli.py", PACKAGE / "__main__.py"}  # the command line itself
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in source_files(PACKAGE)
        if ui not in path.parents and path not in allowed
        for line, name in imported_names(path)
        if forbidden(name)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_ui_source_never_imports_the_cli() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: imports {name}"
        for path in source_files(PACKAGE / "ui")
        for line, name in imported_names(path)
        if forbidden(name, ui_allowed=True)
    ]
    assert not offenders, "\n".join(offenders)


def test_the_source_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    """The check itself: a deferred import, a relative one and `from planner import cli`."""
    sample = tmp_path / "planner" / "export" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "def f() -> None:\n"
        "    from planner.ui.app import make_app\n"
        "    from .. import cli\n"
        "    from planner import ui\n"
        "    import textual.widgets\n",
        encoding="utf-8",
    )
    names = {name for _, name in imported_names(sample, tmp_path)}
    assert {"planner.ui.app", "planner.cli", "planner.ui", "textual.widgets"} <= names
    assert all(forbidden(name) for name in ("planner.ui.app", "planner.cli", "textual.widgets"))
