"""The day form: a day's sleep hours, bedtime, protein meals and note."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from planner.edits import SetDay
from planner.model import DAY_NAMES, Day, Defaults
from planner.ui.screens.fields import FieldRow, FormScreen, check, error_line, why_not

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


class DayForm(FormScreen[SetDay]):
    """Edit one day's sleep and nutrition plan; dismisses with the edit, or None."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save the day"),
    ]

    def __init__(self, day_key: str, day: Day, defaults: Defaults) -> None:
        super().__init__(classes="form-screen")
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

    def on_mount(self) -> None:
        """Start in the sleep field."""
        self.query_one("#sleep_hours", Input).focus()
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
            line.update(Content(shown))
            line.display = bool(shown)
            self.query_one(f"#row-{name}").set_class(bool(shown), "-invalid")
        status = self.query_one("#form-status", Static)
        if day is not None:
            status.update(Content.styled("enter saves · escape cancels", "$foreground-muted"))
        else:
            status.update(Content.styled(why_not(errors, LABELS, FIELDS), "$text-error"))
        self.query_one("#save", Button).disabled = day is None
        return day

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        name = event.input.id or ""
        if not self.is_mounted or name not in FIELDS:
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
