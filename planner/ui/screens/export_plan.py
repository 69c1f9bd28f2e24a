"""The export dialog: the plan as TOML, iCalendar or Markdown, to a path the person types.

The main screen opens it on `x` and says where the file went:

    def exported(path: Path | None) -> None:
        if path is not None:
            self.notify(f"Exported to {path}", markup=False)

    self.app.push_screen(ExportScreen.for_editor(editor), exported)

`ExportScreen(plan, *, report=None, plan_path=None, base=None, to="toml")`, or
`ExportScreen.for_editor(editor, base=None, to="toml")`. `plan_path` is the plan's
own file, beside which the default path goes (`week.toml` -> `week-export.toml`,
`week.ics`, `week.md`); a plan without a file gets a name made from its title in
`base` (the current directory by default). The default follows the format until the
person types a path of their own. An existing file is replaced only after a yes to
"Overwrite NAME?"; the plan's own file and its backup are refused, by whatever name
(planner.export decides, as for `planner export`). It dismisses with the absolute
path it wrote, or None on escape; a write that fails shows its reason in the dialog,
which stays open.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Self

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from planner.export import ExportError, refusal
from planner.planfile import PlanError, SaveError
from planner.ui.screens.confirm import ConfirmScreen
from planner.ui.screens.fields import focus_first
from planner.ui.screens.import_plan import PathInput, PathSuggester, resolve_path
from planner.ui.screens.kept import Kept
from planner.ui.screens.modal import PlannerModal

if TYPE_CHECKING:
    from planner.editor import PlanEditor
    from planner.model import Plan
    from planner.report import PlanReport as Report


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its `planner.export` name, its label, suffix and what it holds."""

    key: str
    label: str
    suffix: str
    holds: str


FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat("toml", "TOML", ".toml", "the plan itself; imports back as the same plan"),
    ExportFormat("ics", "iCalendar", ".ics", "one calendar event per session"),
    ExportFormat("md", "Markdown", ".md", "the week as a table, with its findings"),
)
FORMATS_BY_KEY: dict[str, ExportFormat] = {fmt.key: fmt for fmt in FORMATS}


def file_slug(name: str) -> str:
    """A file-name stem from a plan's name: `Strength 3x + recovery` -> `strength-3x-recovery`."""
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in name).split()
    return "-".join(words)[:60].strip("-") or "week"


def default_export_path(
    fmt: ExportFormat, plan_name: str, plan_path: Path | None, base: Path
) -> Path:
    """Where an export goes unless the person says otherwise.

    Beside the plan's file with its stem (TOML gets `-export` so the plan itself is
    never the default target); for a plan without a file, its name as a slug in `base`.
    """
    if plan_path is None:
        return base / f"{file_slug(plan_name)}{fmt.suffix}"
    folder = plan_path.parent if plan_path.is_absolute() else (base / plan_path).parent
    stem = plan_path.stem
    if fmt.suffix == ".toml":
        stem += "-export"
    return folder / f"{stem}{fmt.suffix}"


def shown_path(path: Path, base: Path) -> str:
    """A path as the person would type it: relative to `base` when it is inside it."""
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def target_problem(typed: str, base: Path) -> tuple[Path | None, str]:
    """The file a typed path names, or None and why it cannot be written."""
    if not typed.strip():
        return None, "type a file path"
    path = resolve_path(typed, base)
    if path.is_dir():
        return None, f"{shown_path(path, base)} is a folder; add a file name"
    if not path.parent.is_dir():
        return None, f"folder {shown_path(path.parent, base)} does not exist"
    return path, ""


class ExportScreen(Kept, PlannerModal[Path | None]):
    """Choose a format and a path; writes the export and dismisses with its path."""

    DEFAULT_CSS = """
    ExportScreen #export-dialog {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    ExportScreen .export-label {
        width: 8;
        color: $text-muted;
    }
    ExportScreen #export-format-row {
        height: auto;
        margin-top: 1;
    }
    ExportScreen #export-formats {
        width: 1fr;
        height: auto;
        border: none;
        padding: 0;
        background: $surface;
    }
    ExportScreen #export-formats:focus {
        background-tint: $foreground 0%;
    }
    ExportScreen #export-formats > .option-list--option-highlighted {
        background: $block-cursor-blurred-background;
    }
    ExportScreen #export-formats:focus > .option-list--option-highlighted {
        background: $block-cursor-background;
    }
    ExportScreen #export-path-row {
        height: 1;
        margin-top: 1;
    }
    ExportScreen #export-path {
        width: 1fr;
        background: $boost;
    }
    ExportScreen #export-path:focus {
        background: $primary 15%;
    }
    ExportScreen #export-where {
        height: auto;
        padding-left: 8;
        color: $text-muted;
    }
    ExportScreen #export-where.-exists {
        color: $text-warning;
    }
    ExportScreen #export-where.-invalid {
        color: $text-error;
    }
    ExportScreen #export-error {
        height: auto;
        margin-top: 1;
        padding: 0 1;
        color: $text-error;
        background: $error 15%;
        display: none;
    }
    ExportScreen #export-buttons {
        height: 1;
        width: 100%;
        margin-top: 1;
    }
    ExportScreen #export-hint {
        width: 1fr;
        color: $text-muted;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    ExportScreen #export-buttons Button {
        margin-left: 1;
        width: auto;
        min-width: 8;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def __init__(
        self,
        plan: Plan,
        *,
        report: Report | None = None,
        plan_path: Path | None = None,
        base: Path | None = None,
        to: str = "toml",
    ) -> None:
        """Export `plan` (with `report` for Markdown's findings) from the file `plan_path`."""
        super().__init__()
        #: Which opening this is: a write finishing after its dialog closed (and
        #: opened again) does not close the new one.
        self._opening = 0
        self.load(plan, report=report, plan_path=plan_path, base=base, to=to)

    def load(
        self,
        plan: Plan,
        *,
        report: Report | None = None,
        plan_path: Path | None = None,
        base: Path | None = None,
        to: str = "toml",
    ) -> Self:
        """Export `plan` (see the class), as a newly opened dialog would: the format
        `to` chosen, its default path, nothing written yet."""
        if to not in FORMATS_BY_KEY:
            raise ValueError(f"unknown export format {to!r}")
        self.plan = plan
        self.report = report
        self.base = base or Path.cwd()
        self.plan_path = plan_path
        self.format = FORMATS_BY_KEY[to]
        self._default = self._default_for(self.format)
        self._custom = False
        self._writing = False
        self._opening += 1
        self._unfilled = True
        return self

    def load_editor(self, editor: PlanEditor, *, base: Path | None = None) -> Self:
        """Export the plan being edited, with its report and file (see `for_editor`)."""
        return self.load(editor.plan, report=editor.report, plan_path=editor.path, base=base)

    @classmethod
    def for_editor(
        cls,
        editor: PlanEditor,
        *,
        base: Path | None = None,
        to: str = "toml",
    ) -> ExportScreen:
        """The dialog for the plan being edited, with its report and file."""
        return cls(editor.plan, report=editor.report, plan_path=editor.path, base=base, to=to)

    def _default_for(self, fmt: ExportFormat) -> str:
        path = default_export_path(fmt, self.plan.plan.name, self.plan_path, self.base)
        return shown_path(path, self.base)

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog") as dialog:
            dialog.border_title = f"Export {self.plan.plan.name}"
            with Horizontal(id="export-format-row"):
                yield Static("Format", classes="export-label")
                yield OptionList(id="export-formats")
            with Horizontal(id="export-path-row"):
                yield Static("Path", classes="export-label")
                yield PathInput(
                    self._default,
                    id="export-path",
                    suggester=PathSuggester(self.base, (self.format.suffix,)),
                    compact=True,
                )
            yield Static(id="export-where", markup=False)
            yield Static(id="export-error", markup=False)
            with Horizontal(id="export-buttons"):
                yield Static(
                    Content("↑↓ format · enter writes · esc cancel"),
                    id="export-hint",
                    markup=False,
                )
                yield Button("Export", id="export-button", variant="primary", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    def _fill(self) -> None:
        """The formats with the chosen one highlighted, its default path, no error; the
        list has the focus."""
        self.query_one("#export-dialog").border_title = f"Export {self.plan.plan.name}"
        formats = self.query_one("#export-formats", OptionList)
        with self.prevent(OptionList.OptionHighlighted, Input.Changed):
            if formats.option_count:
                for fmt in FORMATS:
                    formats.replace_option_prompt(fmt.key, self._format_prompt(fmt))
            else:
                formats.add_options(Option(self._format_prompt(fmt), id=fmt.key) for fmt in FORMATS)
            formats.highlighted = FORMATS.index(self.format)
            path_input = self.query_one("#export-path", PathInput)
            path_input.value = self._default
            path_input.cursor_position = len(self._default)
        suggester = path_input.suggester
        if isinstance(suggester, PathSuggester):
            suggester.base = self.base
            suggester.suffixes = (self.format.suffix,)
        self._show_error(None)
        focus_first(self, formats)
        self._check_path()

    def _format_prompt(self, fmt: ExportFormat) -> Content:
        mark = "●" if fmt is self.format else "○"
        holds = fmt.holds
        if fmt.key == "ics":
            start = self.plan.start
            holds += (
                f", week of {start:%a %d %b %Y}"
                if start is not None
                else ", from the coming Monday"
            )
        return Content.assemble(
            (f"{mark} ", "$text-primary" if fmt is self.format else "$text-muted"),
            (f"{fmt.label:<10}", "bold"),
            (holds, "$text-muted"),
        )

    # --- state ---

    def _set_format(self, fmt: ExportFormat) -> None:
        if fmt is self.format:
            return
        self.format = fmt
        formats = self.query_one("#export-formats", OptionList)
        for other in FORMATS:
            formats.replace_option_prompt(other.key, self._format_prompt(other))
        path_input = self.query_one("#export-path", PathInput)
        suggester = path_input.suggester
        if isinstance(suggester, PathSuggester):
            suggester.suffixes = (fmt.suffix,)
        self._default = self._default_for(fmt)
        if not self._custom:
            path_input.value = self._default
            path_input.cursor_position = len(self._default)
        self._check_path()

    def _check_path(self) -> Path | None:
        """Say where the export goes, or why it cannot go there."""
        typed = self.query_one("#export-path", Input).value
        path, problem = target_problem(typed, self.base)
        if path is not None and (refused := self._refusal(path)) is not None:
            path, problem = None, refused
        where = self.query_one("#export-where", Static)
        where.set_class(path is None, "-invalid")
        where.set_class(path is not None and path.exists(), "-exists")
        if path is None:
            where.update(Content(problem))
        elif path.exists():
            where.update(Content(f"{path} exists; you will be asked before it is replaced"))
        else:
            where.update(Content(f"writes {path}"))
        self.query_one("#export-button", Button).disabled = path is None or self._writing
        return path

    def _own_path(self) -> Path | None:
        """The plan's own file, absolute (a relative one is relative to `base`)."""
        if self.plan_path is None:
            return None
        return self.plan_path if self.plan_path.is_absolute() else self.base / self.plan_path

    def _refusal(self, path: Path) -> str | None:
        """Why an export must not go to `path` (the plan or its backup), or None."""
        return refusal(path, self._own_path())

    def _show_error(self, message: str | None) -> None:
        error = self.query_one("#export-error", Static)
        error.update(Content(message or ""))
        error.display = message is not None

    # --- events ---

    @on(OptionList.OptionHighlighted, "#export-formats")
    def _format_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        key = event.option.id
        if key in FORMATS_BY_KEY:
            self._set_format(FORMATS_BY_KEY[key])

    @on(OptionList.OptionSelected, "#export-formats")
    def _format_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_export()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        self._custom = event.value != self._default
        self._show_error(None)
        self._check_path()

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export-button")
    def _export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    # --- actions ---

    def action_export(self) -> None:
        """Write the export; an existing file is replaced only after a yes."""
        if self._writing:
            return
        typed = self.query_one("#export-path", Input).value
        target, _ = target_problem(typed, self.base)
        refused = self._refusal(target) if target is not None else None
        path = self._check_path()
        if path is None:
            self.app.bell()
            if refused is not None:
                self._show_error(refused)
            return
        if not path.exists():
            self._write(path, overwrite=False)
            return
        self._ask_overwrite(path)

    def _ask_overwrite(self, path: Path) -> None:
        """Ask before replacing an existing file; write only after a yes."""

        def answered(overwrite: bool | None) -> None:
            if overwrite:
                self._write(path, overwrite=True)

        self.app.push_screen(
            ConfirmScreen(
                f"Overwrite {path.name}?",
                title="File exists",
                yes="Overwrite",
                no="Keep it",
            ),
            answered,
        )

    def _write(self, path: Path, *, overwrite: bool) -> None:
        self._writing = True
        self._show_error(None)
        self.query_one("#export-button", Button).disabled = True
        self._write_export(path, self.format.key, overwrite, self._opening)

    def _still_open(self, opening: int) -> bool:
        """Whether the dialog that started a write is still the one shown."""
        return self.is_active and opening == self._opening

    @work(thread=True, exclusive=True, group="export-write")
    def _write_export(self, path: Path, to: str, overwrite: bool, opening: int) -> None:
        from planner.export import export_to_file

        try:
            export_to_file(
                self.plan,
                to,
                path,
                plan_path=self._own_path(),
                overwrite=overwrite,
                report=self.report,
            )
        except ExportError as error:
            # Refused before writing: the plan or its backup, or a file that appeared
            # since the check (then ask, as for any existing file).
            if error.exists:
                self.app.call_from_thread(self._exists_now, path, opening)
            else:
                self.app.call_from_thread(self._write_failed, error.reason, opening)
            return
        except (SaveError, PlanError, OSError) as error:
            self.app.call_from_thread(self._write_failed, str(error), opening)
            return
        except Exception as error:  # never a traceback on screen; say what failed
            label = FORMATS_BY_KEY[to].label
            reason = f"the {label} export failed: {type(error).__name__}: {error}"
            self.app.call_from_thread(self._write_failed, reason, opening)
            return
        self.app.call_from_thread(self._written, path, opening)

    def _written(self, path: Path, opening: int) -> None:
        if self._still_open(opening):
            self.dismiss(path)

    def _exists_now(self, path: Path, opening: int) -> None:
        if not self._still_open(opening):
            return
        self._writing = False
        self._check_path()
        self._ask_overwrite(path)

    def _write_failed(self, reason: str, opening: int) -> None:
        if not self._still_open(opening):
            return
        self._writing = False
        self._show_error(reason)
        self._check_path()

    def action_cancel(self) -> None:
        """Close without writing anything."""
        self.dismiss(None)
