"""The base of the editor's forms and dialogs, with their look.

Their rules live here rather than in the app's stylesheet: Textual parses a screen's
default CSS when the first such screen is built, so the editor's first frame does not
wait for rules it does not draw (the forms are built after it).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.screen import ModalScreen

R = TypeVar("R")


class PlannerModal(ModalScreen[R]):
    """A form or dialog of the editor, centred over the dimmed plan."""

    # The rules name the forms' widgets by class and id, and the size classes the
    # screen gets (`-narrow`, `-short`); unscoped, they read as written.
    SCOPED_CSS: ClassVar[bool] = False
    DEFAULT_CSS = """
    PlannerModal {
        align: center middle;
        background: $background 60%;
    }

    .form {
        scrollbar-size-vertical: 1;
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }

    .field-row {
        height: auto;
        margin-top: 1;
    }

    .field-label {
        width: 10;
        color: $text-muted;
    }

    .field-row.-invalid .field-label {
        color: $text-error;
        text-style: bold;
    }

    .field-row Input, .field-row Select {
        width: 1fr;
    }

    .field-error {
        padding-left: 10;
        color: $text-error;
        height: auto;
    }

    .field-error.-confirm {
        color: $text-warning;
    }

    .field-hint {
        padding-left: 10;
        color: $text-muted;
        height: auto;
    }

    #focus {
        width: 1fr;
        height: auto;
        layout: grid;
        grid-size: 4;
        grid-gutter: 0 1;
    }

    .-narrow #focus {
        grid-size: 3;
    }

    .form Checkbox {
        border: none;
        padding: 0;
        height: 1;
        background: transparent;
    }

    .form Checkbox:focus {
        background: $block-cursor-background;
    }

    .form-buttons, .dialog-buttons {
        height: auto;
        margin-top: 1;
        width: 100%;
    }

    /* Why a form cannot be saved, whole: wrapped on the full width above the buttons. */
    #form-status {
        dock: top;
        width: 100%;
        height: auto;
    }

    .form-buttons {
        align-horizontal: right;
    }

    .form-buttons Button, .dialog-buttons Button {
        margin-left: 1;
        width: auto;
    }

    .dialog {
        width: 64;
        max-width: 100%;
        height: auto;
        border: round $warning;
        border-title-color: $text;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }

    #save-as {
        border: round $primary;
    }

    .dialog-text {
        margin-top: 1;
    }

    #save-as Input {
        margin-top: 1;
    }

    .dialog-buttons {
        align-horizontal: right;
    }

    #help {
        width: 100;
        max-width: 100%;
        height: 90%;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }

    #help:focus {
        border: round $primary;
    }

    /* Short terminals. */
    .-short .field-row {
        margin-top: 0;
    }

    .-short .form-buttons {
        margin-top: 0;
    }
    """
