"""How much an edit costs the week grid: the one-widget Line API grid against the grid
of one widget per day and per card (planner/ui/widgets/week.py), in the same run.

Prints, for each terminal size, the median over many edits (a session moved from
Monday to Tuesday and back, the way `shift+right` / `shift+left` change the plan):

1. new grid alone: `show_week` plus rendering every line with `render_line` (the cost
   of the widget itself, no compositor);
2. both grids in a `run_test` app: CPU time from `show_week` to the new frame
   (styles, layout, rendering and compositing, until the app is idle again);
3. both grids: CPU time of a selection move (the right arrow) to the new frame.

Both apps load the editor's stylesheet, so the old grid is styled as in the editor.

Run: `python benchmarks/bench_grid.py` (from a checkout, with the package installed).
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.widget import Widget

from planner.model import Days, Plan
from planner.planfile import parse_plan
from planner.ui.messages import Selection
from planner.ui.widgets import week as old_week
from planner.ui.widgets import week_grid as new_week

ROOT = Path(__file__).resolve().parent.parent
STYLESHEET = ROOT / "planner" / "ui" / "planner.tcss"
PLAN_FILE = ROOT / "tests" / "functional_tests" / "commented_week.toml"
SIZES = ((80, 24), (120, 36), (200, 50))
ROUNDS = 40
WARMUP = 5


def moved_plans(plan: Plan) -> tuple[Plan, Plan]:
    """The plan, and the plan with Monday's first session moved to the end of Tuesday.

    Built as an edit builds it: the five untouched days are the same objects.
    """
    days = plan.week_list[0].days
    session = days.mon.sessions[0]
    mon = days.mon.model_copy(update={"sessions": days.mon.sessions[1:]})
    tue = days.tue.model_copy(update={"sessions": (*days.tue.sessions, session)})
    moved_days = Days.model_construct(**{**dict(days), "mon": mon, "tue": tue})
    moved = Plan.model_construct(**{**dict(plan), "days": moved_days})
    return plan, moved


class GridApp(App[None]):
    """One grid alone, styled by the editor's stylesheet."""

    CSS_PATH = str(STYLESHEET)

    def __init__(self, make_grid: Callable[[], Widget]) -> None:
        super().__init__()
        self.make_grid = make_grid

    def compose(self) -> ComposeResult:
        yield self.make_grid()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples[WARMUP:]) * 1000


async def bench_size(size: tuple[int, int], plans: tuple[Plan, Plan]) -> dict[str, float]:
    results: dict[str, float] = {}
    for label, make in (
        ("old", lambda: old_week.WeekGrid(id="week")),
        ("new", lambda: new_week.WeekGrid(id="week")),
    ):
        app = GridApp(make)
        async with app.run_test(size=size) as pilot:
            grid: Any = app.query_one("#week")
            grid.show_week(plans[0], 0, Selection("mon", 0))
            grid.focus()
            await pilot.pause()
            await pilot.pause()

            edit: list[float] = []
            direct: list[float] = []
            keys: list[float] = []
            gc.collect()
            gc.disable()
            try:
                for round_ in range(ROUNDS + WARMUP):
                    plan = plans[(round_ + 1) % 2]
                    if label == "new":
                        # The widget alone: show the edit and draw every line.
                        start = time.perf_counter()
                        grid.show_week(plan, 0, Selection("mon", 0))
                        for y in range(grid.size.height):
                            grid.render_line(y)
                        direct.append(time.perf_counter() - start)
                        await pilot.pause()
                        plan = plans[round_ % 2]
                    start = time.process_time()
                    grid.show_week(plan, 0, Selection("mon", 0))
                    await pilot.pause()
                    edit.append(time.process_time() - start)

                    # show_week selected Monday: the arrow moves to Tuesday.
                    start = time.process_time()
                    grid.action_select_day(1)
                    await pilot.pause()
                    keys.append(time.process_time() - start)
            finally:
                gc.enable()
            results[f"{label} edit"] = median_ms(edit)
            results[f"{label} key"] = median_ms(keys)
            if direct:
                results["new direct"] = median_ms(direct)
            if label == "new":
                results["new days drawn per edit"] = sum(grid.day_renders.values()) / (
                    3 * (ROUNDS + WARMUP)
                )
    return results


async def main() -> None:
    plans = moved_plans(parse_plan(PLAN_FILE.read_text(encoding="utf-8")))
    print(f"week grid: an edit (a session moved Mon <-> Tue), median of {ROUNDS} rounds")
    for size in SIZES:
        results = await bench_size(size, plans)
        width, height = size
        print(f"\n{width}x{height}")
        print(
            f"  new grid alone, show_week + render_line x{height}: {results['new direct']:7.2f} ms"
        )
        print(
            f"  edit to frame (CPU):  old {results['old edit']:7.2f} ms   "
            f"new {results['new edit']:7.2f} ms   "
            f"({results['old edit'] / results['new edit']:.1f}x)"
        )
        print(
            f"  arrow key to frame:   old {results['old key']:7.2f} ms   "
            f"new {results['new key']:7.2f} ms   "
            f"({results['old key'] / results['new key']:.1f}x)"
        )
        print(f"  new grid: days drawn per step {results['new days drawn per edit']:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
