"""Load rules: how alike the days are, how fast the week's load rises, and sessions much
longer than recent ones."""

from __future__ import annotations

import math

from planner.catalogue import ACTIVITY_WORDS, format_number
from planner.model import DAY_NAMES, Activity
from planner.report import Finding, Metrics, Severity
from planner.rules.context import Bout, WeekView
from planner.rules.metrics import ACWR_WEEKS, LOAD_CHANGE_WEEKS
from planner.rules.words import title

#: A run this much longer than the 30-day longest (in percent) is critical (rules.md).
SPIKE_CRITICAL_PCT = 200
#: Days the session-spike look-back covers before a session's day.
SPIKE_DAYS = 30


def monotony(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The days are too alike to recover between: info above the info threshold, a
    warning above the max, or when every day carries the same load above 0. Source:
    Foster 1998. Evidence: cohort."""
    value = metrics.monotony
    advice = (
        "Make the easy days clearly easy and the hard days hard: turn a moderate day into "
        "a rest day or easy movement (a brisk walk, easy cycling, mobility), and let the "
        "hard days carry the work. The body adapts in the recovery between hard days, and "
        "a week without real low days leaves little room for it. Foster (1998) saw more "
        "illness in athletes whose weeks were heavy and alike from day to day; the "
        "thresholds are his rules of thumb from that observation, not proven limits."
    )
    if value is None:
        if metrics.weekly_load <= 0:
            return []
        return [
            Finding(
                rule="monotony",
                severity=Severity.warning,
                week=view.number,
                days=(),
                message=f"Every day carries the same load ({metrics.daily_load[0]} AU): no "
                "easier day to recover on.",
                advice=advice,
            )
        ]
    info = view.threshold("monotony_info")
    most = view.threshold("monotony_max")
    if value > most:
        severity, limit, words = Severity.warning, most, "the days carry too similar a load"
    elif value > info:
        severity, limit, words = Severity.info, info, "the days are getting alike"
    else:
        return []
    mean = metrics.weekly_load / 7
    spread = mean / value
    return [
        Finding(
            rule="monotony",
            severity=severity,
            week=view.number,
            days=(),
            message=f"Monotony {value:.2f} (mean daily load {format_number(round(mean))} AU "
            f"over its spread of {format_number(round(spread))} AU), above "
            f"{format_number(limit)}: {words}.",
            advice=advice,
        )
    ]


def _week_words(view: WeekView, position: int) -> str:
    """A history position as words: "week 2", or "a week before the plan"."""
    before_plan = len(view.history) - view.index
    if position >= before_plan:
        return f"week {position - before_plan + 1}"
    return "a week before the plan"


def load_change(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The week's load rises against the highest of the last 3 history weeks: info
    above the info threshold, a warning above the max (30 % is not above 30 %). Source:
    Nielsen 2014 (novice runners: over 30 % a week, more distance-related injuries, HR
    1.59, not statistically significant); Buist 2008 (RCT: the 10 % rule did no
    better). Evidence: cohort, weak."""
    change = metrics.load_change_pct
    if change is None:
        return []
    info = view.threshold("load_change_info_pct")
    most = view.threshold("load_change_max_pct")
    if change > most:
        severity, limit = Severity.warning, most
    elif change > info:
        severity, limit = Severity.info, info
    else:
        return []
    recent = view.history[-LOAD_CHANGE_WEEKS:]
    reference = max(recent)
    position = len(view.history) - len(recent) + recent.index(reference)
    if severity is Severity.warning:
        advice = (
            "Spread the rise over two or three weeks, or keep this week nearer "
            f"{format_number(round(reference))} AU, and keep the easy days easy while the "
            "load climbs. In a cohort of novice runners (Nielsen 2014), those who raised "
            "their weekly distance by more than 30 % had more distance-related injuries, "
            "though the difference was not statistically certain: a caution, not a rule."
        )
    else:
        advice = (
            "A rise like this is often fine: in a randomised trial (Buist 2008), novice "
            "runners who kept to the 10 % rule were injured no less often than those who "
            "built up faster. Keep the easy days easy while the load climbs, and sleep well."
        )
    return [
        Finding(
            rule="load-change",
            severity=severity,
            week=view.number,
            days=(),
            message=f"This week's load, {metrics.weekly_load} AU, is {format_number(change)} % "
            f"above {format_number(round(reference))} AU, the highest of the last "
            f"{len(recent)} {'week' if len(recent) == 1 else 'weeks'} "
            f"({_week_words(view, position)}): more than {format_number(limit)} %.",
            advice=advice,
        )
    ]


def acwr(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The acute:chronic load ratio is below the low or above the caution threshold:
    info only; the message says whether it is above the high one, and the advice that
    the ratio describes a change in load and does not predict injury. Source: Gabbett
    2016; Impellizzeri 2020 and Frandsen 2025 (no association in 5,205 runners).
    Evidence: disputed."""
    ratio = metrics.acwr
    if ratio is None:
        return []
    low = view.threshold("acwr_low")
    caution = view.threshold("acwr_caution")
    high = view.threshold("acwr_high")
    honest = (
        "The ratio describes a change in load and does not predict injury: Gabbett (2016) "
        "linked high ratios to injuries in team sports, but later work found the method "
        "flawed (Impellizzeri 2020) and no association in 5,205 runners (Frandsen 2025)."
    )
    if ratio > caution:
        if ratio > high:
            where = f"above {format_number(caution)} and above the high mark of "
            where += format_number(high)
        else:
            where = f"above {format_number(caution)}, not above the high mark of "
            where += format_number(high)
        advice = (
            "This week is well above your recent weeks. Check that the rise is the one you "
            "meant, and keep the easy days and sleep in place while the load climbs. " + honest
        )
    elif ratio < low:
        where = f"under {format_number(low)}: well below your recent weeks"
        advice = (
            "A planned lighter week is fine; the bigger change is the climb back, so spread "
            "it over a week or two. " + honest
        )
    else:
        return []
    recent = view.history[-ACWR_WEEKS:]
    mean = sum(recent) / len(recent)
    return [
        Finding(
            rule="acwr",
            severity=Severity.info,
            week=view.number,
            days=(),
            message=f"Acute:chronic load ratio {ratio:.2f} ({metrics.weekly_load} AU this week "
            f"against a mean of {format_number(round(mean))} AU over the last "
            f"{len(recent)} weeks), {where}.",
            advice=advice,
        )
    ]


def _longest_by_day(view: WeekView) -> tuple[int, dict[Activity, list[int]]]:
    """The first day number of the look-back of the week's Monday, and per activity the
    longest session (done minutes) on every day from there to the week's Sunday."""
    end = view.index * 7 + 7
    first = max(0, view.index * 7 - SPIKE_DAYS)
    size = end - first
    # rows only for the activities of this week's sessions: no other is compared
    longest: dict[Activity, list[int]] = {
        bout.activity: [0] * size for day in view.days for bout in day.bouts
    }
    for position, day in enumerate(view.timeline.days[first:end]):
        for bout in day.bouts:
            row = longest.get(bout.activity)
            if row is not None and bout.minutes > row[position]:
                row[position] = bout.minutes
    return first, longest


def session_spike(view: WeekView, metrics: Metrics) -> list[Finding]:
    """A session longer than the threshold share of the longest session of its activity
    in the 30 calendar days before its day and the sessions listed before it that day
    (with `history.longest_session_min` while the look-back reaches before week 1). Run:
    a warning, critical above 200 %; other activities: info, saying the evidence is from
    running. No finding with nothing to compare with. The look-back does not wrap: before
    week 1 lies the plan's history. Source: Frandsen 2025 (5,205 runners; a run 10-30 %
    longer than the 30-day longest: HR 1.64, over 100 %: HR 2.28). Evidence: cohort."""
    if view.index * 7 + 6 < SPIKE_DAYS:
        return _spike_early(view)
    return _spike_window(view)


def _spike_window(view: WeekView) -> list[Finding]:
    """`session_spike` for any week: the longest of each activity over each session's
    own 30-day window (and the sessions listed before it that day)."""
    if not any(day.bouts for day in view.days):
        return []
    threshold = view.threshold("session_spike_pct")
    history = view.plan.history.longest_session_min
    first, longest = _longest_by_day(view)
    findings = []
    for day in view.days:
        bouts = day.bouts
        if not bouts:
            continue
        number = day.number
        today: dict[Activity, int] = {}
        for bout in bouts:
            activity = bout.activity
            minutes = bout.minutes
            before = today.get(activity, 0)
            window = longest[activity][max(0, number - SPIKE_DAYS - first) : number - first]
            reference = max(before, max(window)) if window else before
            from_history = False
            if number < SPIKE_DAYS and history.get(activity, 0) > reference:
                reference = history[activity]
                from_history = True
            if minutes > before:
                today[activity] = minutes
            if reference <= 0 or 100 * minutes <= threshold * reference:
                continue
            findings.append(_spike_finding(view, day.key, bout, reference, from_history))
    return findings


def _spike_early(view: WeekView) -> list[Finding]:
    """`session_spike` for weeks 1-4, whose look-back holds every earlier day of the plan
    and reaches before week 1: one running longest per activity does."""
    threshold = view.threshold("session_spike_pct")
    history = view.plan.history.longest_session_min
    running: dict[Activity, int] = {}
    for day in view.timeline.days[: view.index * 7]:
        for bout in day.bouts:
            if bout.minutes > running.get(bout.activity, 0):
                running[bout.activity] = bout.minutes
    findings = []
    for day in view.days:
        for bout in day.bouts:
            activity = bout.activity
            minutes = bout.minutes
            reference = running.get(activity, 0)
            from_history = history.get(activity, 0) > reference
            if minutes > reference:
                running[activity] = minutes
            if from_history:
                reference = history[activity]
            if reference <= 0 or 100 * minutes <= threshold * reference:
                continue
            findings.append(_spike_finding(view, day.key, bout, reference, from_history))
    return findings


def _spike_finding(
    view: WeekView, key: str, bout: Bout, reference: int, from_history: bool
) -> Finding:
    threshold = view.threshold("session_spike_pct")
    share = 100 * bout.minutes / reference
    activity = ACTIVITY_WORDS[bout.activity]
    where = "from the plan's history" if from_history else "in the plan"
    message = (
        f"{title(bout)} on {DAY_NAMES[key]}: {bout.minutes} min, {format_number(share)} % of "
        f"the longest {activity} session in the 30 days before it ({reference} min, "
        f"{where}), above {format_number(threshold)} %."
    )
    keep = math.floor(threshold * reference / 100)
    if bout.activity is Activity.run:
        critical = 100 * bout.minutes > SPIKE_CRITICAL_PCT * reference
        severity = Severity.critical if critical else Severity.warning
        if critical:
            message += " That is more than twice as long."
        advice = (
            f"Keep it to about {keep} min for now and lengthen it step by step over the "
            "coming weeks. In a cohort of 5,205 runners (Frandsen 2025), a run 10-30 % "
            "longer than the longest of the previous 30 days came with more running "
            "injuries (hazard ratio 1.64), and one more than twice as long with more still "
            "(2.28): an observed link, not proof, but a consistent one."
        )
    else:
        severity = Severity.info
        advice = (
            "The evidence for this is from running: in a cohort of 5,205 runners (Frandsen "
            "2025), a run much longer than the longest of the previous 30 days came with "
            f"more injuries. Whether that holds for {activity} is not known. A session much "
            "longer than you are used to still asks for more recovery, so consider "
            f"lengthening it in steps (about {keep} min now)."
        )
    return Finding(
        rule="session-spike",
        severity=severity,
        week=view.number,
        days=(key,),
        message=message,
        advice=advice,
    )
