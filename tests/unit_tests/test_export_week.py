"""One week of a plan as a plan of its own (`export --week N`), the canonical TOML of a
format 2 plan, and the JSON export."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from planner.export.json_export import plan_to_json
from planner.export.week import WeekOutOfRange, check_week, week_plan
from planner.model import Plan
from planner.planfile import canonical_toml, parse_plan, read_plan

PLANS = Path(__file__).resolve().parents[2] / "plans"


def strength(title: str, minutes: int, **more: Any) -> dict[str, Any]:
    return {"title": title, "kind": "heavy", "activity": "strength", "minutes": minutes, **more}


BLOCK: dict[str, Any] = {
    "format": 2,
    "plan": {"name": "Block", "start": dt.date(2026, 11, 30)},
    "defaults": {"sleep_hours": 8.0},
    "weeks": [
        {
            "label": "Build 1",
            "days": {
                "mon": {"sessions": [strength("Squat", 60, done={"minutes": 70, "rpe": 9})]},
                "sat": {
                    "sessions": [
                        {"title": "Long run", "kind": "moderate", "activity": "run", "minutes": 100}
                    ]
                },
            },
        },
        {
            "label": "Build 2",
            "days": {"wed": {"note": "Bench day", "sessions": [strength("Bench", 50)]}},
        },
        {"label": "Deload", "type": "deload"},
    ],
    "history": {"weekly_loads": [1000, 1100], "longest_session_min": {"run": 90, "cycle": 200}},
    "rules": {"monotony_max": 2.2},
    "accepted": [
        {"rule": "monotony", "reason": "any week"},
        {"rule": "deload-due", "week": 2, "reason": "week two"},
        {"rule": "heavy-count", "week": 3, "reason": "week three"},
    ],
}


def plan_of(data: dict[str, Any]) -> Plan:
    return Plan.model_validate(data)


def test_week_two_alone() -> None:
    plan = plan_of(BLOCK)
    alone = week_plan(plan, 2)
    assert alone.format == 2
    assert alone.week_list == (plan.week_list[1],)
    assert alone.start == dt.date(2026, 12, 7)
    assert alone.repeats is False
    assert alone.plan.name == "Block"
    assert alone.defaults == plan.defaults
    assert alone.rules == plan.rules
    # history: the plan's, then week 1 as done (70 x 9 + 100 x 5)
    assert alone.history.weekly_loads == (1000, 1100, 630 + 500)
    # the longest run includes week 1's, within 30 days; history's still counts
    assert alone.history.longest_session_min == {"run": 100, "cycle": 200, "strength": 70}
    assert [(a.rule, a.week) for a in alone.accepted] == [("monotony", None), ("deload-due", 1)]


def test_week_one_alone_keeps_the_history() -> None:
    alone = week_plan(plan_of(BLOCK), 1)
    assert alone.start == dt.date(2026, 11, 30)
    assert alone.history.weekly_loads == (1000, 1100)
    assert alone.history.longest_session_min == {"run": 90, "cycle": 200}


def test_history_keeps_the_last_twelve_weeks() -> None:
    data = {
        **BLOCK,
        "weeks": [{"days": {"mon": {"sessions": [strength("S", n + 1)]}}} for n in range(14)],
    }
    data["history"] = {"weekly_loads": [5] * 12}
    alone = week_plan(plan_of(data), 14)
    assert len(alone.history.weekly_loads) == 12
    assert alone.history.weekly_loads[-1] == 13 * 8
    # the look-back of 30 days no longer reaches history's longest sessions
    assert alone.history.longest_session_min == {"strength": 13}


def test_a_format_1_plan_is_its_own_week_1() -> None:
    plan = read_plan(PLANS / "upper-lower-4.toml")
    assert week_plan(plan, 1) is plan
    with pytest.raises(WeekOutOfRange, match="week 2 is out of range: the plan has 1 week"):
        week_plan(plan, 2)


def test_weeks_out_of_range() -> None:
    plan = plan_of(BLOCK)
    check_week(plan, 3)
    for week in (0, 4):
        with pytest.raises(WeekOutOfRange, match=r"the plan has 3 weeks \(1-3\)"):
            check_week(plan, week)


def test_a_plan_without_start_stays_without() -> None:
    data = {**BLOCK, "plan": {"name": "No start", "repeats": True}}
    alone = week_plan(plan_of(data), 3)
    assert alone.start is None
    assert alone.repeats is True


def test_every_week_alone_writes_and_reads_back() -> None:
    plan = plan_of(BLOCK)
    for week in (1, 2, 3):
        alone = week_plan(plan, week)
        text = canonical_toml(alone)
        assert parse_plan(text) == alone
        assert text.count("[[weeks]]") == 1


def test_canonical_toml_of_a_block() -> None:
    plan = plan_of(BLOCK)
    text = canonical_toml(plan)
    assert parse_plan(text) == plan
    assert text.count("[[weeks]]") == 3
    assert "[weeks.days.wed]" in text
    assert "done = {" in text
    assert text.count("[[accepted]]") == 3


def test_json_reads_back_as_the_same_plan() -> None:
    plan = plan_of(BLOCK)
    text = plan_to_json(plan)
    assert text.endswith("}\n")
    assert Plan.model_validate_json(text) == plan
    data = json.loads(text)
    assert list(data) == ["format", "plan", "defaults", "weeks", "history", "rules", "accepted"]
    squat = data["weeks"][0]["days"]["mon"]["sessions"][0]
    assert squat["done"] == {"status": "done", "minutes": 70, "rpe": 9, "note": "", "source": ""}
    assert "rpe" not in squat  # not written in the plan: null, left out


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.toml")), ids=lambda p: p.name)
def test_json_of_every_template_reads_back(path: Path) -> None:
    plan = read_plan(path)
    assert Plan.model_validate_json(plan_to_json(plan)) == plan
