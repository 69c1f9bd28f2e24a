"""Nutrition rules: protein spread over every day, carbohydrate refill after long or
back-to-back hard work. Nutrition rules judge each week on its own (they do not wrap)."""

from __future__ import annotations

import itertools

from planner.catalogue import day_list, format_number, join_words
from planner.model import DAY_KEYS, DAY_NAMES, Kind
from planner.report import Finding, Metrics, Severity
from planner.rules.context import MINUTES_PER_DAY, Bout, WeekView
from planner.rules.words import by_value, hours, in_week_order, title

#: Grams of protein per kg of body mass: a meal, a day, and the day's upper end.
PROTEIN_PER_MEAL_G_PER_KG = 0.4
PROTEIN_PER_DAY_G_PER_KG = 1.6
PROTEIN_PER_DAY_MAX_G_PER_KG = 2.2


def protein_grams(body_mass_kg: float) -> str:
    """The protein advice in grams, e.g. for 80 kg: "about 32 g of protein a meal and
    128 g a day (up to 176 g)"."""
    meal = round(PROTEIN_PER_MEAL_G_PER_KG * body_mass_kg)
    day = round(PROTEIN_PER_DAY_G_PER_KG * body_mass_kg)
    most = round(PROTEIN_PER_DAY_MAX_G_PER_KG * body_mass_kg)
    return f"about {meal} g of protein a meal and {day} g a day (up to {most} g)"


def protein_spread(view: WeekView, metrics: Metrics) -> list[Finding]:
    """One info for the week listing the days (rest days too) that plan fewer protein
    meals than the threshold; days without a planned number stay silent. With
    `body_mass_kg` the advice gives grams: 0.4 g/kg a meal, 1.6 g/kg a day (up to 2.2).
    Source: Morton 2018 meta-analysis; Schoenfeld & Aragon 2018; ISSN 2017; the recovery
    article. Evidence: meta-analysis."""
    least = view.threshold("protein_meals_min")
    low = [
        (day.key, day.protein_meals)
        for day in view.days
        if day.protein_meals is not None and day.protein_meals < least
    ]
    if not low:
        return []
    wanted = format_number(least)
    advice = (
        f"Plan at least {wanted} meals with a real protein portion every day, rest days "
        "too, since repair goes on between sessions (the day form's Protein meals field). "
        "An even spread over the day gives the muscles a steady supply of building blocks "
        "(the recovery article). Whole-food meals do it: eggs, rice and vegetables, "
        "yoghurt with berries and nuts, fish, meat or legumes."
    )
    mass = view.plan.plan.body_mass_kg
    if mass is not None:
        advice += (
            f" At {format_number(mass)} kg that is {protein_grams(mass)}. A meta-analysis "
            "(Morton 2018) found the gain in muscle from extra protein levelled off around "
            "1.6 g/kg a day, with 2.2 g/kg as the upper end of its estimate; about 0.4 g/kg "
            "a meal over several meals follows Schoenfeld & Aragon 2018."
        )
    else:
        advice += (
            " A meta-analysis (Morton 2018) found the gain in muscle from extra protein "
            "levelled off around 1.6 g per kg of body mass a day; set your body mass in "
            "the plan settings (s) to see it in grams."
        )
    named = "; ".join(f"{meals} on {day_list(keys)}" for meals, keys in by_value(low))
    return [
        Finding(
            rule="protein-spread",
            severity=Severity.info,
            week=view.number,
            days=tuple(key for key, _ in low),
            message=f"Fewer than {wanted} protein meals planned: {named}.",
            advice=advice,
        )
    ]


def glycogen_refill(view: WeekView, metrics: Metrics) -> list[Finding]:
    """One info listing the days where a session of at least the threshold in minutes,
    or a heavy or moderate session followed by another heavy or moderate session
    starting at most `refill_window_hours` later (start to start, within the same week),
    has no `carbs_after = true`. Source: ISSN 2017 nutrient timing (Kerksick); Burke
    2011. Evidence: consensus."""
    long_minutes = view.threshold("long_session_min")
    window = view.threshold("refill_window_hours") * 60
    bouts = [bout for day in view.days for bout in day.bouts]
    if not bouts:
        return []
    hard = [
        (bout.day_number * MINUTES_PER_DAY + bout.start_minute, bout.index, bout)
        for bout in bouts
        if bout.kind is Kind.heavy or bout.kind is Kind.moderate
    ]
    if len(hard) < 2 and all(bout.minutes < long_minutes for bout in bouts):
        return []
    hard.sort(key=lambda item: (item[0], item[1]))
    following: dict[tuple[int, int], tuple[Bout, int]] = {}
    for (start, _, first), (next_start, _, second) in itertools.pairwise(hard):
        if next_start - start <= window:
            following[(first.day_number, first.index)] = (second, next_start - start)
    reasons: dict[str, list[str]] = {}
    for bout in bouts:
        after = following.get((bout.day_number, bout.index)) if following else None
        long = bout.minutes >= long_minutes
        if not (long or after) or bout.session.carbs_after:
            continue
        why = []
        if long:
            why.append(f"{bout.minutes} min")
        if after is not None:
            why.append(f"{title(after[0])} starts {hours(after[1])} later")
        reasons.setdefault(DAY_KEYS[bout.day_number % 7], []).append(
            f"{title(bout)} ({', '.join(why)})"
        )
    if not reasons:
        return []
    days = in_week_order(reasons)
    named = "; ".join(f"{DAY_NAMES[key]}: {join_words(reasons[key])}" for key in days)
    return [
        Finding(
            rule="glycogen-refill",
            severity=Severity.info,
            week=view.number,
            days=days,
            message=f"No carbohydrate refill planned after long or closely followed hard "
            f"sessions. {named}.",
            advice="Plan a carbohydrate-rich meal after these sessions and mark it in the "
            "session form's Refill field: rice with eggs and vegetables, potatoes with "
            "fish, or yoghurt with berries, oats and nuts. Carbohydrates refill the "
            "glycogen a long or hard session uses up, which matters most when the next "
            "hard session comes within hours (the recovery article; the ISSN 2017 "
            "position on nutrient timing and Burke 2011: expert consensus, from studies "
            "that measured glycogen and performance).",
        )
    ]
