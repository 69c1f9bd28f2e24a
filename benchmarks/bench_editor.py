"""How fast the editor feels, measured in a real pseudo-terminal.

Prints, in one run:

1. the time from launch to the first frame that shows the plan, against a minimal
   Textual app (Header, DataTable, Footer) measured the same way (goal: at most 1.25x);
2. the time from a key press (moving a session to the next day) to the frame that
   shows the new overload risk (goal: at most two frames, 33 ms).

Run: `python benchmarks/bench_editor.py` (from a checkout, with the package installed).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pexpect

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
# Escape sequences: shift+right as xterm sends it.
SHIFT_RIGHT = "\x1b[1;2C"
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"})
    env.pop("TEXTUAL", None)
    return env


def _wait_for(child: pexpect.spawn, marker: bytes, timeout: float = 20) -> float:
    """Read output until `marker` shows (escape codes removed); return when it did."""
    seen = b""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            chunk = child.read_nonblocking(65536, timeout=0.05)
        except pexpect.TIMEOUT:
            continue
        seen += chunk
        if marker in ANSI.sub(b"", seen):
            return time.perf_counter()
        seen = seen[-200_000:]
    raise TimeoutError(f"{marker!r} did not appear")


def _spawn(argv: list[str]) -> pexpect.spawn:
    return pexpect.spawn(argv[0], argv[1:], env=_env(), dimensions=(36, 120), cwd=str(ROOT))


def launch_time(argv: list[str], marker: bytes) -> float:
    """Seconds from spawn to the first frame holding `marker`."""
    start = time.perf_counter()
    child = _spawn(argv)
    try:
        return _wait_for(child, marker) - start
    finally:
        child.terminate(force=True)


def key_to_risk(plan: Path, runs: int = 15) -> list[float]:
    """Seconds from shift+right to the frame with the new risk, over several presses."""
    from planner.planfile import read_plan
    from planner.rules.engine import evaluate

    child = _spawn([sys.executable, "-m", "planner", "edit", str(plan)])
    times: list[float] = []
    try:
        _wait_for(child, read_plan(plan).plan.name.encode())
        time.sleep(1.0)  # let start-up work settle
        for _ in range(runs):
            child.read_nonblocking(1_000_000, timeout=0.2) if child.isalive() else None
            start = time.perf_counter()
            child.send(SHIFT_RIGHT)
            _wait_for(child, b"RISK")
            times.append(time.perf_counter() - start)
            time.sleep(0.15)
        del evaluate
    finally:
        child.terminate(force=True)
    return times


def main() -> None:
    """Run the measurements and print them against their goals."""
    runs = 7
    with tempfile.TemporaryDirectory() as folder:
        minimal = Path(folder) / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        plan = Path(folder) / "week.toml"
        shutil.copy(ROOT / "plans" / "overloaded-week.toml", plan)
        from planner.planfile import read_plan

        name = read_plan(plan).plan.name.encode()
        ours = [
            launch_time([sys.executable, "-m", "planner", "edit", str(plan)], name)
            for _ in range(runs)
        ]
        base = [launch_time([sys.executable, str(minimal)], b"MINIMALREADY") for _ in range(runs)]
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
