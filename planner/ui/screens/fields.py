"""Checking form fields with the plan model, so a form says what the file format says."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

from planner.planfile import describe_error

M = TypeVar("M", bound=BaseModel)


def reason(model: type[BaseModel], error: Mapping[str, Any]) -> str:
    """One pydantic error in the words the plan file's errors use."""
    path = tuple(part for part in error["loc"][:1])
    text = describe_error(error, path, root=model, typed=True)
    return "required" if text == "required, but missing" else text


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
