"""The dialog for a plan file that changed on disk: reload, overwrite, save as, or cancel.

The main screen opens it when a save finds the file changed (or deleted) since it
was opened or last saved, so changes made elsewhere are never silently replaced:

    def chosen(choice: FileChangedChoice | None) -> None: ...
    self.app.push_screen(FileChangedDialog("week.toml", deleted=False), chosen)
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from planner.ui.screens.modal import PlannerModal

FileChangedChoice = Literal["reload", "overwrite", "save_as", "cancel"]

CHOICES: tuple[FileChangedChoice, ...] = ("reload", "overwrite", "save_as", "cancel")


class FileChangedDialog(PlannerModal[FileChangedChoice]):
    """Ask what to do about a file changed on disk; dismisses with the choice."""

    # Four buttons in the 64 columns of a .dialog: as wide as their labels.
    DEFAULT_CSS = """
    FileChangedDialog #file-changed Button {
        min-width: 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "choose('reload')", "Reload", id="file_changed.reload"),
        Binding("o", "choose('overwrite')", "Overwrite", id="file_changed.overwrite"),
        Binding("a", "choose('save_as')", "Save as", id="file_changed.save_as"),
        Binding("escape", "choose('cancel')", "Cancel", id="file_changed.cancel"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, file_name: str, *, deleted: bool) -> None:
        """`file_name` is shown as typed (never as markup); `deleted` words the question."""
        super().__init__()
        self.file_name = file_name
        self.deleted = deleted

    def compose(self) -> ComposeResult:
        name = self.file_name
        if self.deleted:
            title = "File deleted"
            text = (
                f"{name} was deleted on disk since you opened or last saved it. "
                "Reload (it fails: there is nothing to load), save it again over "
                "nothing (Overwrite), or save under another name?"
            )
        else:
            title = "File changed on disk"
            text = (
                f"{name} was changed on disk since you opened or last saved it "
                "(another editor, git pull). Reload it (losing the changes made here), "
                "overwrite it with the plan here, or save under another name?"
            )
        with Vertical(id="file-changed", classes="dialog") as dialog:
            dialog.border_title = title
            yield Static(Content(text), id="file-changed-text", classes="dialog-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Reload (r)", id="reload", compact=True)
                yield Button("Overwrite (o)", id="overwrite", variant="error", compact=True)
                yield Button("Save as (a)", id="save_as", variant="primary", compact=True)
                yield Button("Cancel (esc)", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Save as is the safe default: nobody's changes are lost."""
        self.query_one("#save_as", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        """Close with the choice (anything unknown is cancel)."""
        chosen: FileChangedChoice = next((known for known in CHOICES if known == choice), "cancel")
        self.dismiss(chosen)
