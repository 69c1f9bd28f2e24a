"""A footer that shows whole keys only: when they do not fit, the rarer ones give way
(they stay in `?` and the command palette), never a key cut in half."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

#: Binding ids by how much a person needs to see them; unlisted ones come last.
KEY_RANK: tuple[str, ...] = (
    "planner.quit",
    "planner.help",
    "planner.save",
    "planner.add",
    "planner.edit",
    "planner.delete",
    "planner.log",
    "form.save",
    "form.cancel",
    "findings.choose",
    "findings.back",
    "help.close",
    "planner.move_before",
    "planner.move_after",
    "planner.day",
    "planner.undo",
    "planner.copy",
    "planner.paste",
    "planner.findings",
    "planner.import",
    "planner.export",
    "planner.redo",
)
_GAP = 1


def _rank(binding: Binding) -> int:
    return KEY_RANK.index(binding.id) if binding.id in KEY_RANK else len(KEY_RANK)


def key_width(key_display: str, description: str) -> int:
    """Cells a compact footer key takes: the key, a space, the description, a gap."""
    return len(key_display) + (1 + len(description) if description else 0) + _GAP


def fitting(items: Iterable[tuple[Binding, str, int]], width: int) -> set[str]:
    """The actions of the items that fit in `width`, most needed first.

    The keys of a group (`⇧← ⇧→ Move`) fit or give way together: the group's label
    is counted on one of them, so keeping one alone would show more than was counted.
    """
    units: dict[str, list[tuple[Binding, str, int]]] = {}
    for item in items:
        group = item[0].group
        unit = f"group {group.description}" if group is not None else f"key {item[0].action}"
        units.setdefault(unit, []).append(item)
    kept: set[str] = set()
    used = 0
    for members in sorted(units.values(), key=lambda unit: min(_rank(m[0]) for m in unit)):
        cells = sum(member[2] for member in members)
        if used + cells <= width:
            kept.update(member[0].action for member in members)
            used += cells
    return kept


class FooterItem(NamedTuple):
    """One key of the footer as drawn: where it is, what it does and how it looks."""

    start: int
    end: int
    key: str
    action: str
    enabled: bool
    tooltip: str


class FittingFooter(Widget, can_focus=False):
    """The keys that apply where the focus is, compact and whole, on one line drawn by
    one widget: a change of bindings redraws a line instead of rebuilding a widget a
    key. A click runs its key; hovering shows the key's tooltip."""

    DEFAULT_CSS = """
    FittingFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        pointer: pointer;
    }
    """
    ALLOW_SELECT = False

    def __init__(self) -> None:
        super().__init__()
        self._ready = False
        self._items: list[FooterItem] = []
        self._hover: int | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self._ready = True
            self.refresh()

    @property
    def text(self) -> str:
        """The footer as shown, in one line."""
        return self.render().plain

    def render(self) -> Content:
        """The keys that fit, in their usual order, and the palette key on the right."""
        if not self._ready:
            self._items = []
            return Content("")
        parts: list[tuple[str, str]] = []
        items: list[FooterItem] = []
        cursor = 0

        def add(text: str, style: str = "") -> None:
            nonlocal cursor
            parts.append((text, style))
            cursor += cell_len(text)

        def add_key(
            binding: Binding, display: str, label: str, enabled: bool, tooltip: str
        ) -> None:
            start = cursor
            dim = "" if enabled else " dim"
            hover = " on $block-hover-background" if len(items) == self._hover else ""
            add(display, f"bold $footer-key-foreground{dim}{hover}")
            if label:
                add(f" {label}", f"$footer-description-foreground{dim}{hover}")
            items.append(FooterItem(start, cursor, binding.key, binding.action, enabled, tooltip))

        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip)
        groups: defaultdict[str, list[str]] = defaultdict(list)
        widths: list[tuple[Binding, str, int]] = []
        palette = self.app.COMMAND_PALETTE_BINDING
        palette_cells = key_width("^p", "palette") if palette in active else 0
        for action, (binding, _enabled, _tooltip) in by_action.items():
            display = self.app.get_key_display(binding)
            if binding.group is not None:
                groups[binding.group.description].append(action)
                cells = cell_len(display) + 1
                if len(groups[binding.group.description]) == 1:
                    cells += cell_len(binding.group.description) + 1
            else:
                cells = key_width(display, binding.description)
            widths.append((binding, display, cells))
        width = self.size.width or self.app.size.width
        kept = fitting(widths, width - palette_cells - 1)
        for action, (binding, enabled, tooltip) in by_action.items():
            if action not in kept:
                continue
            display = self.app.get_key_display(binding)
            group = binding.group
            if group is None:
                add_key(binding, display, binding.description, enabled, tooltip)
                add(" ")
                continue
            members = [a for a in groups[group.description] if a in kept]
            add_key(binding, display, "", enabled, tooltip or binding.description)
            if members[-1] == action:
                add(f" {group.description}", "$footer-description-foreground")
            add(" ")
        if palette in active:
            _node, binding, enabled, _tooltip = active[palette]
            display = self.app.get_key_display(binding)
            # Right-aligned, one cell short of the edge, after a thin rule.
            add(" " * max(0, width - cursor - cell_len(display) - len(" palette") - 2))
            add("▏", "$foreground 20%")
            add_key(binding, display, "palette", enabled, binding.tooltip or binding.description)
            add(" ")
        self._items = items
        return Content.assemble(*parts)

    def item_at(self, x: int) -> FooterItem | None:
        """The key drawn at cell `x`, if any."""
        return next((item for item in self._items if item.start <= x < item.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        item = self.item_at(event.x)
        hover = None if item is None else self._items.index(item)
        if hover != self._hover:
            self._hover = hover
            self.tooltip = item.tooltip if item is not None and item.tooltip else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A click on a key presses it (a disabled one rings the bell)."""
        item = self.item_at(event.x)
        if item is None:
            return
        if item.enabled:
            self.app.simulate_key(item.key)
        else:
            self.app.bell()

    def on_resize(self, _event: events.Resize) -> None:
        """The keys that fit are chosen again for the new width."""
        self.refresh()
