"""Matching logged workouts to a plan (`planner log`), as a pure function of the plan and
the workouts: matched, added, already logged, left out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner.logbook import (
    NoStartDate,
    describe,
    extra_session,
    kind_of,
    match_workouts,
    one_line,
)
from planner.model import Activity, Done, Kind, Plan
from planner.workouts import Workout


def workout(
    when: str,
    title: str = "Upper A",
    minutes: int | None = 65,
    rpe: int | None = 8,
    app: str = "Strong",
    notes: str = "",
    working_sets: int = 12,
) -> Workout:
    return Workout(
        app=app,
        title=title,
        start=dt.datetime.fromisoformat(when),
        minutes=minutes,
        rpe=rpe,
        exercises=("Bench Press (Barbell)",),
        working_sets=working_sets,
        notes=notes,
    )


def strength(title: str, **more: Any) -> dict[str, Any]:
    return {"title": title, "kind": "heavy", "activity": "strength", "minutes": 60, **more}


BLOCK: dict[str, Any] = {
    "format": 2,
    "plan": {"name": "Block", "start": dt.date(2026, 11, 30)},
    "weeks": [
        {
            "days": {
                "mon": {
                    "sessions": [
                        {"title": "Run", "kind": "light", "activity": "run", "minutes": 30},
                        strength("Upper"),
                        strength("Lower"),
                    ]
                },
                "wed": {
                    "sessions": [
                        strength("Logged", done={"source": "Strong 2026-12-02 18:00"}),
                    ]
                },
            }
        },
        {"days": {"tue": {"sessions": [strength("Full body")]}}},
    ],
}


def plan_of(data: dict[str, Any] = BLOCK) -> Plan:
    return Plan.model_validate(data)


def test_a_workout_on_a_day_with_a_planned_strength_session_is_matched() -> None:
    log = match_workouts(plan_of(), [workout("2026-11-30 18:05", notes="Felt\nstrong")])
    assert (len(log.added), len(log.already_logged), len(log.left_out)) == (0, 0, 0)
    (matched,) = log.matched
    assert (matched.week, matched.day, matched.index) == (0, "mon", 1)  # the run is no match
    assert matched.session.title == "Upper"
    assert matched.done == Done(
        minutes=65, rpe=8, note="Felt strong", source="Strong 2026-11-30 18:05"
    )
    assert log.changes


def test_two_workouts_on_one_day_take_the_planned_sessions_in_order() -> None:
    log = match_workouts(
        plan_of(), [workout("2026-11-30 19:00", "B"), workout("2026-11-30 07:00", "A")]
    )
    assert [(m.workout.title, m.index) for m in log.matched] == [("A", 1), ("B", 2)]


def test_without_duration_or_rpe_the_planned_values_stand() -> None:
    log = match_workouts(plan_of(), [workout("2026-12-08 18:00", minutes=None, rpe=None)])
    (matched,) = log.matched
    assert (matched.week, matched.day, matched.index) == (1, "tue", 0)
    assert (matched.done.minutes, matched.done.rpe) == (None, None)


def test_a_workout_on_a_day_without_a_free_strength_session_is_added() -> None:
    workouts = [
        workout("2026-12-02 07:00", "Morning lift", minutes=None, rpe=None, working_sets=20),
        workout("2026-12-05 10:00", "Saturday pump", minutes=45, rpe=9),
    ]
    log = match_workouts(plan_of(), workouts)
    assert log.matched == ()
    first, second = log.added
    assert (first.week, first.day) == (0, "wed")  # its strength session is logged already
    assert first.session.extra
    assert first.session.kind is Kind.moderate
    assert first.session.activity is Activity.strength
    assert first.session.minutes == 60  # 20 working sets x 3 min
    assert first.session.done == Done(source="Strong 2026-12-02 07:00")
    assert (second.day, second.session.kind, second.session.minutes) == ("sat", Kind.heavy, 45)
    assert second.session.done is not None and second.session.done.rpe == 9


def test_workouts_outside_the_plan_are_left_out() -> None:
    log = match_workouts(
        plan_of(), [workout("2026-11-29 23:59", "Before"), workout("2026-12-14 00:00", "After")]
    )
    assert [(left.workout.title, left.reason) for left in log.left_out] == [
        ("Before", "before the plan's first day (2026-11-30)"),
        ("After", "after the plan's last day (2026-12-13)"),
    ]
    assert not log.changes


def test_a_workout_already_in_the_plan_is_left_alone() -> None:
    log = match_workouts(plan_of(), [workout("2026-12-02 18:00", "Logged")])
    assert [w.title for w in log.already_logged] == ["Logged"]
    assert not log.changes


def test_the_same_workout_twice_in_one_export_is_recorded_once() -> None:
    log = match_workouts(plan_of(), [workout("2026-11-30 18:05"), workout("2026-11-30 18:05")])
    assert len(log.matched) == 1
    assert len(log.already_logged) == 1


def test_a_full_day_leaves_the_workout_out() -> None:
    data = {
        "format": 1,
        "plan": {"name": "Full", "week_start": dt.date(2026, 11, 30)},
        "days": {
            "mon": {
                "sessions": [
                    {"title": f"Walk {n}", "kind": "light", "activity": "walk", "minutes": 10}
                    for n in range(7)
                ]
            }
        },
    }
    workouts = [workout("2026-11-30 07:00", "One"), workout("2026-11-30 08:00", "Two")]
    log = match_workouts(plan_of(data), workouts)
    assert [a.workout.title for a in log.added] == ["One"]
    assert [(w.workout.title, w.reason) for w in log.left_out] == [
        ("Two", "Monday already holds 8 sessions")
    ]


def test_a_plan_without_start_cannot_be_logged() -> None:
    data = {**BLOCK, "plan": {"name": "No start"}}
    with pytest.raises(NoStartDate, match=r"add `start = YYYY-MM-DD` \(a Monday\) under \[plan\]"):
        match_workouts(plan_of(data), [workout("2026-11-30 18:05")])


@pytest.mark.parametrize(
    ("rpe", "kind"),
    [
        (None, Kind.moderate),
        (1, Kind.light),
        (3, Kind.light),
        (4, Kind.moderate),
        (6, Kind.moderate),
        (7, Kind.heavy),
        (10, Kind.heavy),
    ],
)
def test_kind_by_rpe(rpe: int | None, kind: Kind) -> None:
    assert kind_of(rpe) is kind


def test_an_extra_session_fits_the_plan_format() -> None:
    long_title = "Push day: bench, incline dumbbell press, dips, lateral raises, triceps\t!"
    session = extra_session(workout("2026-11-30 18:05", long_title, minutes=900, notes="n" * 300))
    assert len(session.title) == 60
    assert session.title.endswith("…")
    assert session.minutes == 600
    assert session.done is not None
    assert len(session.done.note) == 200
    assert extra_session(workout("2026-11-30 18:05", " \x1b ")).title == "Workout"


def test_one_line() -> None:
    assert one_line("a\r\nb\tc\x1b[31m  d", 80) == "a b c [31m d"
    assert one_line("abcdef", 4) == "abc…"


def test_describe() -> None:
    plan = plan_of()
    log = match_workouts(
        plan,
        [
            workout("2026-11-30 18:05"),
            workout("2026-12-03 07:00", "Extra\x1b day", minutes=40, rpe=5, app="Hevy"),
            workout("2026-12-02 18:00", "Logged"),
            workout("2026-11-01 10:00", "Old"),
        ],
    )
    assert describe(plan, log) == [
        "matched         Strong 2026-11-30 18:05 'Upper A' -> week 1 Monday 2026-11-30: "
        "'Upper' (65 min, RPE 8)",
        "added           Hevy 2026-12-03 07:00 'Extra\\x1b day' -> week 1 Thursday 2026-12-03: "
        "extra moderate strength session (40 min, RPE 5)",
        "already logged  Strong 2026-12-02 18:00 'Logged'",
        "left out        Strong 2026-11-01 10:00 'Old': before the plan's first day (2026-11-30)",
        "1 matched, 1 added, 1 already logged, 1 left out",
    ]
