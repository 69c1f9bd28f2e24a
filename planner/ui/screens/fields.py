"""Checking form fields with the plan model, so a form says what the file format says."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from planner.planfile import describe_error

M = TypeVar("M", bound=BaseModel)


def reason(model: type[BaseModel], error: Mapping[str, Any]) -> str:
    """One pydantic error in the words the plan file's errors use."""
    path = tuple(part for part in error["loc"][:1])
    text = describe_error(error, path, root=model, typed=True)
    return "required" if text == "required, but missing" else text


R = TypeVar("R")


class FormScreen(ModalScreen[R | None]):
    """A modal form: enter in a field or the Save button saves, Cancel or escape closes.

    Subclasses implement `action_save`, dismissing with their result when it is valid.
    """

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_save(self) -> None:
        """Check the form and dismiss with its result (subclasses)."""
        raise NotImplementedError

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)


def check(model: type[M], data: Mapping[str, Any]) -> tuple[M | None, dict[str, str]]:
    """Validate form data: the model, or None and each failing field's reason."""
    try:
        return model.model_validate(dict(data)), {}
    except ValidationError as error:
        reasons: dict[str, str] = {}
        for item in error.errors(include_url=False):
            field = str(item["loc"][0]) if item["loc"] else ""
            reasons.setdefault(field, reason(model, item))
        return None, reasons


class FieldRow(Horizontal):
    """A label and its input on one line, with the field's check under it."""

    def __init__(self, label: str, field: Widget, *, name: str) -> None:
        super().__init__(classes="field-row", id=f"row-{name}")
        self._label = label
        self._field = field

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="field-label", markup=False)
        yield self._field


def error_line(name: str) -> Static:
    """The line under a field where its check says what is wrong (empty when fine)."""
    return Static("", id=f"{name}-error", classes="field-error", markup=False)
