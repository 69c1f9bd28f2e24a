"""How fast the rules engine is: validate a week and run every rule on it.

Prints, in one run:

1. the median time to validate one week (a dict, as tomllib hands it over) into a
   `Plan` and evaluate it: metrics, all sixteen rules, sorting and risk (goal < 0.2 ms);
2. the median time to do the same for a batch of 52 weeks, a year of plans
   (goal < 10 ms).

The weeks are generated to look like real ones: two to six training days, strength and
endurance sessions with starts, focus and RPE, sleep, bedtimes, protein meals and a
history, so most rules have something to say.

Run: `python benchmarks/bench_rules.py` (from a checkout, with the package installed).
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from typing import Any

from planner.model import Plan
from planner.rules.engine import evaluate

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
SINGLE_GOAL_MS = 0.2
BATCH_GOAL_MS = 10.0
BATCH_WEEKS = 52

SESSIONS: tuple[dict[str, Any], ...] = (
    {"title": "Squat, lunges", "kind": "heavy", "activity": "strength", "focus": ["legs"]},
    {"title": "Bench, rows", "kind": "heavy", "activity": "strength", "focus": ["chest", "back"]},
    {"title": "Intervals 6x3 min", "kind": "heavy", "activity": "run"},
    {"title": "Tempo ride", "kind": "moderate", "activity": "cycle"},
    {"title": "Steady run", "kind": "moderate", "activity": "run"},
    {"title": "Technique", "kind": "light", "activity": "strength", "focus": ["core"]},
    {"title": "Brisk walk", "kind": "active_recovery", "activity": "walk"},
    {"title": "Mobility", "kind": "active_recovery", "activity": "mobility"},
    {"title": "Easy swim", "kind": "active_recovery", "activity": "swim"},
)


def generated_week(rng: random.Random) -> dict[str, Any]:
    """A realistic week plan as the dict tomllib would read from its file."""
    days: dict[str, Any] = {}
    for day in DAYS:
        table: dict[str, Any] = {"note": f"Notes for {day}"}
        count = rng.choice((0, 1, 1, 1, 2))
        sessions = []
        for _ in range(count):
            session = dict(rng.choice(SESSIONS))
            session["minutes"] = rng.randint(25, 120)
            if rng.random() < 0.6:
                session["rpe"] = rng.randint(2, 9)
            if rng.random() < 0.8:
                session["start"] = f"{rng.randint(6, 20):02d}:{rng.choice((0, 15, 30, 45)):02d}"
            session["carbs_after"] = rng.random() < 0.5
            sessions.append(session)
        if sessions:
            table["sessions"] = sessions
        if rng.random() < 0.3:
            table["sleep_hours"] = rng.choice((6.5, 7, 9))
        if rng.random() < 0.2:
            table["bedtime"] = rng.choice(("21:30", "23:30", "00:15"))
        days[day] = table
    week: dict[str, Any] = {
        "format": 1,
        "plan": {
            "name": "Generated week",
            "description": "A week made up for the benchmark.",
            "level": rng.choice(("beginner", "intermediate", "advanced")),
            "body_mass_kg": rng.randint(55, 100),
            "repeats": rng.random() < 0.9,
        },
        "defaults": {
            "sleep_hours": rng.choice((7, 7.5, 8, 8.5)),
            "bedtime": rng.choice(("22:00", "22:30", "23:00")),
            "protein_meals": rng.randint(2, 5),
        },
        "days": days,
        "history": {
            "weekly_loads": [rng.randint(1200, 3000) for _ in range(rng.randint(0, 6))],
            "longest_session_min": {"run": rng.randint(60, 110), "cycle": rng.randint(60, 180)},
        },
    }
    if rng.random() < 0.3:
        week["rules"] = {"muscle_recovery_hours": 72, "disabled": ["glycogen-refill"]}
    return week


def check_week(week: dict[str, Any]) -> object:
    """What the benchmark times: validate a week and run every rule."""
    return evaluate(Plan.model_validate(week))


def median_single_ns(weeks: list[dict[str, Any]], rounds: int) -> float:
    """The median time of one validate-and-evaluate, over every week, `rounds` times."""
    times: list[int] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for week in weeks:
            start = clock()
            check_week(week)
            times.append(clock() - start)
    return statistics.median(times)


def median_batch_ns(batches: list[list[dict[str, Any]]], rounds: int) -> float:
    """The median time to validate and evaluate a whole batch of weeks."""
    times: list[int] = []
    clock = time.perf_counter_ns
    for _ in range(rounds):
        for batch in batches:
            start = clock()
            for week in batch:
                check_week(week)
            times.append(clock() - start)
    return statistics.median(times)


def verdict(value_ms: float, goal_ms: float) -> str:
    return "PASS" if value_ms < goal_ms else "MISS"


def main() -> None:
    """Run both measurements and print them against their goals."""
    rng = random.Random(2026)
    weeks = [generated_week(rng) for _ in range(500)]
    batches = [[generated_week(rng) for _ in range(BATCH_WEEKS)] for _ in range(10)]
    findings = [len(evaluate(Plan.model_validate(week)).findings) for week in weeks]
    for week in weeks[:50]:  # warm up: imports, pydantic's first validations, caches
        check_week(week)
    gc.collect()
    single = median_single_ns(weeks, rounds=20) / 1e6
    batch = median_batch_ns(batches, rounds=20) / 1e6
    print(
        f"weeks: {len(weeks)} generated, {statistics.mean(findings):.1f} findings each "
        f"on average (max {max(findings)})"
    )
    print(
        f"validate + evaluate one week: median {single * 1000:.1f} us "
        f"(goal < {SINGLE_GOAL_MS * 1000:.0f} us) {verdict(single, SINGLE_GOAL_MS)}"
    )
    print(
        f"validate + evaluate {BATCH_WEEKS} weeks: median {batch:.2f} ms "
        f"(goal < {BATCH_GOAL_MS:.0f} ms) {verdict(batch, BATCH_GOAL_MS)}"
    )


if __name__ == "__main__":
    main()
