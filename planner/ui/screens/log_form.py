"""The log form: what was done of a session (minutes, RPE, partial, skipped, a note)."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from planner.model import Done, Session
from planner.ui.screens.fields import FieldRow, FormScreen, check, error_line, why_not

FIELDS = ("minutes", "rpe", "note")
LABELS = {"minutes": "Minutes", "rpe": "RPE", "note": "Note"}

#: What the form gives back: the new `done` (None: take the log back).
LogResult = tuple[Done | None]


class LogForm(FormScreen[LogResult]):
    """Log a session as done, partial or skipped, with what was really done."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save the log"),
    ]

    def __init__(self, session: Session, heading: str) -> None:
        super().__init__(classes="form-screen")
        self.session = session
        self.heading = heading
        self.errors: dict[str, str] = {}
        done = session.done or Done()
        self._initial = {
            "status": done.status.value,
            "minutes": "" if done.minutes is None else str(done.minutes),
            "rpe": "" if done.rpe is None else str(done.rpe),
            "note": done.note,
        }

    def compose(self) -> ComposeResult:
        session = self.session
        raw = self._initial
        with VerticalScroll(id="log-form", classes="form") as form:
            form.can_focus = False
            form.border_title = self.heading
            yield Static(
                Content.assemble(
                    (session.title, "bold"),
                    (f"  planned {session.minutes} min, RPE {session.planned_rpe}", "$text-muted"),
                ),
                classes="field-hint",
            )
            yield FieldRow(
                "Status",
                Select(
                    [("done", "done"), ("partial", "partial"), ("skipped", "skipped")],
                    value=raw["status"],
                    allow_blank=False,
                    id="status",
                    compact=True,
                ),
                name="status",
            )
            yield FieldRow(
                "Minutes",
                Input(
                    raw["minutes"],
                    placeholder=f"blank: as planned, {session.minutes}",
                    id="minutes",
                    compact=True,
                ),
                name="minutes",
            )
            yield error_line("minutes")
            yield FieldRow(
                "RPE",
                Input(
                    raw["rpe"],
                    placeholder=f"blank: as planned, {session.planned_rpe}",
                    id="rpe",
                    compact=True,
                ),
                name="rpe",
            )
            yield error_line("rpe")
            yield FieldRow(
                "Note",
                Input(raw["note"], placeholder="how it went, optional", id="note", compact=True),
                name="note",
            )
            yield error_line("note")
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Save", id="save", variant="primary", compact=True)
                if session.done is not None and not session.extra:
                    yield Button("Not logged", id="unlog", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        """Start in the minutes field."""
        self.query_one("#minutes", Input).focus()
        self._check()

    def data(self) -> dict[str, Any]:
        """The fields as model input; blanks left out (they mean "as planned")."""
        status = self.query_one("#status", Select).value
        data: dict[str, Any] = {"status": status if isinstance(status, str) else "done"}
        for name in ("minutes", "rpe"):
            value = self.query_one(f"#{name}", Input).value.strip()
            if value:
                data[name] = value
        data["note"] = self.query_one("#note", Input).value
        # Keep where a log came from when it is edited by hand.
        if self.session.done is not None and self.session.done.source:
            data["source"] = self.session.done.source
        return data

    def _check(self) -> Done | None:
        done, errors = check(Done, self.data())
        self.errors = errors
        for name in FIELDS:
            line = self.query_one(f"#{name}-error", Static)
            shown = errors.get(name, "")
            line.update(Content(shown))
            line.display = bool(shown)
        status = self.query_one("#form-status", Static)
        if done is None:
            status.update(Content.styled(why_not(errors, LABELS, FIELDS), "$text-error"))
        else:
            status.update(Content.styled("enter saves · escape cancels", "$foreground-muted"))
        self.query_one("#save", Button).disabled = done is None
        return done

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        if self.is_mounted:
            self._check()

    @on(Button.Pressed, "#unlog")
    def _unlog(self) -> None:
        self.dismiss((None,))

    def action_save(self) -> None:
        """Save the log, or show what is wrong."""
        done = self._check()
        if done is None:
            self.app.bell()
            return
        self.dismiss((done,))
