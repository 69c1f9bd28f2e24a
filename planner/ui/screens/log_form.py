"""The log form: what was done of a session (minutes, RPE, partial, skipped, a note)."""

from __future__ import annotations

from typing import Any, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from planner.model import Done, Kind, Session
from planner.ui.screens.fields import (
    FieldRow,
    FormScreen,
    check,
    error_line,
    fill_input,
    fill_select,
    focus_first,
    show,
    why_not,
)
from planner.ui.screens.kept import Kept

FIELDS = ("minutes", "rpe", "note")
LABELS = {"minutes": "Minutes", "rpe": "RPE", "note": "Note"}

#: What the form gives back: the new `done` (None: take the log back).
LogResult = tuple[Done | None]


class LogForm(Kept, FormScreen[LogResult]):
    """Log a session as done, partial or skipped, with what was really done."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding("enter", "save", "Save", priority=True, id="form.save", tooltip="Save the log"),
    ]

    def __init__(self, session: Session, heading: str) -> None:
        super().__init__()
        self.load(session, heading)

    @classmethod
    def blank(cls) -> LogForm:
        """A form to build ahead (see `kept`); `load` gives it its session."""
        return cls(Session(title="Session", kind=Kind.moderate, minutes=30, done=Done()), "Log")

    def load(self, session: Session, heading: str) -> Self:
        """Show `session`'s log as a newly opened form would: its values, no errors, the
        focus in the minutes."""
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
        self._unfilled = True
        return self

    def _summary(self) -> Content:
        session = self.session
        return Content.assemble(
            (session.title, "bold"),
            (f"  planned {session.minutes} min, RPE {session.planned_rpe}", "$text-muted"),
        )

    def _can_unlog(self) -> bool:
        return self.session.done is not None and not self.session.extra

    def compose(self) -> ComposeResult:
        session = self.session
        raw = self._initial
        with VerticalScroll(id="log-form", classes="form") as form:
            form.can_focus = False
            form.border_title = self.heading
            yield Static(self._summary(), id="log-session", classes="field-hint")
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
                unlog = Button("Not logged", id="unlog", compact=True)
                unlog.display = self._can_unlog()
                yield unlog
                yield Button("Cancel", id="cancel", compact=True)

    def _fill(self) -> None:
        """The fields as `load` left them (a kept form is loaded after its compose)."""
        session = self.session
        raw = self._initial
        form = self.query_one("#log-form", VerticalScroll)
        form.border_title = self.heading
        show(self.query_one("#log-session", Static), self._summary())
        with self.prevent(Input.Changed, Select.Changed):
            fill_select(self.query_one("#status", Select), raw["status"])
            for name in FIELDS:
                fill_input(self.query_one(f"#{name}", Input), raw[name])
        self.query_one("#minutes", Input).placeholder = f"blank: as planned, {session.minutes}"
        self.query_one("#rpe", Input).placeholder = f"blank: as planned, {session.planned_rpe}"
        self.query_one("#unlog", Button).display = self._can_unlog()
        form.scroll_home(animate=False, immediate=True)
        focus_first(self, self.query_one("#minutes", Input))
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
            show(line, Content(shown))
            line.display = bool(shown)
        status = self.query_one("#form-status", Static)
        if done is None:
            show(status, Content.styled(why_not(errors, LABELS, FIELDS), "$text-error"))
        else:
            show(status, Content.styled("enter saves · escape cancels", "$foreground-muted"))
        self.query_one("#save", Button).disabled = done is None
        return done

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        if self.is_active:
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
