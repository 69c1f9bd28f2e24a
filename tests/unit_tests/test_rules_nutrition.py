"""Nutrition rules: protein-spread and glycogen-refill, each firing, on its boundary, with a
threshold override and switched off; neither raises the overload risk."""

from __future__ import annotations

from typing import Any

from planner.findings import Finding, Risk, Severity
from planner.model import Plan
from planner.rules.engine import evaluate


def make_plan(
    days: dict[str, dict[str, Any]] | None = None,
    *,
    defaults: dict[str, Any] | None = None,
    rules: dict[str, Any] | None = None,
    **info: Any,
) -> Plan:
    data: dict[str, Any] = {
        "format": 1,
        "plan": {"name": "Test week"} | info,
        "days": days or {},
    }
    if defaults is not None:
        data["defaults"] = defaults
    if rules is not None:
        data["rules"] = rules
    return Plan.model_validate(data)


def session(kind: str = "moderate", minutes: int = 45, **extra: Any) -> dict[str, Any]:
    return {"title": f"{kind.title()} {minutes}", "kind": kind, "minutes": minutes} | extra


def found(plan: Plan, rule: str) -> list[Finding]:
    return [finding for finding in evaluate(plan).findings if finding.rule == rule]


# --- protein-spread -------------------------------------------------------------------


def test_protein_spread_fires_on_training_days_only() -> None:
    days = {"mon": {"sessions": [session()]}, "thu": {"sessions": [session("active_recovery")]}}
    plan = make_plan(days, defaults={"protein_meals": 2})
    findings = found(plan, "protein-spread")
    assert [(f.severity, f.days) for f in findings] == [
        (Severity.info, ("mon",)),
        (Severity.info, ("thu",)),
    ]
    assert (
        findings[0].message
        == "Monday is a training day with 2 protein meals planned, fewer than 3."
    )
    assert "eggs" in findings[0].advice
    assert " g " not in findings[0].advice


def test_protein_spread_exactly_the_minimum_is_fine() -> None:
    plan = make_plan({"mon": {"sessions": [session()], "protein_meals": 3}})
    assert found(plan, "protein-spread") == []


def test_protein_spread_gives_grams_with_body_mass() -> None:
    plan = make_plan({"mon": {"sessions": [session()], "protein_meals": 1}}, body_mass_kg=80)
    advice = found(plan, "protein-spread")[0].advice
    assert "At 80 kg that is about 20 g of protein a meal and 112-160 g a day." in advice


def test_protein_spread_silent_when_not_planned() -> None:
    assert found(make_plan({"mon": {"sessions": [session()]}}), "protein-spread") == []


def test_protein_spread_threshold_override() -> None:
    days = {"mon": {"sessions": [session()], "protein_meals": 2}}
    assert found(make_plan(days, rules={"protein_meals_min": 2}), "protein-spread") == []
    strict = found(make_plan(days, rules={"protein_meals_min": 5}), "protein-spread")
    assert "fewer than 5" in strict[0].message


def test_protein_spread_disabled() -> None:
    days = {"mon": {"sessions": [session()], "protein_meals": 0}}
    assert found(make_plan(days, rules={"disabled": ["protein-spread"]}), "protein-spread") == []


# --- glycogen-refill ------------------------------------------------------------------


def test_glycogen_refill_after_a_heavy_session() -> None:
    plan = make_plan({"tue": {"sessions": [session("heavy", 60)]}})
    findings = found(plan, "glycogen-refill")
    assert [(f.severity, f.days) for f in findings] == [(Severity.info, ("tue",))]
    assert (
        findings[0].message == 'No carbohydrate refill planned after "Heavy 60" (heavy) on Tuesday.'
    )
    assert "rice with eggs and vegetables" in findings[0].advice


def test_glycogen_refill_silent_with_carbs_after() -> None:
    plan = make_plan({"tue": {"sessions": [session("heavy", 60, carbs_after=True)]}})
    assert found(plan, "glycogen-refill") == []


def test_glycogen_refill_long_session_from_the_threshold() -> None:
    at = make_plan({"sat": {"sessions": [session("light", 90)]}})
    assert "(90 min)" in found(at, "glycogen-refill")[0].message
    under = make_plan({"sat": {"sessions": [session("moderate", 89)]}})
    assert found(under, "glycogen-refill") == []


def test_glycogen_refill_one_finding_per_day() -> None:
    plan = make_plan(
        {
            "mon": {"sessions": [session("heavy", 60), session("moderate", 120)]},
            "wed": {"sessions": [session("heavy", 60)]},
        }
    )
    findings = found(plan, "glycogen-refill")
    assert [f.days for f in findings] == [("mon",), ("wed",)]
    assert '"Heavy 60" (heavy) and "Moderate 120" (120 min)' in findings[0].message


def test_glycogen_refill_threshold_override() -> None:
    days = {"sat": {"sessions": [session("moderate", 90)]}}
    assert found(make_plan(days, rules={"long_session_min": 120}), "glycogen-refill") == []
    assert len(found(make_plan(days, rules={"long_session_min": 60}), "glycogen-refill")) == 1


def test_glycogen_refill_disabled() -> None:
    days = {"tue": {"sessions": [session("heavy", 60)]}}
    assert found(make_plan(days, rules={"disabled": ["glycogen-refill"]}), "glycogen-refill") == []


def test_nutrition_findings_do_not_raise_the_risk() -> None:
    days = {
        day: {"sessions": [session("moderate", 120)], "protein_meals": 0}
        for day in ("mon", "wed", "fri")
    }
    report = evaluate(make_plan(days))
    assert {f.rule for f in report.findings} == {"protein-spread", "glycogen-refill"}
    assert report.risk is Risk.low
