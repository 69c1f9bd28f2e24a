"""Checking form fields with the plan model, so a form says what the file format says;
and the behaviour every form shares (enter, escape, the line that says why not)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from planner.planfile import describe_error
from planner.ui.screens.modal import PlannerModal

M = TypeVar("M", bound=BaseModel)

#: The C0 controls and DEL by their Unicode names (they have aliases, not names,
#: so `unicodedata.name` does not know them).
_CONTROL_NAMES: tuple[str, ...] = (
    "NULL",
    "START OF HEADING",
    "START OF TEXT",
    "END OF TEXT",
    "END OF TRANSMISSION",
    "ENQUIRY",
    "ACKNOWLEDGE",
    "ALERT (BELL)",
    "BACKSPACE",
    "CHARACTER TABULATION",
    "LINE FEED",
    "LINE TABULATION",
    "FORM FEED",
    "CARRIAGE RETURN",
    "SHIFT OUT",
    "SHIFT IN",
    "DATA LINK ESCAPE",
    "DEVICE CONTROL ONE",
    "DEVICE CONTROL TWO",
    "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR",
    "NEGATIVE ACKNOWLEDGE",
    "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK",
    "CANCEL",
    "END OF MEDIUM",
    "SUBSTITUTE",
    "ESCAPE",
    "INFORMATION SEPARATOR FOUR",
    "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)
_C1_NAMES = {0x85: "NEXT LINE", 0x9B: "CONTROL SEQUENCE INTRODUCER"}


def character_name(char: str) -> str:
    """`U+001B ESCAPE`: a character by its code point and name, readable when it is
    a control character that shows as nothing."""
    code = ord(char)
    if code < len(_CONTROL_NAMES):
        name = _CONTROL_NAMES[code]
    elif code == 0x7F:
        name = "DELETE"
    elif 0x80 <= code < 0xA0:
        name = _C1_NAMES.get(code, "C1 CONTROL")
    else:
        name = unicodedata.name(char, "UNNAMED")
    return f"U+{code:04X} {name}"


def _control_character(error: Mapping[str, Any]) -> str | None:
    """The offending character of a control-character error, by name."""
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    code = str(ctx.get("char", "")).removeprefix("U+")
    try:
        return character_name(chr(int(code, 16)))
    except ValueError:
        value = error.get("input")
        if isinstance(value, str):
            for char in value:
                if unicodedata.category(char) in ("Cc", "Cf"):
                    return character_name(char)
    return None


def reason(model: type[BaseModel], error: Mapping[str, Any]) -> str:
    """One pydantic error in the words the plan file's errors use.

    A person fills a form, not a file: a blank field that needs a value is
    "required" (not "must be a number, got ''"), and a control character is named
    (its position means nothing in a one-line field).
    """
    kind = str(error["type"])
    value = error.get("input")
    if kind == "missing":
        return "required"
    if isinstance(value, str) and not value.strip() and kind.endswith(("_parsing", "_type")):
        return "required"
    if kind == "control_character":
        char = _control_character(error)
        found = f" (found {char})" if char else ""
        return f"must not contain control characters{found}"
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


def why_not(errors: Mapping[str, str], labels: Mapping[str, str], order: Iterable[str]) -> str:
    """The form's status when it cannot be saved: the first problem, naming its field
    ("Can't save yet: Title: must not be empty"), and how many more there are."""
    names = [name for name in order if name in errors]
    names += [name for name in errors if name not in names]
    if not names:
        return ""
    first = names[0]
    label = labels.get(first, first.replace("_", " ").capitalize())
    text = f"Can't save yet: {label}: {errors[first]}"
    others = [labels.get(name, name.replace("_", " ")) for name in names[1:]]
    if others:
        text += f"; check {', '.join(others)} too"
    return text


def enter_belongs_to(focused: Widget | None) -> bool:
    """Whether enter works the focused control itself rather than saving the form:
    it opens a closed select, picks in an open one, presses a button, ticks a box."""
    if isinstance(focused, Select | Button | Checkbox):
        return True
    # An open select's menu has the focus: enter picks the option there.
    return focused is not None and any(isinstance(node, Select) for node in focused.ancestors)


R = TypeVar("R")


class FormScreen(PlannerModal[R | None]):
    """A modal form: enter in a text field or the Save button saves, Cancel or escape
    closes; enter on a select, button or checkbox works that control.

    Subclasses implement `action_save`, dismissing with their result when it is valid,
    and may relabel the bindings (same ids) in their own `BINDINGS`.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter saves only from a text field (see `enter_belongs_to`)."""
        return not (action == "save" and enter_belongs_to(self.focused))

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


class FieldRow(Horizontal):
    """A label and its input on one line, with the field's check under it."""

    def __init__(self, label: str, field: Widget, *, name: str) -> None:
        super().__init__(classes="field-row", id=f"row-{name}")
        self._label = label
        self._field = field

    def compose(self) -> ComposeResult:
        yield Label(self._label, classes="field-label", markup=False)
        yield self._field


def fill_input(field: Input, value: str) -> None:
    """Put a value in a field of a form shown again, the cursor at its end."""
    field.value = value
    field.cursor_position = len(value)


def fill_select(field: Select[Any], value: object) -> None:
    """Choose a value in a select of a form shown again, its menu closed."""
    field.expanded = False
    field.value = value


def focus_first(screen: ModalScreen[Any], field: Widget) -> None:
    """Give `field` the focus as a form's first opening does: from outside it, so a
    text field selects what it holds (typing replaces it)."""
    if screen.focused is field:
        screen.set_focus(None)
    field.focus(scroll_visible=False)


def show(line: Static, content: Content) -> None:
    """Show `content` in a line of a form, unless it shows that already: each update
    lays the form out again, and a form checks itself on every key and opening."""
    shown = line.content
    if isinstance(shown, Content) and shown.plain == content.plain and shown.spans == content.spans:
        return
    line.update(content)


def error_line(name: str) -> Static:
    """The line under a field where its check says what is wrong (empty when fine)."""
    return Static("", id=f"{name}-error", classes="field-error", markup=False)
