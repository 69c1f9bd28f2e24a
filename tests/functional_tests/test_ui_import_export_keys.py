"""`i` and `x` in the editor: import replaces the plan as one undoable edit; export writes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_helpers import SIZE, header_text, main_screen, notifications, week_app, week_caption

from planner.planfile import parse_plan
from planner.templates import list_templates, template_text
from planner.ui.screens.export_plan import ExportScreen
from planner.ui.screens.import_plan import ImportScreen


async def test_import_each_template_then_undo(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        original = app.editor.plan
        original_text = app.editor.text
        # A week, a block and the logged block (every template goes through the picker
        # in test_import_export.py; here each import is undone in one app).
        picked = {"beginner-full-body", "strength-block-4", "logged-block-example"}
        templates = list_templates()
        for position, template in enumerate(templates):
            if template.name not in picked:
                continue
            await pilot.press("i")
            await pilot.pause()
            assert isinstance(app.screen, ImportScreen)
            await pilot.press(*["down"] * position)
            await pilot.pause()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, ImportScreen)
            assert app.editor.plan == parse_plan(template_text(template.name))
            assert app.editor.dirty
            assert template.title in header_text(app)
            assert any("Imported" in text for text in notifications(app))
            # A block opens on its first week, with the strip of its weeks.
            weeks = len(app.editor.plan.week_list)
            assert main_screen(app).week_index == 0
            assert main_screen(app).strip.display == (weeks > 1)
            if weeks > 1:
                assert week_caption(app).startswith(f"week 1 of {weeks}")
            # One undo brings back exactly the plan (and file text) before this import.
            await pilot.press("ctrl+z")
            await pilot.pause()
            assert app.editor.plan == original
            assert app.editor.text == original_text
            assert not main_screen(app).strip.display
        assert not app.editor.dirty


async def test_import_escape_changes_nothing(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.editor.text
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.editor.text == before
        assert not app.editor.can_undo


async def test_export_toml_writes_beside_the_plan_and_reimports_equal(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("shift+right")  # an edit, so the export is of the edited plan
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        path_field = app.screen.query_one("#export-path", Input)
        target = tmp_path / "shared.toml"
        path_field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert parse_plan(target.read_text(encoding="utf-8")) == app.editor.plan
        assert any(str(target) in text for text in notifications(app))


async def test_export_over_the_plans_own_file_is_refused_in_the_dialog(tmp_path: Path) -> None:
    from textual.widgets import Static

    from planner.ui.screens.confirm import ConfirmScreen

    app = week_app(tmp_path)
    plan_file = tmp_path / "week.toml"
    before = plan_file.read_bytes()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("shift+right")  # an edit: the export would differ from the file
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = str(plan_file)
        await pilot.pause()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert not isinstance(app.screen, ConfirmScreen)
        error = app.screen.query_one("#export-error", Static)
        assert error.display
        assert "is the plan being exported" in str(error.content)
    assert plan_file.read_bytes() == before
    assert not (tmp_path / "week.toml.bak").exists()
