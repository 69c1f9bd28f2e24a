"""The largest valid plan: 16 weeks of 8 sessions a day, loaded and judged.

Prints, in one run, the median time to read and validate (`read_plan`), to open for
editing (`PlanDocument.load`, then the tomlkit document the first edit needs), and to
evaluate the plan, each against the same steps on a one-week plan (the budget the
issue sets: "within the same budgets as a single week does today").

Run: `python benchmarks/bench_block.py` (from a checkout, with the package installed).
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from planner.planfile import PlanDocument, read_plan
from planner.rules.engine import evaluate

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
KINDS = ("heavy", "moderate", "light", "active_recovery", "moderate", "light")
ACTIVITIES = ("strength", "run", "cycle", "swim", "row", "walk", "mobility", "sport")
ROUNDS = 15


def block_text(weeks: int, per_day: int) -> str:
    """A format 2 plan of `weeks` weeks with `per_day` sessions on every day."""
    lines = [
        "# The largest plan the format allows (16 weeks, 8 sessions a day).",
        "format = 2",
        "",
        "[plan]",
        f'name = "Block of {weeks} weeks"',
        'level = "advanced"',
        "start = 2026-11-30",
        "",
        "[defaults]",
        "sleep_hours = 8.0",
        'bedtime = "22:30"',
        "protein_meals = 4",
        "",
    ]
    for week in range(weeks):
        lines += ["[[weeks]]", f'label = "Week {week + 1}"', ""]
        for day_number, day in enumerate(DAYS):
            lines.append(f"[weeks.days.{day}]")
            for slot in range(per_day):
                seed = week * 56 + day_number * 8 + slot
                lines += [
                    f"[[weeks.days.{day}.sessions]]  # session {slot + 1}",
                    f'title = "Session {slot + 1} of {day}, week {week + 1}"',
                    f'kind = "{KINDS[seed % len(KINDS)]}"',
                    f'activity = "{ACTIVITIES[seed % len(ACTIVITIES)]}"',
                    f"minutes = {20 + seed % 60}",
                    f'start = "{6 + slot * 2:02d}:00"',
                ]
            lines.append("")
    lines += ["[history]", "weekly_loads = [9000, 9500, 9800]", ""]
    return "\n".join(lines)


def median_ms(step: Callable[[], object]) -> float:
    """Median milliseconds of a step over ROUNDS runs, the collector paused as timeit does."""
    times = []
    for _ in range(ROUNDS):
        gc.collect()
        gc.disable()
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
        gc.enable()
    return statistics.median(times)


def main() -> int:
    """Print the table."""
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "block.toml"
        small = Path(folder) / "week.toml"
        big.write_text(block_text(16, 8), encoding="utf-8")
        small.write_text(block_text(1, 2), encoding="utf-8")
        sizes = {path: path.stat().st_size for path in (big, small)}
        plans = {path: read_plan(path) for path in (big, small)}
        rows = []
        for name, step in (
            ("read and validate", lambda path: read_plan(path)),
            ("open for editing (+ tomlkit)", lambda path: PlanDocument.load(path).document),
            ("evaluate (every rule, every week)", lambda path: evaluate(plans[path])),
        ):
            one = median_ms(lambda step=step: step(small))  # type: ignore[misc]
            sixteen = median_ms(lambda step=step: step(big))  # type: ignore[misc]
            rows.append((name, one, sixteen))
    print(
        f"16 weeks x 7 days x 8 sessions: {sizes[big]:,} bytes; one week, 2 a day: "
        f"{sizes[small]:,} bytes; median of {ROUNDS} runs"
    )
    print(f"{'step':36} {'one week':>10} {'16 weeks':>10} {'per week':>10}")
    for name, one, sixteen in rows:
        print(f"{name:36} {one:8.2f}ms {sixteen:8.2f}ms {sixteen / 16:8.2f}ms")
    total = sum(row[2] for row in rows)
    print(f"{'all three, 16 weeks':36} {'':>10} {total:8.2f}ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
