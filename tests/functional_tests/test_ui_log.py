"""Logging in the editor (m): done as planned in one key, the log form for the rest
(minutes, RPE, partial, skipped, a note, "Not logged"), and undo of each."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, Select
from ui_helpers import (
    SIZE,
    block_app,
    day,
    find_on_screen,
    main_screen,
    notifications,
    screen_text,
    static_text,
)

from planner.model import Done, DoneStatus
from planner.planfile import parse_plan
from planner.ui.app import PlannerApp
from planner.ui.screens.log_form import LogForm


def monday(app: PlannerApp, week: int = 1) -> Done | None:
    """What is logged of the first session on Monday of a week (0-based)."""
    return day(app.editor.plan, "mon", week).sessions[0].done


async def test_m_logs_done_as_planned_in_one_key_and_again_opens_the_form(
    tmp_path: Path,
) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press("right_square_bracket")  # week 2: nothing logged yet
        await pilot.pause()
        assert app.editor.report.weeks[1].metrics.done_load is None
        await pilot.press("m")
        await pilot.pause()
        # One key: no form, the session is logged as done with the planned values.
        assert app.screen is main_screen(app)
        assert monday(app) == Done()
        session = day(app.editor.plan, "mon", 1).sessions[0]
        metrics = app.editor.report.weeks[1].metrics
        assert metrics.done_load == session.minutes * session.planned_rpe == 455
        assert metrics.compliance_pct == 100
        assert any("done as planned" in text for text in notifications(app))
        # The file says so too, and the grid and strip show it.
        assert parse_plan(app.editor.text) == app.editor.plan
        assert "done = {}" in app.editor.text
        assert "100%" in screen_text(app).splitlines()[main_screen(app).strip.region.y]
        assert main_screen(app).week.selected_session == session
        # m again: the form, with what was logged.
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogForm)
        assert form.query_one("#status", Select).value == "done"
        assert form.query_one("#minutes", Input).placeholder == "blank: as planned, 65"
        await pilot.press("escape")
        await pilot.pause()
        assert monday(app) == Done()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert monday(app) is None


async def log_with_form(app: PlannerApp, pilot: object, **fields: str) -> None:
    """Open the log form on week 1's Monday (logged already) and fill it in."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await pilot.press("m")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, LogForm)
    for name, value in fields.items():
        if name == "status":
            form.query_one("#status", Select).value = value
        else:
            form.query_one(f"#{name}", Input).value = value
    await pilot.pause()
    await pilot.click("#note")
    await pilot.press("enter")
    await pilot.pause()


async def test_log_form_partial_with_minutes_then_undo(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        assert monday(app, 0) == Done(minutes=65, rpe=8)
        await log_with_form(app, pilot, status="partial", minutes="30", rpe="")
        assert monday(app, 0) == Done(status=DoneStatus.partial, minutes=30)
        session = day(app.editor.plan, "mon", 0).sessions[0]
        assert session.load == 30 * 7  # the planned RPE, as no RPE was given
        assert "partial" in app.editor.text
        assert app.editor.report.weeks[0].metrics.done_load == 30 * 7 + 0 + 60 * 7
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_log_form_skipped_with_a_note_then_undo(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await log_with_form(app, pilot, status="skipped", minutes="", rpe="", note="knee sore")
        done = monday(app, 0)
        assert done is not None and done.skipped and done.note == "knee sore"
        assert day(app.editor.plan, "mon", 0).sessions[0].load == 0
        # A skipped session makes no day type: Monday of week 1 is a rest day now.
        assert day(app.editor.plan, "mon", 0).day_type.value == "rest"
        assert "knee sore" in app.editor.text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_log_form_a_note_only_keeps_the_rest(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await log_with_form(app, pilot, note="felt strong")
        assert monday(app, 0) == Done(minutes=65, rpe=8, note="felt strong")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_log_form_not_logged_takes_the_log_back(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        await pilot.click("#unlog")
        await pilot.pause()
        assert app.screen is main_screen(app)
        assert monday(app, 0) is None
        assert "minutes = 65, rpe = 8" not in app.editor.text
        # Week 1 is still logged elsewhere (Tuesday skipped, Wednesday done).
        assert app.editor.report.weeks[0].metrics.done_load == 420
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert monday(app, 0) == Done(minutes=65, rpe=8)


async def test_log_form_checks_its_fields_and_escape_changes_nothing(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        form.query_one("#minutes", Input).value = "700"
        await pilot.pause()
        assert static_text(app, "#form-status") == (
            "Can't save yet: Minutes: must be between 1 and 600, got 700"
        )
        assert form.query_one("#save", Button).disabled
        await pilot.click("#minutes")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form  # not saved, the value stays
        assert form.query_one("#minutes", Input).value == "700"
        await pilot.press("escape")
        await pilot.pause()
        assert app.editor.text == original
        assert not app.editor.can_undo


async def test_m_on_a_day_without_a_session_logs_an_extra_one(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press(*["right"] * 5)  # Saturday of week 1: no session
        await pilot.press("m")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SessionForm"
        await pilot.press(*"Football")
        app.screen.query_one("#minutes", Input).value = "60"
        await pilot.click("#minutes")
        await pilot.press("enter")
        await pilot.pause()
        extra = day(app.editor.plan, "sat", 0).sessions[0]
        assert extra.extra and extra.done == Done()
        assert "extra = true" in app.editor.text
        assert find_on_screen(app, "Football")
        # An extra session counts in what was done, not in what was planned.
        metrics = app.editor.report.weeks[0].metrics
        before = parse_plan(original).week_list[0]
        assert metrics.planned_load == sum(d.planned_load for _, d in before.days.items())
        assert metrics.done_load == 940 + 60 * 5  # Monday, Wednesday, and the football
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
