"""The session form: every field of a session, each checked as it is typed."""

from __future__ import annotations

from typing import Any, Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Select, Static

from planner.model import DEFAULT_FOCUS, DEFAULT_RPE, Activity, Focus, Kind, Session
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

FIELDS = ("title", "kind", "activity", "minutes", "rpe", "focus", "start", "carbs_after")
LABELS = {
    "title": "Title",
    "kind": "Kind",
    "activity": "Activity",
    "minutes": "Minutes",
    "rpe": "RPE",
    "focus": "Focus",
    "start": "Start",
    "carbs_after": "Refill",
}

KIND_CHOICES = (
    ("heavy: hard, needs recovery after", Kind.heavy),
    ("moderate: solid but recoverable", Kind.moderate),
    ("light: easy technique or skill", Kind.light),
    ("active recovery: walk, easy ride", Kind.active_recovery),
)


def focus_words(focus: tuple[Focus, ...]) -> str:
    """`legs, back` for a focus; `none` for an empty one."""
    return ", ".join(group.value.replace("_", " ") for group in focus) or "none"


class SessionForm(Kept, FormScreen[Session]):
    """Add or edit a session; dismisses with the session, or None when cancelled."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding(
            "enter",
            "save",
            "Save",
            priority=True,
            id="form.save",
            tooltip="Save the session (when every field is fine)",
        ),
    ]

    def __init__(self, heading: str, session: Session | None = None) -> None:
        super().__init__()
        self.heading = heading
        self.original = session
        self.touched: set[str] = set()
        self.attempted = False
        self.errors: dict[str, str] = {}
        self._initial = self._raw_from(session)

    @classmethod
    def blank(cls) -> SessionForm:
        """A form to build ahead (see `kept`); `load` gives it its session."""
        return cls("New session")

    def load(self, heading: str, session: Session | None = None) -> Self:
        """Show `session` (None: a new one) under `heading`, as a newly opened form
        would: its values, nothing touched, no errors, the focus in the title."""
        self.heading = heading
        self.original = session
        self.touched = set()
        self.attempted = False
        self.errors = {}
        self._initial = self._raw_from(session)
        self._unfilled = True
        return self

    @staticmethod
    def _raw_from(session: Session | None) -> dict[str, Any]:
        if session is None:
            return {
                "title": "",
                "kind": Kind.moderate,
                "activity": Activity.other,
                "minutes": "",
                "rpe": "",
                "focus": (),
                "start": "",
                "carbs_after": False,
            }
        return {
            "title": session.title,
            "kind": session.kind,
            "activity": session.activity,
            "minutes": str(session.minutes),
            "rpe": "" if session.rpe is None else str(session.rpe),
            "focus": tuple(session.focus or ()),
            "start": session.start or "",
            "carbs_after": session.carbs_after,
        }

    def compose(self) -> ComposeResult:
        raw = self._initial
        with VerticalScroll(id="session-form", classes="form") as form:
            form.can_focus = False
            form.border_title = self.heading
            yield FieldRow(
                LABELS["title"],
                Input(raw["title"], placeholder="e.g. Squat, lunges", id="title", compact=True),
                name="title",
            )
            yield error_line("title")
            yield FieldRow(
                LABELS["kind"],
                Select(KIND_CHOICES, value=raw["kind"], allow_blank=False, id="kind", compact=True),
                name="kind",
            )
            yield error_line("kind")
            yield FieldRow(
                LABELS["activity"],
                Select(
                    [(activity.value, activity) for activity in Activity],
                    value=raw["activity"],
                    allow_blank=False,
                    id="activity",
                    compact=True,
                ),
                name="activity",
            )
            yield error_line("activity")
            yield FieldRow(
                LABELS["minutes"],
                Input(raw["minutes"], placeholder="1 to 600", id="minutes", compact=True),
                name="minutes",
            )
            yield error_line("minutes")
            yield FieldRow(LABELS["rpe"], Input(raw["rpe"], id="rpe", compact=True), name="rpe")
            yield error_line("rpe")
            yield FieldRow(
                LABELS["start"],
                Input(raw["start"], placeholder="HH:MM, optional", id="start", compact=True),
                name="start",
            )
            yield error_line("start")
            with Horizontal(classes="field-row", id="row-focus"):
                yield Static(LABELS["focus"], classes="field-label", markup=False)
                with Horizontal(id="focus"):
                    for group in Focus:
                        yield Checkbox(
                            group.value.replace("_", " "),
                            group in raw["focus"],
                            id=f"focus-{group.value}",
                            classes="focus-box",
                            compact=True,
                        )
            yield Static("", id="focus-hint", classes="field-hint", markup=False)
            yield error_line("focus")
            with Horizontal(classes="field-row", id="row-carbs_after"):
                yield Static(LABELS["carbs_after"], classes="field-label", markup=False)
                yield Checkbox(
                    "carbohydrate-rich meal after",
                    raw["carbs_after"],
                    id="carbs_after",
                    compact=True,
                )
            yield error_line("carbs_after")
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _fill(self) -> None:
        """The fields as `load` left them (a kept form is loaded after its compose)."""
        raw = self._initial
        form = self.query_one("#session-form", VerticalScroll)
        form.border_title = self.heading
        with self.prevent(Input.Changed, Select.Changed, Checkbox.Changed):
            for name in ("title", "minutes", "rpe", "start"):
                fill_input(self.query_one(f"#{name}", Input), raw[name])
            for name in ("kind", "activity"):
                fill_select(self.query_one(f"#{name}", Select), raw[name])
            for group in Focus:
                self.query_one(f"#focus-{group.value}", Checkbox).value = group in raw["focus"]
            self.query_one("#carbs_after", Checkbox).value = raw["carbs_after"]
        form.scroll_home(animate=False, immediate=True)
        focus_first(self, self.query_one("#title", Input))
        self._refresh_hints()
        self._check()

    # --- reading the fields ---

    def raw(self) -> dict[str, Any]:
        """What the fields hold now, as typed."""
        kind = self.query_one("#kind", Select).value
        activity = self.query_one("#activity", Select).value
        return {
            "title": self.query_one("#title", Input).value,
            "kind": kind if kind is not Select.NULL else None,
            "activity": activity if activity is not Select.NULL else None,
            "minutes": self.query_one("#minutes", Input).value,
            "rpe": self.query_one("#rpe", Input).value,
            "focus": tuple(
                group for group in Focus if self.query_one(f"#focus-{group.value}", Checkbox).value
            ),
            "start": self.query_one("#start", Input).value,
            "carbs_after": self.query_one("#carbs_after", Checkbox).value,
        }

    def data(self) -> dict[str, Any]:
        """The fields as model input: blanks left out so defaults apply."""
        raw = self.raw()
        data: dict[str, Any] = {
            "title": raw["title"].strip(),
            "kind": raw["kind"],
            "activity": raw["activity"],
        }
        # A blank required field is missing ("required"), not a number that is wrong.
        if raw["minutes"].strip():
            data["minutes"] = raw["minutes"].strip()
        if raw["rpe"].strip():
            data["rpe"] = raw["rpe"].strip()
        if raw["start"].strip():
            data["start"] = raw["start"].strip()
        if raw["focus"]:
            data["focus"] = raw["focus"]
        elif self.original is not None and self.original.focus == ():
            # An explicit "no focus" stays explicit when nothing is ticked.
            data["focus"] = ()
        if raw["carbs_after"]:
            data["carbs_after"] = True
        return data

    # --- checking ---

    def _check(self) -> Session | None:
        session, errors = check(Session, self.data())
        self.errors = errors
        for name in FIELDS:
            line = self.query_one(f"#{name}-error", Static)
            message = errors.get(name, "")
            shown = message if (name in self.touched or self.attempted) else ""
            show(line, Content(shown))
            line.display = bool(shown)
            row = self.query_one(f"#row-{name}")
            row.set_class(bool(shown), "-invalid")
        status = self.query_one("#form-status", Static)
        if session is not None:
            show(status, Content.styled("enter saves · escape cancels", "$foreground-muted"))
        else:
            show(status, Content.styled(why_not(errors, LABELS, FIELDS), "$text-error"))
        self.query_one("#save", Button).disabled = session is None
        return session

    def _refresh_hints(self) -> None:
        raw = self.raw()
        kind = raw["kind"]
        rpe_input = self.query_one("#rpe", Input)
        if isinstance(kind, Kind):
            rpe_input.placeholder = (
                f"1 to 10; blank = {DEFAULT_RPE[kind]}, the {kind.value.replace('_', ' ')} default"
            )
        activity = raw["activity"]
        hint = self.query_one("#focus-hint", Static)
        if isinstance(activity, Activity):
            default = focus_words(DEFAULT_FOCUS[activity])
            show(
                hint,
                Content.styled(
                    f"none ticked: the {activity.value} default ({default})", "$foreground-muted"
                ),
            )

    def _changed(self, name: str) -> None:
        if self.is_active:
            if self.raw()[name] != self._initial.get(name) or name in self.touched:
                self.touched.add(name)
            self._refresh_hints()
            self._check()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input.id:
            self._changed(event.input.id)

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if event.select.id:
            self._changed(event.select.id)

    @on(Checkbox.Changed)
    def _checkbox_changed(self, event: Checkbox.Changed) -> None:
        name = event.checkbox.id or ""
        self._changed("focus" if name.startswith("focus-") else name)

    # --- actions ---

    def action_save(self) -> None:
        """Save the session, or show every field's check and say why not."""
        self.attempted = True
        session = self._check()
        if session is None:
            first = next(name for name in FIELDS if name in self.errors)
            target = self.query_one(f"#{first}") if first != "focus" else None
            if target is not None and target.focusable:
                target.focus()
            self.app.bell()
            return
        self.dismiss(session)
