"""Block rules of rules.md v2: deload-due, deload-not-lighter and taper-missing, with
history weeks (which have no type) and the plan's own weeks, at and around their
thresholds (70 % is a lighter week, 6 weeks in a row are not more than 6)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity


def week(load: int, week_type: str = "build") -> dict[str, Any]:
    """A week of the given load (light sessions at RPE 1 on Mon, Wed and Fri)."""
    table: dict[str, Any] = {"type": week_type}
    third = load // 3
    for day, part in (("mon", third), ("wed", third), ("fri", load - 2 * third)):
        if part:
            table[day] = [session("light", part, rpe=1, title="Easy")]
    return table


# --- deload-due ---------------------------------------------------------------------


@pytest.mark.parametrize(("history_weeks", "fires"), [(5, False), (6, True)])
def test_deload_due_after_more_than_six_weeks(history_weeks: int, fires: bool) -> None:
    plan = make_plan(week(1000), history={"weekly_loads": [1000] * history_weeks})
    assert bool(found(plan, "deload-due")) is fires


def test_deload_due_message_counts_history_and_plan_weeks() -> None:
    plan = make_plan(week(1000), week(1000), history={"weekly_loads": [1000] * 6})
    first, second = found(plan, "deload-due")
    assert (first.week, second.week) == (1, 2)
    assert first.severity is Severity.warning
    assert first.days == ()
    assert first.message == (
        "7 weeks in a row without a lighter week (6 weeks before the plan and this week), "
        "more than 6."
    )
    assert second.message == (
        "8 weeks in a row without a lighter week (6 weeks before the plan and weeks 1-2 of "
        "the plan), more than 6."
    )
    assert "Bell 2023" in first.advice
    assert "week menu (W)" in first.advice


def test_deload_due_fires_in_every_plan_week_that_ends_a_long_run() -> None:
    plan = make_plan(*[week(1000) for _ in range(8)])
    assert [f.week for f in found(plan, "deload-due")] == [7, 8]


@pytest.mark.parametrize(("light", "resets"), [(700, True), (701, False)])
def test_a_week_at_most_70_percent_of_the_highest_before_is_lighter(
    light: int, resets: bool
) -> None:
    history = [1000, 1000, light, 1000, 1000, 1000, 1000]
    plan = make_plan(week(1000), history={"weekly_loads": history})
    # with the light week a deload: 5 weeks in a row; without: 8
    assert bool(found(plan, "deload-due")) is not resets


def test_a_typed_deload_or_taper_week_is_lighter_whatever_its_load() -> None:
    weeks = [week(1000) for _ in range(7)]
    weeks[3] = week(1000, "deload")
    assert found(make_plan(*weeks), "deload-due") == []
    weeks[3] = week(1000, "taper")
    assert found(make_plan(*weeks), "deload-due") == []
    weeks[3] = week(1000, "race")
    assert [f.week for f in found(make_plan(*weeks), "deload-due")] == [7]


def test_the_first_week_of_all_is_never_lighter_by_load() -> None:
    plan = make_plan(week(1000), history={"weekly_loads": [100, 1000, 1000, 1000, 1000, 1000]})
    assert [f.week for f in found(plan, "deload-due")] == [1]


def test_lighter_compares_with_the_highest_of_all_weeks_before() -> None:
    # 1500 is the highest before the 1050 week: 1050 is 70 % of it, a lighter week
    history = [1500, 1000, 1000, 1000, 1050, 1000]
    plan = make_plan(week(1000), history={"weekly_loads": history})
    assert found(plan, "deload-due") == []


def test_deload_due_overrides() -> None:
    plan = make_plan(
        week(1000), history={"weekly_loads": [1000] * 3}, rules={"deload_every_weeks": 3}
    )
    assert len(found(plan, "deload-due")) == 1
    plan = make_plan(
        week(1000),
        history={"weekly_loads": [1000, 1000, 800, 1000, 1000, 1000]},
        rules={"deload_load_pct": 80},
    )
    assert found(plan, "deload-due") == []


# --- deload-not-lighter -------------------------------------------------------------


@pytest.mark.parametrize(("load", "fires"), [(700, False), (701, True)])
def test_a_deload_over_70_percent_is_not_lighter(load: int, fires: bool) -> None:
    plan = make_plan(week(800), week(1000), week(load, "deload"))
    findings = found(plan, "deload-not-lighter")
    assert bool(findings) is fires
    if fires:
        [finding] = findings
        assert finding.week == 3
        assert finding.severity is Severity.warning
        assert finding.message == (
            "This deload week carries 701 AU, 70.1 % of 1000 AU (the highest of the 2 weeks "
            "before it); a lighter week carries at most 70 %."
        )
        assert "Bosquet 2007" in finding.advice


def test_a_taper_week_is_judged_too_and_a_build_week_never() -> None:
    assert len(found(make_plan(week(1000), week(900, "taper")), "deload-not-lighter")) == 1
    assert found(make_plan(week(1000), week(900)), "deload-not-lighter") == []


def test_deload_not_lighter_looks_at_the_three_weeks_before_history_included() -> None:
    history = {"weekly_loads": [5000, 1000, 1000]}
    plan = make_plan(week(1000), week(750, "deload"), history=history)
    # the 5000 week is four weeks before the deload: the reference is 1000
    assert len(found(plan, "deload-not-lighter")) == 1


def test_deload_not_lighter_needs_a_week_before_above_zero() -> None:
    assert found(make_plan(week(1000, "deload")), "deload-not-lighter") == []
    zero = make_plan(week(100, "deload"), history={"weekly_loads": [0, 0]})
    assert found(zero, "deload-not-lighter") == []


# --- taper-missing ------------------------------------------------------------------


@pytest.mark.parametrize(("before", "fires"), [(700, False), (701, True)])
def test_taper_missing_belongs_to_the_race_week(before: int, fires: bool) -> None:
    plan = make_plan(week(1000), week(before), week(400, "race"))
    findings = found(plan, "taper-missing")
    assert bool(findings) is fires
    if fires:
        [finding] = findings
        assert finding.week == 3
        assert finding.severity is Severity.info
        assert "(week 2)" in finding.message


def test_taper_missing_compares_with_the_highest_week_before_the_one_before() -> None:
    plan = make_plan(week(800), week(1000, "race"), history={"weekly_loads": [1000, 600]})
    [finding] = found(plan, "taper-missing")
    assert finding.message == (
        "The week before this race week (week 1) carries 800 AU, 80 % of your highest "
        "earlier week (1000 AU); a taper carries at most 70 %."
    )
    assert "Bosquet 2007" in finding.advice
    # 1300 is 65 % of the 2000 week, though above the 1000 week just before it
    plan = make_plan(week(1300), week(1000, "race"), history={"weekly_loads": [2000, 1000]})
    assert found(plan, "taper-missing") == []


def test_taper_missing_needs_two_weeks_before() -> None:
    assert found(make_plan(week(1000), week(1000, "race")), "taper-missing") == []
    with_history = make_plan(week(1000, "race"), history={"weekly_loads": [1000, 1000]})
    [finding] = found(with_history, "taper-missing")
    assert "(the week before the plan)" in finding.message


def test_block_rules_can_be_disabled() -> None:
    plan = make_plan(
        week(1000),
        week(1000),
        week(1000, "deload"),
        week(1000, "race"),
        history={"weekly_loads": [1000] * 6},
        rules={"disabled": ["deload-due", "deload-not-lighter", "taper-missing"]},
    )
    for rule in ("deload-due", "deload-not-lighter", "taper-missing"):
        assert found(plan, rule) == []
