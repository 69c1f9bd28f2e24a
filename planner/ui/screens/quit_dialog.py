"""The quit dialog: save, discard or cancel when the plan has unsaved changes."""

from __future__ import annotations

from typing import Literal, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from planner.ui.screens.fields import show
from planner.ui.screens.kept import Kept
from planner.ui.screens.modal import PlannerModal

QuitChoice = Literal["save", "discard", "cancel"]


class QuitDialog(Kept, PlannerModal[QuitChoice]):
    """Ask what to do with unsaved changes before quitting."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "choose('cancel')", "Cancel", id="quit.cancel"),
        Binding("s", "choose('save')", "Save and quit", id="quit.save"),
        Binding("d", "choose('discard')", "Discard", id="quit.discard"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, file_name: str | None) -> None:
        super().__init__()
        self.file_name = file_name

    def load(self, file_name: str | None) -> Self:
        """Ask about saving to `file_name` (None: a new file), Save focused."""
        self.file_name = file_name
        self._unfilled = True
        return self

    def _question(self) -> Content:
        target = self.file_name or "a new file"
        return Content(
            f"The plan has changes that are not saved. Save them to {target} before quitting?"
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-dialog", classes="dialog") as dialog:
            dialog.border_title = "Unsaved changes"
            yield Static(self._question(), id="quit-question", classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (s)", id="save", variant="primary", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def _fill(self) -> None:
        """The dialog as `load` left it (a kept dialog is loaded after its compose)."""
        show(self.query_one("#quit-question", Static), self._question())
        self.query_one("#save", Button).focus(scroll_visible=False)

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
