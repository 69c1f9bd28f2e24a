"""Nutrition rules: protein spread over training days, carbohydrate refill after hard work."""

from __future__ import annotations

from planner.findings import Finding, Metrics, Severity
from planner.model import DAY_KEYS, DAY_NAMES, Kind, Plan
from planner.rules.metrics import format_number, join_words, planned_protein_meals

#: Grams of protein per kg of body mass: per meal, and the day's range (ISSN 2017).
PROTEIN_PER_MEAL_G_PER_KG = 0.25
PROTEIN_PER_DAY_G_PER_KG = (1.4, 2.0)


def _threshold(plan: Plan, key: str) -> float:
    value = plan.rules.threshold(key)
    assert value is not None, key
    return value


def protein_grams(body_mass_kg: float) -> str:
    """The protein advice in grams for a body mass: "about 20 g a meal, 112-160 g a day"."""
    meal = format_number(PROTEIN_PER_MEAL_G_PER_KG * body_mass_kg, 0)
    low, high = (format_number(share * body_mass_kg, 0) for share in PROTEIN_PER_DAY_G_PER_KG)
    return f"about {meal} g of protein a meal and {low}-{high} g a day"


def _protein_advice(wanted: str, body_mass_kg: float | None) -> str:
    advice = (
        f"Spread protein over at least {wanted} meals through the day, from whole foods "
        "such as eggs, yoghurt, fish or legumes. An even spread gives the muscles a steady "
        "supply of building blocks for repair, without gaps."
    )
    if body_mass_kg is not None:
        advice += f" At {format_number(body_mass_kg)} kg that is {protein_grams(body_mass_kg)}."
    return advice


def protein_spread(plan: Plan, metrics: Metrics) -> list[Finding]:
    """A training day plans fewer protein meals than the threshold; with body_mass_kg the
    advice gives grams. Source: ISSN 2017 protein position stand; the seed."""
    least = _threshold(plan, "protein_meals_min")
    findings: list[Finding] = []
    for key, meals in zip(DAY_KEYS, planned_protein_meals(plan), strict=True):
        if not getattr(plan.days, key).sessions:
            continue
        if meals is None or meals >= least:
            continue
        wanted = format_number(least, 0)
        if not findings:
            advice = _protein_advice(wanted, plan.plan.body_mass_kg)
        findings.append(
            Finding(
                rule="protein-spread",
                severity=Severity.info,
                days=(key,),
                message=f"{DAY_NAMES[key]} is a training day with "
                f"{meals} protein {'meal' if meals == 1 else 'meals'} planned, "
                f"fewer than {wanted}.",
                advice=advice,
            )
        )
    return findings


def glycogen_refill(plan: Plan, metrics: Metrics) -> list[Finding]:
    """A heavy session, or one of at least the threshold in minutes, has no carbs_after;
    one finding per day. Source: ISSN 2017 nutrient timing; the seed."""
    long_minutes = _threshold(plan, "long_session_min")
    findings = []
    for key in DAY_KEYS:
        named = []
        for session in getattr(plan.days, key).sessions:
            if session.carbs_after:
                continue
            heavy = session.kind is Kind.heavy
            long = session.minutes >= long_minutes
            if heavy or long:
                why = "heavy" if heavy else f"{session.minutes} min"
                named.append(f'"{session.title}" ({why})')
        if not named:
            continue
        findings.append(
            Finding(
                rule="glycogen-refill",
                severity=Severity.info,
                days=(key,),
                message=f"No carbohydrate refill planned after {join_words(named)} on "
                f"{DAY_NAMES[key]}.",
                advice="Plan a carbohydrate-rich meal after it and mark it with carbs_after, "
                "for example rice with eggs and vegetables, or yoghurt with berries and oats. "
                "Carbohydrates refill the glycogen a hard or long session uses up and help "
                "bring cortisol back down; whole foods serve recovery better than shakes.",
            )
        )
    return findings
