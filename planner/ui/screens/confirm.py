"""A small yes/no question as a modal: `ConfirmScreen(message) -> bool`.

    def overwrite(yes: bool | None) -> None: ...
    self.app.push_screen(ConfirmScreen("Overwrite week.ics?", yes="Overwrite"), overwrite)

Dismisses with True for yes (`y`, or enter on the focused yes button) and False for
no (`n`, `escape`, or the no button). The message is shown as typed, never as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from planner.ui.screens.modal import PlannerModal


class ConfirmScreen(PlannerModal[bool]):
    """Ask a yes/no question; dismisses with True (yes) or False (no)."""

    DEFAULT_CSS = """
    ConfirmScreen #confirm-dialog {
        width: auto;
        min-width: 36;
        max-width: 70;
        height: auto;
        border: round $warning;
        border-title-color: $text;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    ConfirmScreen #confirm-message {
        width: auto;
        max-width: 66;
        margin: 1 0;
    }
    ConfirmScreen #confirm-buttons {
        width: 100%;
        height: 1;
        align-horizontal: right;
    }
    ConfirmScreen #confirm-buttons Button {
        margin-left: 1;
        width: auto;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", id="confirm.cancel"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(
        self,
        message: str,
        *,
        title: str = "Confirm",
        yes: str = "Yes",
        no: str = "No",
        default: bool = True,
    ) -> None:
        """`message` is the question; `yes`/`no` label the buttons; `default` is focused."""
        super().__init__()
        self.message = message
        self.title_text = title
        self.yes_label = yes
        self.no_label = no
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(Content(self.message), id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(
                    f"{self.yes_label} (y)", id="confirm-yes", variant="warning", compact=True
                )
                yield Button(f"{self.no_label} (n)", id="confirm-no", compact=True)

    def on_mount(self) -> None:
        """Focus the default answer, so enter gives it."""
        self.query_one("#confirm-yes" if self.default else "#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)
