"""Sleep rules: short nights, a bedtime that moves around, hard sessions that end near bed."""

from __future__ import annotations

from planner.findings import Finding, Metrics, Severity
from planner.model import DAY_KEYS, DAY_NAMES, Kind, Plan
from planner.rules.metrics import (
    CLOCK_MINUTES,
    clock,
    format_number,
    in_week_order,
    join_words,
    planned_bedtimes,
    planned_sleep,
)

_NOON = 12 * 60
_DAY_MINUTES = 24 * 60


def _threshold(plan: Plan, key: str) -> float:
    value = plan.rules.threshold(key)
    assert value is not None, key
    return value


def bedtime_minute(bedtime: str) -> int:
    """Minutes after the day's midnight; a bedtime before 12:00 is after midnight."""
    minute = CLOCK_MINUTES[bedtime]
    return minute + _DAY_MINUTES if minute < _NOON else minute


def short_sleep(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Planned sleep under the minimum (a warning), or under the heavy-day level on the
    night after a heavy day (info); one finding per night. Source: Walsh 2021 consensus;
    Milewski 2014 cohort; the seed."""
    least = _threshold(plan, "sleep_min_hours")
    after_heavy = _threshold(plan, "sleep_after_heavy_hours")
    findings = []
    for key, hours in zip(DAY_KEYS, planned_sleep(plan), strict=True):
        if hours is None:
            continue
        day = DAY_NAMES[key]
        if hours < least:
            findings.append(
                Finding(
                    rule="short-sleep",
                    severity=Severity.warning,
                    days=(key,),
                    message=f"{format_number(hours, 2)} h of sleep planned for the night "
                    f"after {day}, under {format_number(least, 2)} h.",
                    advice=f"Plan at least {format_number(least, 2)} h in bed. Sleep is the "
                    "strongest natural recovery aid: growth hormone peaks in deep sleep early "
                    "in the night and cortisol falls, so a short night stalls recovery at once.",
                )
            )
        elif hours < after_heavy and any(
            session.kind is Kind.heavy for session in getattr(plan.days, key).sessions
        ):
            findings.append(
                Finding(
                    rule="short-sleep",
                    severity=Severity.info,
                    days=(key,),
                    message=f"{format_number(hours, 2)} h of sleep planned after the heavy day "
                    f"on {day}, under {format_number(after_heavy, 2)} h.",
                    advice=f"Aim for {format_number(after_heavy, 2)} h after a heavy day. The "
                    "repair work of a hard session happens largely in deep sleep early in "
                    "the night, when growth hormone peaks; an earlier bedtime buys it.",
                )
            )
    return findings


def irregular_bedtime(plan: Plan, metrics: Metrics) -> list[Finding]:
    """The latest and earliest planned bedtimes are more than the threshold apart (times
    before 12:00 count as after midnight). Source: the seed (melatonin rhythm);
    sleep-regularity research (consensus)."""
    spread_limit = _threshold(plan, "bedtime_spread_min")
    bedtimes = {}
    for key, bedtime in zip(DAY_KEYS, planned_bedtimes(plan), strict=True):
        if bedtime is not None:
            bedtimes[key] = bedtime_minute(bedtime)
    if len(bedtimes) < 2:
        return []
    earliest = min(bedtimes.values())
    latest = max(bedtimes.values())
    spread = latest - earliest
    if spread <= spread_limit:
        return []
    early_days = [key for key, minute in bedtimes.items() if minute == earliest]
    late_days = [key for key, minute in bedtimes.items() if minute == latest]

    def named(keys: list[str]) -> str:
        if len(keys) > 3:
            return f"{len(keys)} days"
        return join_words(DAY_NAMES[key] for key in keys)

    return [
        Finding(
            rule="irregular-bedtime",
            severity=Severity.warning,
            days=in_week_order(early_days + late_days),
            message=f"Bedtimes range from {clock(earliest)} "
            f"({named(early_days)}) to {clock(latest)} ({named(late_days)}): "
            f"{spread} min apart, more than {format_number(spread_limit, 2)} min.",
            advice="Go to bed at about the same time every night. A fixed sleep-wake rhythm "
            "steadies the body clock, while a different bedtime each day disturbs the "
            "melatonin that brings on the deep sleep recovery depends on.",
        )
    ]


def late_hard_session(plan: Plan, metrics: Metrics) -> list[Finding]:
    """A heavy session ends less than the threshold before that day's bedtime (needs a
    start). Source: Stutz 2019 meta-analysis (vigorous exercise ending within 1 h of
    bedtime); the seed."""
    gap_limit = _threshold(plan, "bedtime_gap_min")
    findings = []
    for key, bedtime in zip(DAY_KEYS, planned_bedtimes(plan), strict=True):
        if bedtime is None:
            continue
        bed = bedtime_minute(bedtime)
        for session in getattr(plan.days, key).sessions:
            if session.kind is not Kind.heavy or session.start is None:
                continue
            end = CLOCK_MINUTES[session.start] + session.minutes
            gap = bed - end
            if gap >= gap_limit:
                continue
            if gap > 0:
                when = f"{gap} min before the {bedtime} bedtime"
            elif gap == 0:
                when = f"right at the {bedtime} bedtime"
            else:
                when = f"{-gap} min after the {bedtime} bedtime"
            limit = format_number(gap_limit, 2)
            findings.append(
                Finding(
                    rule="late-hard-session",
                    severity=Severity.warning,
                    days=(key,),
                    message=f'Heavy session "{session.title}" on {DAY_NAMES[key]} ends at '
                    f"{clock(end)}, {when}; less than {limit} min.",
                    advice=f"Move it earlier so it ends at least {limit} min before bed, or "
                    "make the evening session easier. A hard session leaves the nervous "
                    "system on alert, and the hour before bed needs calm (no bright screens, "
                    "no heavy meal) so deep sleep can start its recovery work.",
                )
            )
    return findings
