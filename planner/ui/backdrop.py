"""The dimmed plan behind a form or dialog, drawn as strips: Textual's BackgroundScreen,
the same cells at a fraction of the cost.

A modal screen with a translucent background shows the screen under it tinted. Textual
draws that through Rich (the screen rendered to segments, each segment's colours
blended, the lines split again), several times as a form opens: up to a third of the
time from a key to its form. `Backdrop` tints the screen's own strips instead, blending
each distinct style once. Textual 8.2.8 (pinned) creates the background in
`Screen.render` by the name `BackgroundScreen`; `install` points that name here.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.color import Color
from textual.strip import Strip
from textual.visual import RenderOptions, Visual

if TYPE_CHECKING:
    from textual.css.styles import RulesMap
    from textual.screen import Screen
    from textual.style import Style

#: Blended styles by (style under the modal, modal's base style, tint); a theme has few.
_TINTED: dict[tuple[RichStyle | None, RichStyle, Color], RichStyle] = {}
_TINTED_LIMIT = 4096
_NULL = RichStyle()


def _tinted(style: RichStyle | None, base: RichStyle, color: Color) -> RichStyle:
    """What Textual's BackgroundScreen and the widget's base style make of `style`."""
    key = (style, base, color)
    found = _TINTED.get(key)
    if found is not None:
        return found
    plain = _NULL if style is None else style.clear_meta_and_links()
    if color.a:
        plain += RichStyle.from_color(
            (Color.from_rich_color(plain.color) + color).rich_color
            if plain.color is not None
            else None,
            (Color.from_rich_color(plain.bgcolor) + color).rich_color
            if plain.bgcolor is not None
            else None,
        )
    result = base + plain
    if len(_TINTED) >= _TINTED_LIMIT:
        _TINTED.clear()
    _TINTED[key] = result
    return result


class _Drawn(NamedTuple):
    """The last backdrop drawn: for which modal, over which screen, and how."""

    modal: weakref.ref[Screen[object]]
    screen: weakref.ref[Screen[object]]
    key: tuple[object, ...]
    strips: list[Strip]


class Backdrop(Visual):
    """The screen under a modal, tinted with the modal's translucent background."""

    #: The last backdrop drawn (see `render_strips`).
    _last: ClassVar[_Drawn | None] = None

    def __init__(self, screen: Screen[object], color: Color) -> None:
        self.screen = screen
        self.color = color

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        """As wide as the container: the backdrop fills the modal screen."""
        return container_width

    def get_height(self, rules: RulesMap, width: int) -> int:
        """As tall as the screen under the modal."""
        return self.screen.size.height

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        """The screen's lines, each style tinted, cropped to `width` and `height`.

        A modal draws its backdrop several times as it opens; the screen under it does
        not change meanwhile (it is not the one being updated), so the last backdrop is
        kept for as long as the same modal is on top of the same screen at one size, in
        one showing (a modal kept between openings is shown again over a changed plan).
        """
        screen = self.screen
        modal = screen.app.screen
        key = (
            modal.stack_updates,
            screen._compositor.size,
            width,
            height,
            style.rich_style,
            self.color,
        )
        last = Backdrop._last
        if (
            last is not None
            and last.modal() is modal
            and last.screen() is screen
            and last.key == key
        ):
            return last.strips
        strips = self._tint(width, height, style.rich_style)
        Backdrop._last = _Drawn(weakref.ref(modal), weakref.ref(screen), key, strips)
        return strips

    def _tint(self, width: int, height: int | None, base: RichStyle) -> list[Strip]:
        color = self.color
        strips = self.screen._compositor.render_strips()
        if height is not None:
            strips = strips[:height]
        tinted: list[Strip] = []
        for strip in strips:
            line = Strip(
                [
                    Segment(text, _tinted(segment_style, base, color))
                    for text, segment_style, _ in strip
                ],
                strip.cell_length,
            )
            tinted.append(line.crop(0, width) if line.cell_length > width else line)
        return tinted


def install() -> None:
    """Have every translucent modal screen draw its backdrop with `Backdrop`."""
    import textual.screen

    textual.screen.BackgroundScreen = Backdrop  # type: ignore[attr-defined,assignment]
