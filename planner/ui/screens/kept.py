"""Forms and dialogs built once and shown again: opening one sets its values instead of
composing, styling and laying out its widgets anew.

Composing a form and styling its widgets took most of the time from a key to the frame
that shows it (some 100 ms for the session form). A kept form is installed on the app,
so closing it does not destroy it; the next opening `load`s the new values into it and
resets what a person left behind (errors, touched fields, focus, scroll). The main
screen builds the forms ahead, one at a time, once the editor is idle after its first
frame (`build_ahead`); a form not built yet is built when it is first opened.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.screen import Screen
from textual.widget import AwaitMount

if TYPE_CHECKING:
    from textual.app import App

    from planner.editor import PlanEditor


S = TypeVar("S", bound=Screen[Any])


class Kept:
    """Mixed into a kept screen (before `Screen`): each opening shows what its `load`
    gave it, and the screen is not restyled whole unless the stylesheet changed.

    A kept screen's `load` takes the values (it may run before the screen is composed)
    and marks the screen to be filled: the widgets get the values when the screen is
    next shown (`_fill`), not when it is shown again after a dialog over it closes.

    Textual restyles every widget of a screen when it is shown, for what changed while
    it was not on the stack; a kept form's widgets restyle as their classes and
    pseudo-classes change, so only a new stylesheet (a theme, say) leaves them behind.
    """

    #: Whether the next showing fills the widgets from what `load` took.
    _unfilled = True

    def _fill(self) -> None:
        """Give the widgets what `load` took; reset what a person left behind."""
        raise NotImplementedError

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls each class's handler in turn: Screen's own runs after this one.
        screen = self
        assert isinstance(screen, Screen)
        count = screen.app._css_update_count
        if screen._css_update_count == count:
            event.refresh_styles = False
        else:
            screen._css_update_count = count
        if self._unfilled:
            self._unfilled = False
            self._fill()


def _name(screen_type: type[Screen[object]]) -> str:
    return f"kept-{screen_type.__name__}"


def kept(app: App[Any], screen_type: type[S], make: Callable[[], S]) -> S:
    """The app's kept instance of `screen_type` (made by `make` the first time).

    When that instance is already on the screen stack (a form opened from itself), a new
    one that is not kept is made instead.
    """
    name = _name(screen_type)
    if app.is_screen_installed(name):
        screen = app.get_screen(name, screen_type)
        if screen not in app.screen_stack:
            return screen
        return make()
    screen = make()
    app.install_screen(screen, name)
    return screen


async def build(app: App[Any], screen_type: type[S], make: Callable[[], S]) -> S | None:
    """Build (compose, mount and style) the kept instance ahead of its first opening;
    None when it is built already."""
    name = _name(screen_type)
    if app.is_screen_installed(name):
        return None
    screen = kept(app, screen_type, make)
    # Textual 8.2.8 (pinned) registers a screen when it is first pushed, and lays it
    # out when it is shown at a new size; doing both now, off the stack, leaves its
    # first opening to set its values and draw it.
    await AwaitMount(screen, app._register(app, screen))
    screen._css_update_count = app._css_update_count  # styled just now (see Kept)
    screen._refresh_layout(app.size)
    # Its widgets answer their first size (some by asking for another layout); then
    # each draws itself once, which fills the caches its first frame draws from.
    await asyncio.sleep(PAUSE)
    screen._refresh_layout(app.size)
    screen._compositor.render_update(full=True)
    return screen


Maker = tuple[type[Screen[Any]], Callable[[], Screen[Any]]]


def editor_forms(editor: PlanEditor) -> list[Maker]:
    """The editor's kept forms and dialogs, the likeliest first, each made on the plan
    as it is now (each opening loads the plan as it is then)."""
    from planner.ui.screens.accept_dialog import AcceptDialog
    from planner.ui.screens.day_form import DayForm
    from planner.ui.screens.export_plan import ExportScreen
    from planner.ui.screens.help import HelpScreen
    from planner.ui.screens.import_plan import ImportScreen
    from planner.ui.screens.log_form import LogForm
    from planner.ui.screens.palette import KeptPalette
    from planner.ui.screens.quit_dialog import QuitDialog
    from planner.ui.screens.session_form import SessionForm
    from planner.ui.screens.settings_form import SettingsForm
    from planner.ui.screens.week_menu import WeekMenu

    plan = editor.plan
    forms: list[Maker] = [
        (SessionForm, SessionForm.blank),
        (DayForm, DayForm.blank),
        (LogForm, LogForm.blank),
        (WeekMenu, WeekMenu.blank),
        (QuitDialog, lambda: QuitDialog(None)),
        (HelpScreen, lambda: HelpScreen(plan)),
        (ExportScreen, lambda: ExportScreen.for_editor(editor)),
        (ImportScreen, ImportScreen),
        (KeptPalette, KeptPalette),
        (SettingsForm, lambda: SettingsForm(plan)),
        (AcceptDialog, lambda: AcceptDialog(None)),
    ]
    return forms


def build_ahead(app: App[Any], makers: Callable[[], Sequence[Maker]], *, delay: float) -> None:
    """Build kept forms one at a time in the background, starting `delay` seconds after
    the next frame, each after a pause; one not built by its first opening is built
    then. `makers` is called only then: the forms' modules load after the first frame."""

    if app.is_headless:
        # No one is waiting for a key there (tests, scripts): forms are built and kept
        # when first opened, and nothing runs in the background meanwhile.
        return

    async def run() -> None:
        from planner.ui.commands import bundled_templates

        await asyncio.sleep(delay)
        await asyncio.to_thread(bundled_templates)  # for the palette
        for screen_type, make in makers():
            # A form takes tens of milliseconds to build: a key pressed meanwhile
            # waits for one form at most.
            await asyncio.sleep(PAUSE)
            await build(app, screen_type, make)
        if gc.get_freeze_count():
            # The editor froze what its start-up built (see PlannerApp); the kept forms
            # live as long, and a full collection walking their widgets took tens of
            # milliseconds out of a form's opening.
            gc.freeze()

    def start() -> None:
        app.run_worker(run(), name="build-ahead", group="build-ahead", exclusive=True)

    # After the frame being made: on a slow machine the delay alone could end first.
    app.call_after_refresh(start)


#: Seconds between building two forms.
PAUSE = 0.05
