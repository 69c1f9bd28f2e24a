"""Spacing rules: how heavy work and recovery alternate over the week (and across its wrap)."""

from __future__ import annotations

from planner.findings import Finding, Metrics, Severity
from planner.model import DAY_KEYS, DAY_NAMES, MUSCLE_GROUPS, Focus, Kind, Plan
from planner.rules.catalogue import MAX_HEAVY_DAYS_BY_LEVEL
from planner.rules.metrics import (
    CLOCK_MINUTES,
    format_hours,
    format_number,
    in_week_order,
    join_words,
    plural,
)

_WEEK_MINUTES = 7 * 24 * 60
_NOON = 12 * 60

_RECOVERY_WHY = (
    "The body gets stronger in the recovery after a hard session, not during it, and the "
    "nervous system needs that recovery even when the sessions work different muscles."
)


def _heavy_days(plan: Plan) -> list[bool]:
    """For each day, Monday first: does it hold a heavy session?"""
    days = plan.days
    heavy = []
    for key in DAY_KEYS:
        is_heavy = False
        for session in getattr(days, key).sessions:
            if session.kind is Kind.heavy:
                is_heavy = True
                break
        heavy.append(is_heavy)
    return heavy


def back_to_back_heavy(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Two consecutive heavy days, one finding per pair; Sunday-Monday counts when the
    week repeats. Source: Bowerman's hard/easy principle (heuristic)."""
    heavy = _heavy_days(plan)
    pairs = 7 if plan.plan.repeats else 6
    findings = []
    for first in range(pairs):
        second = (first + 1) % 7
        if not (heavy[first] and heavy[second]):
            continue
        first_key, second_key = DAY_KEYS[first], DAY_KEYS[second]
        next_week = "the next " if second == 0 else ""
        findings.append(
            Finding(
                rule="back-to-back-heavy",
                severity=Severity.warning,
                days=in_week_order((first_key, second_key)),
                message=f"Heavy sessions on {DAY_NAMES[first_key]} and "
                f"{next_week}{DAY_NAMES[second_key]} with no easier day between.",
                advice="Make one of the two days a rest or active-recovery day (a brisk "
                "walk, easy cycling, mobility work), or move one heavy session. " + _RECOVERY_WHY,
            )
        )
    return findings


def _heavy_runs(heavy: list[bool], wraps: bool) -> list[list[int]]:
    """Runs of consecutive heavy days as day indexes in the order they happen."""
    if all(heavy):
        return [list(range(7))]
    # Start right after a day that is not heavy, so a run over the wrap stays whole.
    start = heavy.index(False) + 1 if wraps else 0
    runs: list[list[int]] = []
    current: list[int] = []
    for step in range(7):
        index = (start + step) % 7
        if heavy[index]:
            current.append(index)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def heavy_streak(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Three or more heavy days in a row, one finding per streak (on top of the pair
    findings). Source: hard/easy principle; Meeusen 2013 overtraining consensus."""
    heavy = _heavy_days(plan)
    wraps = plan.plan.repeats
    findings = []
    for run in _heavy_runs(heavy, wraps):
        if len(run) < 3:
            continue
        if len(run) == 7 and wraps:
            message = "Every day is a heavy day and the week repeats: no easier day anywhere."
        else:
            names = [
                ("the next " if position > 0 and index < run[position - 1] else "")
                + DAY_NAMES[DAY_KEYS[index]]
                for position, index in enumerate(run)
            ]
            message = (
                f"Heavy days on {join_words(names)}: {len(run)} in a row "
                "with no easier day between."
            )
        findings.append(
            Finding(
                rule="heavy-streak",
                severity=Severity.critical,
                days=in_week_order(DAY_KEYS[index] for index in run),
                message=message,
                advice="Break the streak with a rest or active-recovery day. Hard days in a "
                "row pile up stress before the body has repaired, and recovery that stays "
                "incomplete between sessions builds into overload.",
            )
        )
    return findings


def _group_names(groups: frozenset[Focus]) -> str:
    if len(groups) == len(MUSCLE_GROUPS):
        return "Every muscle group"
    text = join_words(group.value for group in MUSCLE_GROUPS if group in groups)
    return text[:1].upper() + text[1:]


def _when(key: str, start: str | None, next_week: bool = False) -> str:
    day = ("the next " if next_week else "") + DAY_NAMES[key]
    return f"{day} {start}" if start is not None else f"{day} (no start, counted as 12:00)"


def muscle_recovery(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Two heavy sessions load the same muscle group less than the threshold apart,
    start to start; critical under 24 h. Source: ACSM 2009 resistance-training position
    stand (consensus)."""
    threshold = plan.rules.threshold("muscle_recovery_hours")
    assert threshold is not None
    limit = threshold * 60
    wraps = plan.plan.repeats
    # (minute of the week, day key, start, muscle groups) of each heavy session, in time order
    heavy: list[tuple[int, str, str | None, frozenset[Focus]]] = []
    for day_index, key in enumerate(DAY_KEYS):
        for session in getattr(plan.days, key).sessions:
            if session.kind is not Kind.heavy:
                continue
            groups = session.focus_groups
            if not groups:
                continue
            start = session.start
            minute = CLOCK_MINUTES[start] if start is not None else _NOON
            heavy.append((day_index * 1440 + minute, key, start, groups))
    heavy.sort(key=lambda entry: entry[0])
    findings = []
    for position, earlier in enumerate(heavy):
        for later in heavy[position + 1 :]:
            shared = earlier[3] & later[3]
            if not shared:
                continue
            first, second, gap, next_week = earlier, later, later[0] - earlier[0], False
            if wraps:
                wrapped = earlier[0] + _WEEK_MINUTES - later[0]
                if wrapped < gap:
                    first, second, gap, next_week = later, earlier, wrapped, True
            if gap >= limit:
                continue
            hours = format_number(threshold, 2)
            findings.append(
                Finding(
                    rule="muscle-recovery",
                    severity=Severity.critical if gap < 24 * 60 else Severity.warning,
                    days=in_week_order((first[1], second[1])),
                    message=f"{_group_names(shared)} on {_when(first[1], first[2])} and "
                    f"{_when(second[1], second[2], next_week)}: {format_hours(gap)} apart, "
                    f"under {hours} h.",
                    advice=f"Leave at least {hours} h between heavy sessions on the same "
                    "muscles, or give the second session another focus or make it lighter. "
                    "Muscle fibres repair and grow in the recovery after a session, and a "
                    "new hard load before that repair is done piles up damage instead.",
                )
            )
    return findings


def _allowed_heavy_days(plan: Plan) -> tuple[int, str]:
    """How many heavy days the plan allows, and why."""
    override = plan.rules.threshold("max_heavy_days")
    if override is not None:
        return int(override), "the plan allows (max_heavy_days)"
    level = plan.plan.level.value
    article = "an" if level[0] in "aeiou" else "a"
    return MAX_HEAVY_DAYS_BY_LEVEL[level], f"{article} {level} week allows"


def heavy_count(plan: Plan, metrics: Metrics) -> list[Finding]:
    """More heavy days than the level allows. Source: Seiler 2010 intensity distribution
    (heuristic)."""
    heavy = _heavy_days(plan)
    count = sum(heavy)
    allowed, why = _allowed_heavy_days(plan)
    if count <= allowed:
        return []
    keys = [key for key, is_heavy in zip(DAY_KEYS, heavy, strict=True) if is_heavy]
    extra = count - allowed
    return [
        Finding(
            rule="heavy-count",
            severity=Severity.warning,
            days=tuple(keys),
            message=f"{plural(count, 'heavy day')} ({join_words(DAY_NAMES[k] for k in keys)}), "
            f"where {why} {allowed}.",
            advice=f"Turn {plural(extra, 'heavy day')} into moderate or recovery "
            f"{'day' if extra == 1 else 'days'}. More hard days do not bring more progress: "
            "the body adapts in the recovery between them, and most of a week's training "
            "should be easy.",
        )
    ]


def too_few_easy_days(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Too few rest or recovery days: critical with none, a warning under the threshold.
    Source: the seed; Meeusen 2013 (heuristic)."""
    threshold = plan.rules.threshold("min_easy_days")
    assert threshold is not None
    easy = metrics.easy_days
    if easy >= threshold:
        return []
    # The days that could become easy ones: those with moderate or heavy training.
    training = tuple(
        key
        for key in DAY_KEYS
        if any(
            session.kind in (Kind.heavy, Kind.moderate)
            for session in getattr(plan.days, key).sessions
        )
    )
    wanted = format_number(threshold, 0)
    if easy == 0:
        severity = Severity.critical
        message = "No easy day this week: every day holds moderate or heavy training."
    else:
        easy_keys = [key for key in DAY_KEYS if key not in training]
        severity = Severity.warning
        message = (
            f"Only {plural(easy, 'easy day')} this week "
            f"({join_words(DAY_NAMES[k] for k in easy_keys)}), fewer than {wanted}."
        )
    return [
        Finding(
            rule="too-few-easy-days",
            severity=severity,
            days=training,
            message=message,
            advice=f"Plan at least {wanted} rest or recovery "
            f"{'day' if wanted == '1' else 'days'} a week. A rest day with light movement is "
            "an investment in the next session, not a lost day: the nervous system, "
            "connective tissue and joints recover on it too.",
        )
    ]


def no_active_recovery(plan: Plan, metrics: Metrics) -> list[Finding]:
    """Several heavy sessions and no active-recovery session in the week. Source: the
    seed: active rest is essential for those who train hard several times a week
    (heuristic)."""
    threshold = plan.rules.threshold("active_recovery_from_heavy")
    assert threshold is not None
    if metrics.heavy_sessions < threshold:
        return []
    heavy_keys = []
    for key in DAY_KEYS:
        kinds = {session.kind for session in getattr(plan.days, key).sessions}
        if Kind.active_recovery in kinds:
            return []
        if Kind.heavy in kinds:
            heavy_keys.append(key)
    return [
        Finding(
            rule="no-active-recovery",
            severity=Severity.warning,
            days=tuple(heavy_keys),
            message=f"{plural(metrics.heavy_sessions, 'heavy session')} this week and no "
            "active-recovery session.",
            advice="Add active recovery, such as a brisk walk, easy cycling, mobility work or "
            "an easy swim, on a day after a heavy one. Light movement keeps the blood "
            "flowing to clear inflammation and switches the body to rest-and-digest, which "
            "matters most when you train hard several times a week.",
        )
    ]
