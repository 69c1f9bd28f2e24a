"""How fast the rules engine is: every rule over a 52-week load of plans.

Prints, in one run, medians over many rounds:

1. the baseline: building the timeline and computing every week's metrics
   (`build_timeline` + `compute_metrics`), the work every rule run needs first;
2. `evaluate(plan)` on 52 one-week plans (format 1, a year of single weeks);
3. `evaluate(plan)` on a 52-week load of format 2 plans: three 16-week blocks and one
   4-week block (the format's limit is 16 weeks a plan);
4. `evaluate(plan)` on 52 weeks of the coach corpus (tests/coach_corpus, cycled): real
   weeks with the number of findings real weeks have.

The goal is all rules over 52 weeks under 10 ms (the full `evaluate`, findings,
acceptance and both words included). Plans are validated once, outside the timing:
the benchmark times the rules, not pydantic.

The generated weeks are a stress test shaped like real ones: two to six training days,
strength and endurance sessions with starts, focus and RPE, some logged (done, partial,
skipped, extra), sleep, bedtimes, protein meals, history and week types, varied enough
that most rules have something to say (about twice the findings of a real week). Each
median comes with its same-run baseline and the fastest run: on a machine shared with
other work the medians move with the load, the ratio to the baseline much less.

Run: `PYTHONPATH=. python benchmarks/bench_rules.py` from a checkout.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from planner.model import Plan
from planner.rules.context import build_timeline
from planner.rules.engine import evaluate, thresholds_of, week_views
from planner.rules.metrics import compute_metrics

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GOAL_MS = 10.0
YEAR_WEEKS = 52
BLOCKS = (16, 16, 16, 4)

#: The planned RPE people write for each kind (CR-10), most of the time.
RPE_BY_KIND: dict[str, tuple[int, int]] = {
    "heavy": (7, 9),
    "moderate": (4, 6),
    "light": (2, 4),
    "active_recovery": (1, 3),
}

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


def generated_days(rng: random.Random) -> dict[str, Any]:
    """A realistic week's days as the dict tomllib would read from a file."""
    days: dict[str, Any] = {}
    for day in DAYS:
        table: dict[str, Any] = {"note": f"Notes for {day}"}
        sessions = []
        for _ in range(rng.choice((0, 1, 1, 1, 2))):
            session = dict(rng.choice(SESSIONS))
            session["minutes"] = rng.randint(25, 120)
            if rng.random() < 0.6:  # mostly on the kind's CR-10 anchors, sometimes off
                low, high = RPE_BY_KIND[session["kind"]] if rng.random() < 0.9 else (1, 10)
                session["rpe"] = rng.randint(low, high)
            if rng.random() < 0.8:
                session["start"] = f"{rng.randint(6, 20):02d}:{rng.choice((0, 15, 30, 45)):02d}"
            session["carbs_after"] = rng.random() < 0.5
            roll = rng.random()
            if roll < 0.1:
                session["done"] = {"status": "skipped"}
            elif roll < 0.4:
                session["done"] = {"minutes": rng.randint(20, 130), "rpe": rng.randint(2, 9)}
            sessions.append(session)
        if rng.random() < 0.05:
            sessions.append(
                {
                    "title": "Football",
                    "kind": "moderate",
                    "activity": "sport",
                    "minutes": 60,
                    "extra": True,
                    "done": {"rpe": 6},
                }
            )
        if sessions:
            table["sessions"] = sessions
        if rng.random() < 0.3:
            table["sleep_hours"] = rng.choice((6.5, 7, 9))
        if rng.random() < 0.2:
            table["bedtime"] = rng.choice(("21:30", "23:30", "00:15"))
        if rng.random() < 0.2:
            table["protein_meals"] = rng.randint(1, 5)
        days[day] = table
    return days


def _common(rng: random.Random) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "defaults": {
            "sleep_hours": rng.choice((7, 7.5, 8, 8.5)),
            "bedtime": rng.choice(("22:00", "22:30", "23:00")),
            "protein_meals": rng.randint(2, 5),
        },
        "history": {
            "weekly_loads": [rng.randint(1200, 3000) for _ in range(rng.randint(0, 6))],
            "longest_session_min": {"run": rng.randint(60, 110), "cycle": rng.randint(60, 180)},
        },
    }
    if rng.random() < 0.3:
        plan["rules"] = {"muscle_recovery_hours": 72, "disabled": ["glycogen-refill"]}
    return plan


def one_week_plan(rng: random.Random) -> dict[str, Any]:
    """A format 1 plan of one week (repeating, as a one-week plan does by default)."""
    return {
        "format": 1,
        "plan": {
            "name": "Generated week",
            "level": rng.choice(("beginner", "intermediate", "advanced")),
            "body_mass_kg": rng.randint(55, 100),
        },
        "days": generated_days(rng),
        **_common(rng),
    }


def block_plan(rng: random.Random, weeks: int) -> dict[str, Any]:
    """A format 2 plan of several weeks, every fourth a deload, the last maybe a race."""
    week_tables = []
    for index in range(weeks):
        week_type = "deload" if index % 4 == 3 else "build"
        if index == weeks - 1 and rng.random() < 0.5:
            week_type = "race"
        week_tables.append(
            {"label": f"Week {index + 1}", "type": week_type, "days": generated_days(rng)}
        )
    return {
        "format": 2,
        "plan": {
            "name": "Generated block",
            "level": rng.choice(("beginner", "intermediate", "advanced")),
            "body_mass_kg": rng.randint(55, 100),
            "repeats": rng.random() < 0.3,
        },
        "weeks": week_tables,
        **_common(rng),
    }


def coach_corpus() -> list[Plan]:
    """The coach corpus (tests/coach_corpus): realistic weeks as coaches write them."""
    from pathlib import Path

    from planner.planfile import read_plan

    folder = Path(__file__).resolve().parent.parent / "tests" / "coach_corpus"
    return [read_plan(path) for path in sorted(folder.glob("*.toml")) if path.stem != "verdicts"]


def baseline(plan: Plan) -> object:
    """What every rule run needs first: the timeline and every week's metrics."""
    timeline = build_timeline(plan, thresholds_of(plan))
    return [compute_metrics(view) for view in week_views(timeline)]


def timed_pairs(loads: list[list[Plan]], rounds: int) -> tuple[list[float], list[float]]:
    """Times, in ms, of the baseline and of `evaluate` on every 52-week load, measured
    one right after the other (the same load, the same moment of a shared machine)."""
    base: list[float] = []
    full: list[float] = []
    clock = time.perf_counter_ns
    gc.collect()
    gc.disable()  # as timeit does: a collection mid-run is noise, not the rules' cost
    try:
        return _timed(loads, rounds, base, full, clock)
    finally:
        gc.enable()


def _timed(
    loads: list[list[Plan]],
    rounds: int,
    base: list[float],
    full: list[float],
    clock: Callable[[], int],
) -> tuple[list[float], list[float]]:
    for _ in range(rounds):
        for load in loads:
            start = clock()
            for plan in load:
                baseline(plan)
            middle = clock()
            for plan in load:
                evaluate(plan)
            base.append((middle - start) / 1e6)
            full.append((clock() - middle) / 1e6)
    return base, full


def report(name: str, base: list[float], full: list[float]) -> None:
    """Print the medians (and the fastest runs) of one load against the goal."""
    ratio = statistics.median(f / b for f, b in zip(full, base, strict=True))
    median = statistics.median(full)
    print(
        f"{name}: baseline (timeline + metrics) median {statistics.median(base):6.2f} ms "
        f"(fastest {min(base):5.2f})"
    )
    print(
        f"{name}: evaluate, all rules           median {median:6.2f} ms "
        f"(fastest {min(full):5.2f}), {ratio:.1f} x the baseline; "
        f"goal < {GOAL_MS:.0f} ms {verdict(median)}"
    )


def verdict(value_ms: float) -> str:
    return "PASS" if value_ms < GOAL_MS else "MISS"


def main() -> None:
    """Measure the baseline and both loads and print them against the goal."""
    rng = random.Random(2026)
    singles = [
        [Plan.model_validate(one_week_plan(rng)) for _ in range(YEAR_WEEKS)] for _ in range(8)
    ]
    blocks = [[Plan.model_validate(block_plan(rng, weeks)) for weeks in BLOCKS] for _ in range(8)]
    findings = [len(evaluate(plan).findings) for load in singles for plan in load]
    for load in singles + blocks:  # warm up: imports, caches
        for plan in load:
            evaluate(plan)
    gc.collect()
    print(
        f"{len(findings)} one-week plans: {statistics.mean(findings):.1f} findings each on "
        f"average (max {max(findings)})"
    )
    report("52 one-week plans ", *timed_pairs(singles, rounds=15))
    report("4 blocks, 52 weeks", *timed_pairs(blocks, rounds=15))
    corpus = coach_corpus()
    if corpus:
        found = statistics.mean(len(evaluate(plan).findings) for plan in corpus)
        print(f"coach corpus: {len(corpus)} real weeks, {found:.1f} findings each on average")
        report("52 coach weeks    ", *timed_pairs([(corpus * 3)[:YEAR_WEEKS]] * 8, rounds=15))


if __name__ == "__main__":
    main()
