"""The week menu (W): add a week (empty or a scaled copy), duplicate, delete, label."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from planner.model import MAX_WEEKS, Week, WeekType
from planner.ui.screens.fields import FieldRow, FormScreen

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


class WeekMenu(FormScreen[WeekChoice]):
    """Week operations on the shown week; each is one undoable edit."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Do it", priority=True, id="form.save"),
    ]

    def __init__(self, week: Week, number: int, weeks: int, converts: bool) -> None:
        super().__init__(classes="form-screen")
        self.week = week
        self.number = number
        self.weeks = weeks
        self.converts = converts

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

    def on_mount(self) -> None:
        """Start on the action."""
        self.query_one("#action", Select).focus()
        self._update()

    @on(Select.Changed, "#action")
    def _action_changed(self) -> None:
        label = self.query_one("#label", Input)
        kind = self.query_one("#type", Select)
        if self._action() == "label":
            label.value = self.week.label or ""
            kind.value = self.week.type.value
        elif label.value == (self.week.label or "") and label.value:
            label.value = ""

    @on(Select.Changed)
    @on(Input.Changed)
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
        self.query_one("#week-hint", Static).update(Content(hint))
        status = self.query_one("#form-status", Static)
        problem = self._problem()
        status.update(
            Content.styled(problem, "$text-error")
            if problem
            else Content.styled("enter does it · escape cancels", "$foreground-muted")
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
