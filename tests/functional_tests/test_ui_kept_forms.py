"""Kept forms and dialogs: built once and shown again, each opening starts clean.

A form left with typed text, errors, another choice, the focus elsewhere or scrolled
down opens next time on its new values as a newly built one would; a form built ahead
(off the stack) opens on what it is given; the dimmed plan behind it is the plan now.
"""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Button, Checkbox, Input, Select, Static
from ui_helpers import SIZE, SMALL, main_screen, screen_text, static_text, week_app

from planner.model import Kind
from planner.ui.screens.kept import build, editor_forms
from planner.ui.screens.session_form import SessionForm


def shown_error(app: object, name: str) -> str:
    """The check shown under a field ('' when it is fine or hidden)."""
    from planner.ui.app import PlannerApp

    assert isinstance(app, PlannerApp)
    line = app.screen.query_one(f"#{name}-error", Static)
    return static_text(app, f"#{name}-error") if line.display else ""


async def test_the_session_form_opens_clean_on_new_values_the_second_time(
    tmp_path: Path,
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")  # Monday's squat
        await pilot.pause()
        first = app.screen
        assert isinstance(first, SessionForm)
        assert first.query_one("#title", Input).value == "Squat, lunges"
        # Leave it in a mess: a bad title and minutes, an error shown, the focus on a box.
        await pilot.click("#title")
        first.query_one("#title", Input).value = ""
        first.query_one("#minutes", Input).value = "abc"
        await pilot.pause()
        await pilot.press("enter")  # a failed save shows every check
        await pilot.pause()
        assert shown_error(app, "minutes")
        assert first.query_one("#row-minutes").has_class("-invalid")
        first.query_one("#focus-back", Checkbox).focus()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert app.editor.plan.week_list[0].days["mon"].sessions[0].title == "Squat, lunges"

        await pilot.press("right")  # Tuesday: add a new session there
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert form is first  # the same form, kept
        assert form.query_one("#session-form").border_title == "New session on Tuesday"
        assert form.query_one("#title", Input).value == ""
        assert form.query_one("#minutes", Input).value == ""
        assert form.query_one("#kind", Select).value == Kind.moderate
        assert not any(box.value for box in form.query(".focus-box").results(Checkbox))
        assert not form.query_one("#carbs_after", Checkbox).value
        # Nothing touched yet: no check shows, no row is marked, the title has the focus.
        for name in ("title", "minutes", "rpe", "start", "focus"):
            assert shown_error(app, name) == ""
            assert not form.query_one(f"#row-{name}").has_class("-invalid")
        assert form.focused is form.query_one("#title", Input)
        assert form.query_one("#save", Button).disabled  # a new session needs a title
        # It works as a new form does: type a session and save it.
        await pilot.press(*"Easy jog")
        await pilot.click("#minutes")
        await pilot.press("3", "0")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main_screen(app)
        titles = [s.title for s in app.editor.plan.week_list[0].days["tue"].sessions]
        assert titles == ["Brisk walk", "Easy jog"]

        await pilot.press("left")  # Monday again: its values, whole
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is first
        assert first.query_one("#title", Input).value == "Squat, lunges"
        assert first.query_one("#minutes", Input).value == "70"
        assert first.query_one("#focus-legs", Checkbox).value
        assert not first.query_one("#focus-back", Checkbox).value


async def test_the_day_form_forgets_an_error_and_shows_the_next_day(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        first = app.screen
        assert first.query_one("#note", Input).value == "Squat day"
        await pilot.click("#sleep_hours")
        await pilot.press(*"abc")
        await pilot.pause()
        assert shown_error(app, "sleep_hours")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right")
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is first
        assert first.query_one("#day-form").border_title == "Tuesday: sleep, food and note"
        assert first.query_one("#sleep_hours", Input).value == ""
        assert first.query_one("#note", Input).value == ""
        assert shown_error(app, "sleep_hours") == ""
        assert not first.query_one("#row-sleep_hours").has_class("-invalid")
        assert "enter saves" in static_text(app, "#form-status")
        assert first.focused is first.query_one("#sleep_hours", Input)
        # Typing there is checked again from scratch.
        await pilot.press(*"x")
        await pilot.pause()
        assert shown_error(app, "sleep_hours")


async def test_the_settings_form_opens_at_the_top_on_the_plan_as_it_is(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.pause()
        first = app.screen
        form = first.query_one("#settings-form", VerticalScroll)
        first.query_one("#name", Input).value = ""
        await pilot.pause()
        assert static_text(app, "#form-status").startswith("Can't save yet: name")
        form.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert form.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert app.screen is first
        assert first.query_one("#name", Input).value == "Test week"
        assert "enter saves" in static_text(app, "#form-status")
        assert shown_error(app, "name") == ""
        assert form.scroll_y == 0
        assert first.focused is first.query_one("#name", Input)


async def test_the_week_menu_and_the_accept_dialog_start_over(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        menu = app.screen
        menu.query_one("#action", Select).value = "delete"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("W")
        await pilot.pause()
        assert app.screen is menu
        assert menu.query_one("#action", Select).value == "add"
        assert menu.query_one("#row-label").display
        assert menu.focused is menu.query_one("#action", Select)
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("f")  # the findings; accept the highlighted one
        await pilot.press("A")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("enter")  # no reason: it says one is required
        await pilot.pause()
        assert dialog.query_one("#reason-error", Static).display
        await pilot.press(*"planned")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("A")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#reason", Input).value == ""
        assert not dialog.query_one("#reason-error", Static).display


async def test_export_opens_on_its_default_path_again(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        path = dialog.query_one("#export-path", Input)
        default = path.value
        await pilot.press("down")  # iCalendar
        await pilot.pause()
        assert path.value.endswith(".ics")
        await pilot.click("#export-path")
        await pilot.press(*"mine")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert app.screen is dialog
        assert path.value == default
        assert default.endswith(".toml")
        assert "● TOML" in screen_text(app)


async def test_help_opens_at_its_top(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        scroll = help_screen.query_one("#help", VerticalScroll)
        await pilot.press("end")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is help_screen
        assert scroll.scroll_y == 0
        assert help_screen.focused is scroll


async def test_a_form_built_ahead_opens_on_what_it_is_given(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for screen_type, make in editor_forms(app.editor):
            built = await build(app, screen_type, make)
            assert built is not None and built.is_mounted
            assert built not in app.screen_stack
        await pilot.pause()
        assert app.screen is main_screen(app)  # nothing shown meanwhile
        await pilot.press("ctrl+p")  # the palette built ahead opens over the main screen
        await pilot.pause(0.3)
        palette = app.screen
        assert palette.__class__.__name__ == "KeptPalette"
        assert palette._providers
        await pilot.press(*"Plan settings")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SettingsForm"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SessionForm)
        assert form.query_one("#session-form").border_title == "Edit session on Monday"
        assert form.query_one("#title", Input).value == "Squat, lunges"
        assert shown_error(app, "title") == ""
        assert form.focused is form.query_one("#title", Input)


async def test_the_plan_behind_a_kept_form_is_the_plan_now(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "right")  # Wednesday: its session shows left of the form
        await pilot.press("r")
        await pilot.pause()
        assert "Bench, rows" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")  # delete Wednesday's session
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DayForm"
        assert "Bench, rows" not in screen_text(app)


async def test_the_palette_opens_again_with_nothing_typed_and_runs_what_is_chosen(
    tmp_path: Path,
) -> None:
    from textual.command import CommandInput, CommandList

    from planner.ui.screens.palette import KeptPalette

    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, KeptPalette)
        await pilot.press(*"zzzz")
        await pilot.pause(0.3)
        assert palette.query_one(CommandInput).value == "zzzz"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert not palette._providers  # shut down, as an unmounted palette's are
        await pilot.press("right")  # Tuesday
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        assert app.screen is palette
        assert palette.query_one(CommandInput).value == ""
        assert palette.focused is palette.query_one(CommandInput)
        assert palette.query_one(CommandList).option_count > 10  # every command again
        await pilot.press(*"Delete the session")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main_screen(app)
        # Run on the main screen as it is now: Tuesday's session is gone, Monday's stays.
        assert app.editor.plan.week_list[0].days["tue"].sessions == ()
        assert app.editor.plan.week_list[0].days["mon"].sessions
