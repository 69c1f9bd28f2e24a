"""Plan settings (s): name, level, start, body mass, repeats, the week-wide sleep,
bedtime and protein defaults, every rule threshold and which rules are on.

The form holds some 150 widgets, most of them the rules below the fold; mounting them
all before the first frame took half a second. So the plan and day fields come first
and the rules are mounted just after the form is shown (`Lazy`); until then the form
reads the rules' values from the plan. Each field's error line is mounted when it
first has something to say.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.lazy import Lazy
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static

from planner.catalogue import CATALOGUE, MAX_HEAVY_SESSIONS_BY_LEVEL, THRESHOLDS
from planner.model import Defaults, Level, Plan, PlanInfo, RuleSettings
from planner.ui.screens.fields import (
    FieldRow,
    FormScreen,
    check,
    error_line,
    fill_input,
    fill_select,
    focus_first,
    show,
)
from planner.ui.screens.kept import Kept

PLAN_FIELDS = ("name", "description", "level", "start", "body_mass_kg", "repeats")
DEFAULT_FIELDS = ("sleep_hours", "bedtime", "protein_meals")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _input(name: str, label: str, value: object, hint: str) -> FieldRow:
    return FieldRow(label, Input(_text(value), placeholder=hint, id=name, compact=True), name=name)


class RuleFields(Vertical):
    """Each rule's switch and what fires it, then its thresholds not shown before.

    Its widgets are made when it is composed, so a form that mounts it lazily does not
    pay for them before its first frame either.
    """

    DEFAULT_CSS = """
    RuleFields {
        height: auto;
    }
    RuleFields .field-hint {
        padding-left: 12;
    }
    """

    def __init__(self, plan: Plan, threshold_texts: dict[str, str]) -> None:
        super().__init__(id="settings-rules")
        self.plan = plan
        self.threshold_texts = threshold_texts

    def compose(self) -> ComposeResult:
        disabled = self.plan.rules.disabled
        shown: set[str] = set()
        for rule in CATALOGUE:
            # The title alone on the checkbox's one line (a long title and its id
            # did not fit at 80 columns); the id leads the line under it.
            yield Checkbox(
                Content.styled(rule.title, "bold"),
                value=rule.id not in disabled,
                id=f"on-{rule.id}",
                compact=True,
            )
            yield Static(
                # Under the title, wrapped lines under its first word.
                Content.styled(f"{rule.id}: {rule.fires_when}", "$foreground-muted"),
                classes="field-hint",
            )
            for threshold in rule.thresholds:
                if threshold.key in shown:
                    continue
                shown.add(threshold.key)
                if threshold.default is None:
                    default = ", ".join(f"{k} {v}" for k, v in MAX_HEAVY_SESSIONS_BY_LEVEL.items())
                else:
                    default = threshold.format(threshold.default)
                yield _input(
                    f"t-{threshold.key}",
                    f"  {threshold.unit or 'ratio'}",
                    self.threshold_texts[threshold.key],
                    f"{threshold.key}, default {default}",
                )


class SettingsForm(Kept, FormScreen["dict[str, Any]"]):
    """Every plan-wide setting in one form; dismisses with the values, or None."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save"),
    ]

    def __init__(self, plan: Plan) -> None:
        super().__init__()
        #: What the rules' fields hold until they are mounted: the plan's own values.
        self._threshold_texts: dict[str, str] = {}
        self.errors: dict[str, str] = {}
        #: The error lines mounted so far, by field.
        self._error_lines: dict[str, Static] = {}
        self.load(plan)
        self._rules = RuleFields(plan, self._threshold_texts)

    def load(self, plan: Plan) -> Self:
        """Show `plan`'s settings as a newly opened form would: its values, no errors,
        the focus in the name, scrolled to the top."""
        self.plan = plan
        self.errors = {}
        overrides = plan.rules.overrides()
        self._threshold_texts.clear()
        self._threshold_texts.update({key: _text(overrides.get(key)) for key in THRESHOLDS})
        self._unfilled = True
        return self

    def _plan_values(self) -> dict[str, str]:
        """The plan and day fields' texts, by field."""
        plan = self.plan
        info = plan.plan
        defaults = plan.defaults
        return {
            "name": info.name,
            "description": info.description,
            "start": plan.start.isoformat() if plan.start is not None else "",
            "body_mass_kg": _text(info.body_mass_kg),
            "sleep_hours": _text(defaults.sleep_hours),
            "bedtime": _text(defaults.bedtime),
            "protein_meals": _text(defaults.protein_meals),
        }

    def compose(self) -> ComposeResult:
        plan = self.plan
        info = plan.plan
        with VerticalScroll(id="settings-form", classes="form") as form:
            form.can_focus = False
            form.border_title = "Plan settings"
            yield Static(Content.styled("Plan", "bold $text-accent"))
            yield _input("name", "Name", info.name, "1 to 80 characters")
            yield _input("description", "About", info.description, "optional")
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
            start = plan.start.isoformat() if plan.start is not None else ""
            yield _input("start", "Start", start, "Monday of week 1, e.g. 2026-11-30")
            yield _input("body_mass_kg", "Body kg", info.body_mass_kg, "30-250, optional")
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
            yield Static(Content.styled("Every day, unless it says otherwise", "bold $text-accent"))
            defaults = plan.defaults
            yield _input("sleep_hours", "Sleep (h)", defaults.sleep_hours, "0-14, optional")
            yield _input("bedtime", "Bedtime", defaults.bedtime, '"HH:MM", optional')
            yield _input("protein_meals", "Protein", defaults.protein_meals, "meals, 0-8, optional")
            yield Static(Content.styled("Rules", "bold $text-accent"))
            yield Lazy(self._rules)
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _fill(self) -> None:
        """The fields as `load` left them (a kept form is loaded after its compose)."""
        plan = self.plan
        info = plan.plan
        self._rules.plan = plan
        repeats = "default" if info.repeats is None else ("yes" if info.repeats else "no")
        with self.prevent(Input.Changed, Select.Changed, Checkbox.Changed):
            for name, text in self._plan_values().items():
                fill_input(self.query_one(f"#{name}", Input), text)
            fill_select(self.query_one("#level", Select), info.level.value)
            fill_select(self.query_one("#repeats", Select), repeats)
            if self._rules.is_mounted:
                for key, text in self._threshold_texts.items():
                    fill_input(self._rules.query_one(f"#t-{key}", Input), text)
                for rule in CATALOGUE:
                    box = self._rules.query_one(f"#on-{rule.id}", Checkbox)
                    box.value = rule.id not in plan.rules.disabled
        self.query_one("#settings-form", VerticalScroll).scroll_home(animate=False, immediate=True)
        focus_first(self, self.query_one("#name", Input))
        self._check()

    def _value(self, name: str) -> str:
        try:
            return self.query_one(f"#{name}", Input).value.strip()
        except NoMatches:  # a rule's threshold before the rules are mounted
            return self._threshold_texts[name.removeprefix("t-")]

    def _rule_on(self, rule_id: str) -> bool:
        try:
            return self.query_one(f"#on-{rule_id}", Checkbox).value
        except NoMatches:  # before the rules are mounted
            return rule_id not in self.plan.rules.disabled

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
        disabled = tuple(rule.id for rule in CATALOGUE if not self._rule_on(rule.id))
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
        for row in self.query(FieldRow):
            name = (row.id or "").removeprefix("row-")
            row.set_class(name in errors, "-invalid")
            self._show_error(row, name, errors.get(name, ""))
        status = self.query_one("#form-status", Static)
        if errors:
            first = next(iter(errors))
            show(
                status,
                Content.styled(
                    f"Can't save yet: {first.removeprefix('t-')}: {errors[first]}", "$text-error"
                ),
            )
        else:
            show(status, Content.styled("enter saves · escape cancels", "$foreground-muted"))
        self.query_one("#save", Button).disabled = bool(errors)
        return result

    def _show_error(self, row: FieldRow, name: str, reason: str) -> None:
        """The reason under a field; its line is mounted the first time it has one."""
        line = self._error_lines.get(name)
        if line is None:
            # Looked up by name, not queried: a query for a line not mounted yet walks
            # the whole form, and a check asks for some forty of them.
            if reason and isinstance(row.parent, Widget):
                line = self._error_lines[name] = error_line(name)
                show(line, Content(reason))
                row.parent.mount(line, after=row)
            return
        show(line, Content(reason))
        line.display = bool(reason)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self) -> None:
        if self.is_active:
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
