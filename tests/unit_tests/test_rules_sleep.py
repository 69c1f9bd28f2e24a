"""Sleep rules of rules.md v2: short-sleep (one warning and one info a week),
irregular-sleep (bedtimes or wake times) and late-hard-session, at and around their
thresholds, with [defaults], skipped and done sessions, overrides and switched off."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity


def night(hours: float | None = None, bedtime: str | None = None, *sessions: Any) -> dict[str, Any]:
    """A day table with its sleep, bedtime and sessions."""
    table: dict[str, Any] = {}
    if hours is not None:
        table["sleep_hours"] = hours
    if bedtime is not None:
        table["bedtime"] = bedtime
    if sessions:
        table["sessions"] = list(sessions)
    return table


HEAVY = session("heavy", 60, activity="run", title="Intervals")


# --- short-sleep --------------------------------------------------------------------


def test_one_warning_lists_every_short_night_with_the_sleep_debt() -> None:
    plan = make_plan(
        {"mon": night(6), "tue": night(6), "thu": night(6.5), "fri": night(7)},
        defaults={"sleep_hours": 8},
    )
    warnings = [f for f in found(plan, "short-sleep") if f.severity is Severity.warning]
    [warning] = warnings
    assert warning.days == ("mon", "tue", "thu")
    assert warning.message == (
        "Short nights planned: 6 h after Monday and Tuesday; 6.5 h after Thursday, under "
        "7 h; a sleep debt of 2.5 h this week."
    )
    assert "Sleep comes first" in warning.advice
    assert "Walsh 2021" in warning.advice
    assert "day form's Sleep and Bedtime fields" in warning.advice


def test_seven_hours_is_not_short() -> None:
    assert found(make_plan({}, defaults={"sleep_hours": 7}), "short-sleep") == []


def test_defaults_apply_to_every_day() -> None:
    [warning] = found(make_plan({}, defaults={"sleep_hours": 6}), "short-sleep")
    assert warning.days == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert "6 h after every day" in warning.message
    assert "a sleep debt of 7 h" in warning.message


def test_no_planned_sleep_is_silent() -> None:
    assert found(make_plan({"mon": [HEAVY]}), "short-sleep") == []


def test_the_info_lists_nights_after_heavy_days_including_short_ones() -> None:
    plan = make_plan(
        {
            "mon": night(7.5, None, HEAVY),
            "wed": night(6, None, HEAVY),
            "fri": night(8, None, HEAVY),
            "sat": night(7.5),
        },
        defaults={"sleep_hours": 8},
    )
    findings = found(plan, "short-sleep")
    [info] = [f for f in findings if f.severity is Severity.info]
    assert info.days == ("mon", "wed")
    assert info.message == (
        "Short nights after heavy days: 7.5 h after Monday; 6 h after Wednesday, under the "
        "8 h to aim for after a heavy day."
    )
    [warning] = [f for f in findings if f.severity is Severity.warning]
    assert warning.days == ("wed",)


def test_a_skipped_heavy_session_makes_no_heavy_night() -> None:
    skipped = dict(HEAVY, done={"status": "skipped"})
    plan = make_plan({"mon": night(7.5, None, skipped)})
    assert found(plan, "short-sleep") == []


def test_short_sleep_overrides() -> None:
    plan = make_plan(
        {"mon": night(7.5, None, HEAVY)},
        defaults={"sleep_hours": 7.5},
        rules={"sleep_min_hours": 8, "sleep_after_heavy_hours": 7},
    )
    [warning] = found(plan, "short-sleep")
    assert warning.severity is Severity.warning
    assert "under 8 h" in warning.message


# --- irregular-sleep ----------------------------------------------------------------


@pytest.mark.parametrize(("late", "fires"), [("23:00", False), ("23:01", True)])
def test_bedtimes_more_than_60_min_apart(late: str, fires: bool) -> None:
    plan = make_plan({"sat": night(None, late)}, defaults={"bedtime": "22:00"})
    assert bool(found(plan, "irregular-sleep")) is fires


def test_irregular_bedtimes_name_the_days_and_times() -> None:
    plan = make_plan(
        {"fri": night(None, "00:30"), "sat": night(None, "00:30")}, defaults={"bedtime": "22:00"}
    )
    [finding] = found(plan, "irregular-sleep")
    assert finding.severity is Severity.warning
    assert finding.days == ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    assert finding.message == (
        "Bedtimes range from 22:00 (5 days) to 00:30 (Friday and Saturday), 150 min apart: "
        "more than 60 min."
    )
    assert "fixed rhythm" in finding.advice
    assert "Phillips 2017" in finding.advice


def test_times_before_noon_count_as_after_midnight() -> None:
    plan = make_plan({"sat": night(None, "00:15")}, defaults={"bedtime": "23:30"})
    assert found(plan, "irregular-sleep") == []  # 45 min apart, not 23 h 15 min


def test_wake_times_alone_can_be_irregular() -> None:
    plan = make_plan(
        {"sat": night(9.5), "sun": night(9.5)},
        defaults={"bedtime": "22:30", "sleep_hours": 7.5},
    )
    [finding] = found(plan, "irregular-sleep")
    assert finding.message == (
        "Wake times range from 06:00 (5 days) to 08:00 (Saturday and Sunday), 120 min "
        "apart: more than 60 min."
    )


def test_a_later_bedtime_with_the_same_wake_time_is_irregular_by_bedtime_only() -> None:
    plan = make_plan({"sat": night(6.5, "23:30")}, defaults={"bedtime": "22:00", "sleep_hours": 8})
    [finding] = found(plan, "irregular-sleep")
    assert finding.message.startswith("Bedtimes range from 22:00")
    assert "Wake times" not in finding.message and "wake times" not in finding.message


def test_one_bedtime_is_not_irregular() -> None:
    assert found(make_plan({"mon": night(8, "21:00")}), "irregular-sleep") == []


def test_sleep_spread_override_and_disabled() -> None:
    days = {"sat": night(None, "23:30")}
    plan = make_plan(days, defaults={"bedtime": "22:00"}, rules={"sleep_spread_min": 90})
    assert found(plan, "irregular-sleep") == []
    plan = make_plan(days, defaults={"bedtime": "22:00"}, rules={"disabled": ["irregular-sleep"]})
    assert found(plan, "irregular-sleep") == []


# --- late-hard-session --------------------------------------------------------------


@pytest.mark.parametrize(("start", "fires"), [("20:00", False), ("20:01", True)])
def test_a_heavy_session_ending_under_60_min_before_bed(start: str, fires: bool) -> None:
    late = dict(HEAVY, start=start)
    plan = make_plan({"tue": night(None, "22:00", late)})
    assert bool(found(plan, "late-hard-session")) is fires


def test_late_hard_session_message() -> None:
    plan = make_plan({"tue": night(None, "22:00", dict(HEAVY, start="20:45"))})
    [finding] = found(plan, "late-hard-session")
    assert finding.severity is Severity.info
    assert finding.days == ("tue",)
    assert finding.message == (
        'Heavy session "Intervals" on Tuesday ends at 21:45, 15 min before the 22:00 '
        "bedtime: less than 60 min."
    )
    assert "Stutz 2019" in finding.advice
    assert "low certainty" in finding.advice


def test_a_bedtime_after_midnight_counts_on_the_same_night() -> None:
    plan = make_plan({"tue": night(None, "00:30", dict(HEAVY, start="22:30"))})
    assert found(plan, "late-hard-session") == []  # ends 23:30, an hour before 00:30
    plan = make_plan({"tue": night(None, "00:30", dict(HEAVY, start="23:00"))})
    assert len(found(plan, "late-hard-session")) == 1


@pytest.mark.parametrize(
    "evening",
    [
        dict(HEAVY),  # no start: it may be in the morning
        dict(HEAVY, kind="moderate", start="21:00"),
        dict(HEAVY, start="21:00", done={"status": "skipped"}),
    ],
)
def test_late_hard_session_needs_a_heavy_session_that_happens_with_a_start(
    evening: dict[str, Any],
) -> None:
    plan = make_plan({"tue": night(None, "22:00", evening)})
    assert found(plan, "late-hard-session") == []


def test_done_minutes_move_the_end() -> None:
    longer = dict(HEAVY, start="20:00", done={"minutes": 90})
    assert len(found(make_plan({"tue": night(None, "22:00", longer)}), "late-hard-session")) == 1


def test_bedtime_gap_override() -> None:
    plan = make_plan(
        {"tue": night(None, "22:00", dict(HEAVY, start="20:30"))},
        rules={"bedtime_gap_min": 20},
    )
    assert found(plan, "late-hard-session") == []
