"""Metrics of rules.md v2: hand-made weeks, logged sessions (done, partial, skipped,
extra), history from `[history]` and earlier plan weeks, and random plans against a
plain reference written from the rules.md table."""

from __future__ import annotations

import statistics
from typing import Any

import pytest
from conftest import make_plan, session
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.report import Metrics
from planner.rules.engine import evaluate
from planner.rules.metrics import acute_chronic_ratio, load_change_pct, weekly_monotony

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("heavy", "moderate", "light", "active_recovery")
DEFAULT_RPE = {"heavy": 8, "moderate": 5, "light": 3, "active_recovery": 2}


def metrics_of(*weeks: dict[str, Any], **tables: Any) -> list[Metrics]:
    """Each week's metrics, through the engine."""
    return [week.metrics for week in evaluate(make_plan(*weeks, **tables)).weeks]


def loads(*daily: int) -> dict[str, Any]:
    """A week whose days carry the given loads (light sessions at RPE 1)."""
    return {
        day: [session("light", load, rpe=1)] for day, load in zip(DAYS, daily, strict=False) if load
    }


# --- hand-made weeks ----------------------------------------------------------------


def test_the_cli_example_week() -> None:
    [metrics] = metrics_of(loads(560, 80, 0, 480, 560, 120, 0))
    assert metrics.daily_load == (560, 80, 0, 480, 560, 120, 0)
    assert metrics.weekly_load == 1800
    assert metrics.planned_load == 1800
    assert metrics.monotony is not None and metrics.strain is not None
    assert round(metrics.monotony, 2) == 1.06
    assert round(metrics.strain, 2) == 1899.71
    assert metrics.strain == metrics.weekly_load * metrics.monotony
    assert (metrics.done_load, metrics.compliance_pct) == (None, None)


def test_load_is_rpe_times_minutes_with_the_v2_default_rpe_by_kind() -> None:
    [metrics] = metrics_of(
        {
            "mon": [session("heavy", 60), session("active_recovery", 30)],
            "wed": [session("moderate", 50, rpe=7)],
            "fri": [session("light", 40)],
            "sat": [session("moderate", 40)],
        }
    )
    assert metrics.daily_load == (540, 0, 350, 0, 120, 200, 0)
    assert metrics.heavy_sessions == 1
    assert metrics.easy_days == 4  # Friday (light only) and three rest days
    assert metrics.rest_days == 3


def test_done_values_replace_the_planned_ones_and_skipped_counts_zero() -> None:
    [metrics] = metrics_of(
        {
            "mon": [session("heavy", 60, done={"minutes": 70, "rpe": 9})],  # 630, planned 480
            "tue": [session("heavy", 60, done={"status": "skipped"})],  # 0, planned 480
            "wed": [session("moderate", 40, done={"status": "partial", "minutes": 20})],
            "thu": [session("moderate", 40)],  # not logged: planned 200
            "sat": [session("moderate", 60, activity="sport", extra=True, done={"rpe": 6})],
        }
    )
    assert metrics.daily_load == (630, 0, 100, 200, 0, 360, 0)
    assert metrics.weekly_load == 1290
    assert metrics.planned_daily_load == (480, 480, 200, 200, 0, 0, 0)
    assert metrics.planned_load == 1360
    assert metrics.done_load == 630 + 0 + 100 + 360
    # the logged planned sessions (Mon, Tue, Wed) planned 480 + 480 + 200
    assert metrics.logged_planned_load == 1160
    assert metrics.compliance_pct == pytest.approx(100 * 1090 / 1160)
    assert metrics.heavy_sessions == 1  # the skipped one does not count
    assert metrics.rest_days == 3  # Tuesday (skipped), Friday and Sunday
    assert metrics.easy_days == 3


def test_compliance_is_none_when_only_extras_are_logged() -> None:
    [metrics] = metrics_of({"sat": [session("moderate", 60, extra=True, done={})]})
    assert metrics.done_load == 300
    assert metrics.compliance_pct is None


def test_monotony_and_strain_none_without_deviation() -> None:
    [same] = metrics_of(loads(*[300] * 7))
    assert (same.monotony, same.strain) == (None, None)
    [empty] = metrics_of({})
    assert (empty.weekly_load, empty.monotony, empty.strain) == (0, None, None)
    assert (empty.easy_days, empty.rest_days) == (7, 7)


def test_monotony_on_its_thresholds_is_exact() -> None:
    assert weekly_monotony((0, 200, 500, 500, 500, 500, 600)) == 2.0
    assert weekly_monotony((0, 0, 300, 400, 400, 500, 500)) == 1.5


def test_acwr_needs_three_weeks_and_a_mean_above_zero_and_takes_the_last_four() -> None:
    assert acute_chronic_ratio(500, (500, 500)) is None
    assert acute_chronic_ratio(500, (0, 0, 0)) is None
    assert acute_chronic_ratio(500, (250, 250, 250)) == 2.0
    assert acute_chronic_ratio(500, (10_000, 10_000, 200, 400, 600, 800)) == 1.0


def test_load_change_against_the_highest_of_the_last_three_weeks() -> None:
    assert load_change_pct(550, (9999, 500, 400, 300)) == 10.0
    assert load_change_pct(1300, (1000, 1000, 1000)) == 30.0
    assert load_change_pct(1560, (1200, 800)) == 30.0
    assert load_change_pct(550, ()) is None
    assert load_change_pct(550, (0, 0)) is None
    assert load_change_pct(0, (500,)) == -100.0


def test_history_is_the_history_table_then_the_plans_earlier_weeks() -> None:
    first, second, third = metrics_of(
        loads(500, 500), loads(600, 600), loads(600), history={"weekly_loads": [1000, 1100]}
    )
    assert first.acwr is None  # two history weeks
    assert second.acwr == pytest.approx(1200 / ((1000 + 1100 + 1000) / 3))
    assert third.acwr == pytest.approx(600 / ((1000 + 1100 + 1000 + 1200) / 4))
    assert first.load_change_pct == pytest.approx(100 * (1000 - 1100) / 1100)
    assert third.load_change_pct == pytest.approx(-50.0)


def test_sleep_debt_sums_the_nights_under_the_minimum() -> None:
    [metrics] = metrics_of(
        {"mon": {"sleep_hours": 6}, "tue": {"sleep_hours": 6.5}, "wed": {"sleep_hours": 9}},
        defaults={"sleep_hours": 7},
    )
    assert metrics.sleep_debt_hours == 1.5
    [overridden] = metrics_of({}, defaults={"sleep_hours": 7}, rules={"sleep_min_hours": 8})
    assert overridden.sleep_debt_hours == 7
    [unplanned] = metrics_of({"mon": [session("heavy", 60)]})
    assert unplanned.sleep_debt_hours == 0


# --- random plans against a reference -----------------------------------------------

done_values = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {},
        optional={
            "status": st.sampled_from(("done", "partial", "skipped")),
            "minutes": st.integers(1, 600),
            "rpe": st.integers(1, 10),
        },
    ),
)
sessions = st.builds(
    lambda kind, minutes, rpe, done, extra: {
        "title": "S",
        "kind": kind,
        "minutes": minutes,
        **({"rpe": rpe} if rpe is not None else {}),
        **({"done": done} if done is not None else {}),
        **({"extra": True} if extra and done is not None else {}),
    },
    st.sampled_from(KINDS),
    st.integers(1, 600),
    st.one_of(st.none(), st.integers(1, 10)),
    done_values,
    st.booleans(),
)
weeks_strategy = st.lists(
    st.dictionaries(st.sampled_from(DAYS), st.lists(sessions, max_size=3), max_size=7),
    min_size=1,
    max_size=3,
)
histories = st.lists(
    st.one_of(st.just(0.0), st.integers(0, 100_000).map(float), st.floats(0, 100_000)),
    max_size=12,
)


def planned(item: dict[str, Any]) -> int:
    return item.get("rpe", DEFAULT_RPE[item["kind"]]) * item["minutes"]


def effective(item: dict[str, Any]) -> int:
    done = item.get("done")
    if done is None:
        return planned(item)
    if done.get("status") == "skipped":
        return 0
    rpe = done.get("rpe", item.get("rpe", DEFAULT_RPE[item["kind"]]))
    return rpe * done.get("minutes", item["minutes"])


def happened(item: dict[str, Any]) -> bool:
    return item.get("done", {}).get("status") != "skipped"


def reference(days: dict[str, list[dict[str, Any]]], history: list[float]) -> dict[str, Any]:
    """One week's metrics as the rules.md table words them, computed the plain way."""
    daily = [sum(effective(s) for s in days.get(day, [])) for day in DAYS]
    weekly = sum(daily)
    deviation = statistics.pstdev(daily)
    monotony = None if deviation == 0 else statistics.mean(daily) / deviation
    recent = history[-4:]
    chronic = statistics.fmean(recent) if len(history) >= 3 else 0.0
    reference_week = max(history[-3:]) if history else 0.0
    logged = [s for ss in days.values() for s in ss if "done" in s]
    compared = sum(planned(s) for s in logged if not s.get("extra"))
    done = sum(effective(s) for s in logged)
    kinds = [{s["kind"] for s in days.get(day, []) if happened(s)} for day in DAYS]
    return {
        "daily_load": tuple(daily),
        "weekly_load": weekly,
        "planned_load": sum(planned(s) for ss in days.values() for s in ss if not s.get("extra")),
        "done_load": done if logged else None,
        "compliance_pct": 100 * done / compared if compared else None,
        "heavy_sessions": sum(
            s["kind"] == "heavy" and happened(s) for ss in days.values() for s in ss
        ),
        "easy_days": sum(not (k & {"heavy", "moderate"}) for k in kinds),
        "rest_days": sum(not k for k in kinds),
        "monotony": monotony,
        "strain": None if monotony is None else weekly * monotony,
        "acwr": None if len(history) < 3 or chronic == 0 else weekly / chronic,
        "load_change_pct": (None if reference_week == 0 else 100 * (weekly / reference_week - 1)),
    }


def close(actual: float | None, expected: float | None) -> bool:
    if expected is None or actual is None:
        return actual is expected
    return actual == pytest.approx(expected, rel=1e-9, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(weeks_strategy, histories)
def test_metrics_match_the_reference(
    weeks: list[dict[str, list[dict[str, Any]]]], history: list[float]
) -> None:
    reports = metrics_of(*weeks, history={"weekly_loads": history} if history else None)
    earlier = list(history)
    for days, metrics in zip(weeks, reports, strict=True):
        expected = reference(days, earlier)
        for exact in (
            "daily_load",
            "weekly_load",
            "planned_load",
            "done_load",
            "heavy_sessions",
            "easy_days",
            "rest_days",
        ):
            assert getattr(metrics, exact) == expected[exact], exact
        for number in ("compliance_pct", "monotony", "strain", "acwr", "load_change_pct"):
            assert close(getattr(metrics, number), expected[number]), (
                number,
                getattr(metrics, number),
                expected[number],
            )
        earlier.append(float(metrics.weekly_load))
