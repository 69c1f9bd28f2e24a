"""The main screen: header, week grid, findings, load chart and footer; every edit runs here."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer

from planner.edits import (
    AddSession,
    DeleteSession,
    Edit,
    MoveSession,
    ReplacePlan,
    SetDay,
    UpdateSession,
)
from planner.model import DAY_KEYS, DAY_NAMES, Session
from planner.planfile import FileChangedOnDisk, PlanError, escaped
from planner.ui.commands import bindings_for
from planner.ui.messages import FindingChosen, FindingHighlighted, Selection, SelectionChanged
from planner.ui.widgets.chart import LoadChart
from planner.ui.widgets.findings import FindingDetail, FindingsList
from planner.ui.widgets.header import HeaderState, PlanHeader
from planner.ui.widgets.week import WeekGrid, first_selection

if TYPE_CHECKING:
    from planner.editor import PlanEditor
    from planner.ui.app import PlannerApp


def plan_error_text(error: PlanError) -> str:
    """A PlanError's reasons without the `<plan>` prefix meant for files."""
    problems = error.problems
    if not problems:
        return str(error)
    return "; ".join(
        f"{problem.key}: {problem.reason}" if problem.key else problem.reason
        for problem in problems
    )


class MainScreen(Screen[None]):
    """The week, its findings and its load; the home of every editing action."""

    BINDINGS = bindings_for("screen")

    def __init__(self, editor: PlanEditor) -> None:
        super().__init__(id="main")
        self.editor = editor
        self.clipboard: Session | None = None
        self.saving = False
        self._save_round = 0  # which save the running worker is, so only it ends saving
        self.header = PlanHeader(id="header")
        self.week = WeekGrid(id="week")
        self.findings = FindingsList(id="findings")
        self.detail = FindingDetail(id="finding-detail")
        self.chart = LoadChart(id="chart")
        self._day_shown: str | None = None

    @property
    def planner_app(self) -> PlannerApp:
        """The app, typed."""
        from planner.ui.app import PlannerApp

        assert isinstance(self.app, PlannerApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield self.header
        with Vertical(id="body"):
            yield self.week
            with Horizontal(id="lower"):
                yield self.findings
                yield self.detail
                yield self.chart
        yield Footer()

    def on_mount(self) -> None:
        """Show the plan with Monday's first session selected."""
        self.show_plan(first_selection(self.editor.plan))
        self.week.focus()

    # --- showing ---

    def on_descendant_focus(self) -> None:
        """On narrow screens the finding's detail takes the chart's place while reading."""
        reading = self.focused is self.findings or self.focused is self.detail
        self.query_one("#lower").set_class(reading, "-reading")

    def show_plan(self, selection: Selection | None = None) -> None:
        """Show the plan as the editor holds it now: grid, findings, chart, risk."""
        editor = self.editor
        plan = editor.plan
        report = editor.report
        self.header.show(
            HeaderState(
                plan_name=plan.plan.name,
                file_name=editor.path.name if editor.path is not None else None,
                dirty=editor.dirty,
                report=report,
            )
        )
        self.week.show_plan(plan, selection)
        self.chart.show(plan, report.metrics)
        self._show_findings(day_changed=False)
        self._refresh_bindings_if_changed()

    def _show_findings(self, *, day_changed: bool) -> None:
        day = self.week.selection.day
        self.findings.show(self.editor.report.findings, day, day_changed=day_changed)
        self._day_shown = day

    @on(SelectionChanged)
    def _selection_changed(self, message: SelectionChanged) -> None:
        if message.selection.day != self._day_shown:
            self._show_findings(day_changed=True)
        self._refresh_bindings_if_changed()

    def _refresh_bindings_if_changed(self) -> None:
        """Refresh the footer only when undo, redo or paste came or went.

        Rebuilding the footer restyles every key in it; doing that on each edit cost
        more than the edit itself.
        """
        available = (self.editor.can_undo, self.editor.can_redo, self.clipboard is not None)
        if available != self._available:
            self._available = available
            self.refresh_bindings()

    @on(FindingHighlighted)
    def _finding_highlighted(self, message: FindingHighlighted) -> None:
        self.detail.show(message.finding, len(self.editor.report.findings))
        self.week.flag_days(message.finding.days if message.finding is not None else ())

    @on(FindingChosen)
    def _finding_chosen(self, message: FindingChosen) -> None:
        if message.finding.days:
            self.week.select(Selection(message.finding.days[0], 0))
        self.week.focus()

    # --- applying edits ---

    def apply(self, edit: Edit, selection: Selection | None = None, *, done: str = "") -> bool:
        """Apply an edit through the editor and show the result; say why when it fails."""
        if self.saving:
            self.notify("Saving… try again in a moment.", severity="warning")
            return False
        try:
            self.editor.apply(edit)
        except PlanError as error:
            self.notify(
                plan_error_text(error),
                title=f"Could not {edit.describe()}",
                severity="error",
                markup=False,
            )
            return False
        self.show_plan(selection)
        if done:
            self.notify(done, markup=False, timeout=3)
        return True

    def _selected_session(self) -> tuple[str, int, Session] | None:
        session = self.week.selected_session
        index = self.week.selection.index
        if session is None or index is None:
            day = DAY_NAMES[self.week.selection.day]
            self.notify(f"No session selected on {day}. Press a to add one.", timeout=3)
            return None
        return self.week.selection.day, index, session

    _available: tuple[bool, bool, bool] | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide undo, redo and paste (in the footer and the palette) when there is nothing to do."""
        if action == "undo":
            return self.editor.can_undo
        if action == "redo":
            return self.editor.can_redo
        if action == "paste_session":
            return self.clipboard is not None
        return True

    # --- actions: sessions ---

    def action_add_session(self) -> None:
        """Open the session form to add a session to the selected day."""
        from planner.ui.screens.session_form import SessionForm

        day = self.week.selection.day

        def added(session: Session | None) -> None:
            if session is not None:
                count = len(self.editor.plan.day(day).sessions)
                self.apply(AddSession(day, session), Selection(day, count))

        self.app.push_screen(SessionForm(f"New session on {DAY_NAMES[day]}"), added)

    def action_edit_session(self) -> None:
        """Open the session form on the selected session."""
        from planner.ui.screens.session_form import SessionForm

        selected = self._selected_session()
        if selected is None:
            return
        day, index, session = selected

        def edited(new: Session | None) -> None:
            if new is not None and new != session:
                self.apply(UpdateSession(day, index, new), Selection(day, index))

        self.app.push_screen(SessionForm(f"Edit session on {DAY_NAMES[day]}", session), edited)

    def action_delete_session(self) -> None:
        """Delete the selected session (undo brings it back)."""
        selected = self._selected_session()
        if selected is None:
            return
        day, index, session = selected
        self.apply(
            DeleteSession(day, index),
            Selection(day, index),
            done=f"Deleted {session.title!r} — ctrl+z brings it back.",
        )

    def action_move_session(self, delta: int) -> None:
        """Move the selected session to the day before or after; it stays selected."""
        selected = self._selected_session()
        if selected is None:
            return
        day, index, _ = selected
        position = DAY_KEYS.index(day) + delta
        if not 0 <= position < len(DAY_KEYS):
            edge = "first" if delta < 0 else "last"
            self.notify(f"{DAY_NAMES[day]} is the {edge} day of the week.", timeout=3)
            return
        to_day = DAY_KEYS[position]
        count = len(self.editor.plan.day(to_day).sessions)
        self.apply(MoveSession(day, index, to_day), Selection(to_day, count))

    def action_copy_session(self) -> None:
        """Copy the selected session."""
        selected = self._selected_session()
        if selected is None:
            return
        self.clipboard = selected[2]
        self.refresh_bindings()
        self.notify(
            f"Copied {selected[2].title!r}. Select a day and press v to paste.",
            markup=False,
            timeout=3,
        )

    def action_paste_session(self) -> None:
        """Paste the copied session into the selected day, after its sessions."""
        if self.clipboard is None:
            self.notify("Nothing copied yet: select a session and press c.", timeout=3)
            return
        day = self.week.selection.day
        count = len(self.editor.plan.day(day).sessions)
        self.apply(AddSession(day, self.clipboard), Selection(day, count))

    # --- actions: the day ---

    def action_edit_day(self) -> None:
        """Open the day form for the selected day."""
        from planner.ui.screens.day_form import DayForm

        day = self.week.selection.day
        plan = self.editor.plan

        def edited(edit: SetDay | None) -> None:
            if edit is None:
                return
            current = self.editor.plan.day(day)
            unchanged = (
                edit.sleep_hours == current.sleep_hours
                and edit.bedtime == current.bedtime
                and edit.protein_meals == current.protein_meals
                and edit.note == current.note
            )
            if not unchanged:
                self.apply(edit, self.week.selection)

        self.app.push_screen(DayForm(day, plan.day(day), plan.defaults), edited)

    # --- actions: history ---

    def _selection_after(self, edit: Edit, undone: bool) -> Selection:
        """Where the selection goes after undoing or redoing an edit."""
        if isinstance(edit, AddSession):
            count = len(self.editor.plan.day(edit.day).sessions)
            index = edit.index if edit.index is not None else count - (0 if undone else 1)
            return Selection(edit.day, index)
        if isinstance(edit, UpdateSession):
            return Selection(edit.day, edit.index)
        if isinstance(edit, DeleteSession):
            return Selection(edit.day, edit.index)
        if isinstance(edit, MoveSession):
            if undone:
                return Selection(edit.day, edit.index)
            count = len(self.editor.plan.day(edit.to_day).sessions)
            return Selection(edit.to_day, edit.to_index if edit.to_index is not None else count - 1)
        if isinstance(edit, SetDay):
            return Selection(edit.day, self.week.selection.index)
        assert isinstance(edit, ReplacePlan)
        return first_selection(self.editor.plan)

    def action_undo(self) -> None:
        """Undo the last edit."""
        if self.saving:
            return
        edit = self.editor.undo()
        if edit is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.show_plan(self._selection_after(edit, undone=True))
        self.notify(f"Undid: {edit.describe()}", markup=False, timeout=2)

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        if self.saving:
            return
        edit = self.editor.redo()
        if edit is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self.show_plan(self._selection_after(edit, undone=False))
        self.notify(f"Redid: {edit.describe()}", markup=False, timeout=2)

    # --- actions: import and export ---

    def action_import_plan(self, template: str = "") -> None:
        """Pick a template or a plan file, preview it, and replace the plan with it."""
        from planner.ui.screens.import_plan import ImportChoice, ImportScreen

        def chosen(choice: ImportChoice | None) -> None:
            if choice is None:
                return
            edit = ReplacePlan(choice.text, choice.label)
            done = f"Imported {choice.label}. ctrl+z brings the previous plan back."
            if self.apply(edit, None, done=done):
                self.show_plan(first_selection(self.editor.plan))

        self.app.push_screen(ImportScreen(initial=template or None), chosen)

    def action_export_plan(self) -> None:
        """Export the plan to TOML, iCalendar or Markdown at a path the person types."""
        from planner.ui.screens.export_plan import ExportScreen

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(str(path), title="Exported", markup=False, timeout=4)

        self.app.push_screen(ExportScreen.for_editor(self.editor), exported)

    # --- actions: focus ---

    def action_focus_findings(self) -> None:
        """Move the focus to the findings."""
        self.findings.focus()

    def action_focus_week(self) -> None:
        """Move the focus back to the week."""
        self.week.focus()

    # --- saving and quitting ---

    def action_save(self) -> None:
        """Save to the plan's file; ask for a path when it has none."""
        if self.editor.path is None:
            self.action_save_as()
        else:
            self.save_to(None)

    def action_save_as(self, then_quit: bool = False) -> None:
        """Ask for a path, then save there."""
        from planner.ui.screens.save_as import SaveAsScreen, suggested_name

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.save_to(path, then_quit=then_quit)

        current = self.editor.path
        suggestion = (
            str(current) if current is not None else suggested_name(self.editor.plan.plan.name)
        )
        self.app.push_screen(SaveAsScreen(suggestion), chosen)

    def save_to(
        self, path: Path | None, *, then_quit: bool = False, overwrite: bool = False
    ) -> None:
        """Save in a worker thread; edits wait until it is done.

        A file changed on disk since it was opened or last saved is not written: the
        file-changed dialog asks first (unless `overwrite`, its answer, is set).
        """
        if self.saving:
            return
        self.saving = True
        self._save_round += 1
        self._save_worker(path, then_quit, overwrite, self._save_round)

    @work(thread=True, exclusive=True, group="save", exit_on_error=False)
    def _save_worker(
        self, path: Path | None, then_quit: bool, overwrite: bool, round_: int
    ) -> None:
        try:
            try:
                saved = self.editor.save(path, overwrite=overwrite)
            except FileChangedOnDisk as changed:
                self.app.call_from_thread(self._save_conflict, changed, then_quit)
            except Exception as error:  # never a traceback, never a save stuck on
                self.app.call_from_thread(self._save_failed, error)
            else:
                self.app.call_from_thread(self._saved, saved, then_quit)
        finally:
            # Whatever happened (even the app going away mid-call), saving is over,
            # so later saves, edits and quitting work.
            if self._save_round == round_:
                self.saving = False

    def _saved(self, path: Path, then_quit: bool) -> None:
        self.saving = False
        self.show_plan()
        self.notify(str(path), title="Saved", markup=False, timeout=3)
        if then_quit:
            self.app.exit(0)

    def _save_failed(self, error: Exception) -> None:
        self.saving = False
        if isinstance(error, OSError | ValueError):
            reason = str(error) or error.__class__.__name__
        else:  # a bug; say what failed rather than show a traceback
            reason = f"the save failed: {type(error).__name__}: {error}"
        self.notify(escaped(reason), title="Not saved", severity="error", markup=False, timeout=8)

    def _save_conflict(self, changed: FileChangedOnDisk, then_quit: bool) -> None:
        """The file changed on disk: ask to reload, overwrite, save as or cancel."""
        from planner.ui.screens.file_changed import FileChangedChoice, FileChangedDialog

        self.saving = False
        if any(isinstance(screen, FileChangedDialog) for screen in self.app.screen_stack):
            self.notify(
                "The file changed on disk: choose what to do in its dialog first.",
                severity="warning",
                timeout=4,
            )
            return

        def chosen(choice: FileChangedChoice | None) -> None:
            if choice == "reload":
                self.reload_from_disk()
            elif choice == "overwrite":
                self.save_to(None, then_quit=then_quit, overwrite=True)
            elif choice == "save_as":
                self.action_save_as(then_quit=then_quit)

        name = escaped(changed.path.name)
        self.app.push_screen(FileChangedDialog(name, deleted=changed.deleted), chosen)

    def reload_from_disk(self) -> None:
        """Read the plan's file again, dropping the edits made here.

        A file that no longer loads shows its error, and the plan here stays as it is.
        """
        if self.saving:
            self.notify("Saving… try again in a moment.", severity="warning")
            return
        try:
            self.editor.reload()
        except PlanError as error:
            self.notify(
                str(error), title="Could not reload", severity="error", markup=False, timeout=8
            )
            return
        self.show_plan(first_selection(self.editor.plan))
        name = escaped(self.editor.path.name) if self.editor.path is not None else "the plan"
        self.notify(f"Reloaded {name} from disk.", markup=False, timeout=3)

    def request_quit(self) -> None:
        """Quit, asking about unsaved changes first."""
        from planner.ui.screens.quit_dialog import QuitChoice, QuitDialog

        if not self.editor.dirty:
            self.app.exit(0)
            return
        if any(isinstance(screen, QuitDialog) for screen in self.app.screen_stack):
            return

        def chosen(choice: QuitChoice | None) -> None:
            if choice == "discard":
                self.app.exit(0)
            elif choice == "save":
                if self.editor.path is None:
                    self.action_save_as(then_quit=True)
                else:
                    self.save_to(None, then_quit=True)

        name = self.editor.path.name if self.editor.path is not None else None
        self.app.push_screen(QuitDialog(name), chosen)
