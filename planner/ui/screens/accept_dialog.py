"""The accept dialog: accept a finding on purpose, with the reason it is fine."""

from __future__ import annotations

from typing import Self

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from planner.catalogue import day_list
from planner.report import Finding
from planner.ui.screens.fields import FormScreen, character_name, fill_input, focus_first, show
from planner.ui.screens.kept import Kept

MAX_REASON = 200


class AcceptDialog(Kept, FormScreen[str]):
    """Ask why a finding is accepted; dismisses with the reason, or None."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
    ]

    def __init__(self, finding: Finding | None) -> None:
        """`finding`: the one to accept (None: a dialog built ahead, see `kept`)."""
        super().__init__()
        self.finding = finding

    def load(self, finding: Finding) -> Self:
        """Ask about `finding` as a newly opened dialog would: no reason yet."""
        self.finding = finding
        self._unfilled = True
        return self

    def _about(self) -> Content:
        finding = self.finding
        if finding is None:
            return Content("")
        days = day_list(finding.days)
        return Content.assemble(
            (finding.info.title, "bold"),
            (f"  {finding.rule} · week {finding.week} · {days}", "$text-muted"),
            "\n",
            finding.message,
        )

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="accept-dialog", classes="form") as form:
            form.can_focus = False
            form.border_title = "Accept this finding"
            yield Static(self._about(), id="accept-finding", classes="field-hint")
            yield Static(
                "An accepted finding stays in the list, dimmed, and counts toward neither "
                "word. Say why it is fine for you; it is written to the plan's [[accepted]].",
                classes="field-hint",
                markup=False,
            )
            yield Input(
                placeholder="reason, e.g. Upper/lower split; my coach planned it",
                max_length=MAX_REASON,
                id="reason",
            )
            yield Static("", id="reason-error", classes="field-error", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Static(id="form-status", markup=False)
                yield Button("Accept", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def _fill(self) -> None:
        """The dialog as `load` left it (a kept dialog is loaded after its compose)."""
        show(self.query_one("#accept-finding", Static), self._about())
        with self.prevent(Input.Changed):
            fill_input(self.query_one("#reason", Input), "")
        self.query_one("#reason-error", Static).display = False
        self.query_one("#accept-dialog", VerticalScroll).scroll_home(animate=False, immediate=True)
        focus_first(self, self.query_one("#reason", Input))

    @on(Input.Changed)
    def _changed(self) -> None:
        self.query_one("#reason-error", Static).display = False

    def action_save(self) -> None:
        """Accept with the reason typed; a reason is required."""
        reason = self.query_one("#reason", Input).value.strip()
        if not reason:
            error = self.query_one("#reason-error", Static)
            error.update("required: say why this finding is fine for this plan")
            error.display = True
            self.app.bell()
            return
        control = [char for char in reason if ord(char) < 32 or 127 <= ord(char) < 160]
        if control:
            error = self.query_one("#reason-error", Static)
            found = character_name(control[0])
            error.update(f"Reason: must not contain control characters (found {found})")
            error.display = True
            self.app.bell()
            return
        self.dismiss(reason)
