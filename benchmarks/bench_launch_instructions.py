"""Launch to first frame counted in instructions, not seconds: the editor against the
minimal Textual app (Header, DataTable, Footer), each run under valgrind's callgrind
until its first frame is drawn.

An instruction count is the same whatever else the machine is doing, so this ratio
does not move with the load of a shared machine the way `bench_editor.py`'s timed
launch does; it leaves out what instructions do not show (the kernel's share, caches),
so read the two together.

Run: `python benchmarks/bench_launch_instructions.py` (needs valgrind; about a minute).
`--against DIR` also counts the editor whose `planner` package is in DIR.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_editor import plan_text, warm_bytecode  # noqa: E402

#: Runs either app until its first frame, then exits; `ours PLAN` or `minimal`.
FIRST_FRAME = textwrap.dedent(
    """
    import sys

    if sys.argv[1] == "ours":
        import planner.ui.app as editor_app

        shown = editor_app.PlannerApp.post_display_hook

        def first_frame(self):
            shown(self)
            self.exit(0)

        editor_app.PlannerApp.post_display_hook = first_frame
        from planner.cli import main

        main(["edit", sys.argv[2]])
    else:
        from textual.app import App
        from textual.widgets import DataTable, Footer, Header

        class Minimal(App):
            BINDINGS = [("ctrl+q", "quit", "Quit")]

            def compose(self):
                yield Header()
                yield DataTable()
                yield Footer()

            def on_mount(self):
                table = self.query_one(DataTable)
                table.add_columns("Day", "Sessions", "Load")
                table.add_row("MINIMALREADY", "Squat", "560")

            def post_display_hook(self):
                self.exit(0)

        Minimal().run()
    """
)


def instructions(arguments: list[str], package: Path | None, folder: Path) -> int:
    """Instructions the program runs to its first frame, in a pseudo-terminal (120x36)."""
    out = folder / "callgrind.out"
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36"}
    if package is not None:
        env["PYTHONPATH"] = str(package)
    command = [
        "valgrind",
        "--tool=callgrind",
        f"--callgrind-out-file={out}",
        sys.executable,
        str(folder / "first_frame.py"),
        *arguments,
    ]
    # `script` gives the program a terminal, as a person's would be.
    subprocess.run(
        ["script", "-qc", " ".join(command), "/dev/null"],
        env=env,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise RuntimeError("callgrind wrote no total")


def main() -> None:
    """Count both, print the ratio (and the other checkout's, with --against)."""
    arguments = sys.argv[1:]
    other = Path(arguments[arguments.index("--against") + 1]) if "--against" in arguments else None
    warm_bytecode()
    if other is not None:
        import compileall

        compileall.compile_dir(str(other / "planner"), quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "first_frame.py").write_text(FIRST_FRAME, encoding="utf-8")
        plan = folder / "week.toml"
        plan.write_text(plan_text(1, 1, logged=True), encoding="utf-8")
        minimal = instructions(["minimal"], None, folder)
        ours = instructions(["ours", str(plan)], None, folder)
        print("launch to first frame, in instructions (callgrind), 120x36")
        print(f"minimal app     {minimal / 1e6:8.1f} M")
        print(f"this checkout   {ours / 1e6:8.1f} M  {ours / minimal:.3f}x the minimal app")
        if other is not None:
            theirs = instructions(["ours", str(plan)], other, folder)
            print(f"against         {theirs / 1e6:8.1f} M  {theirs / minimal:.3f}x  ({other})")


if __name__ == "__main__":
    main()
