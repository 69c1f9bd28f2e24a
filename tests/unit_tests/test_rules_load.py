"""Load rules of rules.md v2: monotony, load-change, acwr and session-spike, at and
around every threshold (30 % is not above 30 %), with history, earlier plan weeks, done
and skipped sessions, overrides and switched off."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def loads(*daily: int, **fields: Any) -> dict[str, Any]:
    """A week whose days carry the given loads: light sessions at RPE 1 (load = minutes,
    at most 600 a session); fields (type, label) pass to the week."""
    week: dict[str, Any] = dict(fields)
    for day, load in zip(DAYS, daily, strict=False):
        sessions = []
        while load > 0:
            minutes = min(load, 600)
            sessions.append(session("light", minutes, rpe=1, title="Easy"))
            load -= minutes
        if sessions:
            week[day] = sessions
    return week


def weekly(total: int, **fields: Any) -> dict[str, Any]:
    """A week with the given load, spread over Monday, Wednesday and Friday."""
    third = total // 3
    return loads(third, 0, third, 0, total - 2 * third, **fields)


# --- monotony -----------------------------------------------------------------------


def test_every_day_the_same_load_is_a_warning() -> None:
    [finding] = found(make_plan(loads(*[300] * 7)), "monotony")
    assert finding.severity is Severity.warning
    assert finding.days == ()
    assert (
        finding.message == "Every day carries the same load (300 AU): no easier day to recover on."
    )
    assert "Foster (1998)" in finding.advice


def test_an_empty_week_has_no_monotony() -> None:
    assert found(make_plan({}), "monotony") == []


@pytest.mark.parametrize(
    ("daily", "severity"),
    [
        ((0, 200, 500, 500, 500, 500, 600), Severity.info),  # exactly 2.0: not above the max
        ((0, 0, 300, 400, 400, 500, 500), None),  # exactly 1.5: not above the info threshold
        ((300, 300, 300, 300, 300, 300, 0), Severity.warning),  # sqrt(6) = 2.45
        ((300, 300, 300, 300, 300, 0, 0), Severity.info),  # sqrt(2.5) = 1.58
        ((300, 300, 300, 300, 0, 0, 0), None),  # sqrt(4 / 3) = 1.15
    ],
)
def test_monotony_thresholds(daily: tuple[int, ...], severity: Severity | None) -> None:
    findings = found(make_plan(loads(*daily)), "monotony")
    assert [f.severity for f in findings] == ([] if severity is None else [severity])


def test_monotony_messages_give_the_number_and_the_threshold() -> None:
    [info] = found(make_plan(loads(0, 200, 500, 500, 500, 500, 600)), "monotony")
    assert info.message == (
        "Monotony 2.00 (mean daily load 400 AU over its spread of 200 AU), above 1.5: the "
        "days are getting alike."
    )
    [warning] = found(make_plan(loads(300, 300, 300, 300, 300, 300, 0)), "monotony")
    assert "above 2: the days carry too similar a load" in warning.message


def test_monotony_overrides() -> None:
    week = loads(300, 300, 300, 300, 300, 300, 0)
    plan = make_plan(week, rules={"monotony_max": 2.5, "monotony_info": 2.4})
    assert [f.severity for f in found(plan, "monotony")] == [Severity.info]
    off = make_plan(week, rules={"disabled": ["monotony"]})
    assert found(off, "monotony") == []


def test_monotony_uses_done_values_and_leaves_skipped_out() -> None:
    week = loads(300, 300, 300, 300, 300, 300, 0)
    week["sat"] = [session("light", 300, rpe=1, done={"status": "skipped"})]
    week["sun"] = [session("light", 100, rpe=1, done={"minutes": 300})]
    # Saturday 0, Sunday 300 as done: six 300s and a 0 again
    [finding] = found(make_plan(week), "monotony")
    assert "Monotony 2.45" in finding.message


# --- load-change --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("load", "severity"),
    [
        (1100, None),  # exactly 10 %: not above
        (1101, Severity.info),
        (1300, Severity.info),  # exactly 30 %: not above
        (1301, Severity.warning),
    ],
)
def test_load_change_thresholds(load: int, severity: Severity | None) -> None:
    plan = make_plan(weekly(load), history={"weekly_loads": [1000, 1000, 1000]})
    findings = found(plan, "load-change")
    assert [f.severity for f in findings] == ([] if severity is None else [severity])


def test_load_change_compares_with_the_highest_of_the_last_three_weeks() -> None:
    plan = make_plan(weekly(1560), history={"weekly_loads": [3000, 1000, 1200, 800]})
    [finding] = found(plan, "load-change")
    # 3000 is four weeks back and does not count; 1560 is 30 % above 1200: info
    assert finding.severity is Severity.info
    assert finding.message == (
        "This week's load, 1560 AU, is 30 % above 1200 AU, the highest of the last 3 weeks "
        "(a week before the plan): more than 10 %."
    )
    assert "Buist 2008" in finding.advice


def test_coming_back_from_an_easy_week_is_not_a_rise() -> None:
    plan = make_plan(weekly(1200), history={"weekly_loads": [1200, 1200, 600]})
    assert found(plan, "load-change") == []


def test_load_change_needs_history_and_a_reference_above_zero() -> None:
    assert found(make_plan(weekly(1200)), "load-change") == []
    zero = make_plan(weekly(1200), history={"weekly_loads": [0, 0, 0]})
    assert found(zero, "load-change") == []


def test_a_plan_week_compares_with_the_plan_weeks_before_it() -> None:
    plan = make_plan(weekly(1000), weekly(1000), weekly(1400))
    [finding] = found(plan, "load-change")
    assert finding.week == 3
    assert finding.severity is Severity.warning
    assert "(week 1)" in finding.message
    assert "Nielsen 2014" in finding.advice
    assert "not statistically" in finding.advice


def test_load_change_overrides() -> None:
    history = {"weekly_loads": [1000]}
    plan = make_plan(weekly(1400), history=history, rules={"load_change_max_pct": 50})
    assert [f.severity for f in found(plan, "load-change")] == [Severity.info]
    plan = make_plan(weekly(1050), history=history, rules={"load_change_info_pct": 4})
    assert [f.severity for f in found(plan, "load-change")] == [Severity.info]


def test_load_change_counts_done_values() -> None:
    week = weekly(1000)
    week["sun"] = [session("light", 100, rpe=1, done={"minutes": 400})]
    plan = make_plan(week, history={"weekly_loads": [1000]})
    [finding] = found(plan, "load-change")
    assert "1400 AU" in finding.message


# --- acwr ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("load", "words"),
    [
        (1600, "above 1.3 and above the high mark of 1.5"),
        (1400, "above 1.3, not above the high mark of 1.5"),
        (700, "under 0.8: well below your recent weeks"),
    ],
)
def test_acwr_is_an_info_that_says_where_it_stands(load: int, words: str) -> None:
    plan = make_plan(weekly(load), history={"weekly_loads": [1000, 1000, 1000, 1000]})
    [finding] = found(plan, "acwr")
    assert finding.severity is Severity.info
    assert words in finding.message
    assert "does not predict injury" in finding.advice
    assert "Frandsen 2025" in finding.advice


@pytest.mark.parametrize("load", [800, 1000, 1300])
def test_acwr_in_range_is_silent(load: int) -> None:
    plan = make_plan(weekly(load), history={"weekly_loads": [1000, 1000, 1000, 1000]})
    assert found(plan, "acwr") == []


def test_acwr_needs_three_history_weeks_and_uses_the_last_four() -> None:
    two = make_plan(weekly(3000), history={"weekly_loads": [1000, 1000]})
    assert found(two, "acwr") == []
    five = make_plan(weekly(2000), history={"weekly_loads": [9000, 1000, 1000, 1000, 1000]})
    [finding] = found(five, "acwr")
    assert "Acute:chronic load ratio 2.00" in finding.message
    assert "a mean of 1000 AU over the last 4 weeks" in finding.message


def test_acwr_thresholds_override() -> None:
    plan = make_plan(
        weekly(1600), history={"weekly_loads": [1000] * 4}, rules={"acwr_caution": 1.7}
    )
    assert found(plan, "acwr") == []


# --- session-spike ------------------------------------------------------------------


def run(minutes: int, **fields: Any) -> dict[str, Any]:
    return session("moderate", minutes, activity="run", title=fields.pop("title", "Run"), **fields)


HISTORY = {"longest_session_min": {"run": 60, "cycle": 100}}


@pytest.mark.parametrize(
    ("minutes", "severity"),
    [
        (66, None),  # exactly 110 %: not above
        (67, Severity.warning),
        (120, Severity.warning),  # exactly 200 %: not above
        (121, Severity.critical),
    ],
)
def test_run_spike_thresholds(minutes: int, severity: Severity | None) -> None:
    plan = make_plan({"sat": [run(minutes)]}, history=HISTORY)
    findings = found(plan, "session-spike")
    assert [f.severity for f in findings] == ([] if severity is None else [severity])


def test_a_run_spike_names_the_session_and_the_study() -> None:
    plan = make_plan({"sun": [run(90, title="Long run")]}, history=HISTORY)
    [finding] = found(plan, "session-spike")
    assert finding.days == ("sun",)
    assert finding.message == (
        '"Long run" on Sunday: 90 min, 150 % of the longest run session in the 30 days '
        "before it (60 min, from the plan's history), above 110 %."
    )
    assert "Frandsen 2025" in finding.advice
    assert "about 66 min" in finding.advice


def test_other_activities_get_an_info_saying_the_evidence_is_from_running() -> None:
    plan = make_plan({"sat": [session("moderate", 300, activity="cycle")]}, history=HISTORY)
    [finding] = found(plan, "session-spike")
    assert finding.severity is Severity.info
    assert "The evidence for this is from running" in finding.advice


def test_no_finding_with_nothing_to_compare_with() -> None:
    assert found(make_plan({"sat": [run(300)]}), "session-spike") == []
    swim = make_plan({"sat": [session("moderate", 300, activity="swim")]}, history=HISTORY)
    assert found(swim, "session-spike") == []


def test_earlier_sessions_of_the_plan_count() -> None:
    plan = make_plan({"tue": [run(60)], "sat": [run(70)]})
    [finding] = found(plan, "session-spike")
    assert finding.days == ("sat",)
    assert "(60 min, in the plan)" in finding.message


def test_sessions_listed_before_it_that_day_count_and_later_ones_do_not() -> None:
    plan = make_plan({"sat": [run(40), run(60)]})
    assert [f.days for f in found(plan, "session-spike")] == [("sat",)]
    plan = make_plan({"sat": [run(60), run(40)]})
    assert found(plan, "session-spike") == []


def test_the_history_counts_for_the_first_30_days_only() -> None:
    weeks: list[dict[str, Any]] = [{} for _ in range(5)]
    weeks[4] = {"tue": [run(80)]}  # day 30 of the plan (0-based 29): still looks before week 1
    plan = make_plan(*weeks, history=HISTORY)
    assert [f.week for f in found(plan, "session-spike")] == [5]
    weeks[4] = {"wed": [run(80)]}  # day 31: its 30 days lie inside the plan, which is empty
    assert found(make_plan(*weeks, history=HISTORY), "session-spike") == []


def test_the_look_back_is_30_calendar_days() -> None:
    weeks: list[dict[str, Any]] = [{} for _ in range(6)]
    weeks[0] = {"tue": [run(60)]}  # day 1
    weeks[5] = {"thu": [run(70)]}  # day 38: 37 days later, outside the look-back
    assert found(make_plan(*weeks), "session-spike") == []
    weeks[4] = {"sun": [run(60)]}  # day 34: 4 days before
    [finding] = found(make_plan(*weeks), "session-spike")
    assert finding.week == 6


def test_skipped_sessions_are_not_compared_with_and_done_minutes_are() -> None:
    skipped = make_plan(
        {"tue": [run(90, done={"status": "skipped"})], "sat": [run(80)]}, history=HISTORY
    )
    [finding] = found(skipped, "session-spike")
    assert "(60 min, from the plan's history)" in finding.message
    done = make_plan({"sat": [run(60, done={"minutes": 100})]}, history=HISTORY)
    [finding] = found(done, "session-spike")
    assert "100 min" in finding.message


def test_session_spike_override_and_disabled() -> None:
    plan = make_plan({"sat": [run(80)]}, history=HISTORY, rules={"session_spike_pct": 150})
    assert found(plan, "session-spike") == []
    plan = make_plan({"sat": [run(80)]}, history=HISTORY, rules={"disabled": ["session-spike"]})
    assert found(plan, "session-spike") == []
