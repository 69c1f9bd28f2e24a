"""The editor and the file on disk: a file changed or deleted elsewhere is never silently
replaced (reload, overwrite, save as or cancel), an untouched new file is not modified,
and a save that fails never leaves the editor stuck."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import Input
from ui_helpers import SIZE, WEEK, header_text, notifications, week_app

from planner.editor import PlanEditor
from planner.edits import SetDay
from planner.planfile import backup_path, read_plan
from planner.ui.app import PlannerApp, make_app
from planner.ui.screens.file_changed import FileChangedDialog

ELSEWHERE = WEEK.replace('name = "Test week"', 'name = "Changed elsewhere"')


async def settle(app: PlannerApp, pilot: object) -> None:
    """Wait for the save worker and what it calls back."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def dialog_text(app: PlannerApp) -> str:
    from textual.widgets import Static

    static = app.screen.query_one("#file-changed-text", Static)
    return str(static.content)


async def edit_then_change_on_disk(app: PlannerApp, pilot: object, path: Path) -> None:
    """Delete Monday's session in the editor, change the file elsewhere, press ctrl+s."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.pause()
    await pilot.press("d")
    await pilot.pause()
    path.write_text(ELSEWHERE, encoding="utf-8")
    await pilot.press("ctrl+s")
    await settle(app, pilot)


async def test_a_file_changed_on_disk_asks_before_saving(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_change_on_disk(app, pilot, path)
        assert isinstance(app.screen, FileChangedDialog)
        assert "week.toml was changed on disk" in dialog_text(app)
        assert path.read_text(encoding="utf-8") == ELSEWHERE
        assert app.editor.dirty
        assert not app.main_screen.saving


async def test_reload_takes_the_file_from_disk(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_change_on_disk(app, pilot, path)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert app.editor.plan.plan.name == "Changed elsewhere"
        assert len(app.editor.plan.days.mon.sessions) == 1  # the edit here is gone
        assert not app.editor.dirty
        assert not app.editor.can_undo
        assert "Changed elsewhere" in header_text(app)
        assert "●" not in header_text(app)
        assert any("Reloaded week.toml" in text for text in notifications(app))
    assert path.read_text(encoding="utf-8") == ELSEWHERE


async def test_reload_of_a_file_that_no_longer_loads_keeps_the_plan(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    broken = WEEK.replace("rpe = 8", "rpe = 12")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        path.write_text(broken, encoding="utf-8")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert app.editor.plan.plan.name == "Test week"
        assert app.editor.plan.days.mon.sessions == ()
        assert app.editor.dirty
        failures = [n for n in app._notifications if n.title == "Could not reload"]
        assert failures and "rpe" in failures[0].message
        assert failures[0].severity == "error"
    assert path.read_text(encoding="utf-8") == broken


async def test_overwrite_writes_the_plan_over_the_changed_file(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_change_on_disk(app, pilot, path)
        await pilot.press("o")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert not app.editor.dirty
    assert path.read_text(encoding="utf-8") == app.editor.text
    assert "sessions" not in tomllib.loads(app.editor.text)["days"]["mon"]
    assert backup_path(path).read_text(encoding="utf-8") == ELSEWHERE


async def test_save_as_keeps_the_changed_file_and_saves_elsewhere(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    other = tmp_path / "mine.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_change_on_disk(app, pilot, path)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SaveAsScreen"
        app.screen.query_one("#path", Input).value = str(other)
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.editor.path == other
        assert not app.editor.dirty
    assert path.read_text(encoding="utf-8") == ELSEWHERE
    assert read_plan(other) == app.editor.plan


async def test_cancel_writes_nothing(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await edit_then_change_on_disk(app, pilot, path)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert app.editor.dirty
        await pilot.press("ctrl+s")  # asks again
        await settle(app, pilot)
        assert isinstance(app.screen, FileChangedDialog)
    assert path.read_text(encoding="utf-8") == ELSEWHERE
    assert not backup_path(path).exists()


async def test_a_deleted_file_asks_and_overwrite_recreates_it(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        path.unlink()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, FileChangedDialog)
        assert "week.toml was deleted" in dialog_text(app)
        assert not path.exists()
        await pilot.press("o")
        await settle(app, pilot)
        assert not app.editor.dirty
    assert path.read_text(encoding="utf-8") == app.editor.text


async def test_a_second_editor_saving_first_makes_the_first_ask(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        second = PlanEditor.open(path)
        second.apply(SetDay("sun", 7.0, None, None))
        second.save()
        saved_by_second = path.read_bytes()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, FileChangedDialog)
        assert path.read_bytes() == saved_by_second


async def test_quit_and_save_asks_too_then_quits_after_overwrite(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        path.write_text(ELSEWHERE, encoding="utf-8")
        await pilot.press("ctrl+q", "s")
        await settle(app, pilot)
        assert isinstance(app.screen, FileChangedDialog)
        assert path.read_text(encoding="utf-8") == ELSEWHERE
        await pilot.press("o")
        await settle(app, pilot)
    assert app.return_value == 0
    assert path.read_text(encoding="utf-8") == app.editor.text


async def test_quit_and_save_then_cancel_stays(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        path.write_text(ELSEWHERE, encoding="utf-8")
        await pilot.press("ctrl+q", "s")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.is_running
        assert app.screen is app.main_screen
    assert path.read_text(encoding="utf-8") == ELSEWHERE


# --- a file that does not exist yet ----------------------------------------------------------


async def test_a_new_file_opened_and_untouched_quits_without_asking(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "●" not in header_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert not path.exists()


async def test_a_new_file_untouched_is_created_on_the_first_save(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert any(text.startswith("Saved") for text in notifications(app))
    assert read_plan(path) == app.editor.plan


# --- a save that fails never sticks ---------------------------------------------------------


async def test_a_symlink_loop_fails_to_save_and_the_editor_still_works(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    app = make_app(loop)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("r", "7", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        failures = [n for n in app._notifications if n.title == "Not saved"]
        assert failures and "\n" not in failures[0].message
        assert not app.main_screen.saving
        assert app.editor.dirty
        await pilot.press("ctrl+s")  # a second try is a second failure, not stuck
        await settle(app, pilot)
        assert len([n for n in app._notifications if n.title == "Not saved"]) == 2
        # save as works, then quitting works
        app.main_screen.action_save_as()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(tmp_path / "real.toml")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert not app.editor.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert read_plan(tmp_path / "real.toml") == app.editor.plan


async def test_save_as_into_a_symlink_loop_fails_and_the_editor_still_works(
    tmp_path: Path,
) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        app.main_screen.action_save_as()
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(loop)
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        failures = [n for n in app._notifications if n.title == "Not saved"]
        assert failures and "loops back on itself" in failures[0].message
        assert not app.main_screen.saving
        assert app.editor.path == path
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not app.editor.dirty
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0
    assert path.read_text(encoding="utf-8") == app.editor.text


async def test_an_unexpected_error_in_a_save_is_shown_and_saving_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()

        def broken(*_args: object, **_kwargs: object) -> Path:
            raise RuntimeError("boom")

        monkeypatch.setattr(app.editor, "save", broken)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        failures = [n for n in app._notifications if n.title == "Not saved"]
        assert failures and "RuntimeError: boom" in failures[0].message
        assert not app.main_screen.saving
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not app.editor.dirty
    assert path.read_text(encoding="utf-8") == app.editor.text


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_the_dialog_fits_whole_at_every_size(tmp_path: Path, size: tuple[int, int]) -> None:
    """Every button whole and inside the dialog; the question not cut off."""
    from textual.widgets import Button, Static

    app = week_app(tmp_path)
    path = tmp_path / "week.toml"
    async with app.run_test(size=size) as pilot:
        await edit_then_change_on_disk(app, pilot, path)
        dialog = app.screen.query_one("#file-changed")
        box = dialog.region
        assert box.right <= size[0] and box.bottom <= size[1]
        buttons = list(app.screen.query(Button).results(Button))
        assert [button.id for button in buttons] == ["reload", "overwrite", "save_as", "cancel"]
        for button in buttons:
            region = button.region
            assert region.width >= len(str(button.label)), button.id
            assert box.contains_region(region), button.id
        text = app.screen.query_one("#file-changed-text", Static)
        assert text.region.height >= 3  # wrapped onto lines, not cut to one
        assert app.screen.focused is app.screen.query_one("#save_as", Button)
