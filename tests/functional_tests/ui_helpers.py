"""Shared pieces of the editor's Pilot tests: a known week, an app on it, screen text."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from planner.editor import PlanEditor
from planner.ui.app import PlannerApp, make_app
from planner.ui.screens.main import MainScreen

SIZE = (120, 36)

# A week with a known shape: heavy Mon/Wed/Fri, active recovery Tue/Thu, a moderate run
# on Saturday, Sunday off. Wednesday and Friday load the back 47 h apart, so the plan has
# one muscle-recovery warning (risk: moderate) and one glycogen-refill info.
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
    screen = main_screen(app)
    return " ".join(
        static_text_of(widget) for widget in screen.header.query(Static).results(Static)
    )


def static_text_of(widget: Static) -> str:
    """The plain text of a Static widget."""
    content = widget.content
    return content.plain if isinstance(content, Content) else str(content)


def risk_badge(app: PlannerApp) -> str:
    """The risk badge's text, e.g. `risk: moderate`."""
    badge = main_screen(app).header.query_one("#risk-badge", Static)
    return static_text_of(badge).strip()


def notifications(app: PlannerApp) -> list[str]:
    """The text of every notification shown so far."""
    return [f"{n.title}: {n.message}" for n in app._notifications]
