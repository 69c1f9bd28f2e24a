"""Textual's command palette, kept between openings (see `kept`).

A new palette composes, mounts and styles its widgets before its first full frame: some
45 ms of each ctrl+p. This one is built on its first opening and shown again after;
each later opening does what Textual's palette does when it mounts (providers made for
the screen it is opened over, every command listed) on the widgets it has, and closing
it shuts its providers down as unmounting would. Textual 8.2.8 (pinned) keeps that
state in the palette's private attributes, used here by name.
"""

from __future__ import annotations

from asyncio import create_task, wait
from typing import Self

from textual import events, on
from textual.command import CommandInput, CommandList, CommandPalette
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from planner.ui.screens.kept import Kept

#: The palette's id, as Textual's own action gives it.
PALETTE_ID = "--command-palette"


class KeptPalette(Kept, CommandPalette):
    """The command palette, kept: each opening starts with nothing typed."""

    def __init__(self) -> None:
        super().__init__(id=PALETTE_ID)
        #: Its first showing follows its mount, which opened it already.
        self._fresh = True

    def _on_mount(self, event: events.Mount) -> None:
        """Pushed, Textual's palette opens as it mounts (its handler runs after this
        one). Built ahead, off the stack, there is no screen to open over yet: it opens
        when first shown (`_fill`), and only the handlers below Textual's palette run."""
        if self in self.app.screen_stack:
            return
        event.prevent_default()  # Textual runs no handler of the classes below this one
        self._fresh = False
        Screen._on_mount(self, event)
        Widget._on_mount(self, event)

    def load(self) -> Self:
        """Open as a new palette would: nothing typed, every command listed."""
        self._unfilled = True
        return self

    def _fill(self) -> None:
        if self._fresh:
            self._fresh = False
            return
        command_input = self.query_one(CommandInput)
        with self.prevent(Input.Changed):
            command_input.value = ""
        self._selected_command = None
        self._stop_busy_countdown()
        self._stop_no_matches_countdown()
        self.query_one(CommandList).clear_options()
        self._hit_count = 0
        self._list_visible = False
        # As CommandPalette._on_mount: tell the app, make the providers, list them all.
        self.app.post_message(CommandPalette.Opened())
        self._calling_screen = self.app.screen_stack[-2]
        match_style = self.get_visual_style("command-palette--highlight", partial=True)
        self._providers = [
            provider_class(self._calling_screen, match_style)
            for provider_class in self._provider_classes
        ]
        for provider in self._providers:
            provider._post_init()
        self._gather_commands("")
        command_input.focus(scroll_visible=False)

    @on(events.ScreenSuspend)
    async def _shut_providers_down(self) -> None:
        """Closed (not covered by another screen): shut the providers down, as
        CommandPalette does when it unmounts."""
        if self in self.app.screen_stack:
            return
        self._cancel_gather_commands()
        providers, self._providers = self._providers, []
        if providers:
            await wait([create_task(provider._shutdown()) for provider in providers])
