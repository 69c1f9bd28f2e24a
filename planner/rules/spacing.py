"""Spacing rules: how heavy work and recovery alternate, day by day and across weeks.

Spacing rules see Sunday followed by the next week's Monday (and, when the plan
repeats, the last Sunday followed by the first Monday). A finding that spans a week
boundary belongs to the week of its earlier day, so each week reports the pairs and
streaks that start in it and never one that started the week before (rules.md).
"""

from __future__ import annotations

import itertools
import math

from planner.catalogue import format_number, join_words, plural
from planner.model import DAY_KEYS, DAY_NAMES, Activity, DayType, Focus, Kind
from planner.report import Finding, Metrics, Severity
from planner.rules.context import MINUTES_PER_DAY, Bout, DayView, WeekView
from planner.rules.words import (
    clock,
    day_name,
    days_ahead,
    hours,
    in_week_order,
    muscle_words,
    title,
    when,
)

#: Activities whose hard sessions interfere with leg strength (rules.md).
ENDURANCE: frozenset[Activity] = frozenset(
    {Activity.run, Activity.cycle, Activity.row, Activity.hiit, Activity.sport}
)

_EASY_MOVEMENT = "a brisk walk, easy cycling, mobility work or an easy swim"

_HARD_EASY = (
    "Alternating hard and easy days is a long-standing coaching rule of thumb (Bowerman's "
    "hard/easy principle), not a measured limit."
)


def _heavy_bouts(day: DayView) -> list[Bout]:
    return [bout for bout in day.bouts if bout.kind is Kind.heavy]


def _split_pair(first: DayView, second: DayView) -> bool:
    """Both days' heavy sessions are all strength and share no muscle group."""
    groups: set[Focus] = set()
    for bout in _heavy_bouts(first):
        if bout.activity is not Activity.strength:
            return False
        groups |= bout.focus
    for bout in _heavy_bouts(second):
        if bout.activity is not Activity.strength or bout.focus & groups:
            return False
    return True


def _heavy_titles(day: DayView) -> str:
    return join_words([title(bout) for bout in _heavy_bouts(day)])


def back_to_back_heavy(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Two consecutive heavy days, one finding per pair; an info for a strength split
    whose days share no muscle group. Sunday and the next Monday count (and the wrap of
    a repeating plan). Source: Bowerman hard/easy principle; the recovery article (the
    nervous system does not split by muscle group). Evidence: heuristic."""
    if not metrics.heavy_sessions:
        return []
    days = view.days
    findings = []
    for offset in range(7):
        first = days[offset]
        if first.day_type is not DayType.heavy:
            continue
        second = days[offset + 1] if offset < 6 else view.timeline.after(first.number)
        if second is None or second.day_type is not DayType.heavy:
            continue
        next_offset = offset + 1
        names = f"{day_name(view, offset)} ({_heavy_titles(first)}) and " + (
            f"{day_name(view, next_offset)} ({_heavy_titles(second)})"
        )
        keys = in_week_order((first.key, second.key))
        if _split_pair(first, second):
            findings.append(
                Finding(
                    rule="back-to-back-heavy",
                    severity=Severity.info,
                    week=view.number,
                    days=keys,
                    message=f"Heavy strength on {names}: a split, different muscles on each day.",
                    advice="Working different muscles lets each group rest, but the nervous "
                    "system does not split by muscle group: two hard days in a row still "
                    "add up for it, and training on through that fatigue raises the risk "
                    "of injury (the recovery article). Keep the split if it suits you, "
                    "follow the pair with an easy day, and take the second day easier "
                    "when you start it tired. " + _HARD_EASY,
                )
            )
            continue
        findings.append(
            Finding(
                rule="back-to-back-heavy",
                severity=Severity.warning,
                week=view.number,
                days=keys,
                message=f"Heavy sessions on {names}, with no easier day between.",
                advice="Make one of the two an easy day, rest or easy movement such as "
                f"{_EASY_MOVEMENT}, or move one heavy session so an easier day sits "
                "between them. The body gets stronger in the recovery after hard work, "
                "not during it, and the nervous system needs that recovery even when the "
                "days work different muscles (the recovery article). " + _HARD_EASY,
            )
        )
    return findings


def _streak(view: WeekView, offset: int, day: DayView) -> list[tuple[int, DayView]]:
    """The run of heavy days starting at a day, followed across weeks (and the wrap)."""
    timeline = view.timeline
    limit = len(timeline.days)
    run = [(offset, day)]
    number = day.number
    while len(run) < limit:
        following = timeline.after(number)
        if following is None or following.day_type is not DayType.heavy:
            break
        offset += 1
        run.append((offset, following))
        number = following.number
    return run


def _streak_finding(view: WeekView, run: list[tuple[int, DayView]], circular: bool) -> Finding:
    split = all(_split_pair(first, second) for (_, first), (_, second) in itertools.pairwise(run))
    days = in_week_order(day.key for _, day in run)
    if circular:
        what = "week" if view.timeline.week_count == 1 else "plan"
        message = f"Every day is a heavy day and the {what} repeats: no easier day anywhere."
    else:
        if len(run) <= 7:
            named = join_words([day_name(view, offset) for offset, _ in run])
            where = f"on {named}"
        else:
            where = f"from {day_name(view, run[0][0])} to {day_name(view, run[-1][0])}"
        message = f"Heavy days {where}: {len(run)} in a row with no easier day between."
    if split:
        message += " Each day works different muscles (a split)."
        advice = (
            "Put an easy day into the streak: rest, or easy movement such as "
            f"{_EASY_MOVEMENT}. A split lets each muscle group rest, but the nervous "
            "system, joints and connective tissue carry every day of it, and recovery "
            "that stays incomplete between sessions builds up into overload (the recovery "
            "article). " + _HARD_EASY
        )
        severity = Severity.warning
    else:
        advice = (
            "Break the streak with a rest day or easy movement such as "
            f"{_EASY_MOVEMENT}. Hard days in a row pile up stress before the body has "
            "repaired, and recovery that stays incomplete between sessions builds up into "
            "overload (the recovery article). " + _HARD_EASY
        )
        severity = Severity.critical
    return Finding(
        rule="heavy-streak",
        severity=severity,
        week=view.number,
        days=days,
        message=message,
        advice=advice,
    )


def heavy_streak(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Three or more consecutive heavy days, one finding per streak, which may run into
    the next week and belongs to the week it starts in; a warning when every pair of it
    is a split. Source: hard/easy principle; the recovery article. Evidence: heuristic."""
    if not metrics.heavy_sessions:
        return []
    timeline = view.timeline
    days = view.days
    findings = []
    for offset, day in enumerate(days):
        if day.day_type is not DayType.heavy:
            continue
        before = days[offset - 1] if offset else timeline.before(day.number)
        if before is not None and before.day_type is DayType.heavy:
            continue  # a streak that started earlier (or every day is heavy, below)
        run = _streak(view, offset, day)
        if len(run) >= 3:
            findings.append(_streak_finding(view, run, circular=False))
    if (
        view.index == 0
        and timeline.wraps
        and len(timeline.days) >= 3
        and all(day.day_type is DayType.heavy for day in timeline.days)
    ):
        run = list(enumerate(timeline.days[:7]))
        findings.append(_streak_finding(view, run, circular=True))
    return findings


def _pair_key(first: Bout, second: Bout) -> frozenset[tuple[int, int]]:
    return frozenset({(first.day_number, first.index), (second.day_number, second.index)})


def _fine_days(span: int) -> str:
    """Which days after Monday are fine for a span of calendar days."""
    if span <= 1:
        return "Monday and Tuesday are fine, two on the same day are not"
    fine = DAY_NAMES[DAY_KEYS[span % 7]] if span < 7 else "the next Monday"
    close = DAY_NAMES[DAY_KEYS[(span - 1) % 7]]
    return f"Monday and {fine} are fine, Monday and {close} are not"


def muscle_recovery(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Two heavy strength sessions load a common muscle group (full body loads all) on
    days fewer than ceil(hours / 24) calendar days apart: 48 h is two calendar days, so
    Monday and Wednesday are fine, Monday and Tuesday are not. One finding per pair,
    critical on the same day. Source: ACSM 2009 progression models; Garber 2011 (the
    same group on non-consecutive days). Evidence: consensus."""
    if not metrics.heavy_sessions:
        return []
    placed = [
        (offset, bout)
        for offset, day in enumerate(view.days)
        for bout in day.bouts
        if bout.kind is Kind.heavy and bout.activity is Activity.strength and bout.focus
    ]
    if not placed:
        return []
    span = math.ceil(view.threshold("muscle_recovery_hours") / 24)
    placed.extend(
        (offset, bout)
        for offset, day in days_ahead(view, span - 1)[7:]
        for bout in day.bouts
        if bout.kind is Kind.heavy and bout.activity is Activity.strength and bout.focus
    )
    best: dict[frozenset[tuple[int, int]], tuple[int, int, int]] = {}
    for first_at, (offset, first) in enumerate(placed):
        if offset >= 7:
            break
        for second_at in range(first_at + 1, len(placed)):
            second_offset, second = placed[second_at]
            gap = second_offset - offset
            if gap >= span:
                break
            if not first.focus & second.focus:
                continue
            key = _pair_key(first, second)
            if len(key) < 2:
                continue
            if key not in best or gap < best[key][0]:
                best[key] = (gap, first_at, second_at)
    findings = []
    for gap, first_at, second_at in sorted(best.values(), key=lambda item: item[1:]):
        findings.append(_muscle_finding(view, placed[first_at], placed[second_at], gap, span))
    return findings


def _muscle_finding(
    view: WeekView, first: tuple[int, Bout], second: tuple[int, Bout], gap: int, span: int
) -> Finding:
    (offset, a), (second_offset, b) = first, second
    limit = f"{format_number(view.threshold('muscle_recovery_hours'))} h"
    groups = muscle_words(a.focus & b.focus)
    apart = ""
    if a.has_start and b.has_start:
        minutes = abs(
            second_offset * MINUTES_PER_DAY
            + b.start_minute
            - offset * MINUTES_PER_DAY
            - a.start_minute
        )
        apart = f"{hours(minutes)} apart"
    if gap == 0:
        starts = ""
        if a.has_start and b.has_start:
            starts = f" at {clock(a.start_minute)} and {clock(b.start_minute)}, {apart}"
        message = (
            f"{groups} loaded heavy twice on {day_name(view, offset)}: {title(a)} and "
            f"{title(b)}{starts}."
        )
        advice = (
            "Do not load the same muscles heavy twice in one day: merge the two sessions "
            f"into one, give one of them other muscles, or move it {plural(span, 'day')} "
            f"away ({limit}: {_fine_days(span)})."
        )
        severity = Severity.critical
    else:
        span_words = "the next day" if gap == 1 else f"{gap} calendar days later"
        message = (
            f"{groups} on {when(view, offset, a)} ({title(a)}) and "
            f"{when(view, second_offset, b)} ({title(b)}): "
            f"{apart + ', ' if apart else ''}{span_words}, where {limit} asks for "
            f"{plural(span, 'calendar day')}."
        )
        advice = (
            f"Leave {plural(span, 'calendar day')} between heavy sessions on the same "
            f"muscles ({limit}: {_fine_days(span)}), give the second session other "
            "muscles, or make it lighter."
        )
        severity = Severity.warning
    advice += (
        " Muscle fibres repair and grow in the recovery after a hard session; loading them "
        "hard again before that repair is done piles up damage instead. The ACSM position "
        "stands advise training a muscle group hard on non-consecutive days: expert "
        "consensus, not a measured cut-off, so set your own in the plan settings (s)."
    )
    return Finding(
        rule="muscle-recovery",
        severity=severity,
        week=view.number,
        days=in_week_order((DAY_KEYS[offset % 7], DAY_KEYS[second_offset % 7])),
        message=message,
        advice=advice,
    )


def concurrent_interference(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Heavy or moderate leg strength and a heavy or moderate run, ride, row, HIIT or
    sport session less than the threshold apart, start to start, in either order (12:00
    without a start); one finding per pair, across the week boundary too; a warning when
    both are heavy. Source: Robineau 2016 (RCT: 0 h and 6 h between strength and sprint
    intervals blunted strength gains, 24 h did not); Sporer & Wenger 2003; Wilson 2012
    meta-analysis. Evidence: RCT."""
    limit = view.threshold("interference_hours") * 60
    if limit <= 0:
        return []
    placed: list[tuple[int, int, int, Bout, bool]] = []
    kinds = 0  # 1: leg strength seen, 2: endurance seen
    for offset, day in _interference_days(view, limit):
        if offset == 7 and not placed:
            return []
        for bout in day.bouts:
            kind = bout.kind
            if kind is not Kind.heavy and kind is not Kind.moderate:
                continue
            activity = bout.activity
            if activity is Activity.strength:
                if Focus.legs not in bout.focus:
                    continue
                strength = True
            elif activity in ENDURANCE:
                strength = False
            else:
                continue
            kinds |= 1 if strength else 2
            position = offset * MINUTES_PER_DAY + bout.start_minute
            placed.append((position, offset, bout.index, bout, strength))
    if kinds != 3:
        return []  # no pair without both leg strength and endurance work
    placed.sort(key=lambda item: item[:3])
    best: dict[frozenset[tuple[int, int]], tuple[int, int, int]] = {}
    for first_at, (position, offset, _, first, strength) in enumerate(placed):
        if offset >= 7:
            continue
        for second_at in range(first_at + 1, len(placed)):
            other_position, _, _, second, other_strength = placed[second_at]
            gap = other_position - position
            if gap >= limit:
                break
            if strength == other_strength:
                continue
            key = _pair_key(first, second)
            if len(key) < 2:
                continue
            if key not in best or gap < best[key][0]:
                best[key] = (gap, first_at, second_at)
    findings = []
    for gap, first_at, second_at in sorted(best.values(), key=lambda item: item[1:]):
        findings.append(_interference_finding(view, placed[first_at], placed[second_at], gap))
    return findings


def _interference_days(view: WeekView, limit: float) -> list[tuple[int, DayView]]:
    """The week's days, and the days after it as far as the threshold reaches."""
    return days_ahead(view, math.ceil(limit / MINUTES_PER_DAY))


def _describe(view: WeekView, offset: int, bout: Bout, strength: bool) -> str:
    kind = "heavy" if bout.kind is Kind.heavy else "moderate"
    what = "leg strength" if strength else _ACTIVITY_NAMES[bout.activity]
    return f"{kind} {what} {title(bout)} ({when(view, offset, bout)})"


_ACTIVITY_NAMES: dict[Activity, str] = {
    Activity.run: "run",
    Activity.cycle: "ride",
    Activity.row: "row",
    Activity.hiit: "HIIT",
    Activity.sport: "sport",
}


#: How the advice names each kind of endurance work.
_ACTIVITY_WORK: dict[Activity, str] = {
    Activity.run: "running",
    Activity.cycle: "cycling",
    Activity.row: "rowing",
    Activity.hiit: "HIIT",
    Activity.sport: "sport (matches, team training)",
}


def _interference_finding(
    view: WeekView,
    first: tuple[int, int, int, Bout, bool],
    second: tuple[int, int, int, Bout, bool],
    gap: int,
) -> Finding:
    _, offset, _, a, a_strength = first
    _, second_offset, _, b, b_strength = second
    limit = f"{format_number(view.threshold('interference_hours'))} h"
    both_heavy = a.kind is Kind.heavy and b.kind is Kind.heavy
    endurance = b if a_strength else a
    sentence = _describe(view, offset, a, a_strength)
    message = (
        f"{sentence[:1].upper()}{sentence[1:]} and "
        f"{_describe(view, second_offset, b, b_strength)}: {hours(gap)} apart, start to "
        f"start, under {limit}."
    )
    advice = (
        f"Put {limit} or more between leg strength and hard "
        f"{_ACTIVITY_WORK[endurance.activity]}, start to start, for example by "
        "moving one of them to another day, or make one of them easy. In a small "
        "randomised trial (Robineau 2016), 0 or 6 h between strength and sprint-interval "
        "sessions blunted the strength gains and 24 h did not; a meta-analysis (Wilson "
        "2012) found endurance work, running most of all, takes something from leg "
        "strength and muscle growth. It matters when leg strength is a goal; when the "
        "endurance work comes first for you, the cost may be worth it."
    )
    if not both_heavy:
        advice += (
            " With one of the two only moderate this is a note, not a warning: the studies "
            "put hard sessions on both sides."
        )
    return Finding(
        rule="concurrent-interference",
        severity=Severity.warning if both_heavy else Severity.info,
        week=view.number,
        days=in_week_order((DAY_KEYS[offset % 7], DAY_KEYS[second_offset % 7])),
        message=message,
        advice=advice,
    )


_LEVEL_ARTICLE = {"beginner": "a beginner", "intermediate": "an intermediate"}


def heavy_count(view: WeekView, metrics: Metrics) -> list[Finding]:
    """More heavy sessions (not days; skipped ones do not count) than the level allows:
    a warning above the limit, critical at twice the limit or more. Source: ACSM 2009
    training frequency (novice 2-3, intermediate 3-4, advanced 4-6 days); Seiler 2010
    (about 80 % of endurance sessions easy). Evidence: heuristic."""
    count = metrics.heavy_sessions
    limit = int(view.threshold("max_heavy_sessions"))
    if count <= limit:
        return []
    per_day = [(day.key, len(_heavy_bouts(day))) for day in view.days]
    named = [
        DAY_NAMES[key] + ("" if number == 1 else f" ({number})")
        for key, number in per_day
        if number
    ]
    if view.plan.rules.threshold("max_heavy_sessions") is not None:
        allows = "the plan allows"
    else:
        level = view.plan.plan.level.value
        allows = f"{_LEVEL_ARTICLE.get(level, 'an ' + level)} week allows"
    critical = count >= 2 * limit
    extra = count - limit
    message = f"{plural(count, 'heavy session')} this week ({join_words(named)}), where {allows} "
    message += f"{limit}" + (", twice the limit or more." if critical else ".")
    return [
        Finding(
            rule="heavy-count",
            severity=Severity.critical if critical else Severity.warning,
            week=view.number,
            days=tuple(key for key, number in per_day if number),
            message=message,
            advice=f"Turn {plural(extra, 'heavy session')} into moderate or easy "
            f"{'work' if extra == 1 else 'sessions'}. More hard sessions do not bring more "
            "progress: the body adapts in the recovery between them. The limit follows the "
            "ACSM 2009 guidance on training frequency (novice 2-3, intermediate 3-4, "
            "advanced 4-6 days a week) and Seiler's observation that endurance athletes "
            "do about 80 % of their sessions easy: a rule of thumb, which you can change "
            "for this plan in the plan settings (s).",
        )
    ]


def too_few_easy_days(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Too few rest or recovery days: critical with none (whatever the threshold says),
    a warning with fewer than the threshold. Source: the recovery article. Evidence:
    heuristic."""
    wanted = int(view.threshold("min_easy_days"))
    easy = metrics.easy_days
    if easy > 0 and easy >= wanted:
        return []
    days = view.days
    training = tuple(day.key for day in days if not day.easy)
    if easy == 0:
        severity = Severity.critical
        message = "No easy day this week: every day holds moderate or heavy training."
    else:
        severity = Severity.warning
        easy_names = [DAY_NAMES[day.key] for day in days if day.easy]
        message = (
            f"Only {plural(easy, 'easy day')} this week ({join_words(easy_names)}), "
            f"fewer than {wanted}."
        )
    at_least = max(wanted, 1)
    return [
        Finding(
            rule="too-few-easy-days",
            severity=severity,
            week=view.number,
            days=training,
            message=message,
            advice=f"Plan at least {plural(at_least, 'rest or recovery day')} a week: a "
            f"rest day, or easy movement such as {_EASY_MOVEMENT}. A rest day with light "
            "movement is an investment in the next session, not a lost day: the nervous "
            "system, connective tissue and joints recover on it too (the recovery "
            "article). How many easy days a week is a rule of thumb; set your own in the "
            "plan settings (s).",
        )
    ]
