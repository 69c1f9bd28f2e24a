"""The week menu (W): add a week (empty or a scaled copy), duplicate, delete, label."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from planner.model import MAX_WEEKS, Week, WeekType
from planner.ui.screens.fields import (
    FieldRow,
    FormScreen,
    fill_input,
    fill_select,
    focus_first,
    show,
)
from planner.ui.screens.kept import Kept

ACTIONS: tuple[tuple[str, str], ...] = (
    ("Add an empty week after this one", "add"),
    ("Add a copy of this week, load scaled", "copy"),
    ("Duplicate this week", "duplicate"),
    ("Set this week's label and type", "label"),
    ("Delete this week", "delete"),
)


@dataclass(frozen=True, slots=True)
class WeekChoice:
    """What the week menu asks for."""

    action: str
    label: str | None
    type: str
    scale_pct: float | None = None


def parse_percent(text: str) -> float | None:
    """`+5`, `5 %`, `-10%` as a number; None when it is not one (or out of -90..200)."""
    cleaned = text.strip().replace("%", "").replace(" ", "").replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if -90 <= value <= 200 else None


class WeekMenu(Kept, FormScreen[WeekChoice]):
    """Week operations on the shown week; each is one undoable edit."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Do it", priority=True, id="form.save"),
    ]

    def __init__(self, week: Week, number: int, weeks: int, converts: bool) -> None:
        super().__init__()
        self.load(week, number, weeks, converts)

    @classmethod
    def blank(cls) -> WeekMenu:
        """A menu to build ahead (see `kept`); `load` gives it its week."""
        return cls(Week(), 1, 1, converts=False)

    def load(self, week: Week, number: int, weeks: int, converts: bool) -> Self:
        """Show the menu for `week` (`number` of `weeks`) as a newly opened one would:
        "add" chosen, the default scale, no label, the week's type."""
        self.week = week
        self.number = number
        self.weeks = weeks
        self.converts = converts
        self._unfilled = True
        return self

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="week-menu", classes="form") as form:
            form.can_focus = False
            form.border_title = f"Week {self.number} of {self.weeks}"
            yield FieldRow(
                "Do",
                Select(
                    [(text, value) for text, value in ACTIONS],
                    value="add",
                    allow_blank=False,
                    id="action",
                    compact=True,
                ),
                name="action",
            )
            yield FieldRow(
                "Scale %",
                Input("+5", placeholder="e.g. +5 or -40", id="scale", compact=True),
                name="scale",
            )
            yield FieldRow(
                "Label",
                Input(
                    "",
                    placeholder="e.g. Build 2 (optional)",
                    max_length=40,
                    id="label",
                    compact=True,
                ),
                name="label",
            )
            yield FieldRow(
                "Type",
                Select(
                    [(kind.value, kind.value) for kind in WeekType],
                    value=self.week.type.value,
                    allow_blank=False,
                    id="type",
                    compact=True,
                ),
                name="type",
            )
            yield Static("", id="week-hint", classes="field-hint", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Do it", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _fill(self) -> None:
        """The fields as `load` left them (a kept menu is loaded after its compose)."""
        form = self.query_one("#week-menu", VerticalScroll)
        form.border_title = f"Week {self.number} of {self.weeks}"
        with self.prevent(Input.Changed, Select.Changed):
            fill_select(self.query_one("#action", Select), "add")
            fill_input(self.query_one("#scale", Input), "+5")
            fill_input(self.query_one("#label", Input), "")
            fill_select(self.query_one("#type", Select), self.week.type.value)
        form.scroll_home(animate=False, immediate=True)
        focus_first(self, self.query_one("#action", Select))
        self._update()

    @on(Select.Changed, "#action")
    def _action_changed(self) -> None:
        if not self.is_active:  # a kept menu built, or closing with the editor
            return
        label = self.query_one("#label", Input)
        kind = self.query_one("#type", Select)
        if self._action() == "label":
            label.value = self.week.label or ""
            kind.value = self.week.type.value
        elif label.value == (self.week.label or "") and label.value:
            label.value = ""

    @on(Select.Changed)
    @on(Input.Changed)
    def _changed(self) -> None:
        if self.is_active:  # not while a kept menu is built, nor closing with the editor
            self._update()

    def _update(self) -> None:
        action = self._action()
        self.query_one("#row-scale").display = action == "copy"
        self.query_one("#row-label").display = action in ("add", "copy", "label")
        self.query_one("#row-type").display = action in ("add", "copy", "label")
        hint = ""
        if action in ("add", "copy", "duplicate"):
            if self.weeks >= MAX_WEEKS:
                hint = f"A plan holds at most {MAX_WEEKS} weeks."
            elif self.converts:
                hint = (
                    "This file is format 1 (one week). A second week makes it format 2 on "
                    "the next save; its comments stay."
                )
            if action == "copy":
                hint = (hint + " " if hint else "") + (
                    "The copy's session minutes are scaled by the percentage."
                )
        elif action == "delete" and self.weeks == 1:
            hint = "The only week of a plan cannot be deleted."
        show(self.query_one("#week-hint", Static), Content(hint))
        status = self.query_one("#form-status", Static)
        problem = self._problem()
        show(
            status,
            Content.styled(problem, "$text-error")
            if problem
            else Content.styled("enter does it · escape cancels", "$foreground-muted"),
        )
        self.query_one("#save", Button).disabled = bool(problem)

    def _action(self) -> str:
        value = self.query_one("#action", Select).value
        return value if isinstance(value, str) else "add"

    def _problem(self) -> str:
        action = self._action()
        if action in ("add", "copy", "duplicate") and self.weeks >= MAX_WEEKS:
            return f"at most {MAX_WEEKS} weeks"
        if action == "delete" and self.weeks == 1:
            return "the only week stays"
        if action == "copy" and parse_percent(self.query_one("#scale", Input).value) is None:
            if not self.query_one("#scale", Input).value.strip():
                return "Scale %: required, a percentage from -90 to +200"
            return "Scale %: must be a percentage from -90 to +200"
        return ""

    def action_save(self) -> None:
        """Dismiss with the choice, or say what is wrong."""
        if self._problem():
            self.app.bell()
            return
        label = self.query_one("#label", Input).value.strip() or None
        kind = self.query_one("#type", Select).value
        action = self._action()
        scale = parse_percent(self.query_one("#scale", Input).value) if action == "copy" else None
        self.dismiss(WeekChoice(action, label, kind if isinstance(kind, str) else "build", scale))
