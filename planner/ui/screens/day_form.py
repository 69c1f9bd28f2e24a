"""The day form: a day's sleep hours, bedtime, protein meals and note."""

from __future__ import annotations

from typing import Any, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from planner.edits import SetDay
from planner.model import DAY_NAMES, Day, Defaults
from planner.ui.screens.fields import (
    FieldRow,
    FormScreen,
    check,
    error_line,
    fill_input,
    focus_first,
    show,
    why_not,
)
from planner.ui.screens.kept import Kept

FIELDS = ("sleep_hours", "bedtime", "protein_meals", "note")
LABELS = {
    "sleep_hours": "Sleep (h)",
    "bedtime": "Bedtime",
    "protein_meals": "Protein",
    "note": "Note",
}


def _fallback(value: object, unit: str = "") -> str:
    if value is None:
        return "blank: not planned (no default)"
    shown = f"{value:g}" if isinstance(value, float) else str(value)
    return f"blank: the default, {shown}{unit}"


class DayForm(Kept, FormScreen[SetDay]):
    """Edit one day's sleep and nutrition plan; dismisses with the edit, or None."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save the day"),
    ]

    def __init__(self, day_key: str, day: Day, defaults: Defaults) -> None:
        super().__init__()
        self.load(day_key, day, defaults)

    @classmethod
    def blank(cls) -> DayForm:
        """A form to build ahead (see `kept`); `load` gives it its day."""
        return cls("mon", Day(), Defaults())

    def load(self, day_key: str, day: Day, defaults: Defaults) -> Self:
        """Show `day` as a newly opened form would: its values, the defaults its blanks
        fall back to, nothing touched, no errors, the focus in the sleep field."""
        self.day_key = day_key
        self.day = day
        self.defaults = defaults
        self.touched: set[str] = set()
        self.attempted = False
        self.errors: dict[str, str] = {}
        self._initial = {
            "sleep_hours": "" if day.sleep_hours is None else f"{day.sleep_hours:g}",
            "bedtime": day.bedtime or "",
            "protein_meals": "" if day.protein_meals is None else str(day.protein_meals),
            "note": day.note,
        }
        self._unfilled = True
        return self

    def _placeholders(self) -> dict[str, str]:
        defaults = self.defaults
        return {
            "sleep_hours": _fallback(defaults.sleep_hours, " h"),
            "bedtime": _fallback(defaults.bedtime),
            "protein_meals": _fallback(defaults.protein_meals, " meals"),
            "note": "free text, optional",
        }

    def compose(self) -> ComposeResult:
        raw = self._initial
        with VerticalScroll(id="day-form", classes="form") as form:
            form.can_focus = False
            form.border_title = f"{DAY_NAMES[self.day_key]}: sleep, food and note"
            yield FieldRow(
                LABELS["sleep_hours"],
                Input(
                    raw["sleep_hours"],
                    placeholder=_fallback(self.defaults.sleep_hours, " h"),
                    id="sleep_hours",
                    compact=True,
                ),
                name="sleep_hours",
            )
            yield error_line("sleep_hours")
            yield FieldRow(
                LABELS["bedtime"],
                Input(
                    raw["bedtime"],
                    placeholder=_fallback(self.defaults.bedtime),
                    id="bedtime",
                    compact=True,
                ),
                name="bedtime",
            )
            yield error_line("bedtime")
            yield FieldRow(
                LABELS["protein_meals"],
                Input(
                    raw["protein_meals"],
                    placeholder=_fallback(self.defaults.protein_meals, " meals"),
                    id="protein_meals",
                    compact=True,
                ),
                name="protein_meals",
            )
            yield error_line("protein_meals")
            yield FieldRow(
                LABELS["note"],
                Input(raw["note"], placeholder="free text, optional", id="note", compact=True),
                name="note",
            )
            yield error_line("note")
            yield Static(
                "Sleep is the night after this day. Blank fields use [defaults].",
                classes="field-hint",
                markup=False,
            )
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _fill(self) -> None:
        """The fields as `load` left them (a kept form is loaded after its compose)."""
        form = self.query_one("#day-form", VerticalScroll)
        form.border_title = f"{DAY_NAMES[self.day_key]}: sleep, food and note"
        placeholders = self._placeholders()
        with self.prevent(Input.Changed):
            for name in FIELDS:
                field = self.query_one(f"#{name}", Input)
                field.placeholder = placeholders[name]
                fill_input(field, self._initial[name])
        form.scroll_home(animate=False, immediate=True)
        focus_first(self, self.query_one("#sleep_hours", Input))
        self._check()

    def raw(self) -> dict[str, str]:
        """The fields as typed."""
        return {name: self.query_one(f"#{name}", Input).value for name in FIELDS}

    def data(self) -> dict[str, Any]:
        """The fields as model input; blanks are left out (they fall back to defaults)."""
        raw = self.raw()
        data: dict[str, Any] = {"note": raw["note"]}
        for name in ("sleep_hours", "bedtime", "protein_meals"):
            if raw[name].strip():
                data[name] = raw[name].strip()
        return data

    def _check(self) -> Day | None:
        day, errors = check(Day, self.data())
        self.errors = errors
        for name in FIELDS:
            line = self.query_one(f"#{name}-error", Static)
            shown = errors.get(name, "") if (name in self.touched or self.attempted) else ""
            show(line, Content(shown))
            line.display = bool(shown)
            self.query_one(f"#row-{name}").set_class(bool(shown), "-invalid")
        status = self.query_one("#form-status", Static)
        if day is not None:
            show(status, Content.styled("enter saves · escape cancels", "$foreground-muted"))
        else:
            show(status, Content.styled(why_not(errors, LABELS, FIELDS), "$text-error"))
        self.query_one("#save", Button).disabled = day is None
        return day

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if not self.is_active or name not in FIELDS:
            return
        if event.value != self._initial[name] or name in self.touched:
            self.touched.add(name)
        self._check()

    def action_save(self) -> None:
        """Save the day, or show every field's check."""
        self.attempted = True
        day = self._check()
        if day is None:
            first = next(name for name in FIELDS if name in self.errors)
            self.query_one(f"#{first}", Input).focus()
            self.app.bell()
            return
        self.dismiss(
            SetDay(
                self.day_key,
                sleep_hours=day.sleep_hours,
                bedtime=day.bedtime,
                protein_meals=day.protein_meals,
                note=day.note,
            )
        )
