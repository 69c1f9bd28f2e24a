"""Snapshots of the editor's screens at 80x24 and 120x36.

Each runs on a copy of a bundled template or a test plan (the file name, not the
folder, shows in the header). Update on purpose with `pytest --snapshot-update` and
look at every changed SVG before accepting it.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import BLOCK, WEEK, write_week

from planner.ui.app import PlannerApp, make_app

PLANS = Path(__file__).resolve().parents[2] / "plans"
SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 36), id="120x36")]

SnapCompare = Callable[..., bool]

# The test week with a third session on Friday: a full week, one day of three.
FULL_WEEK = WEEK.replace(
    "[days.sat]",
    """[[days.fri.sessions]]
title = "Walk home"
kind = "active_recovery"
activity = "walk"
minutes = 25

[days.sat]""",
    1,
)


def app_on(tmp_path: Path, template: str = "overloaded-week") -> PlannerApp:
    """The editor on a copy of a bundled template, saved as week.toml."""
    path = tmp_path / "week.toml"
    shutil.copyfile(PLANS / f"{template}.toml", path)
    return make_app(path)


def app_on_text(tmp_path: Path, text: str, name: str = "week.toml") -> PlannerApp:
    """The editor on a plan written from text."""
    return make_app(write_week(tmp_path, text, name=name))


def steps(*keys: str) -> Callable[[Pilot[object]], object]:
    """Press keys, then freeze what changes over time (cursor blink, notifications)."""

    async def run(pilot: Pilot[object]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        freeze(pilot)
        await pilot.pause()

    return run


def freeze(pilot: Pilot[object]) -> None:
    """Stop the cursor blinking and clear notifications, so two runs look the same."""
    for field in pilot.app.screen.query(Input).results(Input):
        field.cursor_blink = False
    pilot.app.clear_notifications()


def snap(
    snap_compare: SnapCompare,
    app: PlannerApp,
    size: tuple[int, int],
    keys: Iterable[str] = (),
) -> bool:
    return snap_compare(app, terminal_size=size, run_before=steps(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """The week, findings and load of an overloaded week; overload high; Monday selected."""
    assert snap(snap_compare, app_on(tmp_path), size)


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_full_week(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    """A full week, Friday with three sessions, its last one selected; overload moderate."""
    app = app_on_text(tmp_path, FULL_WEEK)
    assert snap(snap_compare, app, size, ["right"] * 4 + ["down", "down"])


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_block(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    """A four-week block on its third week: the strip marks it, the caption names it."""
    app = app_on_text(tmp_path, BLOCK, "block.toml")
    assert snap(snap_compare, app, size, ["right_square_bracket", "right_square_bracket"])


@pytest.mark.parametrize("size", SIZES)
def test_main_screen_findings_focused(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    """`f`: the second finding highlighted, its days flagged, its advice in the detail."""
    assert snap(snap_compare, app_on(tmp_path), size, ["f", "down"])


@pytest.mark.parametrize("size", SIZES)
def test_footer_after_copy(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    """`c`: the footer offers paste (v) now, with whole keys only."""
    assert snap(snap_compare, app_on_text(tmp_path, WEEK), size, ["c"])


@pytest.mark.parametrize("size", SIZES)
def test_session_form(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """`e` on Monday's session, then a bad minutes value: its reason shows under it."""
    assert snap(
        snap_compare,
        app_on(tmp_path),
        size,
        ["e", "tab", "tab", "tab", "7", "0", "0"],
    )


@pytest.mark.parametrize("size", SIZES)
def test_settings_form(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """`s`: plan settings, the block's own monotony threshold in place."""
    assert snap(snap_compare, app_on_text(tmp_path, BLOCK, "block.toml"), size, ["s"])


@pytest.mark.parametrize("size", SIZES)
def test_accept_dialog(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """`A` on week 3's back-to-back warning: the finding and a reason to type."""
    app = app_on_text(tmp_path, BLOCK, "block.toml")
    keys = ["right_square_bracket", "right_square_bracket", "f", "A", *"Coach planned it"]
    assert snap(snap_compare, app, size, keys)


@pytest.mark.parametrize("size", SIZES)
def test_log_form(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """`m` on Monday of week 1, already logged: the log form with what was done."""
    assert snap(snap_compare, app_on_text(tmp_path, BLOCK, "block.toml"), size, ["m"])


@pytest.mark.parametrize("size", SIZES)
def test_week_menu(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """`W`, then the scaled copy: its percentage field shows."""
    app = app_on_text(tmp_path, BLOCK, "block.toml")
    assert snap(snap_compare, app, size, ["right_square_bracket", "W", "enter", "down", "enter"])


@pytest.mark.parametrize("size", SIZES)
def test_quit_dialog(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """An edit (Monday's session moved to Tuesday), then ctrl+q: save, discard or cancel."""
    assert snap(snap_compare, app_on(tmp_path), size, ["shift+right", "ctrl+q"])


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    """`?`: keys, day types, session kinds and the first rules."""
    assert snap(snap_compare, app_on(tmp_path), size, ["question_mark"])
