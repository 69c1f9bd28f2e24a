"""Every editor action in one table: its keys, footer label and help, and the palette.

The bindings of the main screen, the week grid and the app, the help screen and the
command palette are all built from `COMMANDS`, so a key shown in one place is the key
that works in the others. Binding ids are stable, so a keymap can remap them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache, partial
from typing import TYPE_CHECKING, Literal, NamedTuple

from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from planner.templates import Template

Target = Literal["app", "screen", "week"]


class EditorCommand(NamedTuple):
    """One action of the editor, as a key binding and as a palette command."""

    id: str
    keys: str
    action: str
    label: str
    title: str
    help: str
    target: Target = "screen"
    show: bool = True
    key_display: str | None = None
    palette: bool = True
    priority: bool = False
    group: Binding.Group | None = None

    def binding(self) -> Binding:
        """The Textual binding for this command."""
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            id=self.id,
            group=self.group,
        )


_MOVE = Binding.Group("Move")
_HISTORY = Binding.Group("Undo/redo")

COMMANDS: tuple[EditorCommand, ...] = (
    EditorCommand(
        "planner.left",
        "left,h",
        "select_day(-1)",
        "Day before",
        "Select the day before",
        "Select the day before (its session in the same row).",
        "week",
        show=False,
        key_display="← h",
        palette=False,
    ),
    EditorCommand(
        "planner.right",
        "right,l",
        "select_day(1)",
        "Day after",
        "Select the day after",
        "Select the day after (its session in the same row).",
        "week",
        show=False,
        key_display="→ l",
        palette=False,
    ),
    EditorCommand(
        "planner.up",
        "up,k",
        "select_session(-1)",
        "Session above",
        "Select the session above",
        "Select the session above; above the first, the day.",
        "week",
        show=False,
        key_display="↑ k",
        palette=False,
    ),
    EditorCommand(
        "planner.down",
        "down,j",
        "select_session(1)",
        "Session below",
        "Select the session below",
        "Select the session below.",
        "week",
        show=False,
        key_display="↓ j",
        palette=False,
    ),
    EditorCommand(
        "planner.add",
        "a",
        "add_session",
        "Add",
        "Add a session",
        "Add a session to the selected day (opens the session form).",
    ),
    EditorCommand(
        "planner.edit",
        "e,enter",
        "edit_session",
        "Edit",
        "Edit the session",
        "Edit the selected session (opens the session form).",
        key_display="e",
    ),
    EditorCommand(
        "planner.delete",
        "d,delete",
        "delete_session",
        "Delete",
        "Delete the session",
        "Delete the selected session (ctrl+z brings it back).",
        key_display="d",
    ),
    EditorCommand(
        "planner.help",
        "question_mark",
        "app.help",
        "Help",
        "Help",
        "Show every key, the day types and the rules with their thresholds.",
        key_display="?",
    ),
    EditorCommand(
        "planner.move_before",
        "shift+left",
        "move_session(-1)",
        "Move",
        "Move the session to the day before",
        "Move the selected session to the day before; it stays selected.",
        key_display="⇧←",
        group=_MOVE,
    ),
    EditorCommand(
        "planner.move_after",
        "shift+right",
        "move_session(1)",
        "Move",
        "Move the session to the day after",
        "Move the selected session to the day after; it stays selected.",
        key_display="⇧→",
        group=_MOVE,
    ),
    EditorCommand(
        "planner.copy",
        "c",
        "copy_session",
        "Copy",
        "Copy the session",
        "Copy the selected session, to paste it into another day with v.",
    ),
    EditorCommand(
        "planner.paste",
        "v",
        "paste_session",
        "Paste",
        "Paste the session",
        "Paste the copied session into the selected day.",
    ),
    EditorCommand(
        "planner.day",
        "r",
        "edit_day",
        "Day",
        "Edit the day",
        "Edit the selected day: sleep hours, bedtime, protein meals and note.",
    ),
    EditorCommand(
        "planner.log",
        "m",
        "log_session",
        "Log",
        "Log the session",
        "Log the selected session: done as planned in one key; on a logged one, the minutes "
        "and RPE done, partial, skipped, a note. On a day: log an extra, unplanned session.",
    ),
    EditorCommand(
        "planner.extra",
        "",
        "add_extra_session",
        "Extra",
        "Log an extra session (done, not planned)",
        "Add a session to the selected day that was done but not planned; it is logged.",
    ),
    EditorCommand(
        "planner.previous_week",
        "left_square_bracket",
        "show_week(-1)",
        "Week",
        "Previous week",
        "Show the previous week of the block.",
        key_display="[",
        show=False,
    ),
    EditorCommand(
        "planner.next_week",
        "right_square_bracket",
        "show_week(1)",
        "Week",
        "Next week",
        "Show the next week of the block.",
        key_display="]",
        show=False,
    ),
    EditorCommand(
        "planner.week_menu",
        "W",
        "week_menu",
        "Weeks",
        "Weeks: add, copy, delete, label",
        "Add a week after this one (empty, or a copy with its load scaled by a percentage), "
        "duplicate, delete, or set its label and type.",
        show=False,
    ),
    EditorCommand(
        "planner.settings",
        "s",
        "settings",
        "Settings",
        "Plan settings",
        "Plan settings: name, level, start, body mass, repeats, the week-wide sleep, "
        "bedtime and protein defaults, every rule threshold and which rules are on.",
        show=False,
    ),
    EditorCommand(
        "planner.accept",
        "A",
        "accept_finding",
        "Accept",
        "Accept the finding (or take it back)",
        "Accept the highlighted finding with a reason (written to [[accepted]]); on an "
        "accepted one, take the acceptance back.",
        show=False,
    ),
    EditorCommand(
        "planner.undo",
        "ctrl+z",
        "undo",
        "Undo",
        "Undo",
        "Undo the last edit.",
        key_display="^z",
        group=_HISTORY,
    ),
    EditorCommand(
        "planner.redo",
        "ctrl+y",
        "redo",
        "Redo",
        "Redo",
        "Redo the edit last undone.",
        key_display="^y",
        group=_HISTORY,
    ),
    EditorCommand(
        "planner.save",
        "ctrl+s",
        "save",
        "Save",
        "Save",
        "Save the plan to its file (asks for a path for a new plan).",
        key_display="^s",
    ),
    EditorCommand(
        "planner.save_as",
        "",
        "save_as",
        "Save as",
        "Save as…",
        "Save the plan to a file you name; the editor then edits that file.",
        palette=True,
    ),
    EditorCommand(
        "planner.import",
        "i",
        "import_plan",
        "Import",
        "Import a template or plan file",
        "Pick a bundled template or type a path to a plan file; preview its week and "
        "risk before it replaces the current plan (ctrl+z undoes it).",
    ),
    EditorCommand(
        "planner.export",
        "x",
        "export_plan",
        "Export",
        "Export to TOML, iCalendar or Markdown",
        "Export the plan to TOML, iCalendar or Markdown, to a path you type.",
    ),
    EditorCommand(
        "planner.findings",
        "f",
        "focus_findings",
        "Findings",
        "Go to the findings",
        "Move the focus to the findings list (escape goes back to the week).",
    ),
    EditorCommand(
        "planner.week",
        "w",
        "focus_week",
        "Week",
        "Go to the week",
        "Move the focus back to the week grid.",
        show=False,
    ),
    EditorCommand(
        "planner.quit",
        "ctrl+q",
        "quit",
        "Quit",
        "Quit",
        "Quit; with unsaved changes it asks to save, discard or cancel.",
        "app",
        key_display="^q",
        priority=True,
    ),
)


def bindings_for(target: Target) -> list[BindingType]:
    """The bindings of the commands that live on one target, in table order."""
    return [command.binding() for command in COMMANDS if command.target == target and command.keys]


@cache
def bundled_templates() -> tuple[Template, ...]:
    """The bundled templates, read once: they come with the installation and do not
    change while the editor runs (reading their twelve files took some 30 ms of each
    opening of the palette)."""
    from planner.templates import list_templates

    return tuple(list_templates())


class PlannerCommands(Provider):
    """The command palette's view of `COMMANDS`: every action by name."""

    def _commands(self) -> Iterator[tuple[EditorCommand, Callable[[], object]]]:
        from planner.ui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return
        for command in COMMANDS:
            if not command.palette:
                continue
            node: DOMNode = self.app if command.target == "app" else screen
            if command.target == "week":
                node = screen.week
            name, _, _ = command.action.partition("(")
            if "." not in name and not node.check_action(name, ()):
                continue
            yield command, partial(self.app.run_action, command.action, node)

    def _templates(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """("Import template: <title>", help, run) for every bundled template."""
        from planner.ui.screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return
        for template in bundled_templates():
            title = f"Import template: {template.title or template.name}"
            run = partial(self.app.run_action, f"import_plan({template.name!r})", screen)
            yield title, f"Preview {template.name} before it replaces the plan (i)", run

    def _key_hint(self, command: EditorCommand) -> str:
        if not command.keys:
            return command.help
        keys = command.key_display or command.keys.split(",")[0]
        return f"{command.help} ({keys})"

    async def discover(self) -> Hits:
        """Every command, for the palette before anything is typed."""
        for command, run in self._commands():
            yield DiscoveryHit(command.title, run, help=self._key_hint(command))
        for title, hint, run in self._templates():
            yield DiscoveryHit(title, run, help=hint)

    async def search(self, query: str) -> Hits:
        """Commands whose title matches what is typed."""
        matcher = self.matcher(query)
        for command, run in self._commands():
            # The help counts too, at a lower score: "sleep" finds the settings.
            score = max(matcher.match(command.title), matcher.match(command.help) * 0.5)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(command.title), run, help=self._key_hint(command)
                )
        for title, hint, run in self._templates():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, help=hint)
