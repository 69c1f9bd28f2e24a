"""The quit dialog: save, discard or cancel when the plan has unsaved changes."""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

QuitChoice = Literal["save", "discard", "cancel"]


class QuitDialog(ModalScreen[QuitChoice]):
    """Ask what to do with unsaved changes before quitting."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "choose('cancel')", "Cancel", id="quit.cancel"),
        Binding("s", "choose('save')", "Save and quit", id="quit.save"),
        Binding("d", "choose('discard')", "Discard", id="quit.discard"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, file_name: str | None) -> None:
        super().__init__(classes="dialog-screen")
        self.file_name = file_name

    def compose(self) -> ComposeResult:
        target = self.file_name or "a new file"
        with Vertical(id="quit-dialog", classes="dialog") as dialog:
            dialog.border_title = "Unsaved changes"
            yield Static(
                f"The plan has changes that are not saved. Save them to {target} before quitting?",
                classes="dialog-text",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (s)", id="save", variant="primary", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Save is the safe default."""
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        if choice in ("save", "discard", "cancel"):
            self.action_choose(choice)

    def action_choose(self, choice: str) -> None:
        """Close with the choice."""
        if choice == "save":
            self.dismiss("save")
        elif choice == "discard":
            self.dismiss("discard")
        else:
            self.dismiss("cancel")
