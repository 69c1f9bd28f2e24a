"""Sleep rules: short nights, a bedtime or wake time that moves around, and hard
sessions that end close to bed. Sleep on a day is the night after it."""

from __future__ import annotations

from planner.catalogue import day_list, format_number
from planner.model import DAY_NAMES, DayType, Kind
from planner.report import Finding, Metrics, Severity
from planner.rules.context import MINUTES_PER_DAY, NOON, WeekView, clock_minutes
from planner.rules.words import by_value, clock, in_week_order, night_minute, title

_SLEEP_WHY = (
    "Sleep is the strongest natural recovery aid: in deep sleep, early in the night, "
    "growth hormone peaks and the body does much of its repair (the recovery article)."
)


def _nights(nights: list[tuple[str, float]]) -> str:
    """Nights grouped by hours: "6 h after Monday and Tuesday; 6.5 h after Friday"."""
    groups = by_value(nights)
    return "; ".join(f"{format_number(hours)} h after {day_list(keys)}" for hours, keys in groups)


def short_sleep(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Planned sleep is short: one warning for the week listing every night under the
    minimum, with the week's sleep debt; one info listing every night after a heavy day
    under the heavy-day level (nights in the warning too). Source: Walsh 2021 consensus
    (adults 7-9 h; the effect of a few short nights is unclear); the recovery article.
    Evidence: consensus."""
    least = view.threshold("sleep_min_hours")
    after_heavy = view.threshold("sleep_after_heavy_hours")
    short: list[tuple[str, float]] = []
    heavy_short: list[tuple[str, float]] = []
    for day in view.days:
        hours = day.sleep_hours
        if hours is None:
            continue
        if hours < least:
            short.append((day.key, hours))
        if hours < after_heavy and day.day_type is DayType.heavy:
            heavy_short.append((day.key, hours))
    findings = []
    if short:
        nights = "night" if len(short) == 1 else "nights"
        findings.append(
            Finding(
                rule="short-sleep",
                severity=Severity.warning,
                week=view.number,
                days=tuple(key for key, _ in short),
                message=f"Short {nights} planned: {_nights(short)}, under "
                f"{format_number(least)} h; a sleep debt of "
                f"{format_number(round(metrics.sleep_debt_hours, 2))} h this week.",
                advice=f"Sleep comes first: plan at least {format_number(least)} h every "
                "night, with a bedtime that leaves room for it (the day form's Sleep and "
                f"Bedtime fields). {_SLEEP_WHY} A sports-medicine consensus (Walsh 2021) "
                "advises adults 7-9 h; how much a few short nights set back recovery is "
                "less clear, so what counts is the habit over the weeks.",
            )
        )
    if heavy_short:
        nights = "night" if len(heavy_short) == 1 else "nights"
        after_what = "a heavy day" if len(heavy_short) == 1 else "heavy days"
        findings.append(
            Finding(
                rule="short-sleep",
                severity=Severity.info,
                week=view.number,
                days=tuple(key for key, _ in heavy_short),
                message=f"Short {nights} after {after_what}: {_nights(heavy_short)}, under "
                f"the {format_number(after_heavy)} h to aim for after a heavy day.",
                advice=f"Aim for {format_number(after_heavy)} h after a heavy day: an "
                "earlier bedtime that evening buys it (the day form's Sleep and Bedtime "
                f"fields). {_SLEEP_WHY} More sleep after hard days is a consensus aim for "
                "athletes (Walsh 2021), not a measured cut-off.",
            )
        )
    return findings


def _named(keys: list[str]) -> str:
    if len(keys) > 3:
        return f"{len(keys)} days"
    return day_list(keys)


def irregular_sleep(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The week's planned bedtimes, or its wake times (bedtime plus sleep hours), are
    more than the threshold apart; times before 12:00 count as after midnight. Source:
    Phillips 2017 (sleep regularity); the recovery article (a fixed sleep-wake rhythm).
    Evidence: cohort."""
    limit = view.threshold("sleep_spread_min")
    bed_keys: list[str] = []
    beds: list[int] = []
    wake_keys: list[str] = []
    wakes: list[int] = []
    for day in view.days:
        bedtime = day.bedtime
        if bedtime is None:
            continue
        bed = clock_minutes(bedtime)
        if bed < NOON:
            bed += MINUTES_PER_DAY
        bed_keys.append(day.key)
        beds.append(bed)
        hours = day.sleep_hours
        if hours is not None:
            wake_keys.append(day.key)
            wakes.append(bed + round(hours * 60))
    if len(beds) < 2:
        return []
    if max(beds) - min(beds) <= limit and (len(wakes) < 2 or max(wakes) - min(wakes) <= limit):
        return []
    parts: list[str] = []
    days: list[str] = []
    for words, keys, times in (("Bedtimes", bed_keys, beds), ("wake times", wake_keys, wakes)):
        if len(times) < 2:
            continue
        earliest, latest = min(times), max(times)
        spread = latest - earliest
        if spread <= limit:
            continue
        early = [key for key, minute in zip(keys, times, strict=False) if minute == earliest]
        late = [key for key, minute in zip(keys, times, strict=False) if minute == latest]
        parts.append(
            f"{words} range from {clock(earliest)} ({_named(early)}) to "
            f"{clock(latest)} ({_named(late)}), {spread} min apart"
        )
        days.extend(early + late)
    message = "; ".join(parts)
    message = message[:1].upper() + message[1:]
    return [
        Finding(
            rule="irregular-sleep",
            severity=Severity.warning,
            week=view.number,
            days=in_week_order(days),
            message=f"{message}: more than {format_number(limit)} min.",
            advice="Keep a fixed rhythm: go to bed and get up at about the same time every "
            "day, weekends too (the day form's Bedtime and Sleep fields). A different "
            "bedtime each day disturbs the melatonin that brings on sleep, and a dark, "
            "quiet, cool room helps deep sleep (the recovery article). In an observational "
            "study (Phillips 2017), irregular sleep and wake times went with a later body "
            "clock and worse daytime results, whatever the total hours.",
        )
    ]


def late_hard_session(view: WeekView, metrics: Metrics) -> list[Finding]:
    """A heavy session ends less than the threshold before that day's bedtime (it needs
    a start; done minutes count). Source: Stutz 2019 meta-analysis (evening exercise in
    general did not hurt sleep; vigorous exercise ending within 1 h of bedtime did, in
    few small studies). Evidence: low certainty."""
    if not metrics.heavy_sessions:
        return []
    gap_limit = view.threshold("bedtime_gap_min")
    findings = []
    for day in view.days:
        if day.bedtime is None:
            continue
        bed = night_minute(clock_minutes(day.bedtime))
        for bout in day.bouts:
            if bout.kind is not Kind.heavy or not bout.has_start:
                continue
            end = bout.start_minute + bout.minutes
            gap = bed - end
            if gap >= gap_limit:
                continue
            if gap > 0:
                near = f"{gap} min before the {day.bedtime} bedtime"
            elif gap == 0:
                near = f"right at the {day.bedtime} bedtime"
            else:
                near = f"{-gap} min after the {day.bedtime} bedtime"
            limit = format_number(gap_limit)
            findings.append(
                Finding(
                    rule="late-hard-session",
                    severity=Severity.info,
                    week=view.number,
                    days=(day.key,),
                    message=f"Heavy session {title(bout)} on {DAY_NAMES[day.key]} ends at "
                    f"{clock(end)}, {near}: less than {limit} min.",
                    advice=f"Start it earlier so it ends at least {limit} min before bed, "
                    "or move the bedtime, and keep the last hour calm: dim light, no bright "
                    "screens, no heavy meal (the recovery article). A meta-analysis (Stutz "
                    "2019) found that evening exercise in general did not hurt sleep, but "
                    "vigorous exercise ending within an hour of bedtime did in a few small "
                    "studies: low certainty, so see how you sleep.",
                )
            )
    return findings
