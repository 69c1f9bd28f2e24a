"""The week grid drawn as one widget (Line API), in a tiny app that hosts only the grid:
what it shows at 80x24 and 120x36, keys, mouse, logged marks, flags, themes, and that
an edit draws only the days it changed."""

from __future__ import annotations

from typing import Any

import pytest
from rich.segment import Segment
from textual import events
from textual.app import App, ComposeResult
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from planner.model import DAY_KEYS, Days, Kind, Plan, Session, Week
from planner.planfile import parse_plan
from planner.ui.messages import Selection, SelectionChanged
from planner.ui.widgets.week_grid import (
    BORDER,
    BORDER_FLAGGED,
    DAY_TYPE_INKS,
    KIND_BARS,
    KIND_INKS,
    Ink,
    WeekGrid,
    clamp,
    contrast_ratio,
    first_selection,
    printable,
)


def _thursday(count: int = 8) -> str:
    kinds = ("heavy", "moderate", "light", "active_recovery")
    activities = ("strength", "run", "cycle", "swim", "row", "hiit", "mobility", "walk")
    return "".join(
        f"""
[[days.thu.sessions]]
title = "Thu #{number + 1}"
kind = "{kinds[number % 4]}"
activity = "{activities[number]}"
minutes = {20 + 5 * number}
start = "{6 + number:02d}:00"
"""
        for number in range(count)
    )


#: A full week: logged sessions (done, partial, skipped, extra) early in the week, a day
#: of eight sessions on Thursday, markup in a title and a note, Sunday off.
FULL_WEEK = (
    """\
format = 1

[plan]
name = "Full week"
week_start = 2026-11-30

[defaults]
sleep_hours = 7.5
bedtime = "22:30"

[days.mon]
note = "Squat day: [bold]heavy[/] is literal"
protein_meals = 4
[[days.mon.sessions]]
title = "Squat, Romanian deadlift, lunges"
kind = "heavy"
activity = "strength"
focus = ["legs", "back"]
minutes = 70
rpe = 8
start = "17:30"
carbs_after = true
done = { status = "done", minutes = 75, rpe = 8 }
[[days.mon.sessions]]
title = "[bold]x[/]"
kind = "light"
activity = "mobility"
minutes = 15

[days.tue]
sleep_hours = 6.5
bedtime = "23:00"
[[days.tue.sessions]]
title = "Walk"
kind = "active_recovery"
activity = "walk"
minutes = 40
done = { status = "partial", minutes = 20 }

[days.wed]
[[days.wed.sessions]]
title = "Bench"
kind = "heavy"
activity = "strength"
focus = ["chest", "back"]
minutes = 65
start = "18:00"
done = { status = "skipped" }
[[days.wed.sessions]]
title = "Swim"
kind = "moderate"
activity = "swim"
minutes = 30
done = { status = "done", minutes = 30, rpe = 5 }
extra = true

[days.thu]
"""
    + _thursday()
    + """
[days.fri]
[[days.fri.sessions]]
title = "Tempo run"
kind = "moderate"
activity = "run"
minutes = 45
rpe = 6

[days.sat]
[[days.sat.sessions]]
title = "Easy ride"
kind = "light"
activity = "cycle"
minutes = 90
"""
)

#: Two weeks in format 2; the second is shown (index 1).
TWO_WEEKS = """\
format = 2

[plan]
name = "Block"
start = 2026-11-30

[[weeks]]
label = "Build 1"
[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "Week one squat"
kind = "heavy"
minutes = 60

[[weeks]]
label = "Build 2"
[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "Week two squat"
kind = "heavy"
minutes = 65
[weeks.days.wed]
note = "Second week"
[[weeks.days.wed.sessions]]
title = "Intervals"
kind = "moderate"
activity = "run"
minutes = 40
"""


class GridApp(App[None]):
    """Only the grid, showing a week, with the selections it announced."""

    def __init__(self, plan: Plan, week: int = 0, theme: str = "textual-dark") -> None:
        super().__init__()
        self.plan = plan
        self.week_index = week
        self.initial_theme = theme
        self.announced: list[Selection] = []

    def compose(self) -> ComposeResult:
        yield WeekGrid(id="grid")

    def on_mount(self) -> None:
        self.theme = self.initial_theme
        grid = self.query_one(WeekGrid)
        grid.show_week(self.plan, self.week_index, first_selection(self.plan, self.week_index))
        grid.focus()

    def on_selection_changed(self, message: SelectionChanged) -> None:
        self.announced.append(message.selection)


def full_week() -> Plan:
    return parse_plan(FULL_WEEK)


def grid_of(app: App[Any]) -> WeekGrid:
    return app.query_one(WeekGrid)


def lines(grid: WeekGrid) -> list[str]:
    """The grid's text, line by line, as it is drawn."""
    return [grid.render_line(y).text for y in range(grid.size.height)]


def column(grid: WeekGrid, key: str) -> list[str]:
    """The text of one day's column, line by line."""
    region = grid.day_region(key)
    return [line[region.x : region.right] for line in lines(grid)]


def column_text(grid: WeekGrid, key: str) -> str:
    return "\n".join(column(grid, key))


def segments(grid: WeekGrid, key: str) -> list[tuple[int, Segment]]:
    """(line, segment) of one day's column."""
    region = grid.day_region(key)
    found: list[tuple[int, Segment]] = []
    for y in range(grid.size.height):
        strip = grid.render_line(y).crop(region.x, region.right)
        found.extend((y, segment) for segment in strip)
    return found


def row_of(grid: WeekGrid, key: str, text: str) -> int:
    """The line of a day's column that shows `text`."""
    for y, line in enumerate(column(grid, key)):
        if text in line:
            return y
    raise AssertionError(f"{text!r} not in {key}:\n{column_text(grid, key)}")


# ---------------------------------------------------------------------------- sizes


async def test_80x24_shows_every_day_boxed_with_aligned_footers() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        text = lines(grid)
        assert len(text) == 24
        assert all(len(line) == 80 for line in text)
        assert text[0].startswith("╭─ Mon 30 ╮╭─ Tue 1 ")
        assert "Sun 6" in text[0]
        assert text[-1].startswith("╰") and text[-1].endswith("╯")
        for key in DAY_KEYS:
            lines_of_day = column(grid, key)
            # The footer is pinned to the bottom of every column: the rows line up.
            assert lines_of_day[-6].strip("│").strip("─") == ""
            assert lines_of_day[-5].startswith("│load ")
            assert lines_of_day[-4].startswith("│sl ")
            assert lines_of_day[-3].startswith("│bed ")
        assert "│heavy    │" in text[1]
        assert "▌Squat… ✓" in text[2]
        assert "▌75m RPE8" in text[3]
        assert column(grid, "mon")[-2] == "│protein 4│"
        # Not planned, in the warning colour, shortened to fit 9 cells.
        assert "prot none" in column(grid, "tue")[-2]
        assert "rest" in column(grid, "sun")[1]
        # The rest day has a piece of recovery guidance.
        assert "Spread" in column_text(grid, "sun")


async def test_120x36_shows_more_detail() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        text = lines(grid)
        assert all(len(line) == 120 for line in text)
        assert text[0].startswith("╭─ Mon 30 Nov ──╮╭─ Tue 1 Dec ───╮")
        assert "│heavy day      │" in text[1]
        assert "recovery day" in text[1] and "rest day" in text[1]
        monday = column_text(grid, "mon")
        assert "▌Squat, Roma… ✓" in monday
        assert "▌75 min RPE 8" in monday
        assert "▌heavy strength" in monday
        assert "▌17:30 legs ba…" in monday
        assert "sleep 7.5h" in monday
        assert "bed 22:30" in monday
        assert "no protein" in column_text(grid, "tue")
        friday = column_text(grid, "fri")
        assert "▌moderate run" in friday


async def test_200x50_uses_the_width() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        monday = column_text(grid, "mon")
        assert "75 min RPE 8 107%" in monday
        assert "plan 70 min RPE 8" in monday
        assert "17:30 legs back +carbs" in monday
        assert "protein not planned" in column_text(grid, "tue")
        # Thursday's eight cards all fit.
        assert "Thu #8" in column_text(grid, "thu")


async def test_100x30_lines_up() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = lines(grid_of(app))
        assert all(len(line) == 100 for line in text)
        assert text[0].startswith("╭─Mon 30 Nov─╮")


# ---------------------------------------------------------------------------- scrolling


@pytest.mark.parametrize("size", [(80, 24), (80, 12)])
async def test_last_session_of_a_full_day_scrolls_into_view(size: tuple[int, int]) -> None:
    app = GridApp(full_week())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        assert "Thu #8" not in column_text(grid, "thu")
        assert "▼" in column_text(grid, "thu")
        grid.select(Selection("thu", 7))
        await pilot.pause()
        thursday = column_text(grid, "thu")
        assert "Thu #8" in thursday
        assert "Thu #1" not in thursday
        assert "▲" in thursday
        assert grid.day_offset("thu") > 0
        # Back up, one key at a time: the selected card is always on screen.
        for index in range(6, -1, -1):
            await pilot.press("k")
            assert grid.selection == Selection("thu", index)
            assert f"Thu #{index + 1}" in column_text(grid, "thu")
        await pilot.press("k")
        assert grid.selection == Selection("thu", None)
        assert grid.day_offset("thu") == 0


async def test_mouse_wheel_scrolls_only_the_day_under_it() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        region = grid.day_region("thu")
        x, y = region.x + 3, 5
        for _ in range(3):
            grid.post_message(
                events.MouseScrollDown(
                    grid,
                    x,
                    y,
                    0,
                    1,
                    0,
                    False,
                    False,
                    False,
                    screen_x=grid.region.x + x,
                    screen_y=grid.region.y + y,
                )
            )
        await pilot.pause()
        assert grid.day_offset("thu") == 3
        assert all(grid.day_offset(key) == 0 for key in DAY_KEYS if key != "thu")
        assert "▲" in column_text(grid, "thu")
        assert grid.selection == Selection("mon", 0)


# ---------------------------------------------------------------------------- keys


async def test_arrows_move_between_days_and_sessions() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        assert grid.selection == Selection("mon", 0)
        await pilot.press("down")
        assert grid.selection == Selection("mon", 1)
        assert grid.selected_session is not None
        assert grid.selected_session.title == "[bold]x[/]"
        await pilot.press("right")  # Tuesday has one session: the row is clamped.
        assert grid.selection == Selection("tue", 0)
        await pilot.press("up")  # above the first session is the day itself
        assert grid.selection == Selection("tue", None)
        assert grid.selected_session is None
        await pilot.press("up")
        assert grid.selection == Selection("tue", None)
        await pilot.press("l")  # from a day's own line, stay on the day line
        assert grid.selection == Selection("wed", None)
        await pilot.press("j")
        assert grid.selection == Selection("wed", 0)
        await pilot.press("l", "l", "l")
        assert grid.selection == Selection("sat", 0)
        await pilot.press("right")  # Sunday has no session
        assert grid.selection == Selection("sun", None)
        await pilot.press("right")  # nothing after Sunday
        assert grid.selection == Selection("sun", None)
        await pilot.press("h")  # from an empty day, the next day's first session
        assert grid.selection == Selection("sat", 0)
        await pilot.press("down")  # nothing below the last session
        assert grid.selection == Selection("sat", 0)
        # Every move was announced, once.
        assert app.announced[-3:] == [
            Selection("sat", 0),
            Selection("sun", None),
            Selection("sat", 0),
        ]


async def test_moving_the_selection_draws_two_days() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        lines(grid)
        before = grid.day_renders.copy()
        await pilot.press("right")
        lines(grid)
        assert grid.day_renders - before == {"mon": 1, "tue": 1}


# ---------------------------------------------------------------------------- mouse


async def test_click_selects_a_session_or_the_day() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        region = grid.day_region("wed")
        y = row_of(grid, "wed", "Swim")
        assert await pilot.click(WeekGrid, offset=(region.x + 3, y))
        assert grid.selection == Selection("wed", 1)
        assert app.announced[-1] == Selection("wed", 1)
        assert grid.has_focus
        # A detail line of a card selects the card too.
        await pilot.click(WeekGrid, offset=(region.x + 3, y + 1))
        assert grid.selection == Selection("wed", 1)
        # The footer of Friday: the day itself.
        friday = grid.day_region("fri")
        await pilot.click(WeekGrid, offset=(friday.x + 3, grid.size.height - 3))
        assert grid.selection == Selection("fri", None)
        # The heading of Thursday: the day.
        thursday = grid.day_region("thu")
        await pilot.click(WeekGrid, offset=(thursday.x + 3, 0))
        assert grid.selection == Selection("thu", None)


async def test_tooltip_shows_the_whole_session() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        await pilot.hover(WeekGrid, offset=(grid.day_region("mon").x + 3, 2))
        assert grid.tooltip is not None
        assert "Squat, Romanian deadlift, lunges" in str(grid.tooltip)


# ---------------------------------------------------------------------------- content


async def test_markup_in_titles_and_notes_shows_literally() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        monday = column_text(grid_of(app), "mon")
        assert "▌[bold]x[/]" in monday
        assert "[bold]heavy[/]" in monday


async def test_control_characters_never_reach_the_terminal() -> None:
    plan = full_week()
    monday = plan.week_list[0].days.mon
    evil = monday.sessions[1].model_copy(update={"title": "evil\x1b[2J\x07"})
    days = Days.model_construct(
        **{**dict(plan.week_list[0].days), "mon": monday.model_copy(update={"sessions": (evil,)})}
    )
    hostile = Plan.model_construct(**{**dict(plan), "days": days})
    app = GridApp(hostile)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(grid_of(app)))
        assert "\x1b" not in text and "\x07" not in text
        assert "evil\ufffd[2J\ufffd" in text
    assert printable("a\tb\x00c") == "a b\ufffdc"


async def test_logged_sessions_show_their_mark_in_the_compliance_colour() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        grid.select(Selection("sun", None))  # no mark inside the selection's highlight
        await pilot.pause()
        palette = grid.palette

        def mark_colour(key: str, mark: str) -> Any:
            found = [seg for _, seg in segments(grid, key) if seg.text == mark]
            assert found, f"{mark} not in {key}"
            assert found[0].style is not None
            return found[0].style.color

        def colour_of(variable: str) -> Any:
            return palette.style(Ink(variable, "bold", keep=True)).color

        assert mark_colour("mon", "✓") == colour_of("$text-success")  # 107 %
        assert mark_colour("tue", "◐") == colour_of("$text-warning")  # 50 %
        assert mark_colour("wed", "✗") == colour_of("$text-error")  # skipped
        skipped = [seg for _, seg in segments(grid, "wed") if seg.text.startswith("Bench")]
        assert skipped and skipped[0].style is not None and skipped[0].style.strike
        wednesday = column_text(grid, "wed")
        assert "▌extra m" in wednesday  # the extra session says so
        assert "▌30m RPE5" in wednesday  # done values
        assert "▌20m RPE2" in column_text(grid, "tue")  # partial: the minutes done


async def test_short_grid_keeps_the_marks_and_the_extra_sign() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        wednesday = column_text(grid, "wed")
        assert "▌Bench  ✗" in wednesday
        assert "▌Swim  +✓" in wednesday  # no kind line: the extra session shows `+`
        assert "▌30m RPE5" in wednesday


async def test_flagged_days_get_their_own_border_and_only_they_are_drawn() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        lines(grid)
        before = grid.day_renders.copy()
        grid.flag_days(["thu", "fri"])
        await pilot.pause()
        lines(grid)
        assert grid.day_renders - before == {"thu": 1, "fri": 1}
        palette = grid.palette
        flagged = palette.style(BORDER_FLAGGED).color
        plain = palette.style(BORDER).color
        assert flagged != plain

        def corner_colour(key: str) -> Any:
            first = segments(grid, key)[0][1]
            assert first.text.startswith("╭") and first.style is not None
            return first.style.color

        assert corner_colour("thu") == flagged
        assert corner_colour("fri") == flagged
        assert corner_colour("sat") == plain
        grid.flag_days([])
        await pilot.pause()
        assert corner_colour("thu") == plain


async def test_selected_day_and_session_are_highlighted_stronger_with_focus() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)

        def title_background() -> Any:
            found = [seg for _, seg in segments(grid, "mon") if seg.text.startswith("Squat")]
            assert found[0].style is not None
            return found[0].style.bgcolor

        focused = title_background()
        palette = grid.palette
        assert focused == palette.cursor_background.rich_color
        lines(grid)
        before = grid.day_renders.copy()
        app.set_focus(None)
        await pilot.pause()
        blurred = title_background()
        assert blurred not in (None, focused)
        lines(grid)
        assert grid.day_renders - before == {"mon": 1}  # only the selected day


# ---------------------------------------------------------------------------- edits


async def test_show_week_after_an_edit_draws_only_the_days_it_changed() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        lines(grid)
        before = grid.day_renders.copy()
        grid.show_week(full_week(), 0)  # the same plan, parsed again: nothing changed
        await pilot.pause()
        lines(grid)
        assert grid.day_renders == before
        # Move Friday's session to Saturday.
        moved = parse_plan(
            FULL_WEEK.replace(
                '[days.fri]\n[[days.fri.sessions]]\ntitle = "Tempo run"',
                '[days.fri]\n[days.sat]\n[[days.sat.sessions]]\ntitle = "Tempo run"',
            ).replace(
                '\n[days.sat]\n[[days.sat.sessions]]\ntitle = "Easy ride"',
                '\n[[days.sat.sessions]]\ntitle = "Easy ride"',
            )
        )
        assert not moved.week_list[0].days.fri.sessions
        assert len(moved.week_list[0].days.sat.sessions) == 2
        grid.show_week(moved, 0)
        await pilot.pause()
        lines(grid)
        assert grid.day_renders - before == {"fri": 1, "sat": 1}
        assert "Tempo" in column_text(grid, "sat")
        assert "Tempo" not in column_text(grid, "fri")


async def test_format_2_shows_the_second_week() -> None:
    plan = parse_plan(TWO_WEEKS)
    app = GridApp(plan, week=1)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        text = lines(grid)
        assert text[0].startswith("╭─ Mon 7 Dec ")
        assert "Week two squat" in column_text(grid, "mon")
        assert "Intervals" in column_text(grid, "wed")
        assert "Second week" in column_text(grid, "wed")
        assert grid.selection == Selection("mon", 0)
        grid.show_week(plan, 0)
        await pilot.pause()
        assert lines(grid)[0].startswith("╭─ Mon 30 Nov ")
        assert "Week one squat" in column_text(grid, "mon")
        assert "Intervals" not in column_text(grid, "wed")


def test_clamp_and_first_selection() -> None:
    plan = full_week()
    assert first_selection(plan) == Selection("mon", 0)
    assert clamp(plan, 0, Selection("thu", 20)) == Selection("thu", 7)
    assert clamp(plan, 0, Selection("sun", 0)) == Selection("sun", None)
    empty = Plan(format=2, plan={"name": "x"}, weeks=(Week(), Week()))
    assert first_selection(empty, 1) == Selection("mon", None)


# ---------------------------------------------------------------------------- themes


async def test_kind_and_day_type_colours_read_in_every_builtin_theme() -> None:
    app = GridApp(full_week())
    async with app.run_test(size=(80, 24)) as pilot:
        grid = grid_of(app)
        for name in sorted(BUILTIN_THEMES):
            before = sum(grid.day_renders.values())
            app.theme = name
            await pilot.pause()
            lines(grid)
            assert sum(grid.day_renders.values()) - before == 7, name  # drawn again
            palette = grid.palette
            if BUILTIN_THEMES[name].ansi:
                # ANSI colours are the terminal's: text in the colour, never a coloured
                # background under default text.
                for ink in (*KIND_INKS.values(), *DAY_TYPE_INKS.values()):
                    assert palette.style(ink).bgcolor == palette.base.bgcolor, name
                continue
            background = palette.background
            for ink in (*KIND_INKS.values(), *DAY_TYPE_INKS.values()):
                colour = palette.style(ink).color
                assert colour is not None
                ratio = contrast_ratio(Color.from_rich_color(colour), background)
                assert ratio >= 4.5, (name, ink, ratio)
            for bar in KIND_BARS.values():
                colour = palette.style(bar).color
                assert colour is not None
                assert contrast_ratio(Color.from_rich_color(colour), background) >= 3, name
            focused = palette.style(KIND_INKS[Kind.light], 2)
            assert focused.color is not None and focused.bgcolor is not None
            ratio = contrast_ratio(
                Color.from_rich_color(focused.color), Color.from_rich_color(focused.bgcolor)
            )
            assert ratio >= 4.5, (name, "selection", ratio)


async def test_ansi_dark_moderate_day_is_yellow_text() -> None:
    plan = parse_plan(FULL_WEEK)
    app = GridApp(plan, theme="ansi-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        grid = grid_of(app)
        found = [seg for _, seg in segments(grid, "fri") if seg.text.strip() == "moderate"]
        assert found and found[0].style is not None
        assert found[0].style.color is not None
        assert found[0].style.color.name == "color(3)"  # ANSI yellow
        assert found[0].style.bgcolor is None or found[0].style.bgcolor.is_default


def test_session_literal_title_survives_the_model() -> None:
    session = Session(title="[bold]x[/]", kind=Kind.light, minutes=10)
    assert printable(session.title) == "[bold]x[/]"
