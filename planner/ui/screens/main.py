"""The main screen: header, week grid, findings, load chart and footer; every edit runs here."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen

from planner.model import DAY_KEYS, DAY_NAMES, Day, Plan, Session
from planner.planfile import FileChangedOnDisk, PlanError, escaped
from planner.ui.commands import bindings_for
from planner.ui.messages import FindingChosen, FindingHighlighted, Selection, SelectionChanged
from planner.ui.screens.kept import build_ahead, editor_forms, kept
from planner.ui.widgets.block_strip import BlockStrip
from planner.ui.widgets.chart import LoadChart
from planner.ui.widgets.findings import FindingDetail, FindingsList
from planner.ui.widgets.footer import FittingFooter
from planner.ui.widgets.header import HeaderState, PlanHeader
from planner.ui.widgets.week_grid import WeekGrid, first_selection

if TYPE_CHECKING:
    from planner.editor import PlanEditor
    from planner.edits import Edit, SetDay


def plan_error_text(error: PlanError) -> str:
    """A PlanError's reasons without the `<plan>` prefix meant for files."""
    problems = error.problems
    if not problems:
        return str(error)
    return "; ".join(
        f"{problem.key}: {problem.reason}" if problem.key else problem.reason
        for problem in problems
    )


def starting_week(plan: Plan, today: dt.date | None = None) -> int:
    """tui.md: the week containing today when the plan has dates, else week 1."""
    start = plan.start
    if start is None:
        return 0
    days = ((today or dt.date.today()) - start).days
    if 0 <= days < 7 * len(plan.week_list):
        return days // 7
    return 0


#: Seconds from the main screen's first frame to building the forms ahead.
FORMS_AHEAD_DELAY = 0.3


def breakpoint_classes(app: App[object]) -> dict[str, bool]:
    """The app's breakpoint classes (`-narrow`, `-short`, ...) for its size now, as
    Textual's screen sets them when it is resized."""
    classes: dict[str, bool] = {}
    width, height = app.size
    for breakpoints, dimension in (
        (app.HORIZONTAL_BREAKPOINTS or [], width),
        (app.VERTICAL_BREAKPOINTS or [], height),
    ):
        chosen = next(
            (name for edge, name in sorted(breakpoints, reverse=True) if dimension >= edge), None
        )
        for _, name in breakpoints:
            classes[name] = name == chosen
    return classes


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
        self.strip = BlockStrip(id="block-strip")
        self.week = WeekGrid(id="week")
        self.findings = FindingsList(id="findings")
        self.detail = FindingDetail(id="finding-detail")
        self.chart = LoadChart(id="chart")
        self._day_shown: tuple[int, str] | None = None
        #: 0-based index of the week shown.
        self.week_index = 0
        # The size classes Textual sets on the first resize, set now: the widgets are
        # styled once for the terminal's size, not once without and once with them.
        self.update_classes(breakpoint_classes(self.app), update=False)
        self._shown_once = False

    def compose(self) -> ComposeResult:
        yield self.header
        if len(self.editor.plan.week_list) > 1:  # else mounted when a week is added
            yield self.strip
        with Vertical(id="body"):
            yield self.week
            with Horizontal(id="lower"):
                yield self.findings
                yield self.detail
                yield self.chart
        yield FittingFooter()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. On the first showing the widgets have just
        # been styled as they mounted (with the size classes already set), so Textual's
        # restyling of the whole screen would do it all again before the first frame.
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        """Show the week containing today (when the plan has dates), else week 1, with
        its Monday's first session selected."""
        self.week_index = starting_week(self.editor.plan)
        self.show_plan(first_selection(self.editor.plan, self.week_index))
        self.week.focus()
        # The forms, built while nobody is typing yet, open without building.
        build_ahead(self.app, lambda: editor_forms(self.editor), delay=FORMS_AHEAD_DELAY)

    # --- showing ---

    def on_descendant_focus(self) -> None:
        """On narrow screens the finding's detail takes the chart's place while reading."""
        reading = self.focused is self.findings or self.focused is self.detail
        self.query_one("#lower").set_class(reading, "-reading")

    def show_plan(self, selection: Selection | None = None) -> None:
        """Show the plan as the editor holds it now: grid, findings, chart, both words."""
        editor = self.editor
        plan = editor.plan
        report = editor.report
        self.week_index = min(self.week_index, len(plan.week_list) - 1)
        week = report.weeks[self.week_index]
        self.header.show(
            HeaderState(
                plan_name=plan.plan.name,
                file_name=editor.path.name if editor.path is not None else None,
                dirty=editor.dirty,
                report=report,
                week=self.week_index,
            )
        )
        if len(plan.week_list) > 1 and not self.strip.is_attached:
            self.mount(self.strip, after=self.header)
        self.strip.show(report, self.week_index)
        self.week.show_week(plan, self.week_index, selection)
        day_types = tuple(
            day.day_type.value for _, day in plan.week_list[self.week_index].days.items()
        )
        self.chart.show(week.metrics, day_types, dict(report.thresholds))
        self._show_findings(day_changed=False)
        self._refresh_bindings_if_changed()

    def _show_findings(self, *, day_changed: bool) -> None:
        day = self.week.selection.day
        findings = self.editor.report.weeks[self.week_index].findings
        self.findings.show(findings, day, day_changed=day_changed)
        self._day_shown = (self.week_index, day)

    @on(SelectionChanged)
    def _selection_changed(self, message: SelectionChanged) -> None:
        if (self.week_index, message.selection.day) != self._day_shown:
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
        total = len(self.editor.report.weeks[self.week_index].findings)
        self.detail.show(message.finding, total)
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
                title=f"Could not {self.editor.describe(edit)}",
                severity="error",
                markup=False,
            )
            return False
        self.show_plan(selection)
        if done:
            self.notify(done, markup=False, timeout=3)
        return True

    def _day(self, day: str, week: int | None = None) -> Day:
        """A day of the shown week (or of another week)."""
        plan = self.editor.plan
        return plan.week_list[self.week_index if week is None else week].days[day]

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
        from planner.edits import AddSession
        from planner.ui.screens.session_form import SessionForm

        day = self.week.selection.day
        week = self.week_index

        def added(session: Session | None) -> None:
            if session is not None:
                count = len(self._day(day, week).sessions)
                self.apply(AddSession(day, session, week=week), Selection(day, count))

        form = kept(self.app, SessionForm, SessionForm.blank)
        self.app.push_screen(form.load(f"New session on {self._day_name(day)}"), added)

    def _day_name(self, day: str) -> str:
        """ "Monday", or "Monday (week 2)" in a plan of several weeks."""
        if len(self.editor.plan.week_list) > 1:
            return f"{DAY_NAMES[day]} (week {self.week_index + 1})"
        return DAY_NAMES[day]

    def action_edit_session(self) -> None:
        """Open the session form on the selected session."""
        from planner.edits import UpdateSession
        from planner.ui.screens.session_form import SessionForm

        selected = self._selected_session()
        if selected is None:
            return
        day, index, session = selected
        week = self.week_index

        def edited(new: Session | None) -> None:
            if new is not None and new != session:
                self.apply(UpdateSession(day, index, new, week=week), Selection(day, index))

        form = kept(self.app, SessionForm, SessionForm.blank)
        self.app.push_screen(form.load(f"Edit session on {self._day_name(day)}", session), edited)

    def action_delete_session(self) -> None:
        """Delete the selected session (undo brings it back)."""
        from planner.edits import DeleteSession

        selected = self._selected_session()
        if selected is None:
            return
        day, index, session = selected
        self.apply(
            DeleteSession(day, index, week=self.week_index),
            Selection(day, index),
            done=f"Deleted {session.title!r} — ctrl+z brings it back.",
        )

    def action_move_session(self, delta: int) -> None:
        """Move the selected session to the day before or after, across week
        boundaries; it stays selected."""
        from planner.edits import MoveSession

        selected = self._selected_session()
        if selected is None:
            return
        day, index, _ = selected
        week = self.week_index
        position = week * 7 + DAY_KEYS.index(day) + delta
        weeks = len(self.editor.plan.week_list)
        if not 0 <= position < weeks * 7:
            edge = "first" if delta < 0 else "last"
            where = "week" if weeks == 1 else "plan"
            self.notify(f"{DAY_NAMES[day]} is the {edge} day of the {where}.", timeout=3)
            return
        to_week, to_position = divmod(position, 7)
        to_day = DAY_KEYS[to_position]
        count = len(self._day(to_day, to_week).sessions)
        edit = MoveSession(day, index, to_day, week=week, to_week=to_week)
        # Across a week boundary the shown week follows the session.
        self.week_index = to_week
        if not self.apply(edit, Selection(to_day, count)):
            self.week_index = week

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
        from planner.edits import AddSession

        if self.clipboard is None:
            self.notify("Nothing copied yet: select a session and press c.", timeout=3)
            return
        day = self.week.selection.day
        count = len(self._day(day).sessions)
        # A pasted copy is planned anew: what was done of the original stays with it.
        session = self.clipboard.model_copy(update={"done": None, "extra": False})
        self.apply(AddSession(day, session, week=self.week_index), Selection(day, count))

    # --- actions: the day ---

    def action_edit_day(self) -> None:
        """Open the day form for the selected day."""
        from planner.ui.screens.day_form import DayForm

        day = self.week.selection.day
        week = self.week_index
        plan = self.editor.plan

        def edited(edit: SetDay | None) -> None:
            if edit is None:
                return
            current = self._day(day, week)
            unchanged = (
                edit.sleep_hours == current.sleep_hours
                and edit.bedtime == current.bedtime
                and edit.protein_meals == current.protein_meals
                and edit.note == current.note
            )
            if not unchanged:
                self.apply(replace(edit, week=week), self.week.selection)

        form = kept(self.app, DayForm, DayForm.blank)
        self.app.push_screen(form.load(day, self._day(day, week), plan.defaults), edited)

    # --- actions: weeks ---

    def action_show_week(self, delta: int) -> None:
        """Show the previous or next week of the block."""
        self.switch_week(self.week_index + delta)

    def switch_week(self, week: int) -> None:
        """Show another week, keeping the selected day."""
        weeks = len(self.editor.plan.week_list)
        if not 0 <= week < weeks:
            if weeks == 1:
                self.notify("This plan holds one week; W adds another.", timeout=3)
            return
        if week == self.week_index:
            return
        self.week_index = week
        self.show_plan(Selection(self.week.selection.day, self.week.selection.index))

    def action_week_menu(self) -> None:
        """Week operations: add (empty or a scaled copy), duplicate, delete, label."""
        from planner.block_edits import AddWeek, DeleteWeek, DuplicateWeek, SetWeek
        from planner.ui.screens.week_menu import WeekChoice, WeekMenu

        plan = self.editor.plan
        week = self.week_index
        weeks = len(plan.week_list)

        def chosen(choice: WeekChoice | None) -> None:
            if choice is None:
                return
            converting = plan.format == 1
            edit: Edit
            target = week
            if choice.action == "add":
                edit = AddWeek(after=week, label=choice.label, type=choice.type)
                target = week + 1
            elif choice.action == "copy":
                edit = AddWeek(
                    after=week,
                    label=choice.label,
                    type=choice.type,
                    copy_of=week,
                    scale_pct=choice.scale_pct,
                )
                target = week + 1
            elif choice.action == "duplicate":
                edit = DuplicateWeek(week)
                target = week + 1
            elif choice.action == "delete":
                edit = DeleteWeek(week)
                target = max(0, week - 1)
            else:
                edit = SetWeek(week, choice.label, choice.type)
            done = self.editor.describe(edit).capitalize() + "."
            if converting and choice.action in ("add", "copy", "duplicate"):
                done += " The file becomes format 2 (weeks) on the next save; its comments stay."
            previous = self.week_index
            self.week_index = target
            if not self.apply(edit, Selection("mon", 0), done=done):
                self.week_index = previous

        menu = kept(self.app, WeekMenu, WeekMenu.blank)
        self.app.push_screen(
            menu.load(plan.week_list[week], week + 1, weeks, converts=plan.format == 1), chosen
        )

    # --- actions: logging ---

    def action_log_session(self) -> None:
        """Log the selected session: an unlogged one as done as planned in one key;
        on a logged one, the form for minutes, RPE, partial, skipped and a note."""
        from planner.edits import LogSession
        from planner.model import Done
        from planner.ui.screens.log_form import LogForm, LogResult

        if self.week.selected_session is None:
            # On a day itself: log a session that was done but not planned.
            self.action_add_extra_session()
            return
        selected = self._selected_session()
        if selected is None:
            return
        day, index, session = selected
        week = self.week_index
        if session.done is None:
            self.apply(
                LogSession(week, day, index, Done()),
                Selection(day, index),
                done=f"Logged {session.title!r} as done as planned. m again to change it.",
            )
            return

        def logged(result: LogResult | None) -> None:
            if result is None or result[0] == session.done:
                return
            self.apply(LogSession(week, day, index, result[0]), Selection(day, index))

        heading = f"Log: {self._day_name(day)}"
        form = kept(self.app, LogForm, LogForm.blank)
        self.app.push_screen(form.load(session, heading), logged)

    def action_add_extra_session(self) -> None:
        """Add a session that was done but not planned (logged as done)."""
        from planner.edits import AddSession
        from planner.model import Done
        from planner.ui.screens.session_form import SessionForm

        day = self.week.selection.day
        week = self.week_index

        def added(session: Session | None) -> None:
            if session is not None:
                extra = session.model_copy(update={"extra": True, "done": Done()})
                count = len(self._day(day, week).sessions)
                self.apply(AddSession(day, extra, week=week), Selection(day, count))

        form = kept(self.app, SessionForm, SessionForm.blank)
        self.app.push_screen(form.load(f"Extra session on {self._day_name(day)}"), added)

    # --- actions: settings and accepted findings ---

    def action_settings(self) -> None:
        """Plan settings: one undoable edit for everything in the form."""
        from planner.settings_edits import SetPlanSettings
        from planner.ui.screens.settings_form import SettingsForm

        def saved(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            edit = SetPlanSettings(**values)
            self.apply(edit, self.week.selection, done="Settings saved (ctrl+z undoes them).")

        plan = self.editor.plan
        form = kept(self.app, SettingsForm, lambda: SettingsForm(plan))
        self.app.push_screen(form.load(plan), saved)

    def action_accept_finding(self) -> None:
        """Accept the highlighted finding with a reason, or take an acceptance back."""
        from planner.settings_edits import AcceptFinding, RemoveAcceptance
        from planner.ui.screens.accept_dialog import AcceptDialog

        finding = self.findings.current
        if finding is None:
            self.notify("No finding highlighted: press f and pick one.", timeout=3)
            return
        if finding.rule == "unused-acceptance":
            self.notify("Remove the unused [[accepted]] entry in the file.", timeout=4)
            return
        if finding.accepted:
            plan = self.editor.plan
            for position, entry in enumerate(plan.accepted):
                if entry.matches(finding.rule, finding.week, finding.days):
                    self.apply(
                        RemoveAcceptance(position),
                        self.week.selection,
                        done=f"{finding.info.title}: no longer accepted.",
                    )
                    return
            return

        def accepted(reason: str | None) -> None:
            if reason is not None:
                edit = AcceptFinding(finding.rule, finding.week, finding.days or None, reason)
                self.apply(edit, self.week.selection, done=f"Accepted: {finding.info.title}.")

        dialog = kept(self.app, AcceptDialog, lambda: AcceptDialog(finding))
        self.app.push_screen(dialog.load(finding), accepted)

    @on(BlockStrip.WeekChosen)
    def _week_chosen(self, message: BlockStrip.WeekChosen) -> None:
        self.switch_week(message.week)
        self.week.focus()

    # --- actions: history ---

    def _selection_after(self, edit: Edit, undone: bool) -> Selection:
        """Where the week and the selection go after undoing or redoing an edit."""
        from planner.edits import AddSession, MoveSession, ReplacePlan
        from planner.settings_edits import AcceptFinding, RemoveAcceptance, SetPlanSettings

        plan = self.editor.plan
        weeks = len(plan.week_list)
        if isinstance(edit, ReplacePlan):
            self.week_index = 0
            return first_selection(plan)
        if isinstance(edit, MoveSession) and not undone:
            to_week = edit.to_week if edit.to_week is not None else edit.week
            self.week_index = min(to_week, weeks - 1)
            count = len(self._day(edit.to_day).sessions)
            return Selection(edit.to_day, edit.to_index if edit.to_index is not None else count - 1)
        if isinstance(edit, SetPlanSettings | AcceptFinding | RemoveAcceptance):
            # Plan-wide: the week and selection stay (an acceptance's week is 1-based).
            self.week_index = min(self.week_index, weeks - 1)
            return self.week.selection
        week = getattr(edit, "week", None)
        if isinstance(week, int):
            self.week_index = week
        self.week_index = min(self.week_index, weeks - 1)
        day = getattr(edit, "day", None)
        if not isinstance(day, str):
            return self.week.selection
        if isinstance(edit, AddSession):
            count = len(self._day(day).sessions)
            index = edit.index if edit.index is not None else count - (0 if undone else 1)
            return Selection(day, index)
        position = getattr(edit, "index", self.week.selection.index)
        return Selection(day, position if isinstance(position, int) else None)

    def action_undo(self) -> None:
        """Undo the last edit."""
        if self.saving:
            return
        edit = self.editor.undo()
        if edit is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self.show_plan(self._selection_after(edit, undone=True))
        self.notify(f"Undid: {self.editor.describe(edit)}", markup=False, timeout=2)

    def action_redo(self) -> None:
        """Redo the last undone edit."""
        if self.saving:
            return
        edit = self.editor.redo()
        if edit is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self.show_plan(self._selection_after(edit, undone=False))
        self.notify(f"Redid: {self.editor.describe(edit)}", markup=False, timeout=2)

    # --- actions: import and export ---

    def action_import_plan(self, template: str = "") -> None:
        """Pick a template or a plan file, preview it, and replace the plan with it."""
        from planner.edits import ReplacePlan
        from planner.ui.screens.import_plan import ImportChoice, ImportScreen

        def chosen(choice: ImportChoice | None) -> None:
            if choice is None:
                return
            edit = ReplacePlan(choice.text, choice.label)
            done = f"Imported {choice.label}. ctrl+z brings the previous plan back."
            if self.apply(edit, None, done=done):
                self.week_index = 0
                self.show_plan(first_selection(self.editor.plan))

        picker = kept(self.app, ImportScreen, ImportScreen)
        self.app.push_screen(picker.load(initial=template or None), chosen)

    def action_export_plan(self) -> None:
        """Export the plan to TOML, iCalendar or Markdown at a path the person types."""
        from planner.ui.screens.export_plan import ExportScreen

        def exported(path: Path | None) -> None:
            if path is not None:
                self.notify(str(path), title="Exported", markup=False, timeout=4)

        editor = self.editor
        dialog = kept(self.app, ExportScreen, lambda: ExportScreen.for_editor(editor))
        self.app.push_screen(dialog.load_editor(editor), exported)

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
        self._converting = self.editor.converts_format
        self._save_round += 1
        self._save_worker(path, then_quit, overwrite, self._save_round)

    #: Whether the save under way turns a format 1 file into format 2.
    _converting = False

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
        if self._converting:
            self.notify(
                f"{path}: now format 2, a plan of several weeks; its comments are kept.",
                title="Saved",
                markup=False,
                timeout=5,
            )
        else:
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
        dialog = kept(self.app, QuitDialog, lambda: QuitDialog(name))
        self.app.push_screen(dialog.load(name), chosen)
