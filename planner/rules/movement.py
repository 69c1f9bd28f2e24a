"""Movement rules: easy movement in a week of hard training (the recovery article's
active recovery)."""

from __future__ import annotations

from planner.catalogue import plural
from planner.model import DayType, Kind
from planner.report import Finding, Metrics, Severity
from planner.rules.context import WeekView

#: The highest RPE at which a light session counts as easy movement.
EASY_LIGHT_RPE = 3


def no_active_recovery(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The week holds at least the threshold of heavy sessions and no easy movement: no
    active recovery session and no light session at RPE 3 or below (done RPE where
    logged; skipped sessions do not count). Source: the recovery article (active rest
    for those who train hard several times a week); Dupuy 2018 (small effect on
    soreness). Evidence: heuristic."""
    if metrics.heavy_sessions < view.threshold("active_recovery_from_heavy"):
        return []
    heavy_days = []
    for day in view.days:
        for bout in day.bouts:
            if bout.kind is Kind.active_recovery or (
                bout.kind is Kind.light and bout.rpe <= EASY_LIGHT_RPE
            ):
                return []
        if day.day_type is DayType.heavy:
            heavy_days.append(day.key)
    return [
        Finding(
            rule="no-active-recovery",
            severity=Severity.info,
            week=view.number,
            days=tuple(heavy_days),
            message=f"{plural(metrics.heavy_sessions, 'heavy session')} this week and no easy "
            f"movement: no active recovery session and no light one at RPE {EASY_LIGHT_RPE} "
            "or below.",
            advice="Add easy movement on a day after a heavy one: a brisk walk, easy "
            "cycling, mobility work or an easy swim. Light movement keeps the blood flowing "
            "to the tissues that are repairing and helps the body switch to rest and "
            "digest; for those who train hard several times a week, active rest is "
            "essential (the recovery article). The measured effect is modest: a "
            "meta-analysis (Dupuy 2018) found active recovery eased soreness and fatigue a "
            "little.",
        )
    ]
