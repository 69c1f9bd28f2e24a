"""Drive the real `planner` program in a pseudo-terminal and read its screen.

pexpect runs the program in a pty; pyte plays its output on a virtual screen so
tests assert on what a person would see, not on escape codes.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parents[2]

KEYS = {
    "shift+right": "\x1b[1;2C",
    "shift+left": "\x1b[1;2D",
    "right": "\x1b[C",
    "left": "\x1b[D",
    "down": "\x1b[B",
    "up": "\x1b[A",
    "enter": "\r",
    "escape": "\x1b",
    "tab": "\t",
    "ctrl+s": "\x13",
    "ctrl+z": "\x1a",
    "ctrl+y": "\x19",
    "ctrl+q": "\x11",
    "ctrl+a": "\x01",
    "ctrl+u": "\x15",
    "backspace": "\x7f",
}


class Terminal:
    """A program in a pseudo-terminal with a virtual screen of its output."""

    def __init__(
        self,
        argv: list[str],
        cwd: Path,
        columns: int = 120,
        lines: int = 36,
        env: dict[str, str] | None = None,
    ) -> None:
        env = {**os.environ, **(env or {})}
        env.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)})
        for variable in ("TEXTUAL", "TEXTUAL_DRIVER", "NO_COLOR"):
            env.pop(variable, None)
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            argv[0], argv[1:], cwd=str(cwd), env=env, dimensions=(lines, columns)
        )
        # pexpect waits 50 ms before each send by default; the keys' own pumping is
        # pause enough, and the wait made long key sequences slow.
        self.child.delaybeforesend = None

    @classmethod
    def planner(cls, *arguments: str, cwd: Path) -> Terminal:
        """This checkout's planner program (as `python -m planner`, with the checkout
        first on PYTHONPATH, whatever folder it runs in)."""
        path = os.environ.get("PYTHONPATH")
        root = str(ROOT) + (os.pathsep + path if path else "")
        return cls([sys.executable, "-m", "planner", *arguments], cwd, env={"PYTHONPATH": root})

    def pump(self, seconds: float = 0.05) -> None:
        """Feed whatever output arrived within `seconds` to the virtual screen."""
        try:
            data = self.child.read_nonblocking(1_000_000, timeout=seconds)
        except (pexpect.TIMEOUT, pexpect.EOF):
            return
        self.stream.feed(data)

    def text(self) -> str:
        """The screen as plain text, one line per row."""
        return "\n".join(self.screen.display)

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float = 20) -> str:
        """Pump output until the screen satisfies `predicate` (or shows the text)."""
        check = (lambda screen: predicate in screen) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump()
            screen = self.text()
            if check(screen):
                return screen
            if not self.child.isalive():
                self.pump()
                break
        raise AssertionError(f"screen never showed {predicate!r}; it shows:\n{self.text()}")

    def press(self, *keys: str) -> None:
        """Send keys by name (see KEYS) or as literal text."""
        for key in keys:
            self.child.send(KEYS.get(key, key))
            self.pump(0.05)

    def type(self, text: str) -> None:
        """Type literal text."""
        self.child.send(text)
        self.pump(0.05)

    def wait_exit(self, timeout: float = 10) -> int:
        """Wait for the program to end; return its exit status."""
        deadline = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump()
        self.child.close(force=not self.child.isalive())
        return int(self.child.exitstatus or 0)

    def close(self) -> None:
        """Stop the program if it is still running."""
        if self.child.isalive():
            self.child.terminate(force=True)
