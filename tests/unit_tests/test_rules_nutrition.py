"""Nutrition rules of rules.md v2: protein-spread (one info a week, rest days too, grams
with body mass) and glycogen-refill (long sessions, and hard sessions followed by another
within the refill window, in the same week), at and around their thresholds."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity

# --- protein-spread -----------------------------------------------------------------


def test_one_info_lists_every_day_under_the_threshold_rest_days_too() -> None:
    plan = make_plan(
        {
            "mon": {"protein_meals": 2, "sessions": [session("heavy", 60)]},
            "tue": {"protein_meals": 1},
            "sun": {"protein_meals": 2},
        },
        defaults={"protein_meals": 4},
    )
    [finding] = found(plan, "protein-spread")
    assert finding.severity is Severity.info
    assert finding.days == ("mon", "tue", "sun")
    assert finding.message == (
        "Fewer than 3 protein meals planned: 2 on Monday and Sunday; 1 on Tuesday."
    )
    assert "eggs, rice and vegetables" in finding.advice
    assert "yoghurt with berries and nuts" in finding.advice
    assert "day form's Protein meals field" in finding.advice
    assert "g of protein" not in finding.advice


def test_three_meals_are_enough_and_no_planned_number_is_silent() -> None:
    assert found(make_plan({}, defaults={"protein_meals": 3}), "protein-spread") == []
    assert found(make_plan({"mon": [session("heavy", 60)]}), "protein-spread") == []


def test_with_body_mass_the_advice_gives_grams() -> None:
    plan = make_plan({}, defaults={"protein_meals": 2}, plan={"body_mass_kg": 80})
    [finding] = found(plan, "protein-spread")
    assert "2 on every day" in finding.message
    assert (
        "At 80 kg that is about 32 g of protein a meal and 128 g a day (up to 176 g)."
        in finding.advice
    )
    assert "Morton 2018" in finding.advice


def test_protein_meals_min_override() -> None:
    plan = make_plan({}, defaults={"protein_meals": 3}, rules={"protein_meals_min": 4})
    assert len(found(plan, "protein-spread")) == 1
    plan = make_plan({}, defaults={"protein_meals": 0}, rules={"disabled": ["protein-spread"]})
    assert found(plan, "protein-spread") == []


# --- glycogen-refill ----------------------------------------------------------------


def ride(minutes: int, kind: str = "moderate", **fields: Any) -> dict[str, Any]:
    return session(kind, minutes, activity="cycle", title=fields.pop("title", "Ride"), **fields)


@pytest.mark.parametrize(("minutes", "fires"), [(89, False), (90, True)])
def test_a_long_session_without_refill(minutes: int, fires: bool) -> None:
    plan = make_plan({"sun": [ride(minutes, "light")]})
    assert bool(found(plan, "glycogen-refill")) is fires


def test_glycogen_refill_message_and_advice() -> None:
    plan = make_plan({"sun": [ride(150, title="Long ride")]})
    [finding] = found(plan, "glycogen-refill")
    assert finding.severity is Severity.info
    assert finding.days == ("sun",)
    assert finding.message == (
        "No carbohydrate refill planned after long or closely followed hard sessions. "
        'Sunday: "Long ride" (150 min).'
    )
    assert "session form's Refill field" in finding.advice
    assert "carbs_after" not in finding.advice
    assert "ISSN 2017" in finding.advice


def test_carbs_after_answers_it() -> None:
    assert found(make_plan({"sun": [ride(150, carbs_after=True)]}), "glycogen-refill") == []


@pytest.mark.parametrize(("second", "fires"), [("15:00", True), ("15:01", False)])
def test_a_hard_session_followed_by_another_within_8_h(second: str, fires: bool) -> None:
    plan = make_plan(
        {
            "tue": [
                ride(60, "heavy", start="07:00", title="Intervals"),
                ride(60, start=second, title="Tempo"),
            ]
        }
    )
    findings = found(plan, "glycogen-refill")
    assert bool(findings) is fires
    if fires:
        assert 'Tuesday: "Intervals" ("Tempo" starts 8 h later).' in findings[0].message


def test_the_next_session_must_be_heavy_or_moderate_and_so_must_this_one() -> None:
    light_after = make_plan({"tue": [ride(60, "heavy", start="07:00"), ride(60, "light")]})
    assert found(light_after, "glycogen-refill") == []
    light_first = make_plan({"tue": [ride(60, "light", start="07:00"), ride(60, "heavy")]})
    assert found(light_first, "glycogen-refill") == []


def test_the_window_counts_across_days_but_not_across_weeks() -> None:
    evening = make_plan(
        {"mon": [ride(60, "heavy", start="19:00")], "tue": [ride(60, "heavy", start="02:30")]}
    )
    assert [f.days for f in found(evening, "glycogen-refill")] == [("mon",)]
    weeks = make_plan(
        {"sun": [ride(60, "heavy", start="19:00")]}, {"mon": [ride(60, "heavy", start="02:30")]}
    )
    assert found(weeks, "glycogen-refill") == []


def test_one_finding_lists_every_day() -> None:
    plan = make_plan({"wed": [ride(120)], "sat": [ride(100)], "sun": [ride(200, carbs_after=True)]})
    [finding] = found(plan, "glycogen-refill")
    assert finding.days == ("wed", "sat")


def test_done_minutes_count_and_skipped_sessions_do_not() -> None:
    done = make_plan({"sun": [ride(60, done={"minutes": 95})]})
    assert len(found(done, "glycogen-refill")) == 1
    skipped = make_plan({"sun": [ride(150, done={"status": "skipped"})]})
    assert found(skipped, "glycogen-refill") == []


def test_glycogen_refill_overrides() -> None:
    plan = make_plan({"sun": [ride(100)]}, rules={"long_session_min": 120})
    assert found(plan, "glycogen-refill") == []
    plan = make_plan(
        {"tue": [ride(60, "heavy", start="07:00"), ride(60, start="19:00")]},
        rules={"refill_window_hours": 12},
    )
    assert len(found(plan, "glycogen-refill")) == 1
