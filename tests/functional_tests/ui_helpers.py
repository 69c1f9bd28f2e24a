"""Shared pieces of the editor's Pilot tests: a known week, a known block of weeks, an
app on either, and what the screen shows."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from planner.editor import PlanEditor
from planner.model import Day, Plan
from planner.ui.app import PlannerApp, make_app
from planner.ui.screens.main import MainScreen

SIZE = (120, 36)
SMALL = (80, 24)

HERE = Path(__file__).parent
#: A four-week block in format 2 (Build 1-3 and a deload), commented, with dates.
BLOCK = (HERE / "block_weeks.toml").read_text(encoding="utf-8")

# A week with a known shape: heavy Mon/Wed/Fri, active recovery Tue/Thu, a moderate run
# on Saturday, Sunday off. Wednesday and Friday both load the back, two calendar days
# apart, and this plan asks for 72 h of muscle recovery ([rules]), so it has one
# muscle-recovery warning (overload moderate) and one concurrent-interference info
# (Friday's deadlift, Saturday's run). Sleep, bedtime and protein are planned every
# day: recovery good.
WEEK = """\
# A test week for the editor.
format = 1

[plan]
name = "Test week"
level = "intermediate"
week_start = 2026-11-30

[defaults]
sleep_hours = 8.0
bedtime = "22:30"
protein_meals = 4

[rules]
muscle_recovery_hours = 72  # this lifter recovers slowly

[days.mon]
note = "Squat day"
[[days.mon.sessions]]
title = "Squat, lunges"
kind = "heavy"
activity = "strength"
focus = ["legs"]
minutes = 70
rpe = 8
start = "17:30"
carbs_after = true

[days.tue]
[[days.tue.sessions]]
title = "Brisk walk"
kind = "active_recovery"
activity = "walk"
minutes = 40

[days.wed]
[[days.wed.sessions]]
title = "Bench, rows"
kind = "heavy"
activity = "strength"
focus = ["chest", "back"]
minutes = 65
start = "18:00"

[days.thu]
[[days.thu.sessions]]
title = "Easy ride"
kind = "active_recovery"
activity = "cycle"
minutes = 45

[days.fri]
[[days.fri.sessions]]
title = "Deadlift"
kind = "heavy"
activity = "strength"
focus = ["back", "legs"]
minutes = 70
start = "17:00"
carbs_after = true
[[days.fri.sessions]]
title = "Core"
kind = "light"
activity = "mobility"
focus = ["core"]
minutes = 15

[days.sat]
[[days.sat.sessions]]
title = "Long run"
kind = "moderate"
activity = "run"
minutes = 60
"""


def write_week(directory: Path, text: str = WEEK, name: str = "week.toml") -> Path:
    """Write a plan file and return its path."""
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def week_app(directory: Path, text: str = WEEK) -> PlannerApp:
    """An editor app on a fresh copy of the test week."""
    return make_app(write_week(directory, text))


def new_plan_app(text: str = WEEK) -> PlannerApp:
    """An editor app on a new, unsaved plan (no file yet)."""
    from planner.planfile import PlanDocument

    return make_app(editor=PlanEditor(PlanDocument.from_text(text, None), saved=False))


def main_screen(app: PlannerApp) -> MainScreen:
    """The app's main screen."""
    return app.main_screen


def static_text(app: PlannerApp, selector: str) -> str:
    """The plain text a Static on the current screen shows."""
    return static_text_of(app.screen.query_one(selector, Static))


def header_text(app: PlannerApp) -> str:
    """Everything the header says, in one line."""
    return main_screen(app).header.text


def static_text_of(widget: Static) -> str:
    """The plain text of a Static widget."""
    content = widget.content
    return content.plain if isinstance(content, Content) else str(content)


def badge_style(app: PlannerApp, name: str) -> str:
    """How a header part is drawn, e.g. `bold $text-success on $success-muted`."""
    return next(p.style for p in main_screen(app).header.parts() if p.name == name)


def risk_badge(app: PlannerApp) -> str:
    """The overload badge's text, e.g. `overload moderate`."""
    return main_screen(app).header.part_text("risk-badge")


def recovery_badge(app: PlannerApp) -> str:
    """The recovery badge's text, e.g. `recovery good`."""
    return main_screen(app).header.part_text("recovery-badge")


def week_caption(app: PlannerApp) -> str:
    """The header's week caption, e.g. `week 2 of 4 · Build 2 · 7-13 Dec`."""
    return main_screen(app).header.part_text("week-caption")


def day(plan: Plan, key: str, week: int = 0) -> Day:
    """A day of a week (0-based) of a plan."""
    return plan.week_list[week].days[key]


def titles(plan: Plan, key: str, week: int = 0) -> list[str]:
    """The session titles of a day of a week, in order."""
    return [session.title for session in day(plan, key, week).sessions]


def block_app(directory: Path, text: str = BLOCK) -> PlannerApp:
    """An editor app on a fresh copy of the four-week block."""
    return make_app(write_week(directory, text, name="block.toml"))


def screen_text(app: PlannerApp) -> str:
    """Everything the screen shows now, as plain text, one line per row."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def screen_lines(app: PlannerApp) -> list[str]:
    """The screen's rows as plain text."""
    return screen_text(app).splitlines()


def find_on_screen(app: PlannerApp, text: str, *, row: int | None = None) -> tuple[int, int]:
    """Where `text` first shows on screen (x, y); on row `row` when given."""
    for y, line in enumerate(screen_lines(app)):
        if row is not None and y != row:
            continue
        x = line.find(text)
        if x >= 0:
            return x, y
    raise AssertionError(f"{text!r} is not on the screen:\n{screen_text(app)}")


def flagged_days(app: PlannerApp) -> set[str]:
    """The days the week grid highlights for the highlighted finding."""
    grid = main_screen(app).week
    flagged = getattr(grid, "flagged_days", None)
    if flagged is not None:
        return set(flagged)
    return {key for key, column in grid.columns.items() if column.has_class("-flagged")}


def notifications(app: PlannerApp) -> list[str]:
    """The text of every notification shown so far."""
    return [f"{n.title}: {n.message}" for n in app._notifications]
