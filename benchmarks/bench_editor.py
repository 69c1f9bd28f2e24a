"""How fast the editor feels, measured in a real pseudo-terminal, in one run.

Prints one table, each number beside its goal and its same-run baseline:

1. launch to the first frame that shows the plan, against a minimal Textual app
   (Header, DataTable, Footer) launched the same way, alternately: the median of the
   rounds' ratios, and the ratio of the fastest runs (goal: at most 1.25x the minimal
   app, never above 1.5x);
2. key to the frame with the new overload risk (median, p90) for a move
   (`shift+right`), an add (a paste: `c` once, then `v`) and an undo (`ctrl+z`);
3. key to the frame that shows each form and dialog (goal: 50 ms);
4. key to the frame with the new risk on week 16 of a 16-week plan with eight sessions
   a day, against week 1 of a one-week plan of the same days.

The harness adds no time of its own: keys are written straight to the terminal (no
pexpect send delay), the clock starts just before the write and stops at the arrival
of the output that completed the expected frame; the screen (pyte, through the tests'
terminal driver) is read only once the program's output pauses.

Run: `python benchmarks/bench_editor.py` (from a checkout, with the package installed);
`--quick` measures fewer rounds; `--launch` measures only the launch; `--against DIR`
also measures the editor whose `planner` package is in DIR (an older checkout, say), in
the same run, beside each number.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import select
import signal
import statistics
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "functional_tests"))
from terminal import KEYS, Terminal  # noqa: E402  (the pseudo-terminal driver of the tests)

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

#: Output that pauses this long has delivered its frame; only then is the screen read.
QUIET = 0.002
#: A key that shows nothing within this long counts as a miss.
KEY_TIMEOUT = 5.0

LAUNCH_GOAL = 1.25
LAUNCH_LIMIT = 1.5
EDIT_GOAL_MS = 33.0  # two frames at 60 Hz
FORM_GOAL_MS = 50.0

PLAN_NAME = "Bench week"

# The benchmark's week: heavy Monday (legs), Wednesday (legs and back) and Friday with
# easy days between; risk low. Monday's squat moved to Tuesday makes Tuesday and
# Wednesday back-to-back heavy on the legs (risk moderate); a copy of it pasted into
# Tuesday makes three heavy days in a row (risk high).
BASE_DAYS: dict[str, list[tuple[str, str, str, int, str | None, str | None]]] = {
    "mon": [("Squat", "heavy", "strength", 60, "17:00", '["legs"]')],
    "tue": [("Brisk walk", "active_recovery", "walk", 40, None, None)],
    "wed": [("Deadlift", "heavy", "strength", 50, "17:00", '["legs", "back"]')],
    "thu": [("Easy spin", "active_recovery", "cycle", 40, None, None)],
    "fri": [("Rows and chins", "heavy", "strength", 50, "17:00", '["back"]')],
    "sat": [],
    "sun": [],
}


def plan_text(weeks: int, sessions_a_day: int, *, logged: bool = False) -> str:
    """A format 2 plan of `weeks` copies of the benchmark's week.

    Days are filled up to `sessions_a_day` with five-minute mobility sessions (Tuesday
    holds one fewer, so a session can still move there). `logged` logs Monday's squat
    of week 1, so `m` opens the log form. The deload rule is off: sixteen build weeks
    in a row would raise the risk of the last ones on their own.
    """
    lines = [
        "# A plan the editor benchmark writes.",
        "format = 2",
        "",
        "[plan]",
        f'name = "{PLAN_NAME}"',
        'level = "intermediate"',
        "start = 2026-11-30",
        "",
        "[defaults]",
        "sleep_hours = 8.0",
        'bedtime = "22:30"',
        "protein_meals = 4",
        "",
        "[rules]",
        'disabled = ["deload-due"]',
        "",
    ]
    for week in range(weeks):
        lines += ["[[weeks]]", f'label = "Build {week + 1}"', ""]
        for day, planned in BASE_DAYS.items():
            lines.append(f"[weeks.days.{day}]")
            sessions = list(planned)
            room = sessions_a_day - (1 if day == "tue" and sessions_a_day > 1 else 0)
            while len(sessions) < room:
                sessions.append(
                    (f"Mobility {len(sessions)}", "active_recovery", "mobility", 5, None, None)
                )
            for number, (title, kind, activity, minutes, start, focus) in enumerate(sessions):
                lines += [
                    f"[[weeks.days.{day}.sessions]]",
                    f'title = "{title}"',
                    f'kind = "{kind}"',
                    f'activity = "{activity}"',
                    f"minutes = {minutes}",
                ]
                if start:
                    lines.append(f'start = "{start}"')
                if focus:
                    lines.append(f"focus = {focus}")
                if kind == "heavy":
                    lines.append("carbs_after = true")
                if logged and week == 0 and day == "mon" and number == 0:
                    lines.append("done = { minutes = 60, rpe = 8 }")
            lines.append("")
    return "\n".join(lines)


# --- reading the program's screen without adding time --------------------------------


class Screen:
    """A program in a pseudo-terminal, timed from key to frame.

    Output is read straight from the terminal's descriptor; the virtual screen is fed
    only when the output pauses, and a frame's time is the arrival of its last bytes.
    """

    def __init__(self, argv: list[str], cwd: Path) -> None:
        self.started = time.perf_counter()
        self.terminal = Terminal(argv, cwd)
        self.terminal.child.delaybeforesend = None
        self.fd = self.terminal.child.child_fd
        self.alive = True

    def text(self) -> str:
        """The screen as plain text."""
        return self.terminal.text()

    def _read(self, wait: float) -> bytes:
        if not self.alive:
            time.sleep(wait)
            return b""
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return b""
        try:
            data = os.read(self.fd, 1 << 20)
        except OSError:  # the program ended
            data = b""
        if not data:
            self.alive = False
        return data

    def wait(self, predicate: Callable[[str], bool], since: float, timeout: float) -> float | None:
        """Seconds from `since` to the arrival of the output after which the screen
        satisfies `predicate`; None when it does not within `timeout`."""
        deadline = since + timeout
        pending: list[bytes] = []
        arrived = since
        while True:
            now = time.perf_counter()
            if now > deadline:
                return None
            data = self._read(QUIET if pending else min(0.05, deadline - now))
            if data:
                pending.append(data)
                arrived = time.perf_counter()
                continue
            if pending:
                self.terminal.stream.feed(b"".join(pending))
                pending.clear()
                if predicate(self.text()):
                    return arrived - since
            elif not self.alive:
                return None

    def key(self, key: str, predicate: Callable[[str], bool]) -> float:
        """Press a key; seconds to the frame that satisfies `predicate`."""
        data = KEYS.get(key, key).encode()
        start = time.perf_counter()
        os.write(self.fd, data)
        seconds = self.wait(predicate, start, KEY_TIMEOUT)
        if seconds is None:
            raise AssertionError(
                f"{key!r}: the screen never showed what was expected:\n{self.text()}"
            )
        return seconds

    def settle(self, quiet: float = 0.2, limit: float = 1.5) -> None:
        """Let the program finish what a key started: no output for `quiet` seconds and
        its CPU idle (work in the background draws nothing), or `limit` seconds."""
        deadline = time.perf_counter() + limit
        since, cpu = time.perf_counter(), self._cpu()
        while time.perf_counter() < deadline:
            data = self._read(0.02)
            if data:
                self.terminal.stream.feed(data)
                since, cpu = time.perf_counter(), self._cpu()
            elif time.perf_counter() - since >= quiet:
                now = self._cpu()
                if now - cpu <= 0.1 * quiet:
                    return
                since, cpu = time.perf_counter(), now

    def _cpu(self) -> float:
        """CPU seconds the program has used (0 where /proc cannot tell)."""
        try:
            fields = Path(f"/proc/{self.terminal.child.pid}/stat").read_text().rsplit(")", 1)
            utime, stime = fields[1].split()[11:13]
        except (OSError, IndexError, ValueError):
            return 0.0
        return (int(utime) + int(stime)) / os.sysconf("SC_CLK_TCK")

    def close(self) -> None:
        """Stop the program at once and wait until it is gone, so it takes no time from
        the next measurement."""
        child = self.terminal.child
        if child.isalive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGKILL)
        child.close(force=True)


@contextmanager
def running(argv: list[str], cwd: Path, ready: Callable[[str], bool]) -> Iterator[Screen]:
    """The program started and showing its first frame."""
    screen = Screen(argv, cwd)
    try:
        if screen.wait(ready, screen.started, 30) is None:
            raise AssertionError(f"the program never showed its first frame:\n{screen.text()}")
        screen.settle(0.4, 3)
        yield screen
    finally:
        screen.close()


# --- what the screen shows ------------------------------------------------------------

_RISK = re.compile(r"overload (low|moderate|high)")


def header_risk(text: str) -> str:
    """The overload word in the header line ('' when it is not shown)."""
    found = _RISK.search(text.split("\n", 1)[0])
    return found.group(1) if found else ""


def risk_is(word: str) -> Callable[[str], bool]:
    """The screen shows `word` as the overload risk."""
    return lambda text: header_risk(text) == word


def shows(marker: str) -> Callable[[str], bool]:
    """The screen shows `marker`."""
    return lambda text: marker in text


def hides(marker: str) -> Callable[[str], bool]:
    """The screen no longer shows `marker`."""
    return lambda text: marker not in text


def plan_shown(text: str) -> bool:
    """The first frame with the plan: its name, its sessions and its risk."""
    return PLAN_NAME in text and "Squat" in text and header_risk(text) == "low"


# --- measurements ----------------------------------------------------------------------


@dataclass
class Result:
    """A measured row of the table."""

    name: str
    seconds: list[float]
    goal: str
    passed: bool
    baseline: str = ""
    verdict: str = ""

    @property
    def median_ms(self) -> float:
        return statistics.median(self.seconds) * 1000

    @property
    def p90_ms(self) -> float:
        return p90(self.seconds) * 1000


def p90(seconds: list[float]) -> float:
    """The 90th percentile (nearest rank)."""
    ordered = sorted(seconds)
    return ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)]


def editor(plan: Path) -> list[str]:
    """The command line of the editor on `plan`: the `planner` command a person types
    (the console script beside this Python), else `python -m planner`, which also
    imports runpy (about 1.5 % of the minimal app's start)."""
    script = Path(sys.executable).with_name("planner")
    if script.is_file():
        return [str(script), "edit", str(plan)]
    return [sys.executable, "-m", "planner", "edit", str(plan)]


def launch_times(
    plan: Path, minimal: Path, runs: int, versions: dict[str, Path | None]
) -> dict[str, list[float]]:
    """Launch to first frame: each version of the editor and the minimal app in turn,
    `runs` times (after one round that is not counted: it warms the disk cache)."""
    launches: list[tuple[str, list[str], Callable[[str], bool], Path | None]] = [
        (name, editor(plan), plan_shown, package) for name, package in versions.items()
    ]
    launches.append(("minimal", [sys.executable, str(minimal)], shows("MINIMALREADY"), None))
    times: dict[str, list[float]] = {name: [] for name, *_ in launches}
    for run in range(runs + 1):
        for name, argv, ready, package in launches:
            with code_from(package):
                screen = Screen(argv, plan.parent)
            try:
                seconds = screen.wait(ready, screen.started, 30)
                if seconds is None:
                    raise AssertionError(f"no first frame:\n{screen.text()}")
            finally:
                screen.close()
            if run:
                times[name].append(seconds)
    return times


@contextmanager
def code_from(package: Path | None) -> Iterator[None]:
    """Programs started meanwhile import `planner` from `package`'s directory (None:
    the installed one)."""
    saved = os.environ.get("PYTHONPATH")
    if package is not None:
        os.environ["PYTHONPATH"] = str(package)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


def alternate(
    screen: Screen, steps: list[tuple[str, Callable[[str], bool]]], presses: int
) -> list[list[float]]:
    """Press the steps' keys in turn, `presses` times in all; each step's times."""
    times: list[list[float]] = [[] for _ in steps]
    for number in range(presses):
        index = number % len(steps)
        key, expected = steps[index]
        times[index].append(screen.key(key, expected))
        screen.settle()
    return times


def edit_times(plan: Path, presses: int) -> tuple[list[float], list[float], list[float]]:
    """Move, paste and undo: key to the frame with the new risk."""
    with running(editor(plan), plan.parent, plan_shown) as screen:
        moves, _ = alternate(
            screen, [("shift+right", risk_is("moderate")), ("shift+left", risk_is("low"))], presses
        )
        screen.key("c", shows("Copied"))
        screen.settle()
        screen.key("right", lambda text: True)
        screen.settle()
        pastes, undos = alternate(
            screen, [("v", risk_is("high")), ("ctrl+z", risk_is("low"))], presses
        )
    return moves, pastes, undos


#: Each form or dialog opened on the plan as loaded: its name, its key, and what its
#: first frame shows (escape closes each).
FORMS: tuple[tuple[str, str, str], ...] = (
    ("session form (a)", "a", "New session on Monday"),
    ("session form (e)", "e", "Edit session on Monday"),
    ("day form (r)", "r", "Monday: sleep, food and note"),
    ("log form (m, logged)", "m", "Log: Monday"),
    ("settings (s)", "s", "Plan settings"),
    ("import (i)", "i", "Import a plan"),
    ("export (x)", "x", f"Export {PLAN_NAME}"),
    ("help (?)", "?", "─ Help "),
    ("palette (ctrl+p)", "\x10", "Search for commands"),
    ("week menu (W)", "W", "Week 1 of 1"),
)


def form_times(plan: Path, rounds: int) -> dict[str, list[float]]:
    """Key to the frame showing each form or dialog, then escape; the quit dialog and
    the accept dialog after an edit that makes a finding."""
    results: dict[str, list[float]] = {}
    with running(editor(plan), plan.parent, plan_shown) as screen:
        for name, key, marker in FORMS:
            times = results.setdefault(name, [])
            for _ in range(rounds):
                times.append(screen.key(key, shows(marker)))
                screen.settle()
                screen.key("escape", hides(marker))
                screen.settle()
        # An edit: the plan has changes (quit asks) and a finding (A accepts it).
        screen.key("shift+right", risk_is("moderate"))
        screen.settle()
        times = results.setdefault("quit with changes (ctrl+q)", [])
        for _ in range(rounds):
            times.append(screen.key("ctrl+q", shows("Unsaved changes")))
            screen.settle()
            screen.key("escape", hides("Unsaved changes"))
            screen.settle()
        screen.key("f", lambda text: True)
        screen.settle()
        times = results.setdefault("accept dialog (A)", [])
        for _ in range(rounds):
            times.append(screen.key("A", shows("Accept this finding")))
            screen.settle()
            screen.key("escape", hides("Accept this finding"))
            screen.settle()
    return results


def week_times(plan: Path, weeks: int, presses: int) -> list[float]:
    """Move on the last week: key to the frame with the new risk."""
    with running(editor(plan), plan.parent, plan_shown) as screen:
        if weeks > 1:
            for week in range(2, weeks + 1):
                screen.key("]", shows(f"week {week} of {weeks}"))
        # Until the block's document is parsed in the background, as a person would.
        screen.settle(0.3, 10)
        moves, _ = alternate(
            screen, [("shift+right", risk_is("moderate")), ("shift+left", risk_is("low"))], presses
        )
    return moves


def warm_bytecode() -> None:
    """Measure as on a normal machine: with the package compiled to bytecode.

    Some environments set PYTHONDONTWRITEBYTECODE, which makes every start compile
    planner from source; a person's installation has its .pyc files.
    """
    import compileall

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    compileall.compile_dir(str(ROOT / "planner"), quiet=1)


# --- the table -------------------------------------------------------------------------


def print_table(rows: list[Result], against: dict[str, Result] | None) -> None:
    """One line a measurement: median, p90, goal, verdict, same-run baseline, and with
    --against the same measurement of the other checkout."""
    width = max(len(row.name) for row in rows)
    head = f"{'measurement':<{width}}  {'median':>8}  {'p90':>8}  {'goal':<26}  verdict  "
    print(head + ("against: median, p90  " if against is not None else "") + "baseline")
    for row in rows:
        line = (
            f"{row.name:<{width}}  {row.median_ms:>5.0f} ms  {row.p90_ms:>5.0f} ms  "
            f"{row.goal:<26}  {row.verdict or ('PASS' if row.passed else 'MISS'):<7}  "
        )
        if against is not None:
            other = against.get(row.name)
            line += (
                f"{other.median_ms:>6.0f} ms, {other.p90_ms:>4.0f} ms  "
                if other is not None
                else " " * 22
            )
        print(line + row.baseline)


def key_rows(directory: Path, presses: int, rounds: int) -> list[Result]:
    """Every key to frame measurement of one version of the editor."""
    week = directory / "week.toml"
    full_week = directory / "full-week.toml"
    block = directory / "block.toml"
    rows: list[Result] = []
    moves, pastes, undos = edit_times(week, presses)
    for name, times in (
        ("move (shift+right) -> risk", moves),
        ("add (paste v) -> risk", pastes),
        ("undo (ctrl+z) -> risk", undos),
    ):
        median = statistics.median(times) * 1000
        rows.append(Result(name, times, f"<= {EDIT_GOAL_MS:.0f} ms", median <= EDIT_GOAL_MS))
    for name, times in form_times(week, rounds).items():
        median = statistics.median(times) * 1000
        rows.append(Result(name, times, f"<= {FORM_GOAL_MS:.0f} ms", median <= FORM_GOAL_MS))
    one = week_times(full_week, 1, presses)
    sixteen = week_times(block, 16, presses)
    one_ms = statistics.median(one) * 1000
    sixteen_ms = statistics.median(sixteen) * 1000
    rows.append(
        Result(
            "move, week 1 of 1 (8 a day)", one, f"<= {EDIT_GOAL_MS:.0f} ms", one_ms <= EDIT_GOAL_MS
        )
    )
    rows.append(
        Result(
            "move, week 16 of 16 (8 a day)",
            sixteen,
            f"<= {EDIT_GOAL_MS:.0f} ms, as one week",
            sixteen_ms <= EDIT_GOAL_MS,
            f"week 1 of 1 (8 a day) {one_ms:.0f} ms: {sixteen_ms / one_ms:.2f}x",
        )
    )
    return rows


def launch_row(name: str, ours: list[float], base: list[float]) -> Result:
    """Launch to first frame against the minimal app of the same run: the median of the
    rounds' ratios (each round launches both, one after the other, so a busy spell of
    the machine weighs on both sides of a ratio), and the ratio of the fastest runs."""
    ratio = statistics.median(mine / minimal for mine, minimal in zip(ours, base, strict=True))
    fastest = min(ours) / min(base)
    return Result(
        name,
        ours,
        f"<= {LAUNCH_GOAL}x minimal (< {LAUNCH_LIMIT}x)",
        ratio <= LAUNCH_GOAL,
        f"minimal app {statistics.median(base) * 1000:.0f} ms "
        f"(p90 {p90(base) * 1000:.0f}): {ratio:.2f}x; fastest runs {fastest:.2f}x",
        "" if ratio <= LAUNCH_LIMIT else "MISS>1.5",
    )


def main() -> None:
    """Run every measurement and print the table.

    `--quick`: fewer rounds. `--against DIR`: also measure the editor of another
    checkout (DIR holds its `planner` package), in the same run: launches alternate
    with this checkout's and the minimal app's, the keys run after this checkout's.
    """
    arguments = sys.argv[1:]
    quick = "--quick" in arguments
    launch_only = "--launch" in arguments
    other = Path(arguments[arguments.index("--against") + 1]) if "--against" in arguments else None
    runs, presses, rounds = (5, 10, 3) if quick else (11, 20, 7)
    warm_bytecode()
    if other is not None:
        import compileall

        compileall.compile_dir(str(other / "planner"), quiet=1)
    versions: dict[str, Path | None] = {"this checkout": None}
    if other is not None:
        versions["against"] = other
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder)
        minimal = directory / "minimal.py"
        minimal.write_text(MINIMAL_APP, encoding="utf-8")
        (directory / "week.toml").write_text(plan_text(1, 1, logged=True), encoding="utf-8")
        (directory / "full-week.toml").write_text(plan_text(1, 8), encoding="utf-8")
        (directory / "block.toml").write_text(plan_text(16, 8), encoding="utf-8")

        launches = launch_times(directory / "week.toml", minimal, runs, versions)
        rows = [launch_row("launch to first frame", launches["this checkout"], launches["minimal"])]
        if not launch_only:
            rows += key_rows(directory, presses, rounds)
        against: dict[str, Result] | None = None
        if other is not None:
            with code_from(other):
                other_rows = [
                    launch_row("launch to first frame", launches["against"], launches["minimal"])
                ]
                if not launch_only:
                    other_rows += key_rows(directory, presses, rounds)
            against = {row.name: row for row in other_rows}
    load = os.getloadavg()[0]
    cores = len(os.sched_getaffinity(0))
    print(f"editor at 120x36 in a pseudo-terminal; {cores} cores, load average {load:.1f}")
    if other is not None:
        print(f"against: the editor from {other}")
    print_table(rows, against)
    if against is not None:
        print(f"against, launch: {against['launch to first frame'].baseline}")


if __name__ == "__main__":
    main()
