"""The save-as prompt: a path to save a plan to, checked as it is typed."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Static

from planner.ui.screens.fields import FormScreen


def suggested_name(plan_name: str) -> str:
    """A file name made from a plan's name: `Strength 3x` -> `strength-3x.toml`."""
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in plan_name).split()
    return ("-".join(words)[:60] or "week") + ".toml"


def path_problem(text: str, base: Path) -> tuple[Path | None, str, bool]:
    """The path typed, what is wrong with it, and whether it only asks to confirm."""
    if not text.strip():
        return None, "type a file path, e.g. week.toml", False
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = base / path
    if path.is_dir():
        return None, "is a folder; add a file name", False
    if not path.parent.is_dir():
        return None, f"folder {path.parent} does not exist", False
    if path.exists():
        return path, "exists: enter again to replace it", True
    return path, "", False


class SaveAsScreen(FormScreen[Path]):
    """Ask for the file to save a plan to; dismisses with the path, or None."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="saveas.cancel"),
    ]

    def __init__(self, suggestion: str, *, base: Path | None = None) -> None:
        super().__init__()
        self.suggestion = suggestion
        self.base = base or Path.cwd()
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="save-as", classes="dialog") as dialog:
            dialog.border_title = "Save the plan as"
            yield Static(f"Path (relative to {self.base}):", classes="dialog-text", markup=False)
            yield Input(self.suggestion, id="path", compact=True)
            yield Static("", id="path-error", classes="field-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#path", Input).focus()
        self._check(self.suggestion)

    def _check(self, text: str) -> Path | None:
        path, problem, confirm = path_problem(text, self.base)
        line = self.query_one("#path-error", Static)
        line.update(Content(problem))
        line.display = bool(problem)
        line.set_class(confirm, "-confirm")
        return path

    @on(Input.Changed, "#path")
    def _changed(self, event: Input.Changed) -> None:
        self._confirm = None
        self._check(event.value)

    def action_save(self) -> None:
        """Save to the typed path; an existing file needs a second enter."""
        text = self.query_one("#path", Input).value
        path, _, confirm = path_problem(text, self.base)
        if path is None:
            self.app.bell()
            return
        if confirm and self._confirm != path:
            self._confirm = path
            self.query_one("#path-error", Static).update(
                Content("exists: press enter again to replace it")
            )
            return
        self.dismiss(path)
