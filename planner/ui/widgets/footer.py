"""A footer that shows whole keys only: when they do not fit, the rarer ones give way
(they stay in `?` and the command palette), never a key cut in half."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

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


class FittingFooter(Footer):
    """Textual's footer, compact, keeping only the keys that fit whole."""

    def __init__(self) -> None:
        super().__init__(compact=True, show_command_palette=True)
        self._width = 0

    def compose(self) -> ComposeResult:
        """The footer keys that fit, in their usual order."""
        if not self._bindings_ready:
            return
        active = self.screen.active_bindings
        by_action: dict[str, tuple[Binding, bool, str]] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in by_action:
                by_action[binding.action] = (binding, enabled, tooltip)
        groups: defaultdict[str, list[str]] = defaultdict(list)
        items: list[tuple[Binding, str, int]] = []
        palette = self.app.COMMAND_PALETTE_BINDING
        palette_cells = key_width("^p", "palette") if palette in active else 0
        for action, (binding, _enabled, _tooltip) in by_action.items():
            display = self.app.get_key_display(binding)
            if binding.group is not None:
                groups[binding.group.description].append(action)
                cells = len(display) + 1
                if len(groups[binding.group.description]) == 1:
                    cells += len(binding.group.description) + 1
            else:
                cells = key_width(display, binding.description)
            items.append((binding, display, cells))
        width = (self.size.width or self.app.size.width) - palette_cells - 1
        kept = fitting(items, width)
        shown_groups: set[str] = set()
        for action, (binding, enabled, tooltip) in by_action.items():
            if action not in kept:
                continue
            display = self.app.get_key_display(binding)
            group = binding.group
            if group is not None:
                label = "" if group.description in shown_groups else group.description
                members = [a for a in groups[group.description] if a in kept]
                last = members[-1] == action
                yield FooterKey(
                    binding.key,
                    display,
                    group.description if last else "",
                    binding.action,
                    disabled=not enabled,
                    tooltip=tooltip or binding.description,
                ).data_bind(compact=Footer.compact)
                shown_groups.add(label or group.description)
                continue
            yield FooterKey(
                binding.key,
                display,
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
        if palette in active:
            _node, binding, enabled, tooltip = active[palette]
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                "palette",
                binding.action,
                classes="-command-palette",
                disabled=not enabled,
                tooltip=binding.tooltip or binding.description,
            )

    def on_resize(self, event: events.Resize) -> None:
        """Choose the keys again for the new width."""
        if event.size.width != self._width:
            self._width = event.size.width
            if self._bindings_ready:
                self.call_after_refresh(self.recompose)
