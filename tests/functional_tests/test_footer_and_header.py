"""The footer and the header are drawn as one line each: clicks and tooltips still
find the key or the badge under the mouse, and the keys follow the bindings."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input
from ui_helpers import SIZE, SMALL, main_screen, week_app

from planner.ui.screens.session_form import SessionForm
from planner.ui.widgets.footer import FittingFooter


def footer(app: object) -> FittingFooter:
    return main_screen(app).query_one(FittingFooter)  # type: ignore[arg-type]


async def test_clicking_a_footer_key_presses_it(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = footer(app)
        item = next(item for item in bar._items if item.action == "add_session")
        await pilot.click(FittingFooter, offset=(item.start, 0))
        await pilot.pause()
        assert isinstance(app.screen, SessionForm)
        assert isinstance(app.focused, Input)


async def test_hovering_a_footer_key_shows_its_tooltip_and_highlights_it(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = footer(app)
        item = next(item for item in bar._items if item.action == "save")
        await pilot.hover(FittingFooter, offset=(item.start + 1, 0))
        await pilot.pause()
        assert bar.tooltip == item.tooltip
        assert "on $block-hover-background" in str(bar.render().spans)
        await pilot.hover(FittingFooter, offset=(item.end, 0))  # the gap after the key
        await pilot.pause()
        assert bar.tooltip is None


async def test_the_footer_follows_the_bindings_paste_comes_with_a_copy(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "v Paste" not in footer(app).text
        await pilot.press("c")
        await pilot.pause()
        assert "v Paste" in footer(app).text
        assert footer(app).text.rstrip().endswith("▏^p palette")


async def test_at_80_columns_the_footer_keeps_whole_keys_and_the_palette(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        text = footer(app).text
        assert len(text) == SMALL[0]
        assert "^q Quit" in text and "^p palette" in text
        for item in footer(app)._items:
            assert text[item.start : item.end].strip()  # every key drawn whole


async def test_the_badges_tooltips_say_why(tmp_path: Path) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = main_screen(app).header
        text = header.text
        risk_at = text.index("overload")
        await pilot.hover(type(header), offset=(risk_at + 1, 0))
        await pilot.pause()
        assert header.tooltip is not None and str(header.tooltip).startswith("Overload")
        recovery_at = text.index("recovery ")
        await pilot.hover(type(header), offset=(recovery_at + 1, 0))
        await pilot.pause()
        assert str(header.tooltip).startswith(("Recovery", "Sleep, food"))
        await pilot.hover(type(header), offset=(2, 0))
        await pilot.pause()
        assert header.tooltip is None


async def test_the_size_classes_are_right_from_the_first_frame_and_follow_resizes(
    tmp_path: Path,
) -> None:
    app = week_app(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        screen = main_screen(app)
        assert {"-narrow", "-short"} <= screen.classes
        assert not {"-medium", "-wide", "-tall"} & screen.classes
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert {"-wide", "-tall"} <= screen.classes
        assert not {"-narrow", "-medium", "-short"} & screen.classes


async def test_the_charts_height_does_not_depend_on_the_sizes_before(tmp_path: Path) -> None:
    """Laid out at 80x24 from the start or after 120x36: the same chart (its lines
    are measured at the width being laid out)."""
    sizes = []
    for first in (SMALL, SIZE):
        app = week_app(tmp_path)
        async with app.run_test(size=first) as pilot:
            await pilot.pause()
            if first != SMALL:
                await pilot.resize_terminal(*SMALL)
                await pilot.pause()
            sizes.append(main_screen(app).chart.virtual_size)
    assert sizes[0] == sizes[1]
