"""Saving, save-as, quitting with and without changes, and files that fail to load."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input
from ui_helpers import SIZE, WEEK, header_text, new_plan_app, notifications, week_app, write_week

from planner.ui.app import PlannerApp, make_app, run_editor


async def settle(app: PlannerApp, pilot: object) -> None:
    """Wait for the save worker and what it calls back."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_ctrl_s_saves_to_the_file_and_keeps_comments(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")  # delete Monday's session
        await pilot.pause()
        assert "●" in header_text(app)
        assert path.read_text(encoding="utf-8") == WEEK  # not saved yet
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not app.editor.dirty
        assert "●" not in header_text(app)
        assert any(text.startswith("Saved") for text in notifications(app))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A test week for the editor.")
    data = tomllib.loads(text)
    assert "sessions" not in data["days"]["mon"]
    assert data["days"]["mon"]["note"] == "Squat day"
    assert [s["title"] for s in data["days"]["fri"]["sessions"]] == ["Deadlift", "Core"]


async def test_ctrl_s_on_a_new_plan_asks_for_a_path(tmp_path: Path) -> None:
    app = new_plan_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "new plan" in header_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SaveAsScreen"
        field = app.screen.query_one("#path", Input)
        assert field.value == "test-week.toml"
        field.value = str(tmp_path / "mine.toml")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.editor.path == tmp_path / "mine.toml"
        assert "mine.toml" in header_text(app)
        assert not app.editor.dirty
    assert tomllib.loads((tmp_path / "mine.toml").read_text(encoding="utf-8"))["plan"]["name"] == (
        "Test week"
    )


async def test_save_as_checks_the_path_as_typed(tmp_path: Path) -> None:
    (tmp_path / "taken.toml").write_text("x", encoding="utf-8")
    app = new_plan_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        field = app.screen.query_one("#path", Input)
        error = app.screen.query_one("#path-error")
        field.value = str(tmp_path / "nowhere" / "week.toml")
        await pilot.pause()
        assert "does not exist" in str(error.content)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SaveAsScreen"
        field.value = str(tmp_path)
        await pilot.pause()
        assert "is a folder" in str(error.content)  # type: ignore[attr-defined]
        field.value = str(tmp_path / "taken.toml")
        await pilot.pause()
        assert "exists" in str(error.content)  # type: ignore[attr-defined]
        await pilot.press("enter")  # first enter only asks to confirm
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SaveAsScreen"
        assert (tmp_path / "taken.toml").read_text(encoding="utf-8") == "x"
        await pilot.press("escape")
        await pilot.pause()
        assert app.editor.path is None
        assert app.editor.dirty


async def test_a_failed_save_says_why_and_keeps_the_changes(tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    app = make_app(path)  # does not exist yet: an empty week
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        path.mkdir()  # something is in the way now
        await pilot.press("r", "7", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.editor.dirty
        assert "●" in header_text(app)
        failures = [n for n in app._notifications if n.title == "Not saved"]
        assert failures and failures[0].severity == "error"
        assert app.editor.plan.week_list[0].days["mon"].sleep_hours == 7
    assert path.is_dir()


async def test_ctrl_q_without_changes_quits_at_once(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0


async def test_ctrl_q_with_changes_asks_and_escape_cancels(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", "ctrl+q")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "QuitDialog"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "MainScreen"
        assert app.is_running
        assert app.editor.dirty


async def test_quit_and_discard_leaves_the_file_alone(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", "ctrl+q", "d")
        await pilot.pause()
    assert app.return_value == 0
    assert (tmp_path / "week.toml").read_text(encoding="utf-8") == WEEK


async def test_quit_and_save_writes_the_file_then_quits(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d", "ctrl+q", "s")
        await settle(app, pilot)
    assert app.return_value == 0
    data = tomllib.loads((tmp_path / "week.toml").read_text(encoding="utf-8"))
    assert "sessions" not in data["days"]["mon"]


async def test_quit_and_save_on_a_new_plan_asks_for_the_path_first(tmp_path: Path) -> None:
    app = new_plan_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "QuitDialog"
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SaveAsScreen"
        app.screen.query_one("#path", Input).value = str(tmp_path / "new.toml")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
    assert (tmp_path / "new.toml").exists()
    assert app.return_value == 0


def test_run_editor_refuses_a_broken_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = WEEK.replace("minutes = 70\nrpe = 8", "minutes = 70\nrpe = 12")
    path = write_week(tmp_path, broken)
    assert run_editor(path) == 2
    err = capsys.readouterr().err
    assert "week.toml:" in err
    assert "rpe" in err
    assert path.read_text(encoding="utf-8") == broken
