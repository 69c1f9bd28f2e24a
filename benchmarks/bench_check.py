"""How fast `planner check` is: in one process over many plans, and as a whole process.

Prints, in one run:

1. `planner check` over 1,000 generated plans in one process, against the floor of
   parsing the same files with `tomllib` alone (goal: at most 2x the floor);
2. the whole-process time of `planner check one.toml` against
   `python -c "import tomllib"` (goal: at most 120 ms above it).

Run: `python benchmarks/bench_check.py` (from a checkout, with the package installed).
"""

from __future__ import annotations

import contextlib
import io
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from planner.cli import check

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("heavy", "moderate", "light", "active_recovery")
ACTIVITIES = ("strength", "run", "cycle", "swim", "row", "walk", "mobility")
FOCUS = ("legs", "back", "chest", "shoulders", "arms", "core")


def generated_plan(rng: random.Random, number: int) -> str:
    """A realistic commented week plan as TOML text."""
    lines = [
        f"# Generated week {number}",
        "format = 1",
        "",
        "[plan]",
        f'name = "Generated week {number}"',
        'description = "A week made up for the benchmark."',
        f'level = "{rng.choice(("beginner", "intermediate", "advanced"))}"',
        "week_start = 2026-11-30",
        f"body_mass_kg = {rng.randint(55, 100)}",
        "",
        "[defaults]",
        f"sleep_hours = {rng.choice((7, 7.5, 8, 8.5))}",
        f'bedtime = "{rng.choice(("22:00", "22:30", "23:00"))}"',
        f"protein_meals = {rng.randint(2, 5)}",
    ]
    for day in DAYS:
        lines += ["", f"[days.{day}]", f'note = "Notes for {day}"']
        for index in range(rng.choice((0, 1, 1, 2))):
            focus = ", ".join(f'"{f}"' for f in rng.sample(FOCUS, 2))
            lines += [
                f"[[days.{day}.sessions]]",
                f'title = "Session {index + 1} on {day}"   # what it is',
                f'kind = "{rng.choice(KINDS)}"',
                f'activity = "{rng.choice(ACTIVITIES)}"',
                f"focus = [{focus}]",
                f"minutes = {rng.randint(20, 120)}",
                f"rpe = {rng.randint(2, 9)}",
                f'start = "{rng.randint(6, 20):02d}:{rng.choice((0, 15, 30, 45)):02d}"',
                f"carbs_after = {rng.choice(('true', 'false'))}",
            ]
    weekly = ", ".join(str(rng.randint(1200, 3000)) for _ in range(4))
    lines += ["", "[history]", f"weekly_loads = [{weekly}]", ""]
    return "\n".join(lines)


def best_of(runs: int, action: object) -> float:
    """The fastest of several runs of a callable, in seconds."""
    assert callable(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def in_process(files: list[Path]) -> tuple[float, float]:
    """(check time, tomllib floor time) over the files, best of 5 runs each."""

    def floor() -> None:
        for path in files:
            with path.open("rb") as handle:
                tomllib.load(handle)

    def run_check() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            check(files, "json", "critical")

    run_check()  # warm up: imports and first validation
    return best_of(5, run_check), best_of(5, floor)


def whole_process(command: list[str], runs: int = 15) -> float:
    """Median wall time of a command, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm_bytecode() -> None:
    """Measure as on a normal machine: with the package compiled to bytecode.

    Some environments set PYTHONDONTWRITEBYTECODE, which makes every start compile
    planner from source; a person's installation has its .pyc files.
    """
    import compileall
    import os

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    package = Path(__file__).resolve().parent.parent / "planner"
    compileall.compile_dir(str(package), quiet=1)


def main() -> None:
    """Run both measurements and print them against their goals."""
    warm_bytecode()
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for number in range(1000):
            path = Path(folder) / f"plan-{number:04d}.toml"
            path.write_text(generated_plan(rng, number), encoding="utf-8")
            files.append(path)
        checked, floor = in_process(files)
        ratio = checked / floor
        verdict = "PASS" if ratio <= 2 else "MISS"
        print(
            f"check 1,000 plans in one process: {checked * 1000:.0f} ms; "
            f"tomllib floor {floor * 1000:.0f} ms; {ratio:.2f}x the floor "
            f"(goal <= 2x) {verdict}"
        )
        python = sys.executable
        planner_time = whole_process([python, "-m", "planner", "check", str(files[0])])
        base_time = whole_process([python, "-c", "import tomllib"])
        above = (planner_time - base_time) * 1000
        verdict = "PASS" if above <= 120 else "MISS"
        print(
            f"`planner check one.toml` whole process: {planner_time * 1000:.0f} ms; "
            f"`python -c 'import tomllib'` {base_time * 1000:.0f} ms; "
            f"{above:.0f} ms above (goal <= 120 ms) {verdict}"
        )


if __name__ == "__main__":
    main()
