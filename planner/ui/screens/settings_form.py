"""Plan settings (s): name, level, start, body mass, repeats, the week-wide sleep,
bedtime and protein defaults, every rule threshold and which rules are on."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Select, Static

from planner.catalogue import CATALOGUE, MAX_HEAVY_SESSIONS_BY_LEVEL, THRESHOLDS
from planner.model import Defaults, Level, Plan, PlanInfo, RuleSettings
from planner.ui.screens.fields import FieldRow, FormScreen, check, error_line

PLAN_FIELDS = ("name", "description", "level", "start", "body_mass_kg", "repeats")
DEFAULT_FIELDS = ("sleep_hours", "bedtime", "protein_meals")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class SettingsForm(FormScreen["dict[str, Any]"]):
    """Every plan-wide setting in one form; dismisses with the values, or None."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save"),
    ]

    def __init__(self, plan: Plan) -> None:
        super().__init__(classes="form-screen")
        self.plan = plan
        self.errors: dict[str, str] = {}
        self._shown_thresholds: set[str] = set()

    def compose(self) -> ComposeResult:
        plan = self.plan
        info = plan.plan
        overrides = plan.rules.overrides()
        with VerticalScroll(id="settings-form", classes="form") as form:
            form.can_focus = False
            form.border_title = "Plan settings"
            yield Static(Content.styled("Plan", "bold $text-accent"))
            yield from self._input("name", "Name", info.name, "1 to 80 characters")
            yield from self._input("description", "About", info.description, "optional")
            yield FieldRow(
                "Level",
                Select(
                    [(level.value, level.value) for level in Level],
                    value=info.level.value,
                    allow_blank=False,
                    id="level",
                    compact=True,
                ),
                name="level",
            )
            yield error_line("level")
            start = plan.start.isoformat() if plan.start is not None else ""
            yield from self._input("start", "Start", start, "Monday of week 1, e.g. 2026-11-30")
            yield from self._input("body_mass_kg", "Body kg", info.body_mass_kg, "30-250, optional")
            repeats = "default" if info.repeats is None else ("yes" if info.repeats else "no")
            yield FieldRow(
                "Repeats",
                Select(
                    [
                        ("default (one week: yes; a block: no)", "default"),
                        ("yes: the last week leads into the first", "yes"),
                        ("no", "no"),
                    ],
                    value=repeats,
                    allow_blank=False,
                    id="repeats",
                    compact=True,
                ),
                name="repeats",
            )
            yield error_line("repeats")
            yield Static(Content.styled("Every day, unless it says otherwise", "bold $text-accent"))
            defaults = plan.defaults
            yield from self._input(
                "sleep_hours", "Sleep (h)", defaults.sleep_hours, "0-14, optional"
            )
            yield from self._input("bedtime", "Bedtime", defaults.bedtime, '"HH:MM", optional')
            yield from self._input(
                "protein_meals", "Protein", defaults.protein_meals, "meals, 0-8, optional"
            )
            yield Static(Content.styled("Rules", "bold $text-accent"))
            for rule in CATALOGUE:
                # The title alone on the checkbox's one line (a long title and its id
                # did not fit at 80 columns); the id leads the line under it.
                yield Checkbox(
                    Content.styled(rule.title, "bold"),
                    value=rule.id not in plan.rules.disabled,
                    id=f"on-{rule.id}",
                    compact=True,
                )
                yield Static(
                    Content.styled(f"  {rule.id}: {rule.fires_when}", "$foreground-muted"),
                    classes="field-hint",
                )
                for threshold in rule.thresholds:
                    if threshold.key in self._shown_thresholds:
                        continue
                    self._shown_thresholds.add(threshold.key)
                    if threshold.default is None:
                        default = ", ".join(
                            f"{k} {v}" for k, v in MAX_HEAVY_SESSIONS_BY_LEVEL.items()
                        )
                    else:
                        default = threshold.format(threshold.default)
                    yield from self._input(
                        f"t-{threshold.key}",
                        f"  {threshold.unit or 'ratio'}",
                        overrides.get(threshold.key),
                        f"{threshold.key}, default {default}",
                    )
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _input(self, name: str, label: str, value: object, hint: str) -> ComposeResult:
        yield FieldRow(
            label, Input(_text(value), placeholder=hint, id=name, compact=True), name=name
        )
        yield error_line(name)

    def on_mount(self) -> None:
        """Start in the name."""
        self.query_one("#name", Input).focus()
        self._check()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def values(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The settings as typed, checked with the plan model; and each error by field."""
        errors: dict[str, str] = {}
        level = self.query_one("#level", Select).value
        info_data: dict[str, Any] = {"name": self._value("name"), "level": level}
        if description := self.query_one("#description", Input).value:
            info_data["description"] = description
        if start := self._value("start"):
            try:
                info_data["start"] = dt.date.fromisoformat(start)
            except ValueError:
                errors["start"] = f"must be a date like 2026-11-30, got {start!r}"
        if mass := self._value("body_mass_kg"):
            info_data["body_mass_kg"] = mass
        repeats = self.query_one("#repeats", Select).value
        if repeats in ("yes", "no"):
            info_data["repeats"] = repeats == "yes"
        info, info_errors = check(PlanInfo, info_data)
        errors.update({k: v for k, v in info_errors.items() if k not in errors})
        defaults_data = {name: self._value(name) for name in DEFAULT_FIELDS if self._value(name)}
        defaults, default_errors = check(Defaults, defaults_data)
        errors.update(default_errors)
        thresholds_data = {
            key: self._value(f"t-{key}") for key in THRESHOLDS if self._value(f"t-{key}")
        }
        rules, rule_errors = check(RuleSettings, thresholds_data)
        errors.update({f"t-{key}": reason for key, reason in rule_errors.items()})
        disabled = tuple(
            rule.id for rule in CATALOGUE if not self.query_one(f"#on-{rule.id}", Checkbox).value
        )
        result: dict[str, Any] = {}
        if info is not None and defaults is not None and rules is not None and not errors:
            result = {
                "name": info.name,
                "description": info.description,
                "level": info.level.value,
                "start": info.start,
                "body_mass_kg": info.body_mass_kg,
                "repeats": info.repeats,
                "sleep_hours": defaults.sleep_hours,
                "bedtime": defaults.bedtime,
                "protein_meals": defaults.protein_meals,
                "thresholds": {key: rules.overrides().get(key) for key in THRESHOLDS},
                "disabled": disabled,
            }
        return result, errors

    def _check(self) -> dict[str, Any]:
        result, errors = self.values()
        self.errors = errors
        for row in self.query(".field-row"):
            name = (row.id or "").removeprefix("row-")
            row.set_class(name in errors, "-invalid")
        for line in self.query(".field-error"):
            name = (line.id or "").removesuffix("-error")
            if isinstance(line, Static):
                shown = errors.get(name, "")
                line.update(Content(shown))
                line.display = bool(shown)
        status = self.query_one("#form-status", Static)
        if errors:
            first = next(iter(errors))
            status.update(
                Content.styled(
                    f"Can't save yet: {first.removeprefix('t-')}: {errors[first]}", "$text-error"
                )
            )
        else:
            status.update(Content.styled("enter saves · escape cancels", "$foreground-muted"))
        self.query_one("#save", Button).disabled = bool(errors)
        return result

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self._check()

    def action_save(self) -> None:
        """Dismiss with the settings, or show what is wrong."""
        result = self._check()
        if not result:
            # The form is taller than a small terminal: go to the first field that
            # stops the save, so its reason (under it) is in view.
            first = next((name for name in self.errors if name), "")
            fields = self.query(f"#{first}") if first else None
            if fields:
                fields.first().focus()
            self.app.bell()
            return
        self.dismiss(result)
