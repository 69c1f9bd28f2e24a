"""The editor app, the factory the CLI and the tests share, and the CLI's entry point."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

# Start-up builds some hundred thousand objects that live as long as the editor
# (Textual's classes, the model and its validators, the stylesheet); the collector's
# passes over them (some 180 before the first frame) free next to nothing and cost tens
# of milliseconds. It is off while Textual is imported, and `run_editor` keeps it off
# until the first frame.
_collecting = gc.isenabled()
gc.disable()
try:
    from textual.app import App, SystemCommand
    from textual.binding import BindingType

    from planner.ui.backdrop import install as install_backdrop
    from planner.ui.commands import PlannerCommands, bindings_for
finally:
    if _collecting:
        gc.enable()

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    from planner.editor import PlanEditor
    from planner.ui.screens.main import MainScreen


class PlannerApp(App[int]):
    """Plan a training week, checked live for load spacing and overload risk."""

    CSS_PATH = "planner.tcss"
    TITLE = "planner"
    BINDINGS: ClassVar[list[BindingType]] = bindings_for("app")
    COMMANDS = App.COMMANDS | {PlannerCommands}
    # The screen gets -narrow/-medium/-wide and -short/-tall; planner.tcss lays out by them.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (130, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012

    def __init__(self, editor: PlanEditor, *, theme: str = "textual-dark") -> None:
        super().__init__()
        install_backdrop()
        self.editor = editor
        if theme in self.available_themes:
            self.theme = theme
        #: Set by `run_editor`, which turns the garbage collector off for the start:
        #: the first frame turns it on again.
        self.collector_paused = False
        self._preparing: Worker[None] | None = None

    def post_display_hook(self) -> None:
        """After a frame: the collector back on after the first, and the plan's tomlkit
        document parsed in the background whenever an edit would have to wait for it
        (it is parsed lazily: not for the first frame, nor on undo)."""
        if self.collector_paused:
            self.collector_paused = False
            # What start-up built stays; later collections need not walk it again.
            gc.freeze()
            gc.enable()
        if self.editor.document_pending and (
            self._preparing is None or self._preparing.is_finished
        ):
            self._preparing = self.run_worker(
                self.editor.prepare_document, name="prepare-document", thread=True
            )

    def get_default_screen(self) -> Screen[None]:
        """The main screen, on the plan being edited."""
        from planner.ui.screens.main import MainScreen

        return MainScreen(self.editor)

    @property
    def main_screen(self) -> MainScreen:
        """The main screen (the bottom of the screen stack)."""
        from planner.ui.screens.main import MainScreen

        screen = self.screen_stack[0]
        assert isinstance(screen, MainScreen)
        return screen

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's commands, without its Quit (the editor's own asks about changes)."""
        for command in super().get_system_commands(screen):
            if command.title != "Quit":
                yield command

    def action_help(self) -> None:
        """Show the help screen (once)."""
        from planner.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        from planner.ui.screens.kept import kept

        plan = self.editor.plan
        self.push_screen(kept(self, HelpScreen, lambda: HelpScreen(plan)).load(plan))

    def action_command_palette(self) -> None:
        """Textual's command palette, kept between openings (see KeptPalette)."""
        from textual.command import CommandPalette

        from planner.ui.screens.kept import kept
        from planner.ui.screens.palette import KeptPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(kept(self, KeptPalette, KeptPalette).load())

    async def action_quit(self) -> None:
        """Quit; with unsaved changes ask to save, discard or cancel."""
        self.main_screen.request_quit()


def terminal_theme(environ: Mapping[str, str]) -> str:
    """The theme that suits the terminal: `PLANNER_THEME` if set, else light when the
    terminal says (through `COLORFGBG`) that its background is light, else dark."""
    chosen = environ.get("PLANNER_THEME", "").strip()
    if chosen:
        return chosen
    background = environ.get("COLORFGBG", "").rpartition(";")[2]
    if background.isdigit() and int(background) in (7, 15):
        return "textual-light"
    return "textual-dark"


def make_app(
    path: Path | None = None,
    *,
    template: str | None = None,
    editor: PlanEditor | None = None,
    theme: str = "textual-dark",
) -> PlannerApp:
    """The editor app on a file, on a new plan from a template, or on a given editor.

    Raises PlanError when the file exists and fails to load.
    """
    if editor is None:
        from planner.editor import PlanEditor

        editor = PlanEditor.open(path) if path is not None else PlanEditor.from_template(template)
    return PlannerApp(editor, theme=theme)


def run_editor(path: Path | None) -> int:
    """Run the editor on `path` (a new plan from the default template when None).

    A file that fails to load opens no editor: its error goes to standard error, the
    file is left alone, and the exit status is 2.
    """
    from planner.planfile import PlanError

    gc.disable()  # until the first frame (see PlannerApp.post_display_hook)
    try:
        try:
            app = make_app(path, theme=terminal_theme(os.environ))
        except PlanError as error:
            print(error, file=sys.stderr)
            return 2
        except OSError as error:
            print(f"{path}: {error.strerror or error}", file=sys.stderr)
            return 2
        app.collector_paused = True
        result = app.run()
    finally:
        gc.enable()
    return result if isinstance(result, int) else 0
