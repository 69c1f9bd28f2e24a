"""Movement rule of rules.md v2: no-active-recovery, at and around its threshold, with
done RPE, skipped and extra sessions, an override and switched off."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity


def hard_week(heavy: int, *easy: dict[str, Any], **tables: Any) -> Any:
    """A week with `heavy` heavy runs (Monday, Wednesday, Friday, ...) and easy sessions
    on Sunday."""
    keys = ("mon", "wed", "fri", "tue", "thu", "sat")
    week: dict[str, Any] = {}
    for number in range(heavy):
        week.setdefault(keys[number % 6], []).append(session("heavy", 50, activity="run"))
    if easy:
        week["sun"] = list(easy)
    return make_plan(week, **tables)


def test_three_heavy_sessions_and_no_easy_movement() -> None:
    [finding] = found(hard_week(3), "no-active-recovery")
    assert finding.severity is Severity.info
    assert finding.days == ("mon", "wed", "fri")
    assert finding.message == (
        "3 heavy sessions this week and no easy movement: no active recovery session and "
        "no light one at RPE 3 or below."
    )
    assert "brisk walk, easy cycling, mobility work or an easy swim" in finding.advice
    assert "Dupuy 2018" in finding.advice


def test_two_heavy_sessions_need_nothing() -> None:
    assert found(hard_week(2), "no-active-recovery") == []


@pytest.mark.parametrize(
    ("easy", "fires"),
    [
        (session("active_recovery", 30, activity="walk"), False),
        (session("light", 30, activity="swim", rpe=3), False),
        (session("light", 30, activity="swim"), False),  # light defaults to RPE 3
        (session("light", 30, activity="swim", rpe=4), True),
        (session("light", 30, rpe=3, done={"rpe": 5}), True),  # done RPE counts
        (session("light", 30, rpe=5, done={"rpe": 3}), False),
        (session("active_recovery", 30, done={"status": "skipped"}), True),
        (session("active_recovery", 30, extra=True, done={}), False),
        (session("moderate", 30, rpe=3), True),
    ],
)
def test_what_counts_as_easy_movement(easy: dict[str, Any], fires: bool) -> None:
    assert bool(found(hard_week(3, easy), "no-active-recovery")) is fires


def test_skipped_heavy_sessions_do_not_count() -> None:
    plan = make_plan(
        {
            "mon": [session("heavy", 50)],
            "wed": [session("heavy", 50)],
            "fri": [session("heavy", 50, done={"status": "skipped"})],
        }
    )
    assert found(plan, "no-active-recovery") == []


def test_active_recovery_from_heavy_override_and_disabled() -> None:
    assert (
        len(found(hard_week(2, rules={"active_recovery_from_heavy": 2}), "no-active-recovery")) == 1
    )
    assert found(hard_week(3, rules={"active_recovery_from_heavy": 4}), "no-active-recovery") == []
    assert (
        found(hard_week(5, rules={"disabled": ["no-active-recovery"]}), "no-active-recovery") == []
    )
