"""The header line laid out at every width: badges whole, the caption's short forms
before the plan's name is cut, the app and file names giving way."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from planner.planfile import parse_plan
from planner.report import PlanReport
from planner.rules.engine import evaluate
from planner.ui.widgets.header import (
    PLAN_NAME_MIN,
    HeaderState,
    caption_choices,
    header_parts,
    week_caption,
)

WEEK = """\
[[weeks]]
{label}type = "{type}"
[weeks.days.mon]
sessions = [{{ title = "Squat", kind = "heavy", activity = "strength", minutes = 60 }}]
"""


def block(name: str, weeks: list[tuple[str, str]], start: str | None = "2026-12-07") -> PlanReport:
    head = f'format = 2\n[plan]\nname = "{name}"\n'
    if start is not None:
        head += f'start = "{start}"\n'
    text = head + "".join(
        WEEK.format(label=f'label = "{label}"\n' if label else "", type=kind)
        for label, kind in weeks
    )
    return evaluate(parse_plan(text, "block.toml"))


FOUR = [("Build 1", "build"), ("Build 2", "build"), ("Build 3", "build"), ("Deload", "deload")]


def texts(state: HeaderState, width: int) -> dict[str, str]:
    return {part.name: part.text for part in header_parts(state, width) if part.name != "gap"}


@pytest.mark.parametrize("width", [60, 80, 100, 120, 200])
@pytest.mark.parametrize("dirty", [False, True])
def test_the_line_fills_the_width_and_the_badges_stay_whole(width: int, dirty: bool) -> None:
    report = block("A plan with a rather long name that cannot fit anywhere", FOUR)
    state = HeaderState(
        "A plan with a rather long name that cannot fit anywhere", "b.toml", dirty, report, 2
    )
    parts = header_parts(state, width)
    assert sum(cell_len(part.text) for part in parts) == width
    shown = {part.name: part.text for part in parts}
    assert shown["risk-badge"].strip() == f"overload {report.weeks[2].risk.value}"
    assert shown["recovery-badge"].strip() == f"recovery {report.weeks[2].recovery.value}"
    assert ("dirty-mark" in shown) is dirty
    assert cell_len(shown["plan-name"]) >= PLAN_NAME_MIN + 2
    assert shown["plan-name"].rstrip().endswith("…") == (width < 200)


def test_the_app_name_and_the_file_name_give_way_on_narrower_terminals() -> None:
    report = block("Block", FOUR)
    state = HeaderState("Block", "block.toml", False, report, 0)
    assert {"app-name", "file-name"} <= texts(state, 130).keys()
    assert "app-name" not in texts(state, 129)
    assert "file-name" in texts(state, 100)
    assert "file-name" not in texts(state, 99)


def test_the_caption_takes_a_short_form_that_keeps_the_dates_before_it_cuts() -> None:
    report = block("Block", FOUR)
    state = HeaderState("Block", "block.toml", False, report, 2)
    assert texts(state, 120)["week-caption"].strip() == "week 3 of 4 · Build 3 · 21-27 Dec"
    assert texts(state, 80)["week-caption"].strip() == "3/4 · Build 3 · 21-27 Dec"
    assert texts(state, 66)["week-caption"].strip() == "3/4 · 21-27 Dec"
    # Too narrow even for that: cut, never wider than its room.
    narrow = texts(state, 56)
    assert narrow["week-caption"].strip().endswith("…") or "week-caption" not in narrow


def test_a_label_that_names_the_type_does_not_say_it_twice() -> None:
    report = block("Block", FOUR)
    assert week_caption(report, 3) == "week 4 of 4 · Deload · 28 Dec-3 Jan"
    report = block("Block", [("Easy week", "deload"), ("Race", "race")])
    assert week_caption(report, 0) == "week 1 of 2 · Easy week · deload · 7-13 Dec"
    assert week_caption(report, 1) == "week 2 of 2 · Race · 14-20 Dec"
    assert caption_choices(report, 0) == [
        "week 1 of 2 · Easy week · deload · 7-13 Dec",
        "1/2 · Easy week · deload · 7-13 Dec",
        "1/2 · 7-13 Dec",
    ]


def test_a_one_week_plan_without_a_start_shows_no_caption() -> None:
    report = block("Week", [("", "build")], start=None)
    assert "week-caption" not in texts(HeaderState("Week", None, False, report, 0), 120)
    assert texts(HeaderState("Week", None, False, report, 0), 120)["file-name"] == "new plan"


def test_wide_characters_are_counted_in_cells() -> None:
    name = "週間トレーニング計画の名前がとても長い"
    report = block(name, FOUR)
    parts = header_parts(HeaderState(name, "計画.toml", True, report, 0), 80)
    assert sum(cell_len(part.text) for part in parts) == 80
