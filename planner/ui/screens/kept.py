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
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from textual import events
from textual.screen import Screen
from textual.widget import AwaitMount

if TYPE_CHECKING:
    from textual.app import App


S = TypeVar("S", bound=Screen[Any])


class KeptStyles:
    """Mixed into a kept screen (before `Screen`): shown again, it is not restyled whole
    unless the stylesheet changed (a theme, say) while it was closed.

    Textual restyles every widget of a screen when it is shown (`ScreenResume`), for
    what changed while it was not on the stack; a kept form's widgets restyle as their
    classes and pseudo-classes change, so only a new stylesheet leaves them behind.
    """

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Textual calls each class's handler in turn: Screen's own runs after this one.
        screen = self
        assert isinstance(screen, Screen)
        count = screen.app._css_update_count
        if screen._css_update_count == count:
            event.refresh_styles = False
        else:
            screen._css_update_count = count


def _name(screen_type: type[Screen[object]]) -> str:
    return f"kept-{screen_type.__name__}"


def kept(app: App[object], screen_type: type[S], make: Callable[[], S]) -> S:
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


async def build(app: App[object], screen_type: type[S], make: Callable[[], S]) -> S | None:
    """Build (compose, mount and style) the kept instance ahead of its first opening;
    None when it is built already."""
    name = _name(screen_type)
    if app.is_screen_installed(name):
        return None
    screen = kept(app, screen_type, make)
    # Textual 8.2.8 (pinned) registers a screen when it is first pushed; doing it now
    # composes and mounts it off the stack, so its first opening only lays it out.
    await AwaitMount(screen, app._register(app, screen))
    return screen


Maker = tuple[type[Screen[Any]], Callable[[], Screen[Any]]]


def editor_forms() -> list[Maker]:
    """The editor's kept forms and dialogs, the likeliest first."""
    from planner.ui.screens.day_form import DayForm
    from planner.ui.screens.log_form import LogForm
    from planner.ui.screens.session_form import SessionForm

    return [
        (SessionForm, SessionForm.blank),
        (DayForm, DayForm.blank),
        (LogForm, LogForm.blank),
    ]


def build_ahead(app: App[Any], *, delay: float, makers: Sequence[Maker] | None = None) -> None:
    """Build kept forms (`editor_forms` unless given) one at a time in the background,
    starting after `delay` seconds, each after a pause; one not built by its first
    opening is built then."""

    async def run() -> None:
        await asyncio.sleep(delay)
        for screen_type, make in makers if makers is not None else editor_forms():
            # A form takes tens of milliseconds to build: a key pressed meanwhile
            # waits for one form at most.
            await asyncio.sleep(PAUSE)
            await build(app, screen_type, make)

    app.run_worker(run(), name="build-ahead", group="build-ahead", exclusive=True)


#: Seconds between building two forms.
PAUSE = 0.05
