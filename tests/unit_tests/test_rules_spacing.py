"""Spacing rules: back-to-back-heavy, heavy-streak, muscle-recovery, heavy-count,
too-few-easy-days and no-active-recovery, each firing, on its boundary, across the week's
wrap, with a threshold override and switched off."""

from __future__ import annotations

from typing import Any

import pytest

from planner.findings import Finding, Severity
from planner.model import Plan
from planner.rules import spacing
from planner.rules.engine import evaluate
from planner.rules.metrics import compute_metrics

ALL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def heavy(
    start: str | None = None, focus: tuple[str, ...] = ("legs",), **extra: Any
) -> dict[str, Any]:
    """A heavy session on the given muscle groups."""
    session: dict[str, Any] = {
        "title": "Hard",
        "kind": "heavy",
        "minutes": 60,
        "focus": list(focus),
    }
    if start is not None:
        session["start"] = start
    return session | extra


def session(kind: str, **extra: Any) -> dict[str, Any]:
    return {"title": kind.title(), "kind": kind, "minutes": 45} | extra


def make_plan(
    sessions: dict[str, list[dict[str, Any]]] | None = None,
    *,
    rules: dict[str, Any] | None = None,
    **info: Any,
) -> Plan:
    """A plan from sessions per day key, with [plan] fields and [rules] overrides."""
    data: dict[str, Any] = {
        "format": 1,
        "plan": {"name": "Test week"} | info,
        "days": {key: {"sessions": items} for key, items in (sessions or {}).items()},
    }
    if rules is not None:
        data["rules"] = rules
    return Plan.model_validate(data)


def found(plan: Plan, rule: str) -> list[Finding]:
    """The findings of one rule, through the engine (so `disabled` applies)."""
    return [finding for finding in evaluate(plan).findings if finding.rule == rule]


def heavy_on(*days: str, **info: Any) -> Plan:
    """A heavy full-week session (different muscles each day) on the given days."""
    return make_plan({day: [heavy(focus=("core",))] for day in days}, **info)


# --- back-to-back-heavy ---------------------------------------------------------------


def test_back_to_back_heavy_fires_for_each_pair() -> None:
    findings = found(heavy_on("thu", "fri"), "back-to-back-heavy")
    assert len(findings) == 1
    finding = findings[0]
    assert finding.severity is Severity.warning
    assert finding.days == ("thu", "fri")
    assert finding.message == "Heavy sessions on Thursday and Friday with no easier day between."
    assert "nervous system" in finding.advice


def test_back_to_back_heavy_three_days_give_two_pairs() -> None:
    findings = found(heavy_on("mon", "tue", "wed"), "back-to-back-heavy")
    assert [f.days for f in findings] == [("mon", "tue"), ("tue", "wed")]


def test_back_to_back_heavy_silent_with_a_day_between() -> None:
    assert found(heavy_on("mon", "wed", "fri"), "back-to-back-heavy") == []


def test_back_to_back_heavy_counts_different_muscles() -> None:
    plan = make_plan({"mon": [heavy(focus=("legs",))], "tue": [heavy(focus=("chest",))]})
    assert len(found(plan, "back-to-back-heavy")) == 1


def test_back_to_back_heavy_moderate_day_is_not_heavy() -> None:
    plan = make_plan({"mon": [heavy()], "tue": [session("moderate")]})
    assert found(plan, "back-to-back-heavy") == []


def test_back_to_back_heavy_wraps_sunday_to_monday() -> None:
    findings = found(heavy_on("mon", "sun"), "back-to-back-heavy")
    assert len(findings) == 1
    assert findings[0].days == ("mon", "sun")
    assert "Sunday and the next Monday" in findings[0].message


def test_back_to_back_heavy_no_wrap_when_week_does_not_repeat() -> None:
    assert found(heavy_on("mon", "sun", repeats=False), "back-to-back-heavy") == []


def test_back_to_back_heavy_every_day() -> None:
    assert len(found(heavy_on(*ALL_DAYS), "back-to-back-heavy")) == 7
    assert len(found(heavy_on(*ALL_DAYS, repeats=False), "back-to-back-heavy")) == 6


def test_back_to_back_heavy_disabled() -> None:
    plan = heavy_on("thu", "fri", rules={"disabled": ["back-to-back-heavy"]})
    assert found(plan, "back-to-back-heavy") == []
    assert spacing.back_to_back_heavy(plan, compute_metrics(plan)) != []


# --- heavy-streak ---------------------------------------------------------------------


def test_heavy_streak_fires_once_per_streak() -> None:
    findings = found(heavy_on("mon", "tue", "wed"), "heavy-streak")
    assert len(findings) == 1
    assert findings[0].severity is Severity.critical
    assert findings[0].days == ("mon", "tue", "wed")
    assert findings[0].message == (
        "Heavy days on Monday, Tuesday and Wednesday: 3 in a row with no easier day between."
    )


def test_heavy_streak_silent_with_two_in_a_row() -> None:
    assert found(heavy_on("mon", "tue", "thu", "fri"), "heavy-streak") == []


def test_heavy_streak_wraps_into_monday() -> None:
    findings = found(heavy_on("sat", "sun", "mon"), "heavy-streak")
    assert len(findings) == 1
    assert findings[0].days == ("mon", "sat", "sun")
    assert "Saturday, Sunday and the next Monday: 3 in a row" in findings[0].message


def test_heavy_streak_no_wrap_when_week_does_not_repeat() -> None:
    assert found(heavy_on("sat", "sun", "mon", repeats=False), "heavy-streak") == []


def test_heavy_streak_two_streaks_join_over_the_wrap() -> None:
    days = ("mon", "tue", "wed", "fri", "sat", "sun")
    joined = found(heavy_on(*days), "heavy-streak")
    assert [f.days for f in joined] == [days]
    apart = found(heavy_on(*days, repeats=False), "heavy-streak")
    assert [f.days for f in apart] == [("mon", "tue", "wed"), ("fri", "sat", "sun")]


def test_heavy_streak_every_day_is_one_streak() -> None:
    wrapped = found(heavy_on(*ALL_DAYS), "heavy-streak")
    assert [f.days for f in wrapped] == [ALL_DAYS]
    assert "Every day is a heavy day" in wrapped[0].message
    flat = found(heavy_on(*ALL_DAYS, repeats=False), "heavy-streak")
    assert [f.days for f in flat] == [ALL_DAYS]


def test_heavy_streak_keeps_the_pair_findings() -> None:
    report = evaluate(heavy_on("mon", "tue", "wed"))
    rules = [f.rule for f in report.findings]
    assert rules.count("back-to-back-heavy") == 2
    assert rules.count("heavy-streak") == 1


def test_heavy_streak_disabled() -> None:
    plan = heavy_on("mon", "tue", "wed", rules={"disabled": ["heavy-streak"]})
    assert found(plan, "heavy-streak") == []
    assert len(found(plan, "back-to-back-heavy")) == 2


# --- muscle-recovery ------------------------------------------------------------------


def test_muscle_recovery_critical_under_24_hours() -> None:
    plan = make_plan({"mon": [heavy("18:00")], "tue": [heavy("07:00")]})
    findings = found(plan, "muscle-recovery")
    assert len(findings) == 1
    assert findings[0].severity is Severity.critical
    assert findings[0].days == ("mon", "tue")
    assert findings[0].message == "Legs on Monday 18:00 and Tuesday 07:00: 13 h apart, under 48 h."


def test_muscle_recovery_warning_between_24_and_48_hours() -> None:
    plan = make_plan({"mon": [heavy("07:00")], "tue": [heavy("18:30")]})
    findings = found(plan, "muscle-recovery")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ("mon", "tue"))]
    assert "35.5 h apart" in findings[0].message


def test_muscle_recovery_exactly_48_hours_is_fine() -> None:
    plan = make_plan({"mon": [heavy("07:00")], "wed": [heavy("07:00")]})
    assert found(plan, "muscle-recovery") == []


def test_muscle_recovery_exactly_24_hours_is_a_warning() -> None:
    plan = make_plan({"mon": [heavy("07:00")], "tue": [heavy("07:00")]})
    assert [f.severity for f in found(plan, "muscle-recovery")] == [Severity.warning]


def test_muscle_recovery_hours_are_cut_not_rounded_up() -> None:
    plan = make_plan({"mon": [heavy("07:00")], "wed": [heavy("06:59")]})
    findings = found(plan, "muscle-recovery")
    assert "47.9 h apart, under 48 h" in findings[0].message


def test_muscle_recovery_no_start_counts_as_noon() -> None:
    close = make_plan({"mon": [heavy()], "tue": [heavy("11:00")]})
    findings = found(close, "muscle-recovery")
    assert findings[0].severity is Severity.critical
    assert "23 h apart" in findings[0].message
    assert "Monday (no start, counted as 12:00)" in findings[0].message
    boundary = make_plan({"mon": [heavy()], "wed": [heavy()]})
    assert found(boundary, "muscle-recovery") == []


def test_muscle_recovery_same_day_sessions_count() -> None:
    plan = make_plan({"mon": [heavy("07:00"), heavy("17:30")]})
    findings = found(plan, "muscle-recovery")
    assert [(f.severity, f.days) for f in findings] == [(Severity.critical, ("mon",))]
    assert "10.5 h apart" in findings[0].message


def test_muscle_recovery_names_only_shared_groups() -> None:
    plan = make_plan(
        {
            "mon": [heavy("18:00", focus=("legs", "back", "chest"))],
            "tue": [heavy("18:00", focus=("back", "legs"))],
        }
    )
    assert found(plan, "muscle-recovery")[0].message.startswith("Legs and back on Monday")


def test_muscle_recovery_full_body_loads_every_group() -> None:
    plan = make_plan(
        {"mon": [heavy("18:00", focus=("full_body",))], "tue": [heavy("18:00", focus=("arms",))]}
    )
    assert found(plan, "muscle-recovery")[0].message.startswith("Arms on Monday")
    both = make_plan(
        {
            "mon": [heavy("18:00", focus=("full_body",))],
            "tue": [heavy("18:00", focus=("full_body",))],
        }
    )
    assert found(both, "muscle-recovery")[0].message.startswith("Every muscle group on")


def test_muscle_recovery_silent_for_other_groups_and_other_kinds() -> None:
    other_group = make_plan({"mon": [heavy("18:00")], "tue": [heavy("07:00", focus=("chest",))]})
    assert found(other_group, "muscle-recovery") == []
    moderate = make_plan(
        {"mon": [heavy("18:00")], "tue": [session("moderate", start="07:00", focus=["legs"])]}
    )
    assert found(moderate, "muscle-recovery") == []


def test_muscle_recovery_one_finding_per_pair_of_sessions() -> None:
    plan = make_plan({"mon": [heavy("08:00")], "tue": [heavy("08:00")], "wed": [heavy("07:00")]})
    findings = found(plan, "muscle-recovery")
    assert sorted(f.days for f in findings) == [("mon", "tue"), ("mon", "wed"), ("tue", "wed")]


def test_muscle_recovery_wraps_sunday_to_next_monday() -> None:
    plan = make_plan({"mon": [heavy("07:00")], "sun": [heavy("18:00")]})
    findings = found(plan, "muscle-recovery")
    assert len(findings) == 1
    assert findings[0].days == ("mon", "sun")
    assert findings[0].severity is Severity.critical
    assert findings[0].message == (
        "Legs on Sunday 18:00 and the next Monday 07:00: 13 h apart, under 48 h."
    )


def test_muscle_recovery_no_wrap_when_week_does_not_repeat() -> None:
    plan = make_plan({"mon": [heavy("07:00")], "sun": [heavy("18:00")]}, repeats=False)
    assert found(plan, "muscle-recovery") == []


def test_muscle_recovery_threshold_override() -> None:
    days = {"mon": [heavy("07:00")], "wed": [heavy("07:00")]}
    findings = found(make_plan(days, rules={"muscle_recovery_hours": 72}), "muscle-recovery")
    assert [f.severity for f in findings] == [Severity.warning]
    assert "48 h apart, under 72 h" in findings[0].message
    assert found(make_plan(days, rules={"muscle_recovery_hours": 36.5}), "muscle-recovery") == []


def test_muscle_recovery_disabled() -> None:
    plan = make_plan(
        {"mon": [heavy("18:00")], "tue": [heavy("07:00")]},
        rules={"disabled": ["muscle-recovery"]},
    )
    assert found(plan, "muscle-recovery") == []


# --- heavy-count ----------------------------------------------------------------------


def test_heavy_count_over_the_level() -> None:
    findings = found(heavy_on("mon", "tue", "wed", "thu", "fri"), "heavy-count")
    assert len(findings) == 1
    assert findings[0].severity is Severity.warning
    assert findings[0].days == ("mon", "tue", "wed", "thu", "fri")
    assert "5 heavy days" in findings[0].message
    assert "an intermediate week allows 4" in findings[0].message


def test_heavy_count_on_the_level_is_fine() -> None:
    assert found(heavy_on("mon", "tue", "thu", "sat"), "heavy-count") == []


@pytest.mark.parametrize(
    ("level", "fires_at"), [("beginner", 4), ("intermediate", 5), ("advanced", 6)]
)
def test_heavy_count_by_level(level: str, fires_at: int) -> None:
    assert found(heavy_on(*ALL_DAYS[: fires_at - 1], level=level), "heavy-count") == []
    assert len(found(heavy_on(*ALL_DAYS[:fires_at], level=level), "heavy-count")) == 1


def test_heavy_count_counts_days_not_sessions() -> None:
    plan = make_plan({"mon": [heavy(), heavy(), heavy(), heavy(), heavy()]})
    assert found(plan, "heavy-count") == []


def test_heavy_count_threshold_override() -> None:
    plan = heavy_on("mon", "wed", "fri", level="advanced", rules={"max_heavy_days": 2})
    findings = found(plan, "heavy-count")
    assert findings[0].days == ("mon", "wed", "fri")
    assert "max_heavy_days" in findings[0].message
    generous = heavy_on(*ALL_DAYS[:6], level="beginner", rules={"max_heavy_days": 6})
    assert found(generous, "heavy-count") == []


def test_heavy_count_disabled() -> None:
    plan = heavy_on(*ALL_DAYS, rules={"disabled": ["heavy-count"]})
    assert found(plan, "heavy-count") == []


# --- too-few-easy-days ----------------------------------------------------------------


def test_too_few_easy_days_critical_with_none() -> None:
    plan = make_plan({day: [session("moderate")] for day in ALL_DAYS})
    findings = found(plan, "too-few-easy-days")
    assert [(f.severity, f.days) for f in findings] == [(Severity.critical, ALL_DAYS)]


def test_too_few_easy_days_warning_under_the_threshold() -> None:
    plan = make_plan({day: [session("moderate")] for day in ALL_DAYS[:6]})
    findings = found(plan, "too-few-easy-days")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ALL_DAYS[:6])]
    assert findings[0].message == "Only 1 easy day this week (Sunday), fewer than 2."


def test_too_few_easy_days_recovery_day_counts_as_easy() -> None:
    sessions = {day: [session("moderate")] for day in ALL_DAYS[:5]}
    sessions["sat"] = [session("active_recovery"), session("light")]
    assert found(make_plan(sessions), "too-few-easy-days") == []


def test_too_few_easy_days_threshold_override() -> None:
    sessions = {day: [session("heavy")] for day in ALL_DAYS[:5]}
    assert found(make_plan(sessions), "too-few-easy-days") == []
    strict = found(make_plan(sessions, rules={"min_easy_days": 3}), "too-few-easy-days")
    assert [f.severity for f in strict] == [Severity.warning]
    every_day = {day: [session("moderate")] for day in ALL_DAYS}
    assert found(make_plan(every_day, rules={"min_easy_days": 0}), "too-few-easy-days") == []


def test_too_few_easy_days_disabled() -> None:
    plan = make_plan(
        {day: [session("moderate")] for day in ALL_DAYS},
        rules={"disabled": ["too-few-easy-days"]},
    )
    assert found(plan, "too-few-easy-days") == []


# --- no-active-recovery ---------------------------------------------------------------


def test_no_active_recovery_fires_from_three_heavy_sessions() -> None:
    findings = found(heavy_on("mon", "wed", "fri"), "no-active-recovery")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ("mon", "wed", "fri"))]
    assert findings[0].message == "3 heavy sessions this week and no active-recovery session."
    assert "brisk walk" in findings[0].advice


def test_no_active_recovery_counts_sessions_not_days() -> None:
    plan = make_plan({"mon": [heavy(), heavy()], "thu": [heavy()]})
    assert [f.days for f in found(plan, "no-active-recovery")] == [("mon", "thu")]


def test_no_active_recovery_silent_under_the_threshold_or_with_recovery() -> None:
    assert found(heavy_on("mon", "thu"), "no-active-recovery") == []
    with_walk = make_plan(
        {"mon": [heavy()], "tue": [session("active_recovery")], "wed": [heavy()], "fri": [heavy()]}
    )
    assert found(with_walk, "no-active-recovery") == []


def test_no_active_recovery_light_session_is_not_active_recovery() -> None:
    plan = make_plan(
        {"mon": [heavy()], "tue": [session("light")], "wed": [heavy()], "fri": [heavy()]}
    )
    assert len(found(plan, "no-active-recovery")) == 1


def test_no_active_recovery_threshold_override() -> None:
    plan = heavy_on("mon", "thu", rules={"active_recovery_from_heavy": 2})
    assert len(found(plan, "no-active-recovery")) == 1
    lenient = heavy_on("mon", "wed", "fri", rules={"active_recovery_from_heavy": 4})
    assert found(lenient, "no-active-recovery") == []


def test_no_active_recovery_disabled() -> None:
    plan = heavy_on("mon", "wed", "fri", rules={"disabled": ["no-active-recovery"]})
    assert found(plan, "no-active-recovery") == []
