"""The forms: each field checked as typed, the reason under it, nothing lost; enter on a
select opens it in every form; a form that cannot be saved says why, whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Checkbox, Input, Select, Static
from ui_helpers import (
    SIZE,
    SMALL,
    block_app,
    day,
    main_screen,
    screen_text,
    static_text,
    week_app,
)

from planner.model import Activity, Focus, Kind
from planner.ui.screens.day_form import LABELS as DAY_LABELS
from planner.ui.screens.session_form import LABELS


def field_error(app: object, name: str) -> str:
    """The check shown under a field ('' when it is fine or hidden)."""
    from planner.ui.app import PlannerApp

    assert isinstance(app, PlannerApp)
    line = app.screen.query_one(f"#{name}-error", Static)
    return static_text(app, f"#{name}-error") if line.display else ""


#: A value typed into each field of the session form, and what the form says of it.
FIELD_CHECKS = [
    ("minutes", "abc", 'must be a whole number, got "abc"'),
    ("minutes", "0", "must be between 1 and 600, got 0"),
    ("minutes", "700", "must be between 1 and 600, got 700"),
    ("rpe", "11", "must be between 1 and 10, got 11"),
    ("rpe", "x", 'must be a whole number, got "x"'),
    ("start", "25:00", 'must be a 24-hour time "HH:MM", got "25:00"'),
    ("start", "7pm", 'must be a 24-hour time "HH:MM", got "7pm"'),
    ("title", "   ", "must not be empty"),
    ("title", "x" * 61, "must be at most 60 characters, got 61"),
]


async def test_each_session_field_is_checked_as_typed(tmp_path: Path) -> None:
    # One form, every case in turn: each is typed, checked, then fixed.
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        for field, typed, reason in FIELD_CHECKS:
            await pilot.click(f"#{field}")
            app.screen.query_one(f"#{field}", Input).value = ""
            await pilot.press(*typed)
            await pilot.pause()
            assert field_error(app, field) == reason, (field, typed)
            assert app.screen.query_one(f"#row-{field}").has_class("-invalid")
            assert app.screen.query_one("#save", Button).disabled
            # The form says why it cannot be saved, naming the field.
            status = static_text(app, "#form-status")
            assert status == f"Can't save yet: {LABELS[field]}: {reason}"
            # enter does not save: the form stays with what was typed, the plan as it was.
            before = app.editor.plan
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.__class__.__name__ == "SessionForm"
            assert app.screen.query_one(f"#{field}", Input).value == typed
            assert app.editor.plan == before
            # Fixing the field clears its check.
            fixed = {"minutes": "45", "rpe": "7", "start": "07:15", "title": "Fixed"}[field]
            app.screen.query_one(f"#{field}", Input).value = fixed
            await pilot.pause()
            assert field_error(app, field) == ""
            assert not app.screen.query_one("#save", Button).disabled


async def test_a_new_session_says_what_is_missing_only_after_a_save_attempt(
    tmp_path: Path,
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        assert field_error(app, "title") == ""
        assert field_error(app, "minutes") == ""
        # The status says at once what stops a save; the fields wait for an attempt.
        assert static_text(app, "#form-status").startswith("Can't save yet: Title:")
        await pilot.press("enter")
        await pilot.pause()
        assert field_error(app, "title") == "must not be empty"
        assert field_error(app, "minutes") == "required"
        assert app.screen.__class__.__name__ == "SessionForm"
        assert static_text(app, "#form-status") == (
            "Can't save yet: Title: must not be empty; check Minutes too"
        )
        # The first field with a problem has the focus, nothing typed was lost.
        assert app.screen.focused is app.screen.query_one("#title", Input)


async def test_a_blank_required_number_says_required(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.click("#minutes")
        app.screen.query_one("#minutes", Input).value = ""
        await pilot.press("space", "backspace")
        await pilot.pause()
        assert field_error(app, "minutes") == "required"
        assert static_text(app, "#form-status") == "Can't save yet: Minutes: required"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SessionForm"
        assert not app.editor.can_undo


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Squat\x1b[31m", "U+001B ESCAPE"),
        ("Squat\x07", "U+0007 ALERT (BELL)"),
        ("Squat\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    ],
)
async def test_a_control_character_is_named_with_its_field(
    tmp_path: Path, text: str, named: str
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        app.screen.query_one("#title", Input).value = text
        await pilot.pause()
        reason = f"must not contain control characters (found {named})"
        assert field_error(app, "title") == reason
        assert static_text(app, "#form-status") == f"Can't save yet: Title: {reason}"
        assert "position" not in static_text(app, "#form-status")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == text
        assert not app.editor.can_undo


async def test_the_reason_a_form_cannot_be_saved_shows_whole_at_80x24(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("a")
        app.screen.query_one("#title", Input).value = "Bad\x1btitle"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        status = static_text(app, "#form-status")
        assert status == (
            "Can't save yet: Title: must not contain control characters (found U+001B "
            "ESCAPE); check Minutes too"
        )
        # Every word of it is on the screen, wrapped inside the form, not cut off.
        form = app.screen.query_one(".form").region
        lines = screen_text(app).splitlines()[form.y : form.bottom]
        inside = " ".join(line[form.x + 1 : form.right - 1] for line in lines)
        assert " ".join(status.split()) in " ".join(inside.split())
        assert "…" not in inside


async def test_rpe_placeholder_shows_the_default_of_the_kind(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        rpe = app.screen.query_one("#rpe", Input)
        assert "5" in rpe.placeholder and "moderate" in rpe.placeholder
        app.screen.query_one("#kind", Select).value = Kind.heavy
        await pilot.pause()
        assert "8" in rpe.placeholder and "heavy" in rpe.placeholder
        app.screen.query_one("#activity", Select).value = Activity.swim
        await pilot.pause()
        assert "shoulders, back" in static_text(app, "#focus-hint")


async def test_full_session_form_round_trip(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "right", "right", "a")
        form = app.screen
        await pilot.press(*"Hill intervals")
        form.query_one("#kind", Select).value = Kind.heavy
        form.query_one("#activity", Select).value = Activity.run
        form.query_one("#minutes", Input).value = "50"
        form.query_one("#rpe", Input).value = "9"
        form.query_one("#start", Input).value = "07:00"
        form.query_one("#focus-legs", Checkbox).value = True
        form.query_one("#focus-core", Checkbox).value = True
        form.query_one("#carbs_after", Checkbox).value = True
        await pilot.pause()
        await pilot.click("#save")
        await pilot.pause()
        session = day(app.editor.plan, "sun").sessions[0]
        assert session.title == "Hill intervals"
        assert session.kind is Kind.heavy
        assert session.activity is Activity.run
        assert (session.minutes, session.rpe, session.start) == (50, 9, "07:00")
        assert session.focus == (Focus.legs, Focus.core)
        assert session.carbs_after is True
        # And the form opens on it again with every value in place.
        await pilot.press("e")
        form = app.screen
        assert form.query_one("#title", Input).value == "Hill intervals"
        assert form.query_one("#minutes", Input).value == "50"
        assert form.query_one("#rpe", Input).value == "9"
        assert form.query_one("#focus-core", Checkbox).value is True
        assert form.query_one("#focus-back", Checkbox).value is False
        assert form.query_one("#carbs_after", Checkbox).value is True


async def test_enter_in_an_open_select_picks_the_option_not_saves(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "tab")  # the kind select
        await pilot.press("space")  # open it
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SessionForm"
        assert app.screen.query_one("#kind", Select).value is Kind.moderate
        await pilot.click("#minutes")
        await pilot.press("enter")  # from a text field, enter saves
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert day(app.editor.plan, "mon").sessions[0].kind is Kind.moderate


async def test_enter_on_a_closed_select_opens_it(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a", "tab")  # a new session; the kind select
        kind = app.screen.query_one("#kind", Select)
        assert app.screen.focused is kind
        await pilot.press("enter")
        await pilot.pause()
        # It opened; the form did not try to save (nor jump to the empty title).
        assert kind.expanded
        assert app.screen.__class__.__name__ == "SessionForm"
        assert field_error(app, "title") == ""
        await pilot.press("up", "enter")  # heavy, the first option
        await pilot.pause()
        assert not kind.expanded
        assert kind.value is Kind.heavy
        assert app.screen.__class__.__name__ == "SessionForm"
        # enter on a checkbox ticks it; enter on Cancel presses it.
        app.screen.query_one("#focus-legs", Checkbox).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#focus-legs", Checkbox).value is True
        assert app.screen.__class__.__name__ == "SessionForm"
        app.screen.query_one("#cancel", Button).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert not app.editor.can_undo


@pytest.mark.parametrize(
    ("keys", "form", "select"),
    [
        (["e"], "SessionForm", "#activity"),
        (["m"], "LogForm", "#status"),  # Monday of week 1 is logged: m opens the form
        (["W"], "WeekMenu", "#action"),
        (["s"], "SettingsForm", "#level"),
    ],
)
async def test_enter_opens_a_select_in_every_form(
    tmp_path: Path, keys: list[str], form: str, select: str
) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = app.editor.text
        await pilot.press(*keys)
        await pilot.pause()
        assert app.screen.__class__.__name__ == form
        field = app.screen.query_one(select, Select)
        field.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert field.expanded
        assert app.screen.__class__.__name__ == form
        await pilot.press("escape")  # closes the menu, not the form
        await pilot.pause()
        assert not field.expanded
        assert app.screen.__class__.__name__ == form
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert app.editor.text == text


@pytest.mark.parametrize(
    ("field", "typed", "reason"),
    [
        ("sleep_hours", "15", "must be between 0 and 14, got 15"),
        ("sleep_hours", "lots", 'must be a number, got "lots"'),
        ("bedtime", "10pm", 'must be a 24-hour time "HH:MM", got "10pm"'),
        ("protein_meals", "9", "must be between 0 and 8, got 9"),
        ("protein_meals", "2.5", 'must be a whole number, got "2.5"'),
    ],
)
async def test_each_day_field_is_checked_as_typed(
    tmp_path: Path, field: str, typed: str, reason: str
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.click(f"#{field}")
        await pilot.press(*typed)
        await pilot.pause()
        assert field_error(app, field) == reason
        before = app.editor.plan
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "DayForm"
        assert static_text(app, "#form-status") == f"Can't save yet: {DAY_LABELS[field]}: {reason}"
        assert app.screen.query_one(f"#{field}", Input).value == typed
        await pilot.press("escape")
        await pilot.pause()
        assert app.editor.plan == before
        assert not app.editor.dirty


async def test_blank_day_fields_fall_back_to_the_defaults(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "right", "r")
        form = app.screen
        assert "8 h" in form.query_one("#sleep_hours", Input).placeholder
        form.query_one("#sleep_hours", Input).value = "9.5"
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert day(app.editor.plan, "sat").sleep_hours == 9.5
        await pilot.press("r")
        app.screen.query_one("#sleep_hours", Input).value = ""
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        saturday = day(app.editor.plan, "sat")
        assert saturday.sleep_hours is None
        assert app.editor.plan.sleep_hours(saturday) == 8.0
