"""The session and day forms: each field checked as typed, the reason under it, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Checkbox, Input, Select, Static
from ui_helpers import SIZE, main_screen, static_text, week_app

from planner.model import Activity, Focus, Kind


def field_error(app: object, name: str) -> str:
    """The check shown under a field ('' when it is fine or hidden)."""
    from planner.ui.app import PlannerApp

    assert isinstance(app, PlannerApp)
    line = app.screen.query_one(f"#{name}-error", Static)
    return static_text(app, f"#{name}-error") if line.display else ""


@pytest.mark.parametrize(
    ("field", "typed", "reason"),
    [
        ("minutes", "abc", 'must be a whole number, got "abc"'),
        ("minutes", "0", "must be between 1 and 600, got 0"),
        ("minutes", "700", "must be between 1 and 600, got 700"),
        ("rpe", "11", "must be between 1 and 10, got 11"),
        ("rpe", "x", 'must be a whole number, got "x"'),
        ("start", "25:00", 'must be a 24-hour time "HH:MM", got "25:00"'),
        ("start", "7pm", 'must be a 24-hour time "HH:MM", got "7pm"'),
        ("title", "   ", "must not be empty"),
        ("title", "x" * 61, "must be at most 60 characters, got 61"),
    ],
)
async def test_each_session_field_is_checked_as_typed(
    tmp_path: Path, field: str, typed: str, reason: str
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.click(f"#{field}")
        app.screen.query_one(f"#{field}", Input).value = ""
        await pilot.press(*typed)
        await pilot.pause()
        assert field_error(app, field) == reason
        assert app.screen.query_one(f"#row-{field}").has_class("-invalid")
        assert app.screen.query_one("#save", Button).disabled
        status = static_text(app, "#form-status")
        assert status.startswith("Can't save yet: check")
        assert field in status
        # enter does not save: the form stays with what was typed, the plan is as it was.
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
        assert "title" in static_text(app, "#form-status")
        await pilot.press("enter")
        await pilot.pause()
        assert field_error(app, "title") == "must not be empty"
        assert field_error(app, "minutes") == "required" or "whole number" in field_error(
            app, "minutes"
        )
        assert app.screen.__class__.__name__ == "SessionForm"


async def test_rpe_placeholder_shows_the_default_of_the_kind(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("a")
        rpe = app.screen.query_one("#rpe", Input)
        assert "6" in rpe.placeholder and "moderate" in rpe.placeholder
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
        session = app.editor.plan.day("sun").sessions[0]
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
        await pilot.press("enter")  # now it saves
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert app.editor.plan.day("mon").sessions[0].kind is Kind.moderate


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
        assert app.editor.plan.day("sat").sleep_hours == 9.5
        await pilot.press("r")
        app.screen.query_one("#sleep_hours", Input).value = ""
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.editor.plan.day("sat").sleep_hours is None
        assert app.editor.plan.sleep_hours("sat") == 8.0
