"""Spacing rules of rules.md v2: back-to-back-heavy, heavy-streak, muscle-recovery,
concurrent-interference, heavy-count and too-few-easy-days, each firing, at and around
its thresholds, across the week boundary and the wrap, with skipped and done sessions,
overrides under [rules], and switched off."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity

ONCE = {"repeats": False}


def lift(focus: tuple[str, ...] = ("legs",), kind: str = "heavy", **fields: Any) -> dict[str, Any]:
    """A strength session on the given muscle groups."""
    return session(kind, 60, activity="strength", focus=list(focus), **fields)


def run(kind: str = "heavy", **fields: Any) -> dict[str, Any]:
    """A run."""
    return session(kind, fields.pop("minutes", 50), activity="run", **fields)


def heavy_days(*days: str, **tables: Any) -> Any:
    """A one-week plan (not repeating unless told) with a heavy run on the given days."""
    tables.setdefault("plan", ONCE)
    return make_plan({day: [run()] for day in days}, **tables)


# --- back-to-back-heavy -------------------------------------------------------------


def test_back_to_back_heavy_warns_for_a_pair_with_its_days_and_titles() -> None:
    plan = make_plan({"thu": [run(title="Intervals")], "fri": [lift(title="Squat")]}, plan=ONCE)
    [finding] = found(plan, "back-to-back-heavy")
    assert finding.severity is Severity.warning
    assert finding.week == 1
    assert finding.days == ("thu", "fri")
    assert finding.message == (
        'Heavy sessions on Thursday ("Intervals") and Friday ("Squat"), with no easier day between.'
    )
    assert "nervous system" in finding.advice
    assert "rule of thumb" in finding.advice


def test_back_to_back_heavy_gives_one_finding_per_pair() -> None:
    findings = found(heavy_days("mon", "tue", "wed"), "back-to-back-heavy")
    assert [f.days for f in findings] == [("mon", "tue"), ("tue", "wed")]


def test_days_with_an_easier_day_between_are_fine() -> None:
    plan = make_plan({"mon": [run()], "tue": [run("moderate")], "wed": [run()]}, plan=ONCE)
    # a moderate day is not a heavy day, but it is not easy either: no pair here
    assert found(plan, "back-to-back-heavy") == []


def test_a_strength_split_without_shared_muscles_is_an_info() -> None:
    plan = make_plan(
        {"mon": [lift(("legs",))], "tue": [lift(("chest", "back", "arms"))]}, plan=ONCE
    )
    [finding] = found(plan, "back-to-back-heavy")
    assert finding.severity is Severity.info
    assert "split" in finding.message
    assert "nervous system does not split by muscle group" in finding.advice


@pytest.mark.parametrize(
    ("monday", "tuesday"),
    [
        (lift(("legs", "back")), lift(("back", "chest"))),  # share the back
        (lift(("full_body",)), lift(("arms",))),  # full body loads every group
        (lift(("legs",)), run()),  # not all strength
    ],
)
def test_shared_muscles_or_other_activities_make_it_a_warning(
    monday: dict[str, Any], tuesday: dict[str, Any]
) -> None:
    plan = make_plan({"mon": [monday], "tue": [tuesday]}, plan=ONCE)
    [finding] = found(plan, "back-to-back-heavy")
    assert finding.severity is Severity.warning


def test_sunday_and_monday_pair_when_the_week_repeats() -> None:
    plan = make_plan({"mon": [run()], "sun": [run()]})  # one week: repeats by default
    [finding] = found(plan, "back-to-back-heavy")
    assert finding.days == ("mon", "sun")
    assert finding.week == 1
    assert "Sunday" in finding.message
    assert "next week's Monday" in finding.message


def test_no_wrap_when_the_week_does_not_repeat() -> None:
    assert found(heavy_days("mon", "sun"), "back-to-back-heavy") == []


def test_a_pair_across_two_weeks_belongs_to_the_earlier_week_only() -> None:
    plan = make_plan({"sun": [run()]}, {"mon": [run()]})
    [finding] = found(plan, "back-to-back-heavy")
    assert finding.week == 1
    assert finding.days == ("mon", "sun")
    assert "next week's Monday" in finding.message


def test_the_wrap_of_a_repeating_block_belongs_to_its_last_week() -> None:
    plan = make_plan({"mon": [run()]}, {}, {"sun": [run()]}, plan={"repeats": True})
    [finding] = found(plan, "back-to-back-heavy")
    assert finding.week == 3
    assert finding.days == ("mon", "sun")
    assert "Monday of week 1 (the plan starts again)" in finding.message


def test_a_block_that_does_not_repeat_has_no_wrap() -> None:
    plan = make_plan({"mon": [run()]}, {"sun": [run()]})
    assert found(plan, "back-to-back-heavy") == []


def test_a_skipped_heavy_session_makes_no_heavy_day() -> None:
    skipped = run(done={"status": "skipped"})
    plan = make_plan({"mon": [run()], "tue": [skipped]}, plan=ONCE)
    assert found(plan, "back-to-back-heavy") == []


def test_an_extra_heavy_session_makes_a_heavy_day() -> None:
    extra = run(extra=True, done={"rpe": 8})
    plan = make_plan({"mon": [run()], "tue": [extra]}, plan=ONCE)
    assert len(found(plan, "back-to-back-heavy")) == 1


def test_back_to_back_heavy_can_be_disabled() -> None:
    plan = heavy_days("mon", "tue", rules={"disabled": ["back-to-back-heavy"]})
    assert found(plan, "back-to-back-heavy") == []


# --- heavy-streak -------------------------------------------------------------------


def test_three_heavy_days_in_a_row_are_one_critical_streak() -> None:
    [finding] = found(heavy_days("tue", "wed", "thu"), "heavy-streak")
    assert finding.severity is Severity.critical
    assert finding.days == ("tue", "wed", "thu")
    assert finding.message == (
        "Heavy days on Tuesday, Wednesday and Thursday: 3 in a row with no easier day between."
    )


def test_two_heavy_days_are_no_streak() -> None:
    assert found(heavy_days("tue", "wed"), "heavy-streak") == []


def test_a_long_streak_is_one_finding() -> None:
    [finding] = found(heavy_days("mon", "tue", "wed", "thu", "fri"), "heavy-streak")
    assert finding.days == ("mon", "tue", "wed", "thu", "fri")
    assert "5 in a row" in finding.message


def test_two_streaks_are_two_findings() -> None:
    findings = found(heavy_days("mon", "tue", "wed", "fri", "sat", "sun"), "heavy-streak")
    assert [f.days for f in findings] == [("mon", "tue", "wed"), ("fri", "sat", "sun")]


def test_a_split_streak_is_a_warning() -> None:
    plan = make_plan(
        {"mon": [lift(("legs",))], "tue": [lift(("chest",))], "wed": [lift(("back",))]},
        plan=ONCE,
    )
    [finding] = found(plan, "heavy-streak")
    assert finding.severity is Severity.warning
    assert "split" in finding.message


def test_a_streak_with_one_shared_pair_stays_critical() -> None:
    plan = make_plan(
        {"mon": [lift(("legs",))], "tue": [lift(("chest",))], "wed": [lift(("chest",))]},
        plan=ONCE,
    )
    [finding] = found(plan, "heavy-streak")
    assert finding.severity is Severity.critical


def test_a_streak_across_weeks_belongs_to_the_week_it_starts_in() -> None:
    plan = make_plan({"sat": [run()], "sun": [run()]}, {"mon": [run()], "tue": [run()]})
    [finding] = found(plan, "heavy-streak")
    assert finding.week == 1
    assert finding.days == ("mon", "tue", "sat", "sun")
    assert "next week's Monday and next week's Tuesday" in finding.message
    assert found(plan, "heavy-streak", week=2) == []


def test_a_streak_over_the_wrap_of_a_repeating_week() -> None:
    plan = make_plan({"mon": [run()], "sat": [run()], "sun": [run()]})
    [finding] = found(plan, "heavy-streak")
    assert finding.days == ("mon", "sat", "sun")
    assert finding.week == 1


def test_every_day_heavy_in_a_repeating_week_is_one_streak() -> None:
    plan = make_plan({day: [run()] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")})
    [finding] = found(plan, "heavy-streak")
    assert finding.days == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert "Every day is a heavy day and the week repeats" in finding.message


def test_every_day_heavy_over_two_repeating_weeks_is_one_streak() -> None:
    week = {day: [run()] for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    plan = make_plan(week, week, plan={"repeats": True})
    [finding] = found(plan, "heavy-streak")
    assert finding.week == 1
    assert "the plan repeats" in finding.message


def test_a_streak_broken_by_a_skipped_session_is_none() -> None:
    plan = make_plan(
        {"mon": [run()], "tue": [run(done={"status": "skipped"})], "wed": [run()]}, plan=ONCE
    )
    assert found(plan, "heavy-streak") == []


def test_heavy_streak_can_be_disabled() -> None:
    plan = heavy_days("mon", "tue", "wed", rules={"disabled": ["heavy-streak"]})
    assert found(plan, "heavy-streak") == []


# --- muscle-recovery ----------------------------------------------------------------


def test_legs_on_monday_evening_and_tuesday_morning() -> None:
    plan = make_plan(
        {
            "mon": [lift(("legs",), title="Squat", start="17:30")],
            "tue": [lift(("legs", "core"), title="Lunges", start="07:00")],
        },
        plan=ONCE,
    )
    [finding] = found(plan, "muscle-recovery")
    assert finding.severity is Severity.warning
    assert finding.days == ("mon", "tue")
    assert finding.message.startswith(
        'Legs on Monday 17:30 ("Squat") and Tuesday 07:00 ("Lunges"): 13.5 h apart'
    )
    assert "48 h asks for 2 calendar days" in finding.message
    assert "Monday and Wednesday are fine, Monday and Tuesday are not" in finding.advice


@pytest.mark.parametrize(("first", "second"), [("22:00", "06:00"), ("06:00", "23:00")])
def test_48_hours_is_two_calendar_days_whatever_the_clock(first: str, second: str) -> None:
    plan = make_plan(
        {"mon": [lift(start=first)], "wed": [lift(start=second)]}, plan=ONCE
    )  # 32 h or 65 h apart: two calendar days either way
    assert found(plan, "muscle-recovery") == []


def test_without_starts_the_message_gives_no_hours() -> None:
    plan = make_plan({"mon": [lift()], "tue": [lift()]}, plan=ONCE)
    [finding] = found(plan, "muscle-recovery")
    assert " h apart" not in finding.message
    assert "the next day" in finding.message


def test_the_same_muscles_twice_on_one_day_are_critical() -> None:
    plan = make_plan(
        {
            "mon": [
                lift(("legs",), title="Squat", start="07:00"),
                lift(("legs",), title="Lunges", start="18:00"),
            ]
        },
        plan=ONCE,
    )
    [finding] = found(plan, "muscle-recovery")
    assert finding.severity is Severity.critical
    assert finding.days == ("mon",)
    assert finding.message == (
        'Legs loaded heavy twice on Monday: "Squat" and "Lunges" at 07:00 and 18:00, 11 h apart.'
    )


def test_the_groups_in_common_are_named_and_full_body_loads_all() -> None:
    plan = make_plan({"mon": [lift(("full_body",))], "tue": [lift(("chest", "arms"))]}, plan=ONCE)
    [finding] = found(plan, "muscle-recovery")
    assert finding.message.startswith("Chest and arms on Monday")


@pytest.mark.parametrize(
    "second",
    [
        lift(("chest",)),  # no muscle group in common
        lift(("legs",), kind="moderate"),  # not heavy
        run(),  # not strength
    ],
)
def test_muscle_recovery_needs_heavy_strength_on_a_shared_group(second: dict[str, Any]) -> None:
    plan = make_plan({"mon": [lift(("legs",))], "tue": [second]}, plan=ONCE)
    assert found(plan, "muscle-recovery") == []


@pytest.mark.parametrize(
    ("hours", "day", "fires"),
    [
        (72, "wed", True),  # 3 calendar days asked, 2 given
        (72, "thu", False),
        (24, "tue", False),  # 1 calendar day: consecutive days are fine
        (25, "tue", True),  # ceil(25 / 24) = 2
        (1, "tue", False),
    ],
)
def test_muscle_recovery_hours_override(hours: int, day: str, fires: bool) -> None:
    plan = make_plan(
        {"mon": [lift()], day: [lift()]}, plan=ONCE, rules={"muscle_recovery_hours": hours}
    )
    assert bool(found(plan, "muscle-recovery")) is fires


def test_one_hour_still_flags_the_same_day() -> None:
    plan = make_plan({"mon": [lift(), lift()]}, plan=ONCE, rules={"muscle_recovery_hours": 1})
    [finding] = found(plan, "muscle-recovery")
    assert finding.severity is Severity.critical


def test_muscle_recovery_across_the_week_boundary_and_the_wrap() -> None:
    block = make_plan({"sun": [lift(start="18:00")]}, {"mon": [lift(start="08:00")]})
    [finding] = found(block, "muscle-recovery")
    assert finding.week == 1
    assert finding.days == ("mon", "sun")
    assert "14 h apart" in finding.message
    assert found(block, "muscle-recovery", week=2) == []
    week = make_plan({"mon": [lift()], "sun": [lift()]})
    [wrapped] = found(week, "muscle-recovery")
    assert wrapped.days == ("mon", "sun")


def test_each_pair_is_found_once_in_a_repeating_week() -> None:
    plan = make_plan({"mon": [lift()], "thu": [lift()]}, rules={"muscle_recovery_hours": 168})
    # Monday to Thursday is 3 days, Thursday to the next Monday 4: one finding, the shorter
    [finding] = found(plan, "muscle-recovery")
    assert "3 calendar days later" in finding.message


def test_three_sessions_give_one_finding_per_pair() -> None:
    plan = make_plan({"mon": [lift()], "tue": [lift(), lift()]}, plan=ONCE)
    findings = found(plan, "muscle-recovery")
    assert sorted(f.severity.value for f in findings) == ["critical", "warning", "warning"]


def test_a_skipped_session_is_not_recovered_from() -> None:
    plan = make_plan({"mon": [lift(done={"status": "skipped"})], "tue": [lift()]}, plan=ONCE)
    assert found(plan, "muscle-recovery") == []


# --- concurrent-interference --------------------------------------------------------


def test_heavy_legs_and_a_heavy_run_under_24_h() -> None:
    plan = make_plan(
        {
            "mon": [lift(title="Squat", start="17:30")],
            "tue": [run(title="Intervals", start="07:00")],
        },
        plan=ONCE,
    )
    [finding] = found(plan, "concurrent-interference")
    assert finding.severity is Severity.warning
    assert finding.days == ("mon", "tue")
    assert finding.message == (
        'Heavy leg strength "Squat" (Monday 17:30) and heavy run "Intervals" (Tuesday '
        "07:00): 13.5 h apart, start to start, under 24 h."
    )
    assert "Robineau 2016" in finding.advice


@pytest.mark.parametrize(("start", "fires"), [("17:30", False), ("17:29", True)])
def test_exactly_24_h_apart_does_not_fire(start: str, fires: bool) -> None:
    plan = make_plan({"mon": [lift(start="17:30")], "tue": [run(start=start)]}, plan=ONCE)
    assert bool(found(plan, "concurrent-interference")) is fires


def test_either_order_counts() -> None:
    plan = make_plan({"mon": [run(start="18:00")], "tue": [lift(start="07:00")]}, plan=ONCE)
    [finding] = found(plan, "concurrent-interference")
    assert finding.message.startswith('Heavy run "Heavy" (Monday 18:00) and heavy leg strength')


@pytest.mark.parametrize(("start", "fires"), [("11:59", True), ("12:00", False)])
def test_a_session_without_start_counts_from_noon(start: str, fires: bool) -> None:
    plan = make_plan({"mon": [lift()], "tue": [run(start=start)]}, plan=ONCE)
    assert bool(found(plan, "concurrent-interference")) is fires


def test_one_of_the_two_moderate_is_an_info() -> None:
    plan = make_plan({"mon": [lift(kind="moderate"), run()]}, plan=ONCE)
    [finding] = found(plan, "concurrent-interference")
    assert finding.severity is Severity.info
    assert finding.message.endswith("0 h apart, start to start, under 24 h.")


@pytest.mark.parametrize(
    ("strength", "endurance", "fires"),
    [
        (lift(("full_body",)), run(), True),
        (lift(("chest",)), run(), False),  # no legs
        (lift(), session("heavy", 60, activity="cycle"), True),
        (lift(), session("heavy", 60, activity="row"), True),
        (lift(), session("heavy", 60, activity="hiit"), True),
        (lift(), session("heavy", 60, activity="sport"), True),
        (lift(), session("heavy", 60, activity="swim"), False),
        (lift(), session("heavy", 60, activity="walk"), False),
        (lift(), run("light"), False),
        (lift(kind="light"), run(), False),
    ],
)
def test_which_sessions_interfere(
    strength: dict[str, Any], endurance: dict[str, Any], fires: bool
) -> None:
    plan = make_plan({"mon": [strength, endurance]}, plan=ONCE)  # both at 12:00
    assert bool(found(plan, "concurrent-interference")) is fires


def test_interference_across_weeks_belongs_to_the_earlier_week() -> None:
    plan = make_plan({"sun": [lift(start="18:00")]}, {"mon": [run(start="07:00")]})
    [finding] = found(plan, "concurrent-interference")
    assert finding.week == 1
    assert finding.days == ("mon", "sun")
    assert "next week's Monday 07:00" in finding.message


def test_interference_over_the_wrap_is_found_once() -> None:
    plan = make_plan({"mon": [run(start="08:00")], "sun": [lift(start="18:00")]})
    [finding] = found(plan, "concurrent-interference")
    assert finding.days == ("mon", "sun")
    assert "14 h apart" in finding.message


@pytest.mark.parametrize(("hours", "fires"), [(48, True), (13, False), (0, False)])
def test_interference_hours_override(hours: int, fires: bool) -> None:
    plan = make_plan(
        {"mon": [lift(start="17:30")], "tue": [run(start="07:00")]},
        plan=ONCE,
        rules={"interference_hours": hours},
    )
    assert bool(found(plan, "concurrent-interference")) is fires


def test_a_skipped_run_does_not_interfere_and_done_rpe_keeps_the_kind() -> None:
    skipped = make_plan(
        {"mon": [lift()], "tue": [run(start="07:00", done={"status": "skipped"})]}, plan=ONCE
    )
    assert found(skipped, "concurrent-interference") == []
    done = make_plan({"mon": [lift()], "tue": [run(start="07:00", done={"rpe": 9})]}, plan=ONCE)
    assert len(found(done, "concurrent-interference")) == 1


def test_one_finding_per_pair_of_sessions() -> None:
    # 23 h and 23.98 h after the lift: two pairs
    plan = make_plan(
        {"mon": [lift(start="07:00")], "tue": [run(start="06:00"), run(start="06:59")]}, plan=ONCE
    )
    assert len(found(plan, "concurrent-interference")) == 2


# --- heavy-count --------------------------------------------------------------------


def heavy_sessions(count: int, **tables: Any) -> Any:
    """A week with `count` heavy sessions, at most two a day, Monday first."""
    days: dict[str, list[dict[str, Any]]] = {}
    keys = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    for number in range(count):
        days.setdefault(keys[number // 2], []).append(run(minutes=30))
    tables.setdefault("plan", ONCE)
    return make_plan(days, **tables)


@pytest.mark.parametrize(
    ("level", "count", "severity"),
    [
        ("beginner", 3, None),
        ("beginner", 4, Severity.warning),
        ("beginner", 5, Severity.warning),
        ("beginner", 6, Severity.critical),
        ("intermediate", 4, None),
        ("intermediate", 5, Severity.warning),
        ("intermediate", 7, Severity.warning),
        ("intermediate", 8, Severity.critical),
        ("advanced", 6, None),
        ("advanced", 7, Severity.warning),
        ("advanced", 12, Severity.critical),
    ],
)
def test_heavy_count_by_level(level: str, count: int, severity: Severity | None) -> None:
    findings = found(heavy_sessions(count, plan={"level": level, "repeats": False}), "heavy-count")
    assert [f.severity for f in findings] == ([] if severity is None else [severity])


def test_heavy_count_counts_sessions_not_days() -> None:
    [finding] = found(heavy_sessions(5), "heavy-count")
    assert finding.days == ("mon", "tue", "wed")
    assert finding.message == (
        "5 heavy sessions this week (Monday (2), Tuesday (2) and Wednesday), where an "
        "intermediate week allows 4."
    )
    assert "Turn 1 heavy session into moderate or easy work" in finding.advice


def test_skipped_heavy_sessions_do_not_count_and_extras_do() -> None:
    plan = heavy_sessions(4, plan={"level": "beginner", "repeats": False})
    assert len(found(plan, "heavy-count")) == 1
    skipped = make_plan(
        {"mon": [run(), run(done={"status": "skipped"})], "wed": [run()], "fri": [run()]},
        plan={"level": "beginner"},
    )
    assert found(skipped, "heavy-count") == []
    extra = make_plan(
        {"mon": [run(), run(extra=True, done={})], "wed": [run()], "fri": [run()]},
        plan={"level": "beginner"},
    )
    assert len(found(extra, "heavy-count")) == 1


def test_max_heavy_sessions_overrides_every_level() -> None:
    plan = heavy_sessions(3, plan={"level": "advanced"}, rules={"max_heavy_sessions": 2})
    [finding] = found(plan, "heavy-count")
    assert finding.severity is Severity.warning
    assert "the plan allows 2" in finding.message
    four = heavy_sessions(4, plan={"level": "advanced"}, rules={"max_heavy_sessions": 2})
    assert [f.severity for f in found(four, "heavy-count")] == [Severity.critical]


# --- too-few-easy-days --------------------------------------------------------------

EVERY_DAY = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def trained(*days: str, **tables: Any) -> Any:
    """A week with a moderate run on the given days, the others rest days."""
    return make_plan({day: [run("moderate")] for day in days}, **tables)


def test_no_easy_day_is_critical() -> None:
    [finding] = found(trained(*EVERY_DAY), "too-few-easy-days")
    assert finding.severity is Severity.critical
    assert finding.days == EVERY_DAY
    assert finding.message == "No easy day this week: every day holds moderate or heavy training."


def test_one_easy_day_is_a_warning_and_two_are_fine() -> None:
    [finding] = found(trained(*EVERY_DAY[:6]), "too-few-easy-days")
    assert finding.severity is Severity.warning
    assert finding.message == "Only 1 easy day this week (Sunday), fewer than 2."
    assert found(trained(*EVERY_DAY[:5]), "too-few-easy-days") == []


def test_no_easy_day_is_critical_whatever_min_easy_days_says() -> None:
    plan = trained(*EVERY_DAY, rules={"min_easy_days": 0})
    assert [f.severity for f in found(plan, "too-few-easy-days")] == [Severity.critical]
    assert found(trained(*EVERY_DAY[:6], rules={"min_easy_days": 1}), "too-few-easy-days") == []
    more = trained(*EVERY_DAY[:5], rules={"min_easy_days": 3})
    assert [f.severity for f in found(more, "too-few-easy-days")] == [Severity.warning]


def test_recovery_days_are_easy_and_skipped_sessions_leave_a_rest_day() -> None:
    days: dict[str, Any] = {day: [run("moderate")] for day in EVERY_DAY[:5]}
    days["sat"] = [session("active_recovery", 40, activity="walk")]
    days["sun"] = [session("light", 30, activity="swim")]
    assert found(make_plan(days), "too-few-easy-days") == []
    days = {day: [run("moderate")] for day in EVERY_DAY}
    days["sat"] = [run("moderate", done={"status": "skipped"})]
    [finding] = found(make_plan(days), "too-few-easy-days")
    assert finding.severity is Severity.warning
