"""The import picker: a bundled template or a plan file, previewed before it replaces the plan.

The main screen opens it on `i` and applies the choice as one undoable edit:

    def imported(choice: ImportChoice | None) -> None:
        if choice is None:
            return
        try:
            editor.apply(ReplacePlan(choice.text, choice.label))
        except PlanError as error:  # cannot happen for a previewed plan, but say so
            self.notify(str(error), title="Not imported", severity="error", markup=False)
            return
        self.notify(f"Imported {choice.label}", markup=False)

    self.app.push_screen(ImportScreen(), imported)

`ImportScreen(base=None, initial=None)`: `base` is the folder relative paths are read
from (the current directory by default); `initial` names a template to highlight first
(for the command palette's "Import template ..." commands). It dismisses with an
`ImportChoice(text, label)`, or None on escape. The label is "template " and the
template's plan name ("template Upper/lower 4 days") or the file path as typed.
Nothing changes until it dismisses with a choice.

The left side lists every bundled template with its heavy sessions, easy days, weekly
load and risk, and has a path field (with completion of folders and `.toml` files) for
any plan file. The right side previews the highlighted template or the loaded file:
its week, risk and findings, or, for a file that fails to load, its error with the
line; such a file cannot be imported.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Self

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.suggester import Suggester
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from planner.catalogue import KIND_SHORT_WORDS
from planner.model import DAY_KEYS, DAY_NAMES, DayType, Kind, Plan
from planner.planfile import PlanError
from planner.report import Finding, PlanReport, Risk
from planner.ui.screens.fields import focus_first
from planner.ui.screens.kept import Kept
from planner.ui.screens.modal import PlannerModal
from planner.ui.styles import DAY_TYPE_STYLES, KIND_STYLES, RISK_STYLES, SEVERITY_STYLES

if TYPE_CHECKING:
    from textual.timer import Timer

#: How long the path field waits after the last key before it previews a file.
PREVIEW_DELAY = 0.3

RISK_BADGE: dict[Risk, str] = {
    Risk.low: "bold $text-success on $success-muted",
    Risk.moderate: "bold $text-warning on $warning-muted",
    Risk.high: "bold $text-error on $error-muted",
}
#: The day type a session of each kind makes on its own; the week preview names a
#: session's kind only where it differs from its day's type.
KIND_DAY_TYPE: dict[Kind, DayType] = {
    Kind.heavy: DayType.heavy,
    Kind.moderate: DayType.moderate,
    Kind.active_recovery: DayType.recovery,
}


@dataclass(frozen=True, slots=True)
class ImportChoice:
    """What to import: the plan's TOML text and a label for undo and notifications."""

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Candidate:
    """A plan that could be imported, loaded and checked; or why it cannot be."""

    #: The template's name, or "file:" and the path as typed.
    key: str
    #: The label of the import (for undo and notifications).
    label: str
    #: Where the plan comes from, as shown: "template NAME" or "file PATH".
    source: str
    #: The plan's name; where the plan did not load, its template name or path.
    title: str
    text: str | None = None
    plan: Plan | None = None
    report: PlanReport | None = None
    error: str | None = None
    description: str = ""

    @property
    def importable(self) -> bool:
        """Whether the plan loaded and may replace the current one."""
        return self.text is not None and self.plan is not None and self.error is None

    def choice(self) -> ImportChoice | None:
        """The choice to dismiss with, when the plan loaded."""
        if self.text is None or not self.importable:
            return None
        return ImportChoice(self.text, self.label)


def check_plan(unloaded: Candidate, text: str, source_name: str) -> Candidate:
    """Parse and evaluate a plan's text; the candidate says why when it is invalid."""
    from planner.planfile import parse_plan
    from planner.rules.engine import evaluate

    try:
        plan = parse_plan(text, source_name)
    except PlanError as error:
        return replace(unloaded, error=str(error))
    return replace(
        unloaded,
        title=plan.plan.name,
        text=text,
        plan=plan,
        report=evaluate(plan),
        description=plan.plan.description.strip() or unloaded.description,
    )


def load_templates() -> list[Candidate]:
    """Every bundled template, loaded and evaluated, in the order the package lists them."""
    from planner.templates import list_templates, template_text

    candidates = []
    for template in list_templates():
        unloaded = Candidate(
            key=template.name,
            label=f"template {template.title or template.name}",
            source=f"template {template.name}",
            title=template.title or template.name,
            description=template.description,
        )
        try:
            text = template_text(template.name)
        except (OSError, LookupError) as error:
            candidates.append(replace(unloaded, error=f"{template.name}: {error}"))
            continue
        candidates.append(check_plan(unloaded, text, template.name))
    return candidates


def resolve_path(typed: str, base: Path) -> Path:
    """The file a typed path names: `~` expanded, relative paths taken from `base`."""
    path = Path(typed.strip()).expanduser()
    return path if path.is_absolute() else base / path


def load_file(typed: str, base: Path) -> Candidate:
    """The plan file at a typed path as a candidate; its label is the path as typed."""
    from planner.planfile import read_source

    shown = typed.strip()
    name = str(Path(shown).expanduser())
    unloaded = Candidate(key=f"file:{shown}", label=name, source=f"file {name}", title=name)
    try:
        text = read_source(resolve_path(shown, base))
    except PlanError as error:
        # read_source names the resolved path; show the one the person typed.
        return replace(unloaded, error=str(PlanError(name, error.problems)))
    return check_plan(unloaded, text, name)


# --- path completion --------------------------------------------------------------


def complete_path(value: str, base: Path, suffixes: Sequence[str] = (".toml",)) -> str | None:
    """The first folder or file with one of `suffixes` whose name continues `value`.

    Folders end in `/` so completion goes on inside them; hidden entries are offered
    only when the typed name starts with a dot. Returns None when nothing fits.
    """
    if not value:
        return None
    if value == "~":
        return "~/"
    cut = max(value.rfind("/"), value.rfind(os.sep))
    folder_text, prefix = value[: cut + 1], value[cut + 1 :]
    folder = Path(folder_text or ".").expanduser()
    if not folder.is_absolute():
        folder = base / folder
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: (entry.name.casefold(), entry.name))
    except OSError:
        return None
    for entry in entries:
        name = entry.name
        if not name.startswith(prefix) or (name.startswith(".") and not prefix.startswith(".")):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            continue
        if is_folder:
            return f"{folder_text}{name}/"
        if name != prefix and name.endswith(tuple(suffixes)):
            return f"{folder_text}{name}"
    return None


class PathSuggester(Suggester):
    """Suggests how a typed path goes on: folders (with `/`) and files with given suffixes."""

    def __init__(self, base: Path | None = None, suffixes: Sequence[str] = (".toml",)) -> None:
        # No cache: the folder may change while the dialog is open.
        super().__init__(use_cache=False, case_sensitive=True)
        self.base = base or Path.cwd()
        self.suffixes = tuple(suffixes)

    async def get_suggestion(self, value: str) -> str | None:
        """The completion of `value`, looked up off the event loop."""
        return await asyncio.to_thread(complete_path, value, self.base, self.suffixes)


class PathInput(Input):
    """An input for a path where tab accepts the suggested completion, as right does."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete", show=False),
    ]

    def action_complete(self) -> None:
        """Accept the suggestion; with none, move the focus on as tab does elsewhere."""
        if self._suggestion and self.cursor_at_end:
            self.action_cursor_right()
        else:
            self.screen.focus_next()


# --- preview ------------------------------------------------------------------------


def template_row(candidate: Candidate, width: int) -> Content:
    """One line of the template list: name, heavy sessions, easy days, load, risk."""
    name = candidate.key if len(candidate.key) <= width else candidate.key[: width - 1] + "…"
    if candidate.report is None:
        return Content.assemble((name.ljust(width), ""), ("  cannot be loaded", "$text-error"))
    metrics = candidate.report.metrics
    risk = candidate.report.risk
    weeks = len(candidate.report.weeks)
    return Content.assemble(
        (name.ljust(width), ""),
        (f"{weeks:>6}{metrics.heavy_sessions:>6}{metrics.easy_days:>5}", ""),
        (f"{metrics.weekly_load:>7,}  ", ""),
        (risk.value, RISK_STYLES[risk]),
    )


def template_header(width: int) -> Content:
    """The column heads over the template list."""
    return Content.assemble(
        ("template".ljust(width), "bold"), (" weeks heavy easy   load  risk", "bold")
    )


def preview_heading(candidate: Candidate) -> Content:
    """The plan's name and risk (or that it cannot be loaded), and where it comes from."""
    parts: list[tuple[str, str] | str] = []
    if candidate.report is not None:
        risk = candidate.report.risk
        parts.append((f" overload {risk.value} ", RISK_BADGE[risk]))
        recovery = candidate.report.recovery
        parts.append((f" recovery {recovery.value} ", "$text-muted"))
    elif candidate.error is not None:
        parts.append((" cannot be loaded ", "bold $text on $error"))
    parts.extend([" ", (candidate.title, "bold")])
    below = [] if candidate.source.endswith(candidate.title) else [candidate.source]
    if candidate.report is not None:
        count = len(candidate.report.findings)
        weeks = len(candidate.report.weeks)
        if weeks > 1:
            below.append(f"{weeks} weeks (week 1 shown)")
        below.append(f"{count} finding{'' if count == 1 else 's'}" if count else "no findings")
    if below:
        parts.extend(["\n", (" · ".join(below), "$text-muted")])
    return Content.assemble(*parts)


def preview_week(plan: Plan) -> Content:
    """Seven compact lines: day, type, load, and each session with minutes and kind."""
    lines: list[Content] = []
    for key in DAY_KEYS:
        day = plan.week_list[0].days[key]
        day_type = day.day_type
        parts: list[tuple[str, str] | str] = [
            (f"{DAY_NAMES[key][:3]} ", "bold"),
            (f"{day_type.value:<9}", DAY_TYPE_STYLES[day_type]),
            (f"{day.load:>5}  ", ""),
        ]
        if not day.sessions:
            parts.append((day.note.split("\n", 1)[0] or "no sessions", "$text-muted italic"))
        for index, session in enumerate(day.sessions):
            if index:
                parts.append(("  ", ""))
            parts.extend([("▌", KIND_STYLES[session.kind]), (f"{session.minutes}′ ", "bold")])
            if KIND_DAY_TYPE.get(session.kind) is not day_type:
                parts.append(
                    (f"{KIND_SHORT_WORDS[session.kind.value]} ", KIND_STYLES[session.kind])
                )
            parts.append((session.title, ""))
        lines.append(Content.assemble(*parts))
    return Content("\n").join(lines)


def preview_summary(report: PlanReport) -> Content:
    """Weekly load, heavy sessions and easy days in one line."""
    metrics = report.metrics
    heavy = "session" if metrics.heavy_sessions == 1 else "sessions"
    easy = "day" if metrics.easy_days == 1 else "days"
    return Content.assemble(
        ("weekly load ", "$text-muted"),
        (f"{metrics.weekly_load:,}", "bold"),
        (" · ", "$text-muted"),
        (f"{metrics.heavy_sessions}", "bold"),
        (f" heavy {heavy}", "$text-muted"),
        (" · ", "$text-muted"),
        (f"{metrics.easy_days}", "bold"),
        (f" easy {easy}", "$text-muted"),
    )


def day_spans(days: Sequence[str]) -> str:
    """Days in short, runs of three or more as a span: "Mon–Thu Sat"."""
    indexes = sorted({DAY_KEYS.index(day) for day in days})
    runs: list[list[int]] = []
    for index in indexes:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    words = []
    for run in runs:
        names = [DAY_NAMES[DAY_KEYS[index]][:3] for index in run]
        words.append(f"{names[0]}–{names[-1]}" if len(names) >= 3 else " ".join(names))
    return " ".join(words)


def finding_note(finding: Finding, weeks: int = 1) -> Content:
    """A finding for the preview: severity, rule, its week (in a plan of several) and
    days, then its message."""
    days = day_spans(finding.days) or "the week"
    if weeks > 1 and finding.week is not None:
        days = f"week {finding.week}: {days}" if finding.days else f"week {finding.week}"
    return Content.assemble(
        (finding.severity.value, SEVERITY_STYLES[finding.severity]),
        " ",
        (finding.rule, "bold"),
        (f"  {days}", "$text-muted"),
        "\n",
        finding.message,
    )


def findings_heading(report: PlanReport) -> Content:
    """The line over the findings: how many, or that there are none."""
    count = len(report.findings)
    if not count:
        spaced = "every week is" if len(report.weeks) > 1 else "the week is"
        return Content.styled(f"No findings: {spaced} well spaced.", "$text-success")
    return Content.styled(f"{count} finding{'s' if count != 1 else ''}", "bold")


class FindingNote(Static):
    """One finding in the preview, with a bar in its severity's colour."""

    DEFAULT_CSS = """
    FindingNote {
        height: auto;
        margin-bottom: 1;
        padding-left: 1;
        border-left: outer $primary;
    }
    FindingNote.-warning {
        border-left: outer $warning;
    }
    FindingNote.-critical {
        border-left: outer $error;
    }
    """

    def __init__(self, finding: Finding, weeks: int = 1) -> None:
        super().__init__(
            finding_note(finding, weeks), markup=False, classes=f"-{finding.severity.value}"
        )
        self.finding = finding


class ImportScreen(Kept, PlannerModal[ImportChoice | None]):
    """Pick a template or a plan file, preview it, and import it (or cancel)."""

    DEFAULT_CSS = """
    ImportScreen #import-dialog {
        width: 100%;
        max-width: 132;
        height: 100%;
        max-height: 42;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
        background: $surface;
        padding: 0 1;
    }
    ImportScreen #import-body {
        height: 1fr;
        layout: vertical;
    }
    ImportScreen #import-sources {
        height: auto;
        width: 100%;
    }
    ImportScreen #import-template-head {
        height: 1;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ImportScreen #import-templates {
        height: auto;
        max-height: 8;
        border: none;
        padding: 0;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    ImportScreen #import-templates:focus {
        background-tint: $foreground 0%;
    }
    ImportScreen #import-templates > .option-list--option-highlighted {
        background: $block-cursor-blurred-background;
    }
    ImportScreen #import-templates:focus > .option-list--option-highlighted {
        background: $block-cursor-background;
    }
    ImportScreen #import-path-row {
        height: 1;
    }
    ImportScreen #import-path-label {
        width: auto;
        padding: 0 1 0 0;
        color: $text-muted;
    }
    ImportScreen #import-path {
        width: 1fr;
        background: $boost;
    }
    ImportScreen #import-path:focus {
        background: $primary 15%;
    }
    ImportScreen #import-side-description {
        display: none;
    }
    ImportScreen #import-preview {
        height: 1fr;
        padding: 0 1;
        border-top: solid $primary-muted;
        border-title-color: $text-muted;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    ImportScreen #import-preview-heading {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ImportScreen #import-preview-week {
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ImportScreen #import-preview-summary {
        margin-bottom: 1;
    }
    ImportScreen #import-preview-description {
        color: $text-muted;
        margin-bottom: 1;
    }
    ImportScreen #import-findings-heading {
        margin-bottom: 1;
    }
    ImportScreen #import-findings {
        height: auto;
    }
    ImportScreen #import-preview-error {
        color: $text-error;
        margin-top: 1;
    }
    ImportScreen #import-preview .-hidden {
        display: none;
    }
    ImportScreen #import-buttons {
        height: 1;
        width: 100%;
    }
    ImportScreen #import-hint {
        width: 1fr;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ImportScreen #import-buttons Button {
        margin-left: 1;
        width: auto;
        min-width: 8;
    }
    ImportScreen.-wide #import-body {
        layout: horizontal;
    }
    ImportScreen.-wide #import-sources {
        width: 62;
        height: 100%;
        padding-right: 1;
        border-right: solid $primary-muted;
    }
    ImportScreen.-wide #import-templates {
        max-height: 100%;
    }
    ImportScreen.-wide #import-path-row {
        margin-top: 1;
    }
    ImportScreen.-wide #import-side-description {
        display: block;
        margin-top: 1;
        height: 1fr;
        color: $text-muted;
    }
    ImportScreen.-wide #import-preview {
        width: 1fr;
        height: 100%;
    }
    ImportScreen.-wide #import-preview-week {
        margin-top: 1;
    }
    ImportScreen.-wide #import-preview #import-preview-description {
        display: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
    ]
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012 (Textual reads it from the class)
        (0, "-narrow"),
        (110, "-wide"),
    ]

    #: Width of the name column of the template list.
    NAME_WIDTH = 26

    def __init__(self, *, base: Path | None = None, initial: str | None = None) -> None:
        """`base`: folder relative paths start from (cwd); `initial`: template to highlight."""
        super().__init__()
        self.templates: dict[str, Candidate] = {}
        self.current: Candidate | None = None
        self._file: Candidate | None = None
        self._preview_timer: Timer | None = None
        self.load(base=base, initial=initial)

    def load(self, *, base: Path | None = None, initial: str | None = None) -> Self:
        """Open as a new picker would (see `__init__`): no path typed, `initial` (or
        the first template) highlighted; the bundled templates are read only once."""
        self.base = base or Path.cwd()
        self.initial = initial
        self._file = None
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        self._unfilled = True
        return self

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog") as dialog:
            dialog.border_title = "Import a plan"
            dialog.border_subtitle = "replaces the current plan · ctrl+z undoes it"
            with Vertical(id="import-body"):
                with Vertical(id="import-sources"):
                    yield Static(template_header(self.NAME_WIDTH), id="import-template-head")
                    yield OptionList(id="import-templates")
                    with Horizontal(id="import-path-row"):
                        yield Static("or a file:", id="import-path-label")
                        yield PathInput(
                            placeholder="path to a plan, e.g. plans/week.toml",
                            id="import-path",
                            suggester=PathSuggester(self.base),
                            compact=True,
                        )
                    yield Static(id="import-side-description", markup=False)
                with VerticalScroll(id="import-preview") as preview:
                    preview.border_title = "Preview"
                    yield Static(id="import-preview-heading", markup=False)
                    yield Static(id="import-preview-error", markup=False)
                    yield Static(id="import-preview-week", markup=False)
                    yield Static(id="import-preview-summary", markup=False)
                    yield Static(id="import-preview-description", markup=False)
                    yield Static(id="import-findings-heading", markup=False)
                    yield Vertical(id="import-findings")
            with Horizontal(id="import-buttons"):
                yield Static(id="import-hint", markup=False)
                yield Button("Import", id="import-button", variant="primary", compact=True)
                yield Button("Cancel", id="import-cancel", compact=True)

    def on_mount(self) -> None:
        """Load the templates off the event loop."""
        self._show(None, Content("Loading the bundled templates…"))
        self._load_templates()

    def _fill(self) -> None:
        """No path, the initial template highlighted and previewed; the list focused."""
        option_list = self.query_one("#import-templates", OptionList)
        path_input = self.query_one("#import-path", PathInput)
        with self.prevent(Input.Changed):
            path_input.value = ""
        suggester = path_input.suggester
        if isinstance(suggester, PathSuggester):
            suggester.base = self.base
        focus_first(self, option_list)
        if not self.templates:
            return  # still loading: `_templates_loaded` highlights the initial one
        keys = list(self.templates)
        index = keys.index(self.initial) if self.initial in self.templates else 0
        with self.prevent(OptionList.OptionHighlighted):
            option_list.highlighted = index
        candidate = self.templates[keys[index]]
        if self.current is candidate:
            self.query_one("#import-preview", VerticalScroll).scroll_home(animate=False)
            self._update_hint()
        else:
            self._show(candidate)

    # --- loading ---

    @work(thread=True, exclusive=True, group="import-templates")
    def _load_templates(self) -> None:
        try:
            candidates = load_templates()
        except Exception as error:  # a broken install must not crash the editor
            message = f"The bundled templates cannot be loaded: {error}"
            self.app.call_from_thread(self._show, None, Content(message))
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._templates_loaded, candidates)

    def _templates_loaded(self, candidates: list[Candidate]) -> None:
        if not self.is_attached:
            return  # dismissed while the templates were loading
        self.templates = {candidate.key: candidate for candidate in candidates}
        option_list = self.query_one("#import-templates", OptionList)
        option_list.clear_options()
        option_list.add_options(
            Option(template_row(candidate, self.NAME_WIDTH), id=candidate.key)
            for candidate in candidates
        )
        if not candidates:
            self._show(None, Content("No bundled templates were found."))
            return
        index = 0
        if self.initial is not None and self.initial in self.templates:
            index = list(self.templates).index(self.initial)
        option_list.highlighted = index
        if not self.query_one("#import-path", Input).has_focus:
            self._show(candidates[index])

    @work(thread=True, exclusive=True, group="import-file")
    def _load_file(self, typed: str) -> None:
        candidate = load_file(typed, self.base)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._file_loaded, typed, candidate)

    def _file_loaded(self, typed: str, candidate: Candidate) -> None:
        if not self.is_active:
            return  # closed meanwhile
        if self.query_one("#import-path", Input).value.strip() != typed.strip():
            return  # the person typed on; a newer load follows
        self._file = candidate
        self._show(candidate)

    # --- showing ---

    def _show(self, candidate: Candidate | None, message: Content | None = None) -> None:
        """Preview a candidate (or show a message) and say what enter will do."""
        if not self.is_attached:
            return
        self.current = candidate
        heading = self.query_one("#import-preview-heading", Static)
        error = self.query_one("#import-preview-error", Static)
        week = self.query_one("#import-preview-week", Static)
        summary = self.query_one("#import-preview-summary", Static)
        description = self.query_one("#import-preview-description", Static)
        side_description = self.query_one("#import-side-description", Static)
        findings_head = self.query_one("#import-findings-heading", Static)
        findings = self.query_one("#import-findings", Vertical)
        findings.remove_children()
        loaded = candidate is not None and candidate.importable
        if candidate is None:
            heading.update(message or "")
            text = ""
        else:
            heading.update(preview_heading(candidate))
            error.update(Content(candidate.error or ""))
            text = candidate.description
            if candidate.plan is not None and candidate.report is not None:
                week.update(preview_week(candidate.plan))
                summary.update(preview_summary(candidate.report))
                findings_head.update(findings_heading(candidate.report))
                weeks = len(candidate.report.weeks)
                findings.mount_all(
                    FindingNote(finding, weeks) for finding in candidate.report.findings
                )
        description.update(Content(text))
        side_description.update(Content(text))
        error.set_class(candidate is None or candidate.error is None, "-hidden")
        description.set_class(not text, "-hidden")
        for widget in (week, summary, findings_head, findings):
            widget.set_class(not loaded, "-hidden")
        self.query_one("#import-preview", VerticalScroll).scroll_home(animate=False)
        self.query_one("#import-button", Button).disabled = not loaded
        self._update_hint()

    def _update_hint(self) -> None:
        hint = self.query_one("#import-hint", Static)
        path_input = self.query_one("#import-path", Input)
        candidate = self.current
        if path_input.has_focus:
            typed = path_input.value.strip()
            if not typed:
                text = "type a path · tab/→ completes · esc cancel"
            elif candidate is not None and candidate.key == f"file:{typed}":
                text = (
                    "enter imports this file · esc cancel"
                    if candidate.importable
                    else "cannot import: fix it, enter reads it again · esc cancel"
                )
            else:
                text = "enter shows the file · tab/→ completes · esc cancel"
        else:
            text = "↑↓ choose · enter import · tab file path · esc cancel"
        hint.update(Content(text))

    # --- events ---

    @on(OptionList.OptionHighlighted, "#import-templates")
    def _template_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        if key in self.templates and self.current is not self.templates[key]:
            self._show(self.templates[key])

    @on(OptionList.OptionSelected, "#import-templates")
    def _template_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        key = event.option.id
        if key in self.templates:
            if self.current is not self.templates[key]:
                self._show(self.templates[key])
            self.action_import()

    def on_descendant_focus(self) -> None:
        """Preview what the focused source holds: the highlighted template or the file."""
        option_list = self.query_one("#import-templates", OptionList)
        if option_list.has_focus and option_list.highlighted is not None:
            key = option_list.get_option_at_index(option_list.highlighted).id
            if key in self.templates and self.current is not self.templates[key]:
                self._show(self.templates[key])
        elif (
            self.query_one("#import-path", Input).has_focus
            and self._file is not None
            and self.current is not self._file
        ):
            self._show(self._file)
        self._update_hint()

    @on(Input.Changed, "#import-path")
    def _path_changed(self, event: Input.Changed) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        typed = event.value.strip()
        if typed and resolve_path(typed, self.base).is_file():
            self._preview_timer = self.set_timer(PREVIEW_DELAY, self._preview_typed)
        self._update_hint()

    def _preview_typed(self) -> None:
        self._preview_timer = None
        typed = self.query_one("#import-path", Input).value.strip()
        if typed:
            self._load_file(typed)

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        """Enter shows the file first; once it is shown, enter imports it."""
        event.stop()
        typed = event.value.strip()
        if not typed:
            self.app.bell()
            return
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        shown = self.current
        if shown is not None and shown.key == f"file:{typed}" and shown.importable:
            self.action_import()
            return
        # Not shown yet, or shown with an error: read it (again; it may have been fixed).
        self._load_file(typed)

    @on(Button.Pressed, "#import-button")
    def _import_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_import()

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    # --- actions ---

    def action_import(self) -> None:
        """Import what the preview shows, when it loaded; otherwise nothing happens."""
        choice = self.current.choice() if self.current is not None else None
        if choice is None:
            self.app.bell()
            return
        self.dismiss(choice)

    def action_cancel(self) -> None:
        """Close without importing anything."""
        self.dismiss(None)
