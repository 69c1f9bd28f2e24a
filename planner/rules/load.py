"""Load rules: how alike the days are, how fast the week's load rises, session spikes."""

from __future__ import annotations

import math

from planner.findings import Finding, Metrics, Severity
from planner.model import DAY_KEYS, DAY_NAMES, Plan
from planner.rules.metrics import ACWR_WEEKS, format_number

_SPIKE_CRITICAL_PCT = 200


def _threshold(plan: Plan, key: str) -> float:
    value = plan.rules.threshold(key)
    assert value is not None, key
    return value


def monotony(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Days too alike to recover between: info above the info threshold, a warning above
    the max or when every day carries the same load. Source: Foster 1998 (cohort)."""
    value = metrics.monotony
    advice = (
        "Make the easy days clearly easy and the hard days hard, for example by turning a "
        "moderate day into a rest or active-recovery day. A week without real low days "
        "leaves no room for the recovery in which the body adapts."
    )
    if value is None:
        if metrics.weekly_load <= 0:
            return []
        load = metrics.daily_load[0]
        return [
            Finding(
                rule="monotony",
                severity=Severity.warning,
                days=(),
                message=f"Every day carries the same load ({load} AU): no easier day to "
                "recover on.",
                advice=advice,
            )
        ]
    info = _threshold(plan, "monotony_info")
    most = _threshold(plan, "monotony_max")
    if value > most:
        severity, limit = Severity.warning, most
    elif value > info:
        severity, limit = Severity.info, info
    else:
        return []
    return [
        Finding(
            rule="monotony",
            severity=severity,
            days=(),
            message=f"Monotony {value:.2f} (mean daily load over its spread), above "
            f"{format_number(limit, 2)}: the days carry too similar a load.",
            advice=advice,
        )
    ]


def load_change(plan: Plan, metrics: Metrics) -> list[Finding]:
    """This week's load rises against the last history week: info above the info
    threshold, a warning above the max. Source: Nielsen 2014 (novice runners, cohort);
    Buist 2008 RCT found the 10 % rule no better than a freer build-up."""
    change = metrics.load_change_pct
    if change is None:
        return []
    info = _threshold(plan, "load_change_info_pct")
    most = _threshold(plan, "load_change_max_pct")
    last = plan.history.weekly_loads[-1]
    if change > most:
        severity, limit = Severity.warning, most
        advice = (
            "Spread the rise over two or three weeks, or keep this week nearer last "
            "week's load. When load climbs faster than recovery keeps up, stress builds "
            "between sessions and ends in overload (Nielsen 2014 saw more injuries in "
            "novice runners who raised their load by more than 30 % a week)."
        )
    elif change > info:
        severity, limit = Severity.info, info
        advice = (
            "A rise like this can be fine: Buist 2008 found the 10 % rule no better at "
            "preventing injuries than a freer build-up. Keep the easy days easy and watch "
            "how you recover."
        )
    else:
        return []
    return [
        Finding(
            rule="load-change",
            severity=severity,
            days=(),
            message=f"Weekly load {metrics.weekly_load} AU is {format_number(change)} % above "
            f"last week's {format_number(last, 0)} AU, more than {format_number(limit, 2)} %.",
            advice=advice,
        )
    ]


def acwr(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Acute:chronic workload ratio out of range: info below the low or above the caution
    threshold, a warning above the high. Source: Gabbett 2016; Impellizzeri 2020 critique
    (cohort, disputed)."""
    ratio = metrics.acwr
    if ratio is None:
        return []
    low = _threshold(plan, "acwr_low")
    caution = _threshold(plan, "acwr_caution")
    high = _threshold(plan, "acwr_high")
    not_a_forecast = (
        "The ratio describes a change in load; it does not predict injury (Impellizzeri 2020)."
    )
    if ratio > high:
        severity, where = Severity.warning, f"above {format_number(high, 2)}"
        advice = (
            "Build up over more weeks and keep the recovery days in place while the load "
            "climbs. " + not_a_forecast
        )
    elif ratio > caution:
        severity, where = Severity.info, f"above {format_number(caution, 2)}"
        advice = (
            "This week is well above your recent weeks; plan the recovery around the extra "
            "load with care. " + not_a_forecast
        )
    elif ratio < low:
        severity, where = Severity.info, f"under {format_number(low, 2)}"
        advice = (
            "This week is well below your recent weeks, which is fine for a planned easier "
            "week; a sudden jump back up later is the bigger change. " + not_a_forecast
        )
    else:
        return []
    recent = plan.history.weekly_loads[-ACWR_WEEKS:]
    mean = sum(recent) / len(recent)
    return [
        Finding(
            rule="acwr",
            severity=severity,
            days=(),
            message=f"Acute:chronic load ratio {ratio:.2f} ({metrics.weekly_load} AU this "
            f"week against a mean of {format_number(mean, 0)} AU over the last "
            f"{len(recent)} weeks), {where}.",
            advice=advice,
        )
    ]


def session_spike(plan: Plan, metrics: Metrics) -> list[Finding]:
    """A session longer than the threshold share of the longest recent session of its
    activity: a warning, critical above 200 %. Source: Frandsen 2025 (5,205 runners,
    cohort)."""
    longest = plan.history.longest_session_min
    if not longest:
        return []
    threshold = _threshold(plan, "session_spike_pct")
    findings = []
    for key in DAY_KEYS:
        for session in getattr(plan.days, key).sessions:
            recent = longest.get(session.activity)
            if recent is None or 100 * session.minutes <= threshold * recent:
                continue
            share = 100 * session.minutes / recent
            critical = 100 * session.minutes > _SPIKE_CRITICAL_PCT * recent
            activity = session.activity.value
            findings.append(
                Finding(
                    rule="session-spike",
                    severity=Severity.critical if critical else Severity.warning,
                    days=(key,),
                    message=f'"{session.title}" on {DAY_NAMES[key]}: {session.minutes} min, '
                    f"{format_number(share)} % of the longest {activity} session in the "
                    f"last 30 days ({recent} min), above "
                    f"{format_number(_SPIKE_CRITICAL_PCT if critical else threshold, 2)} %.",
                    advice=f"Keep it to about {math.floor(threshold * recent / 100)} min "
                    "this week and lengthen it over several weeks. A session much longer "
                    "than the body is used to is a sharp spike in load, and the recovery "
                    "after it takes longer than the plan allows.",
                )
            )
    return findings
