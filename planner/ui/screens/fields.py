"""Checking form fields with the plan model, so a form says what the file format says."""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label, Static

M = TypeVar("M", bound=BaseModel)

_TYPE_WORDS = {"int": "a whole number", "float": "a number", "bool": "yes or no"}


def _bounds(model: type[BaseModel], name: str) -> tuple[Any, Any]:
    """The `ge` and `le` of a field, looking inside Optional and Annotated."""
    info = model.model_fields[name]
    metadata: list[Any] = list(info.metadata)
    stack: list[Any] = [info.annotation]
    while stack:
        item = stack.pop()
        if typing.get_origin(item) is typing.Annotated:
            args = typing.get_args(item)
            stack.append(args[0])
            metadata.extend(args[1:])
        elif typing.get_origin(item) in (typing.Union, types.UnionType):
            stack.extend(typing.get_args(item))
    lower = upper = None
    for entry in metadata:
        for sub in [entry, *getattr(entry, "metadata", [])]:
            if getattr(sub, "ge", None) is not None:
                lower = sub.ge
            if getattr(sub, "le", None) is not None:
                upper = sub.le
    return lower, upper


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 20 else f'"{value[:17]}..."'
    return f"{value:g}" if isinstance(value, float) else str(value)


def _number(value: Any) -> str:
    return value if isinstance(value, str) else _shown(value)


def reason(model: type[BaseModel], error: Mapping[str, Any]) -> str:
    """One pydantic error in the words the plan file's errors use."""
    kind: str = error["type"]
    value = error.get("input")
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    name = str(error["loc"][0]) if error["loc"] else ""
    if kind == "missing":
        return "required"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        # A number typed into a form arrives as text: show it as typed, unquoted.
        value = value.strip() if isinstance(value, str) else value
        lower, upper = _bounds(model, name) if name in model.model_fields else (None, None)
        if lower is not None and upper is not None:
            return f"must be between {_shown(lower)} and {_shown(upper)}, got {_number(value)}"
        word = "at least" if kind.startswith("greater") else "at most"
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        return f"must be {word} {bound}, got {_number(value)}"
    if kind.endswith(("_parsing", "_type")) or kind == "int_from_float":
        expected = _TYPE_WORDS.get(kind.split("_")[0], "something else")
        return f"must be {expected}, got {_shown(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters, got {len(str(value))}"
    if kind == "string_pattern_mismatch":
        return f'must be a 24-hour time "HH:MM", got {_shown(value)}'
    if kind == "enum":
        return f"must be one of {ctx.get('expected', '')}".replace("'", "")
    message: str = error["msg"]
    return message[:1].lower() + message[1:]


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
