"""Reports made by hand for testing the faces (check output, Markdown) without the engine.

The metrics that the model gives directly (loads, heavy sessions, easy and rest days)
are taken from the plan; the rest are whatever the test passes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planner.catalogue import MAX_HEAVY_SESSIONS_BY_LEVEL, THRESHOLDS
from planner.model import DayType, Kind, Plan, Week
from planner.report import Finding, Metrics, PlanReport, Recovery, Risk, Severity, WeekReport


def thresholds(plan: Plan) -> dict[str, float]:
    """Every threshold, the plan's own where it sets one, the heavy limit by level."""
    resolved: dict[str, float] = {}
    for key in THRESHOLDS:
        value = plan.rules.threshold(key)
        resolved[key] = (
            MAX_HEAVY_SESSIONS_BY_LEVEL[plan.plan.level.value] if value is None else value
        )
    return resolved


def week_metrics(week: Week, **overrides: Any) -> Metrics:
    """A week's metrics: loads and day counts from the model, the rest None or given."""
    days = [day for _, day in week.days.items()]
    logged = [s for day in days for s in day.sessions if s.done is not None]
    done_load = sum(s.load for s in logged) if logged else None
    base = sum(s.planned_load for s in logged if not s.extra)
    values: dict[str, Any] = {
        "daily_load": tuple(day.load for day in days),
        "weekly_load": week.load,
        "planned_load": sum(day.planned_load for day in days),
        "done_load": done_load,
        "compliance_pct": (100 * done_load / base) if done_load is not None and base else None,
        "heavy_sessions": sum(
            1
            for day in days
            for session in day.sessions
            if session.kind is Kind.heavy and not session.skipped
        ),
        "easy_days": sum(1 for day in days if day.day_type in (DayType.recovery, DayType.rest)),
        "rest_days": sum(1 for day in days if day.day_type is DayType.rest),
        "monotony": None,
        "strain": None,
        "acwr": None,
        "load_change_pct": None,
        "sleep_debt_hours": 0.0,
        "logged_planned_load": base,
    }
    values.update(overrides)
    return Metrics(**values)


def finding(
    rule: str,
    severity: Severity = Severity.warning,
    week: int | None = 1,
    days: tuple[str, ...] = (),
    message: str = "Something is off.",
    advice: str = "Do something about it.",
    reason: str | None = None,
) -> Finding:
    """A finding; accepted when a reason is given."""
    return Finding(
        rule=rule,
        severity=severity,
        week=week,
        days=days,
        message=message,
        advice=advice,
        accepted=reason is not None,
        reason=reason,
    )


def made_report(
    plan: Plan,
    findings: Mapping[int, Sequence[Finding]] | None = None,
    words: Mapping[int, tuple[Risk, Recovery]] | None = None,
    metrics: Mapping[int, Mapping[str, Any]] | None = None,
) -> PlanReport:
    """A report of the plan with the findings, words and metric overrides per week
    (1-based); weeks not named are low risk and good recovery without findings."""
    findings = findings or {}
    words = words or {}
    metrics = metrics or {}
    weeks = []
    for index, week in enumerate(plan.week_list):
        number = index + 1
        monday = plan.week_start(index)
        risk, recovery = words.get(number, (Risk.low, Recovery.good))
        weeks.append(
            WeekReport(
                week=number,
                label=week.label,
                type=week.type.value,
                start=None if monday is None else monday.isoformat(),
                metrics=week_metrics(week, **metrics.get(number, {})),
                findings=tuple(sorted(findings.get(number, ()), key=Finding.sort_key)),
                risk=risk,
                recovery=recovery,
            )
        )
    everything = sorted((f for w in weeks for f in w.findings), key=Finding.sort_key)
    done = [w.metrics.done_load for w in weeks if w.metrics.done_load is not None]
    base = sum(w.metrics.logged_planned_load for w in weeks)
    done_load = sum(done) if done else None
    return PlanReport(
        weeks=tuple(weeks),
        findings=tuple(everything),
        risk=max((w.risk for w in weeks), key=lambda r: r.rank),
        recovery=max((w.recovery for w in weeks), key=lambda r: r.rank),
        thresholds=thresholds(plan),
        planned_load=sum(w.metrics.planned_load for w in weeks),
        done_load=done_load,
        compliance_pct=(100 * done_load / base) if done_load is not None and base else None,
    )
