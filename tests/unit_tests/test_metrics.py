"""Metrics of rules.md: hand-made weeks, and random weeks against a plain reference."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.model import Plan
from planner.rules.metrics import (
    compute_metrics,
    format_hours,
    format_number,
    in_week_order,
    join_words,
    planned_bedtimes,
    planned_protein_meals,
    planned_sleep,
)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("heavy", "moderate", "light", "active_recovery")
RPE_BY_KIND = {"heavy": 8, "moderate": 6, "light": 4, "active_recovery": 2}


def make_plan(
    days: dict[str, list[dict[str, Any]]], history: Sequence[float] | None = None
) -> Plan:
    data: dict[str, Any] = {
        "format": 1,
        "plan": {"name": "Metrics week"},
        "days": {key: {"sessions": sessions} for key, sessions in days.items()},
    }
    if history is not None:
        data["history"] = {"weekly_loads": history}
    return Plan.model_validate(data)


def loads_plan(loads: list[int], history: Sequence[float] | None = None) -> Plan:
    """Daily loads as single sessions at RPE 1 (load = minutes); 0 is a rest day."""
    return make_plan(
        {
            day: [{"title": "S", "kind": "moderate", "rpe": 1, "minutes": load}]
            for day, load in zip(DAYS, loads, strict=True)
            if load
        },
        history,
    )


# --- hand-made weeks ------------------------------------------------------------------


def test_the_cli_example_week() -> None:
    metrics = compute_metrics(loads_plan([560, 80, 0, 480, 560, 120, 0]))
    assert metrics.daily_load == (560, 80, 0, 480, 560, 120, 0)
    assert metrics.weekly_load == 1800
    assert metrics.monotony is not None
    assert metrics.strain is not None
    assert round(metrics.monotony, 2) == 1.06
    assert round(metrics.strain, 2) == 1899.71
    assert metrics.strain == metrics.weekly_load * metrics.monotony


def test_load_is_rpe_times_minutes_with_default_rpe_by_kind() -> None:
    plan = make_plan(
        {
            "mon": [
                {"title": "A", "kind": "heavy", "minutes": 60},
                {"title": "B", "kind": "active_recovery", "minutes": 30},
            ],
            "wed": [{"title": "C", "kind": "moderate", "minutes": 50, "rpe": 7}],
            "fri": [{"title": "D", "kind": "light", "minutes": 40}],
        }
    )
    metrics = compute_metrics(plan)
    assert metrics.daily_load == (540, 0, 350, 0, 160, 0, 0)
    assert metrics.weekly_load == 1050
    assert metrics.heavy_sessions == 1
    assert metrics.easy_days == 5  # friday (light only) and four rest days
    assert metrics.rest_days == 4


def test_full_precision_is_kept() -> None:
    metrics = compute_metrics(loads_plan([100, 0, 0, 0, 0, 0, 0], [300, 300, 300]))
    assert metrics.monotony == pytest.approx(1 / statistics.pstdev([1, 0, 0, 0, 0, 0, 0]) / 7)
    assert metrics.acwr == 1 / 3
    assert metrics.load_change_pct == pytest.approx(-200 / 3)


def test_monotony_and_strain_none_without_deviation() -> None:
    same = compute_metrics(loads_plan([300] * 7))
    assert (same.monotony, same.strain) == (None, None)
    empty = compute_metrics(make_plan({}))
    assert (empty.weekly_load, empty.monotony, empty.strain) == (0, None, None)
    assert (empty.easy_days, empty.rest_days) == (7, 7)


def test_acwr_needs_three_weeks_and_a_mean_above_zero() -> None:
    assert compute_metrics(loads_plan([500] + [0] * 6, [500, 500])).acwr is None
    assert compute_metrics(loads_plan([500] + [0] * 6, [0, 0, 0])).acwr is None
    assert compute_metrics(loads_plan([500] + [0] * 6, [250, 250, 250])).acwr == 2.0


def test_acwr_takes_the_last_four_weeks() -> None:
    history = [10_000, 10_000, 200, 400, 600, 800]
    assert compute_metrics(loads_plan([500] + [0] * 6, history)).acwr == 1.0


def test_load_change_against_the_last_week() -> None:
    assert compute_metrics(loads_plan([550] + [0] * 6, [9999, 500])).load_change_pct == 10.0
    assert compute_metrics(loads_plan([550] + [0] * 6)).load_change_pct is None
    assert compute_metrics(loads_plan([550] + [0] * 6, [500, 0])).load_change_pct is None


def test_wording_helpers() -> None:
    assert format_hours(780) == "13 h"
    assert format_hours(810) == "13.5 h"
    assert format_hours(2879) == "47.9 h"
    assert format_number(48.0, 2) == "48"
    assert format_number(2.25, 2) == "2.25"
    assert format_number(-0.01, 1) == "0"
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"]) == "a, b and c"
    assert in_week_order(["sun", "mon", "sun"]) == ("mon", "sun")


# --- random weeks against a reference -------------------------------------------------

sessions = st.fixed_dictionaries(
    {"title": st.just("S"), "kind": st.sampled_from(KINDS), "minutes": st.integers(1, 600)},
    optional={"rpe": st.integers(1, 10)},
)
week_days = st.dictionaries(st.sampled_from(DAYS), st.lists(sessions, max_size=4), max_size=7)
histories = st.one_of(
    st.none(),
    st.lists(
        st.one_of(st.just(0.0), st.integers(0, 100_000).map(float), st.floats(0, 100_000)),
        max_size=12,
    ),
)


def reference(days: dict[str, list[dict[str, Any]]], history: list[float] | None) -> dict[str, Any]:
    """The metrics as rules.md words them, computed the plain way."""
    daily = [
        sum(s.get("rpe", RPE_BY_KIND[s["kind"]]) * s["minutes"] for s in days.get(day, []))
        for day in DAYS
    ]
    weekly = sum(daily)
    deviation = statistics.pstdev(daily)
    monotony = None if deviation == 0 else statistics.mean(daily) / deviation
    weeks = history or []
    recent = weeks[-4:]
    chronic = statistics.fmean(recent) if len(weeks) >= 3 else 0.0
    return {
        "daily_load": tuple(daily),
        "weekly_load": weekly,
        "heavy_sessions": sum(s["kind"] == "heavy" for ss in days.values() for s in ss),
        "easy_days": sum(
            all(s["kind"] in ("light", "active_recovery") for s in days.get(day, []))
            for day in DAYS
        ),
        "rest_days": sum(not days.get(day) for day in DAYS),
        "monotony": monotony,
        "strain": None if monotony is None else weekly * monotony,
        "acwr": None if len(weeks) < 3 or chronic == 0 else weekly / chronic,
        "load_change_pct": (
            None if not weeks or weeks[-1] == 0 else 100 * (weekly / weeks[-1] - 1)
        ),
    }


def close(actual: float | None, expected: float | None) -> bool:
    if expected is None or actual is None:
        return actual is expected
    return actual == pytest.approx(expected, rel=1e-9, abs=1e-6)


@settings(max_examples=300, deadline=None)
@given(week_days, histories)
def test_metrics_match_the_reference(
    days: dict[str, list[dict[str, Any]]], history: list[float] | None
) -> None:
    metrics = compute_metrics(make_plan(days, history))
    expected = reference(days, history)
    for exact in ("daily_load", "weekly_load", "heavy_sessions", "easy_days", "rest_days"):
        assert getattr(metrics, exact) == expected[exact], exact
    for number in ("monotony", "strain", "acwr", "load_change_pct"):
        assert close(getattr(metrics, number), expected[number]), (
            number,
            getattr(metrics, number),
            expected[number],
        )


def test_planned_values_match_the_plan_methods() -> None:
    plan = Plan.model_validate(
        {
            "format": 1,
            "plan": {"name": "Planned"},
            "defaults": {"sleep_hours": 8, "bedtime": "22:30"},
            "days": {
                "tue": {"sleep_hours": 6.5, "protein_meals": 2},
                "sat": {"bedtime": "00:15", "protein_meals": 0},
            },
        }
    )
    assert planned_sleep(plan) == [plan.sleep_hours(key) for key in DAYS]
    assert planned_bedtimes(plan) == [plan.bedtime(key) for key in DAYS]
    assert planned_protein_meals(plan) == [plan.protein_meals(key) for key in DAYS]
    assert planned_sleep(plan)[1] == 6.5
    assert planned_bedtimes(plan)[5] == "00:15"
    assert planned_protein_meals(plan) == [None, 2, None, None, None, 0, None]
