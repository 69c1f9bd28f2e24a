"""The weeks of a block in the editor: [ and ], the strip, the week menu (W) and its
undo, moves across a week boundary, and a full day at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select
from ui_helpers import (
    BLOCK,
    SIZE,
    SMALL,
    WEEK,
    block_app,
    day,
    find_on_screen,
    main_screen,
    notifications,
    screen_text,
    titles,
    week_app,
    week_caption,
)

from planner.model import WeekType
from planner.planfile import parse_plan
from planner.ui.app import PlannerApp
from planner.ui.messages import Selection
from planner.ui.screens.week_menu import WeekMenu

#: The week menu's choices, in the order its select lists them.
CHOICES = ("add", "copy", "duplicate", "label", "delete")


def strip_row(app: PlannerApp) -> int:
    """The screen row the block strip is on."""
    return main_screen(app).strip.region.y


async def test_brackets_switch_week_and_the_header_says_which(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        assert screen.strip.display
        assert screen.week_index == 0
        assert week_caption(app) == "week 1 of 4 · Build 1 · 1-7 Dec"
        await pilot.press("right", "right")  # Wednesday
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.week_index == 1
        assert week_caption(app) == "week 2 of 4 · Build 2 · 8-14 Dec"
        # The selected day stays; the grid and the findings are week 2's.
        assert screen.week.selection.day == "wed"
        assert screen.week.selected_session == day(app.editor.plan, "wed", 1).sessions[0]
        assert "Wed 10 Dec" in screen_text(app)
        assert screen.findings.findings == list(app.editor.report.weeks[1].findings) or (
            set(screen.findings.findings) == set(app.editor.report.weeks[1].findings)
        )
        # Week 2 sleeps irregularly: its recovery is fair, week 1's was good.
        assert "recovery fair" in screen_text(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert week_caption(app) == "week 4 of 4 · Deload · 22-28 Dec"
        await pilot.press("right_square_bracket")  # the last week: stays
        await pilot.pause()
        assert screen.week_index == 3
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert week_caption(app).startswith("week 3 of 4 · Build 3")
        assert "overload moderate" in screen_text(app)
        for _ in range(3):
            await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.week_index == 0
        assert not app.editor.dirty  # looking is not editing


async def test_a_one_week_plan_has_no_strip_and_brackets_say_so(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert not main_screen(app).strip.display
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert main_screen(app).week_index == 0
        assert any("W adds another" in text for text in notifications(app))


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x36"])
async def test_clicking_a_strip_cell_switches_week(tmp_path: Path, size: tuple[int, int]) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        row = strip_row(app)
        await pilot.click(offset=find_on_screen(app, "Build 3", row=row))
        await pilot.pause()
        assert screen.week_index == 2
        # At 80 columns the caption takes its short form and keeps the dates.
        short = size == SMALL
        assert week_caption(app) == (
            "3/4 · Build 3 · 15-21 Dec" if short else "week 3 of 4 · Build 3 · 15-21 Dec"
        )
        assert screen.week.has_focus
        await pilot.click(offset=find_on_screen(app, "Deload", row=row))
        await pilot.pause()
        assert screen.week_index == 3
        await pilot.click(offset=find_on_screen(app, "Build 1", row=row))
        await pilot.pause()
        assert screen.week_index == 0


async def choose(pilot: Pilot[object], choice: str) -> None:
    """Pick a choice in the week menu's select with the keys: enter opens it."""
    app = pilot.app
    select = app.screen.query_one("#action", Select)
    select.focus()
    await pilot.press("enter")
    await pilot.pause()
    assert select.expanded
    current = CHOICES.index(str(select.value))
    target = CHOICES.index(choice)
    keys = ["down"] * (target - current) if target >= current else ["up"] * (current - target)
    await pilot.press(*keys, "enter")
    await pilot.pause()
    assert select.value == choice


async def open_week_menu(pilot: Pilot[object]) -> WeekMenu:
    await pilot.press("W")
    await pilot.pause()
    menu = pilot.app.screen
    assert isinstance(menu, WeekMenu)
    return menu


async def test_w_adds_an_empty_week_and_undo_restores_the_file(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        menu = await open_week_menu(pilot)
        assert menu.query_one("#action", Select).value == "add"
        await pilot.click("#label")
        await pilot.press(*"Extra week", "enter")  # enter in a text field does it
        await pilot.pause()
        plan = app.editor.plan
        assert len(plan.week_list) == 5
        new = plan.week_list[1]
        assert new.label == "Extra week"
        assert new.type is WeekType.build
        assert list(new.sessions()) == []
        # The weeks after it moved down one; the editor shows the new week.
        assert [week.label for week in plan.week_list] == [
            "Build 1",
            "Extra week",
            "Build 2",
            "Build 3",
            "Deload",
        ]
        assert main_screen(app).week_index == 1
        assert week_caption(app) == "week 2 of 5 · Extra week · 8-14 Dec"
        assert parse_plan(app.editor.text) == plan
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert len(app.editor.plan.week_list) == 4


async def test_w_adds_a_copy_with_its_minutes_scaled(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await open_week_menu(pilot)
        await choose(pilot, "copy")
        scale = app.screen.query_one("#scale", Input)
        assert scale.display and scale.value == "+5"  # a 5 % rise unless typed otherwise
        await pilot.click("#scale")
        await pilot.press("enter")
        await pilot.pause()
        plan = app.editor.plan
        assert len(plan.week_list) == 5
        source, copy = plan.week_list[0], plan.week_list[1]
        # Each session's minutes +5 %, rounded half up; nothing of the copy is logged yet.
        expected = {
            "Squat, lunges": 63,
            "Brisk walk": 42,
            "Bench, rows": 63,
            "Easy ride": 42,
            "Deadlift": 63,
            "Easy swim": 32,
        }
        assert {s.title: s.minutes for _, _, s in copy.sessions()} == expected
        assert [(k, s.title) for k, _, s in copy.sessions()] == [
            (k, s.title) for k, _, s in source.sessions()
        ]
        assert all(s.done is None for _, _, s in copy.sessions())
        assert app.editor.report.weeks[1].metrics.planned_load > (
            app.editor.report.weeks[0].metrics.planned_load
        )
        assert main_screen(app).week_index == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_w_copy_with_a_typed_percentage_and_a_blank_one(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await open_week_menu(pilot)
        await choose(pilot, "copy")
        await pilot.click("#scale")
        app.screen.query_one("#scale", Input).value = ""
        await pilot.press("enter")
        await pilot.pause()
        # A blank percentage is required, and says so; nothing changed.
        assert isinstance(app.screen, WeekMenu)
        assert "required" in str(app.screen.query_one("#form-status").content)  # type: ignore[attr-defined]
        await pilot.press(*"-40 %", "enter")
        await pilot.pause()
        plan = app.editor.plan
        assert len(plan.week_list) == 5
        # 45, 45 and 40 minutes, 40 % less: 27, 27 and 24.
        assert [s.minutes for _, _, s in plan.week_list[4].sessions()] == [27, 27, 24]


async def test_w_duplicates_a_week_and_undo_restores_the_file(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press("right_square_bracket")
        await open_week_menu(pilot)
        await choose(pilot, "duplicate")
        await pilot.click("#save")
        await pilot.pause()
        plan = app.editor.plan
        assert len(plan.week_list) == 5
        assert plan.week_list[2] == plan.week_list[1]
        assert plan.week_list[2].label == "Build 2"
        assert main_screen(app).week_index == 2
        assert week_caption(app).startswith("week 3 of 5 · Build 2")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_w_deletes_a_week_and_undo_restores_the_file(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press("right_square_bracket", "right_square_bracket")  # Build 3
        await open_week_menu(pilot)
        await choose(pilot, "delete")
        await pilot.click("#save")
        await pilot.pause()
        plan = app.editor.plan
        assert [week.label for week in plan.week_list] == ["Build 1", "Build 2", "Deload"]
        assert "Hill intervals" not in app.editor.text
        assert main_screen(app).week_index == 1
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert main_screen(app).week_index == 2
        assert "Hill intervals" in screen_text(app)


async def test_w_sets_the_label_and_type_and_undo_restores_the_file(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.editor.text
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        menu = await open_week_menu(pilot)
        await choose(pilot, "label")
        assert menu.query_one("#label", Input).value == "Deload"
        menu.query_one("#type", Select).value = "taper"
        await pilot.click("#label")
        menu.query_one("#label", Input).value = "Taper"
        await pilot.press("enter")
        await pilot.pause()
        week = app.editor.plan.week_list[3]
        assert (week.label, week.type) == ("Taper", WeekType.taper)
        assert week_caption(app) == "week 4 of 4 · Taper · 22-28 Dec"
        assert 'label = "Taper"' in app.editor.text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_the_only_week_cannot_be_deleted(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_week_menu(pilot)
        await choose(pilot, "delete")
        assert "only week" in str(app.screen.query_one("#form-status").content)  # type: ignore[attr-defined]
        await pilot.click("#save")
        await pilot.pause()
        assert len(app.editor.plan.week_list) == 1
        assert not app.editor.can_undo


async def test_adding_a_week_to_a_format_1_week_says_it_becomes_format_2(
    tmp_path: Path,
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        original = app.editor.text
        menu = await open_week_menu(pilot)
        assert "format 2" in str(menu.query_one("#week-hint").content)  # type: ignore[attr-defined]
        await pilot.click("#label")
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.editor.plan.week_list) == 2
        assert any("format 2" in text for text in notifications(app))
        assert main_screen(app).strip.display
        # The comment at the top of the file stays.
        assert "# A test week for the editor." in app.editor.text
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.editor.text == original
        assert not main_screen(app).strip.display


async def test_shift_right_from_sunday_moves_to_next_weeks_monday(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        original = app.editor.text
        await pilot.press(*["right"] * 6)  # Sunday of week 1: Easy swim
        assert screen.week.selection == Selection("sun", 0)
        await pilot.press("shift+right")
        await pilot.pause()
        plan = app.editor.plan
        assert day(plan, "sun", 0).sessions == ()
        assert titles(plan, "mon", 1) == ["Squat, lunges", "Easy swim"]
        # The editor follows the session into week 2; it stays selected.
        assert screen.week_index == 1
        assert week_caption(app).startswith("week 2 of 4")
        assert screen.week.selection == Selection("mon", 1)
        assert screen.week.selected_session is not None
        assert screen.week.selected_session.title == "Easy swim"
        # And back again with shift+left.
        await pilot.press("shift+left")
        await pilot.pause()
        assert screen.week_index == 0
        assert screen.week.selection == Selection("sun", 0)
        assert titles(app.editor.plan, "sun", 0) == ["Easy swim"]
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert app.editor.text == original


async def test_the_last_day_of_the_plan_stops_a_move(tmp_path: Path) -> None:
    app = block_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.press(*["right"] * 4)  # Friday of the deload week
        await pilot.press("shift+right", "shift+right", "shift+right")
        await pilot.pause()
        assert titles(app.editor.plan, "sun", 3) == ["Deadlift, light"]
        text = app.editor.text
        await pilot.press("shift+right")
        await pilot.pause()
        assert app.editor.text == text
        assert any("last day of the plan" in text for text in notifications(app))


FULL_DAY = WEEK.replace(
    "[days.tue]",
    "".join(
        f'[[days.mon.sessions]]\ntitle = "Drill {number}"\nkind = "light"\nminutes = 10\n\n'
        for number in range(2, 9)
    )
    + "[days.tue]",
    1,
)


def monday_column(app: PlannerApp) -> str:
    """What the Monday column shows, its rows joined."""
    x, _ = find_on_screen(app, "Mon 30")
    left = x - 3  # "╭─ Mon 30": the column's border is three cells before its date
    right = find_on_screen(app, "Tue 1")[0] - 3
    return "\n".join(row[left:right] for row in screen_text(app).splitlines())


async def test_the_last_of_eight_sessions_scrolls_into_view_at_80x24(tmp_path: Path) -> None:
    app = week_app(tmp_path, FULL_DAY)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert titles(app.editor.plan, "mon") == [
            "Squat, lunges",
            *(f"Drill {number}" for number in range(2, 9)),
        ]
        screen = main_screen(app)
        assert "Squat" in monday_column(app)
        assert "Drill 8" not in monday_column(app)  # eight do not fit at 80x24
        for index in range(1, 8):
            await pilot.press("down")
            await pilot.pause()
            assert screen.week.selection == Selection("mon", index)
            assert f"Drill {index + 1}" in monday_column(app)
        await pilot.press(*["up"] * 7)
        await pilot.pause()
        assert screen.week.selection == Selection("mon", 0)
        assert "Squat" in monday_column(app)


def test_the_block_fixture_is_the_block_the_tests_expect() -> None:
    plan = parse_plan(BLOCK)
    assert [week.label for week in plan.week_list] == ["Build 1", "Build 2", "Build 3", "Deload"]
