"""Plan settings (s): every week-wide default, a threshold and a rule switched off, in
one undoable edit that survives a save and a reload and keeps the file's comments."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select
from ui_helpers import SIZE, SMALL, block_app, main_screen, recovery_badge, screen_text, static_text

from planner.editor import PlanEditor
from planner.ui.app import PlannerApp
from planner.ui.screens.settings_form import SettingsForm

#: Comments of the block fixture around the keys the settings write.
COMMENTS = (
    "# A four-week block for the editor's tests",
    "# a Monday long past: the editor opens on week 1",
    "# Every night and every day of the block, unless a day says otherwise.",
    "# the night after each day",
    "# meals with a real protein portion",
    "# Per-plan thresholds.",
    "# a little more sameness is fine here",
    "# the block before this one",
    "# --- week 3: hill intervals the day after bench",
)


async def open_settings(pilot: Pilot[object]) -> SettingsForm:
    await pilot.press("s")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, SettingsForm)
    return form


def rules_of(app: PlannerApp, week: int) -> set[str]:
    """The rules with findings in a week (0-based)."""
    return {finding.rule for finding in app.editor.report.weeks[week].findings}


async def test_settings_change_defaults_a_threshold_and_a_rule_and_survive_a_reload(
    tmp_path: Path,
) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        assert "load-change" in rules_of(app, 2)  # week 3 rises 20 %, over 10 %
        assert "irregular-sleep" in rules_of(app, 1)  # week 2's late Saturday
        form = await open_settings(pilot)
        # The form opens on what the file says.
        assert form.query_one("#sleep_hours", Input).value == "8"
        assert form.query_one("#bedtime", Input).value == "22:30"
        assert form.query_one("#protein_meals", Input).value == "4"
        assert form.query_one("#t-monotony_max", Input).value == "2.2"
        assert form.query_one("#on-irregular-sleep", Checkbox).value is True
        form.query_one("#sleep_hours", Input).value = "8.5"
        form.query_one("#bedtime", Input).value = "23:00"
        form.query_one("#protein_meals", Input).value = "5"
        form.query_one("#t-load_change_info_pct", Input).value = "25"
        form.query_one("#on-irregular-sleep", Checkbox).value = False
        await pilot.pause()
        assert static_text(app, "#form-status") == "enter saves · escape cancels"
        await pilot.click("#protein_meals")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main_screen(app)
        plan = app.editor.plan
        assert (plan.defaults.sleep_hours, plan.defaults.bedtime, plan.defaults.protein_meals) == (
            8.5,
            "23:00",
            5,
        )
        assert plan.rules.threshold("load_change_info_pct") == 25
        assert plan.rules.threshold("monotony_max") == 2.2  # untouched, still the plan's
        assert plan.rules.disabled == ("irregular-sleep",)
        # The findings follow at once: no load-change info under 25 %, no sleep warning.
        assert "load-change" not in rules_of(app, 2)
        assert "irregular-sleep" not in rules_of(app, 1)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert recovery_badge(app) == "recovery good"
        # Saved (ctrl+s) and read back: the same settings, the comments kept.
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.editor.dirty
        path = tmp_path / "block.toml"
        saved = path.read_text(encoding="utf-8")
        assert saved == app.editor.text
        for comment in COMMENTS:
            assert comment in saved, comment
        reloaded = PlanEditor.open(path)
        assert reloaded.plan == plan
        assert reloaded.report.weeks[2].findings == app.editor.report.weeks[2].findings
        # One undo takes back the whole settings edit.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert not app.editor.can_undo
        assert "irregular-sleep" in rules_of(app, 1)


async def test_settings_reopen_on_what_was_saved(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = await open_settings(pilot)
        form.query_one("#t-load_change_info_pct", Input).value = "25"
        form.query_one("#on-glycogen-refill", Checkbox).value = False
        form.query_one("#level", Select).value = "advanced"
        await pilot.click("#name")
        await pilot.press("enter")
        await pilot.pause()
        form = await open_settings(pilot)
        assert form.query_one("#t-load_change_info_pct", Input).value == "25"
        assert form.query_one("#on-glycogen-refill", Checkbox).value is False
        assert form.query_one("#level", Select).value == "advanced"
        await pilot.press("escape")
        await pilot.pause()
        assert app.editor.plan.plan.level.value == "advanced"


async def test_settings_check_each_field_and_a_bad_one_saves_nothing(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        form = await open_settings(pilot)
        form.query_one("#sleep_hours", Input).value = "15"
        await pilot.pause()
        assert static_text(app, "#sleep_hours-error") == "must be between 0 and 14, got 15"
        status = static_text(app, "#form-status")
        assert status.startswith("Can't save yet: ")
        assert "must be between 0 and 14, got 15" in status
        await pilot.click("#sleep_hours")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        form.query_one("#sleep_hours", Input).value = "8"
        form.query_one("#start", Input).value = "2025-12-02"  # a Tuesday
        await pilot.pause()
        assert "Monday" in static_text(app, "#start-error") or "monday" in static_text(
            app, "#start-error"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.editor.text == original
        assert not app.editor.can_undo


async def test_settings_blank_defaults_leave_the_days_unplanned(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = await open_settings(pilot)
        for name in ("sleep_hours", "bedtime", "protein_meals"):
            form.query_one(f"#{name}", Input).value = ""
        await pilot.click("#name")
        await pilot.press("enter")
        await pilot.pause()
        defaults = app.editor.plan.defaults
        assert (defaults.sleep_hours, defaults.bedtime, defaults.protein_meals) == (None,) * 3
        assert "sleep_hours = 8.0" not in app.editor.text
        # The table's own comment stays even when its keys go.
        assert "# Every night and every day of the block" in app.editor.text


async def test_a_failed_save_at_80x24_shows_the_field_that_stops_it(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        form = await open_settings(pilot)
        # A threshold far down the form is wrong; enter is pressed up in the name.
        form.query_one("#t-monotony_max", Input).value = "abc"
        await pilot.click("#name")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert form.focused is form.query_one("#t-monotony_max", Input)
        reason = static_text(app, "#t-monotony_max-error")
        assert reason == 'must be a number, got "abc"'
        # The reason is on the screen, whole.
        assert reason in screen_text(app)
