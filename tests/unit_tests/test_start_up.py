"""What the editor's start leaves out: the parser of every verb, pydantic's plugin
lookup, and the edit modules, none of which the first frame needs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import planner.cli
from planner.cli import editor_target


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (True, None)),
        (["edit", "week.toml"], (True, Path("week.toml"))),
        (["edit", "plans/a b.toml"], (True, Path("plans/a b.toml"))),
        # Everything else is the parser's: options, `--`, a FILE like an option, no FILE.
        (["edit", "--help"], (False, None)),
        (["edit", "-x.toml"], (False, None)),
        (["edit", "--", "-x.toml"], (False, None)),
        (["edit"], (False, None)),
        (["edit", ""], (False, None)),
        (["check", "week.toml"], (False, None)),
        (["week.toml"], (False, None)),
        (["--version"], (False, None)),
    ],
)
def test_only_the_editors_two_forms_skip_the_parser(
    argv: list[str], expected: tuple[bool, Path | None]
) -> None:
    assert editor_target(argv) == expected


def test_the_fast_forms_open_the_editor_on_their_file(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path | None] = []

    def run_editor(path: Path | None) -> int:
        opened.append(path)
        return 0

    monkeypatch.setattr("planner.ui.app.run_editor", run_editor)
    assert planner.cli.main(["edit", "week.toml"]) == 0
    assert planner.cli.main([]) == 0
    assert planner.cli.main(["edit", "--", "-odd.toml"]) == 0
    assert opened == [Path("week.toml"), None, Path("-odd.toml")]


def test_edit_help_still_comes_from_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        planner.cli.main(["edit", "--help"])
    assert exit_info.value.code == 0
    assert "Open the editor on FILE" in capsys.readouterr().out


def test_a_plan_error_on_the_fast_path_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("format = [\n", encoding="utf-8")
    assert planner.cli.main(["edit", str(broken)]) == 2
    error = capsys.readouterr().err
    assert str(broken) in error
    assert "Traceback" not in error


def modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    shown = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(shown.stdout.split())


def test_validating_a_plan_looks_up_no_pydantic_plugins() -> None:
    loaded = modules_after(
        "from planner.planfile import parse_plan\n"
        "parse_plan('format = 2\\n[plan]\\nname = \"x\"\\n[[weeks]]\\n', 'x.toml')"
    )
    assert "pydantic" in loaded
    assert "importlib.metadata" not in loaded


def test_the_stand_in_plugin_loader_reads_anything_else_from_pydantics_own() -> None:
    code = (
        "import planner.model, sys\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "assert type(loader).__name__ == '_PluginLoader', type(loader)\n"
        "assert list(loader.get_plugins()) == []\n"
        "print(loader.PYDANTIC_ENTRY_POINT_GROUP)"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "pydantic"


def test_the_first_frame_needs_no_edit_module() -> None:
    """The main screen and the editor load the edit modules with the first edit."""
    loaded = modules_after(
        "import planner.ui.app, planner.ui.screens.main\n"
        "from planner.editor import PlanEditor\n"
        "PlanEditor.from_template(None).report"
    )
    assert "planner.ui.screens.main" in loaded
    assert not loaded & {
        "planner.edits",
        "planner.block_edits",
        "planner.settings_edits",
        "planner.tomlkit_adapter",
        "tomlkit",
        "argparse",
    }
