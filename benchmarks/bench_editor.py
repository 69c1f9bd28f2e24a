"""How fast the editor feels, measured in a real pseudo-terminal.

Prints, in one run:

1. the time from launch to the first frame that shows the plan, against a minimal
   Textual app (Header, DataTable, Footer) measured the same way (goal: at most 1.25x);
2. the time from a key press (moving a session to the next day) to the frame that
   shows the new overload risk (goal: at most two frames, 33 ms).

Run: `python benchmarks/bench_editor.py` (from a checkout, with the package installed).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINIMAL_APP = textwrap.dedent(
    """
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Minimal(App[None]):
        BINDINGS = [("ctrl+q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Day", "Sessions", "Load")
            table.add_row("MINIMALREADY", "Squat", "560")

    Minimal().run()
    """
)
sys.path.insert(0, str(ROOT / "tests" / "functional_tests"))
from terminal import KEYS, Terminal  # noqa: E402  (the pseudo-terminal driver of the tests)

WEEK = (ROOT / "tests" / "functional_tests" / "commented_week.toml").read_text(encoding="utf-8")


def launch_time(argv: list[str], marker: str, cwd: Path) -> float:
    """Seconds from spawn to the first frame that shows `marker`."""
    start = time.perf_counter()
    terminal = Terminal(argv, cwd)
    try:
        terminal.wait_for(marker)
        return time.perf_counter() - start
    finally:
        terminal.close()


def header_risk(screen: str) -> str:
    """The risk word in the header line."""
    first = screen.splitlines()[0].lower()
    for word in ("moderate", "high", "low"):
        if f"risk: {word}" in first:
            return word
    return ""


def key_to_risk(plan: Path, presses: int = 20) -> list[float]:
    """Seconds from a key press to the frame that shows the new risk.

    Monday's heavy session moves to Tuesday (risk becomes moderate) and back (low).
    """
    terminal = Terminal([sys.executable, "-m", "planner", "edit", str(plan)], plan.parent)
    times: list[float] = []
    try:
        terminal.wait_for(lambda screen: header_risk(screen) == "low")
        time.sleep(0.5)
        steps = [("shift+right", "moderate"), ("shift+left", "low")]
        for number in range(presses):
            key, expected = steps[number % 2]
            terminal.pump(0.1)
            start = time.perf_counter()
            terminal.child.send(KEYS[key])
            deadline = start + 5
            while time.perf_counter() < deadline:
                terminal.pump(0.001)
                if header_risk(terminal.text()) == expected:
                    break
            times.append(time.perf_counter() - start)
            time.sleep(0.2)
    finally:
        terminal.close()
    return times


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
    """Run the measurements and print them against their goals."""
    warm_bytecode()
    runs = 7
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        minimal = directory / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        plan = directory / "week.toml"
        plan.write_text(WEEK, encoding="utf-8")
        editor = [sys.executable, "-m", "planner", "edit", str(plan)]
        ours = [launch_time(editor, "End to end week", directory) for _ in range(runs)]
        base = [
            launch_time([sys.executable, str(minimal)], "MINIMALREADY", directory)
            for _ in range(runs)
        ]
        ratio = statistics.median(ours) / statistics.median(base)
        print(
            f"launch to first frame with the plan: {statistics.median(ours) * 1000:.0f} ms; "
            f"minimal Textual app {statistics.median(base) * 1000:.0f} ms; {ratio:.2f}x "
            f"(goal <= 1.25x) {'PASS' if ratio <= 1.25 else 'MISS'}"
        )
        latency = key_to_risk(plan)
        median = statistics.median(latency) * 1000
        print(
            f"key press to frame with the new risk: median {median:.0f} ms, "
            f"worst {max(latency) * 1000:.0f} ms over {len(latency)} presses "
            f"(goal <= 33 ms) {'PASS' if median <= 33 else 'MISS'}"
        )


if __name__ == "__main__":
    main()
