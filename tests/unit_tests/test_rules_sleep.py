"""Sleep rules: short-sleep, irregular-bedtime and late-hard-session, each firing, on its
boundary, with a threshold override and switched off."""

from __future__ import annotations

from typing import Any

from planner.findings import Finding, Severity
from planner.model import Plan
from planner.rules.engine import evaluate

ALL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def make_plan(
    days: dict[str, dict[str, Any]] | None = None,
    *,
    defaults: dict[str, Any] | None = None,
    rules: dict[str, Any] | None = None,
) -> Plan:
    """A plan from day tables (sessions, sleep_hours, bedtime) with [defaults] and [rules]."""
    data: dict[str, Any] = {"format": 1, "plan": {"name": "Test week"}, "days": days or {}}
    if defaults is not None:
        data["defaults"] = defaults
    if rules is not None:
        data["rules"] = rules
    return Plan.model_validate(data)


def heavy(start: str | None = None, minutes: int = 60) -> dict[str, Any]:
    session: dict[str, Any] = {"title": "Intervals", "kind": "heavy", "minutes": minutes}
    if start is not None:
        session["start"] = start
    return session


def found(plan: Plan, rule: str) -> list[Finding]:
    return [finding for finding in evaluate(plan).findings if finding.rule == rule]


# --- short-sleep ----------------------------------------------------------------------


def test_short_sleep_warning_each_short_night() -> None:
    plan = make_plan({"wed": {"sleep_hours": 7}}, defaults={"sleep_hours": 6.5})
    findings = found(plan, "short-sleep")
    assert [f.days for f in findings] == [(day,) for day in ALL_DAYS if day != "wed"]
    assert {f.severity for f in findings} == {Severity.warning}
    assert findings[0].message == "6.5 h of sleep planned for the night after Monday, under 7 h."
    assert "growth hormone" in findings[0].advice


def test_short_sleep_exactly_the_minimum_is_fine() -> None:
    assert found(make_plan(defaults={"sleep_hours": 7}), "short-sleep") == []


def test_short_sleep_info_after_a_heavy_day() -> None:
    plan = make_plan(
        {"mon": {"sessions": [heavy()], "sleep_hours": 7.5}, "tue": {"sleep_hours": 7.5}}
    )
    findings = found(plan, "short-sleep")
    assert [(f.severity, f.days) for f in findings] == [(Severity.info, ("mon",))]
    assert "after the heavy day on Monday, under 8 h" in findings[0].message


def test_short_sleep_exactly_eight_after_a_heavy_day_is_fine() -> None:
    plan = make_plan({"mon": {"sessions": [heavy()], "sleep_hours": 8}})
    assert found(plan, "short-sleep") == []


def test_short_sleep_very_short_after_heavy_is_one_warning() -> None:
    plan = make_plan({"mon": {"sessions": [heavy()], "sleep_hours": 6}})
    assert [f.severity for f in found(plan, "short-sleep")] == [Severity.warning]


def test_short_sleep_silent_when_not_planned() -> None:
    assert found(make_plan({"mon": {"sessions": [heavy()]}}), "short-sleep") == []


def test_short_sleep_threshold_override() -> None:
    rules = {"sleep_min_hours": 6, "sleep_after_heavy_hours": 7}
    plan = make_plan({"mon": {"sessions": [heavy()], "sleep_hours": 7}}, rules=rules)
    assert found(plan, "short-sleep") == []
    plan = make_plan({"mon": {"sleep_hours": 5.75}}, rules=rules)
    findings = found(plan, "short-sleep")
    assert findings[0].message == "5.75 h of sleep planned for the night after Monday, under 6 h."


def test_short_sleep_disabled() -> None:
    plan = make_plan(defaults={"sleep_hours": 5}, rules={"disabled": ["short-sleep"]})
    assert found(plan, "short-sleep") == []


# --- irregular-bedtime ----------------------------------------------------------------


def test_irregular_bedtime_fires_over_an_hour() -> None:
    plan = make_plan({"fri": {"bedtime": "23:30"}}, defaults={"bedtime": "22:00"})
    findings = found(plan, "irregular-bedtime")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ALL_DAYS)]
    assert findings[0].message == (
        "Bedtimes range from 22:00 (6 days) to 23:30 (Friday): 90 min apart, more than 60 min."
    )
    assert "melatonin" in findings[0].advice


def test_irregular_bedtime_names_few_days() -> None:
    plan = make_plan({"mon": {"bedtime": "22:00"}, "sat": {"bedtime": "23:15"}})
    findings = found(plan, "irregular-bedtime")
    assert findings[0].days == ("mon", "sat")
    assert "22:00 (Monday) to 23:15 (Saturday): 75 min" in findings[0].message


def test_irregular_bedtime_exactly_an_hour_is_fine() -> None:
    plan = make_plan({"mon": {"bedtime": "22:00"}, "sat": {"bedtime": "23:00"}})
    assert found(plan, "irregular-bedtime") == []


def test_irregular_bedtime_after_midnight_counts_as_late() -> None:
    close = make_plan({"mon": {"bedtime": "23:30"}, "sat": {"bedtime": "00:15"}})
    assert found(close, "irregular-bedtime") == []
    far = make_plan({"mon": {"bedtime": "22:00"}, "sat": {"bedtime": "00:30"}})
    findings = found(far, "irregular-bedtime")
    assert "22:00 (Monday) to 00:30 (Saturday): 150 min" in findings[0].message


def test_irregular_bedtime_needs_two_bedtimes() -> None:
    assert found(make_plan({"mon": {"bedtime": "20:00"}}), "irregular-bedtime") == []


def test_irregular_bedtime_threshold_override() -> None:
    days = {"mon": {"bedtime": "22:00"}, "sat": {"bedtime": "23:30"}}
    assert found(make_plan(days, rules={"bedtime_spread_min": 90}), "irregular-bedtime") == []
    strict = found(make_plan(days, rules={"bedtime_spread_min": 30}), "irregular-bedtime")
    assert "more than 30 min" in strict[0].message


def test_irregular_bedtime_disabled() -> None:
    days = {"mon": {"bedtime": "21:00"}, "sat": {"bedtime": "01:00"}}
    plan = make_plan(days, rules={"disabled": ["irregular-bedtime"]})
    assert found(plan, "irregular-bedtime") == []


# --- late-hard-session ----------------------------------------------------------------


def test_late_hard_session_fires_under_an_hour_before_bed() -> None:
    plan = make_plan({"tue": {"sessions": [heavy("20:30")], "bedtime": "22:00"}})
    findings = found(plan, "late-hard-session")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ("tue",))]
    assert findings[0].message == (
        'Heavy session "Intervals" on Tuesday ends at 21:30, 30 min before the 22:00 bedtime; '
        "less than 60 min."
    )
    assert "screens" in findings[0].advice


def test_late_hard_session_exactly_an_hour_is_fine() -> None:
    plan = make_plan({"tue": {"sessions": [heavy("20:00")], "bedtime": "22:00"}})
    assert found(plan, "late-hard-session") == []


def test_late_hard_session_ending_after_bedtime() -> None:
    plan = make_plan({"tue": {"sessions": [heavy("21:30")]}}, defaults={"bedtime": "22:00"})
    findings = found(plan, "late-hard-session")
    assert "ends at 22:30, 30 min after the 22:00 bedtime" in findings[0].message


def test_late_hard_session_bedtime_after_midnight() -> None:
    late = make_plan({"tue": {"sessions": [heavy("22:30", 90)], "bedtime": "00:30"}})
    assert (
        "ends at 00:00, 30 min before the 00:30 bedtime"
        in found(late, "late-hard-session")[0].message
    )
    fine = make_plan({"tue": {"sessions": [heavy("22:00", 90)], "bedtime": "00:30"}})
    assert found(fine, "late-hard-session") == []


def test_late_hard_session_needs_start_bedtime_and_heavy_kind() -> None:
    no_start = make_plan({"tue": {"sessions": [heavy()], "bedtime": "22:00"}})
    no_bed = make_plan({"tue": {"sessions": [heavy("21:30")]}})
    moderate = make_plan(
        {
            "tue": {
                "sessions": [
                    {"title": "Easy", "kind": "moderate", "minutes": 60, "start": "21:00"}
                ],
                "bedtime": "22:00",
            }
        }
    )
    for plan in (no_start, no_bed, moderate):
        assert found(plan, "late-hard-session") == []


def test_late_hard_session_threshold_override() -> None:
    day = {"tue": {"sessions": [heavy("20:30")], "bedtime": "22:00"}}
    assert found(make_plan(day, rules={"bedtime_gap_min": 30}), "late-hard-session") == []
    strict = found(make_plan(day, rules={"bedtime_gap_min": 90}), "late-hard-session")
    assert "less than 90 min" in strict[0].message


def test_late_hard_session_disabled() -> None:
    day = {"tue": {"sessions": [heavy("21:30")], "bedtime": "22:00"}}
    assert (
        found(make_plan(day, rules={"disabled": ["late-hard-session"]}), "late-hard-session") == []
    )
