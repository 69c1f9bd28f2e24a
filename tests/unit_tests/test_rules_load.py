"""Load rules: monotony, load-change, acwr and session-spike, each firing, on its boundary,
with a threshold override and switched off."""

from __future__ import annotations

from typing import Any

import pytest

from planner.findings import Finding, Severity
from planner.model import Plan
from planner.rules.engine import evaluate

ALL_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def make_plan(
    sessions: dict[str, list[dict[str, Any]]] | None = None,
    *,
    history: dict[str, Any] | None = None,
    rules: dict[str, Any] | None = None,
) -> Plan:
    """A plan from sessions per day key, with [history] and [rules]."""
    data: dict[str, Any] = {
        "format": 1,
        "plan": {"name": "Test week"},
        "days": {key: {"sessions": items} for key, items in (sessions or {}).items()},
    }
    if history is not None:
        data["history"] = history
    if rules is not None:
        data["rules"] = rules
    return Plan.model_validate(data)


def with_loads(*loads: int, **extra: Any) -> Plan:
    """A plan whose daily loads are exactly `loads` (moderate sessions at RPE 5)."""
    sessions = {
        day: [{"title": "Steady", "kind": "moderate", "rpe": 5, "minutes": load // 5}]
        for day, load in zip(ALL_DAYS, loads, strict=False)
        if load
    }
    return make_plan(sessions, **extra)


def weekly(load: int, **extra: Any) -> Plan:
    """A plan whose weekly load is `load`, spread over two days."""
    half = load // 2
    return with_loads(half, 0, 0, load - half, **extra)


def found(plan: Plan, rule: str) -> list[Finding]:
    return [finding for finding in evaluate(plan).findings if finding.rule == rule]


# --- monotony -------------------------------------------------------------------------

MONOTONY_2 = (0, 200, 500, 500, 500, 500, 600)  # mean / pstdev is exactly 2.0
MONOTONY_1_5 = (0, 0, 300, 400, 400, 500, 500)  # exactly 1.5
MONOTONY_HIGH = (400, 500, 500, 500, 500, 500, 500)


def test_monotony_fixtures_are_on_the_boundaries() -> None:
    assert evaluate(with_loads(*MONOTONY_2)).metrics.monotony == 2.0
    assert evaluate(with_loads(*MONOTONY_1_5)).metrics.monotony == 1.5


def test_monotony_warning_above_the_max() -> None:
    plan = with_loads(*MONOTONY_HIGH)
    findings = found(plan, "monotony")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ())]
    monotony = evaluate(plan).metrics.monotony
    assert monotony is not None
    assert f"Monotony {monotony:.2f}" in findings[0].message
    assert "above 2:" in findings[0].message


def test_monotony_exactly_the_max_is_only_info() -> None:
    findings = found(with_loads(*MONOTONY_2), "monotony")
    assert [f.severity for f in findings] == [Severity.info]
    assert "Monotony 2.00" in findings[0].message
    assert "above 1.5:" in findings[0].message


def test_monotony_exactly_the_info_threshold_is_silent() -> None:
    assert found(with_loads(*MONOTONY_1_5), "monotony") == []


def test_monotony_warning_when_every_day_is_the_same() -> None:
    findings = found(with_loads(*([300] * 7)), "monotony")
    assert [f.severity for f in findings] == [Severity.warning]
    assert "Every day carries the same load (300 AU)" in findings[0].message


def test_monotony_silent_for_an_empty_week() -> None:
    assert found(make_plan(), "monotony") == []


def test_monotony_threshold_override() -> None:
    relaxed = with_loads(*MONOTONY_HIGH, rules={"monotony_max": 100, "monotony_info": 50})
    assert found(relaxed, "monotony") == []
    strict = with_loads(*MONOTONY_1_5, rules={"monotony_max": 1.4})
    assert [f.severity for f in found(strict, "monotony")] == [Severity.warning]


def test_monotony_disabled() -> None:
    plan = with_loads(*MONOTONY_HIGH, rules={"disabled": ["monotony"]})
    assert found(plan, "monotony") == []


# --- load-change ----------------------------------------------------------------------

LAST_WEEK = {"weekly_loads": [1000]}


def test_load_change_info_above_ten_percent_cites_buist() -> None:
    findings = found(weekly(1150, history=LAST_WEEK), "load-change")
    assert [(f.severity, f.days) for f in findings] == [(Severity.info, ())]
    assert findings[0].message == (
        "Weekly load 1150 AU is 15 % above last week's 1000 AU, more than 10 %."
    )
    assert "Buist 2008" in findings[0].advice
    assert "10 % rule" in findings[0].advice


def test_load_change_exactly_ten_percent_is_silent() -> None:
    assert found(weekly(1100, history=LAST_WEEK), "load-change") == []


def test_load_change_warning_above_thirty_percent() -> None:
    assert [f.severity for f in found(weekly(1300, history=LAST_WEEK), "load-change")] == [
        Severity.info
    ]
    findings = found(weekly(1400, history=LAST_WEEK), "load-change")
    assert [f.severity for f in findings] == [Severity.warning]
    assert "40 % above" in findings[0].message


def test_load_change_compares_the_last_history_week() -> None:
    history = {"weekly_loads": [5000, 2000, 1000]}
    assert [f.severity for f in found(weekly(1400, history=history), "load-change")] == [
        Severity.warning
    ]


def test_load_change_silent_without_history_or_after_a_zero_week() -> None:
    assert found(weekly(1400), "load-change") == []
    assert found(weekly(1400, history={"weekly_loads": [1000, 0]}), "load-change") == []


def test_load_change_silent_when_load_falls() -> None:
    assert found(weekly(500, history=LAST_WEEK), "load-change") == []


def test_load_change_threshold_override() -> None:
    rules = {"load_change_max_pct": 50, "load_change_info_pct": 45}
    assert found(weekly(1400, history=LAST_WEEK, rules=rules), "load-change") == []
    rules = {"load_change_max_pct": 35}
    plan = weekly(1400, history=LAST_WEEK, rules=rules)
    assert [f.severity for f in found(plan, "load-change")] == [Severity.warning]


def test_load_change_disabled() -> None:
    plan = weekly(1400, history=LAST_WEEK, rules={"disabled": ["load-change"]})
    assert found(plan, "load-change") == []


# --- acwr -----------------------------------------------------------------------------

CHRONIC = {"weekly_loads": [1000, 1000, 1000]}


@pytest.mark.parametrize(
    ("load", "severity"),
    [
        (700, Severity.info),
        (800, None),
        (1000, None),
        (1300, None),
        (1400, Severity.info),
        (1500, Severity.info),
        (1600, Severity.warning),
    ],
)
def test_acwr_bands(load: int, severity: Severity | None) -> None:
    findings = found(weekly(load, history=CHRONIC), "acwr")
    assert [f.severity for f in findings] == ([] if severity is None else [severity])


def test_acwr_message_and_advice() -> None:
    findings = found(weekly(1600, history=CHRONIC), "acwr")
    assert findings[0].days == ()
    assert findings[0].message == (
        "Acute:chronic load ratio 1.60 (1600 AU this week against a mean of 1000 AU over the "
        "last 3 weeks), above 1.5."
    )
    assert "describes a change in load" in findings[0].advice
    assert "does not predict injury" in findings[0].advice
    low = found(weekly(700, history=CHRONIC), "acwr")
    assert "under 0.8" in low[0].message
    assert "does not predict injury" in low[0].advice


def test_acwr_uses_the_last_four_weeks() -> None:
    history = {"weekly_loads": [9000, 1000, 1000, 1000, 1000]}
    assert evaluate(weekly(1600, history=history)).metrics.acwr == 1.6
    assert [f.severity for f in found(weekly(1600, history=history), "acwr")] == [Severity.warning]


def test_acwr_needs_three_weeks() -> None:
    assert found(weekly(3000, history={"weekly_loads": [1000, 1000]}), "acwr") == []
    assert found(weekly(3000, history={"weekly_loads": [0, 0, 0]}), "acwr") == []


def test_acwr_threshold_override() -> None:
    rules = {"acwr_high": 2.0}
    assert [f.severity for f in found(weekly(1600, history=CHRONIC, rules=rules), "acwr")] == [
        Severity.info
    ]
    rules = {"acwr_low": 0.5}
    assert found(weekly(700, history=CHRONIC, rules=rules), "acwr") == []


def test_acwr_disabled() -> None:
    plan = weekly(1600, history=CHRONIC, rules={"disabled": ["acwr"]})
    assert found(plan, "acwr") == []


# --- session-spike --------------------------------------------------------------------

LONGEST_RUN = {"longest_session_min": {"run": 100}}


def run(minutes: int, day: str = "sun", **extra: Any) -> Plan:
    """A plan with one run of `minutes` on `day`."""
    session = {"title": "Long run", "kind": "moderate", "activity": "run", "minutes": minutes}
    return make_plan({day: [session]}, **extra)


def test_session_spike_warning_above_110_percent() -> None:
    findings = found(run(120, history=LONGEST_RUN), "session-spike")
    assert [(f.severity, f.days) for f in findings] == [(Severity.warning, ("sun",))]
    assert findings[0].message == (
        '"Long run" on Sunday: 120 min, 120 % of the longest run session in the last 30 days '
        "(100 min), above 110 %."
    )
    assert "110 min" in findings[0].advice


def test_session_spike_exactly_110_percent_is_silent() -> None:
    assert found(run(110, history=LONGEST_RUN), "session-spike") == []


def test_session_spike_critical_above_200_percent() -> None:
    assert [f.severity for f in found(run(200, history=LONGEST_RUN), "session-spike")] == [
        Severity.warning
    ]
    findings = found(run(201, history=LONGEST_RUN), "session-spike")
    assert [f.severity for f in findings] == [Severity.critical]
    assert "above 200 %" in findings[0].message


def test_session_spike_only_for_activities_with_history() -> None:
    assert found(run(300), "session-spike") == []
    assert found(run(300, history={"longest_session_min": {"cycle": 100}}), "session-spike") == []


def test_session_spike_threshold_override() -> None:
    rules = {"session_spike_pct": 150}
    assert found(run(150, history=LONGEST_RUN, rules=rules), "session-spike") == []
    findings = found(run(160, history=LONGEST_RUN, rules=rules), "session-spike")
    assert [f.severity for f in findings] == [Severity.warning]
    assert "above 150 %" in findings[0].message


def test_session_spike_disabled() -> None:
    plan = run(300, history=LONGEST_RUN, rules={"disabled": ["session-spike"]})
    assert found(plan, "session-spike") == []
