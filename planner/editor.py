"""The editing session behind the editor: a plan, its document, undo and redo, saving.

Knows nothing of Textual. Every edit is applied to the TOML document and the plan is
derived from the document again, so what is shown is always what will be saved. It
remembers what the file on disk held when it was loaded (or last saved) and refuses
to save over changes made there since (FileChangedOnDisk) unless told to overwrite.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from planner.planfile import (
    NO_FILE,
    PlanDocument,
    PlanError,
    Problem,
    check_unchanged,
    parse_plan,
    with_newline,
    write_atomic,
)

if TYPE_CHECKING:
    from planner.edits import Edit
    from planner.model import Plan
    from planner.report import PlanReport

UNDO_LIMIT = 200


def empty_week_text(name: str) -> str:
    """The text of a new, empty week for a file that does not exist yet."""
    safe = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\')[:80] or "My week"
    return (
        "# A training week for planner. See the plan format in the README.\n"
        "format = 1\n\n"
        "[plan]\n"
        f'name = "{safe}"\n'
    )


class _State(NamedTuple):
    text: str
    plan: Plan


class PlanEditor:
    """A plan being edited: apply edits, undo and redo them, save.

    `saved` says the text is what its file holds (or, for a file that does not exist
    yet, what it starts as): such a plan is not modified until an edit changes it.
    """

    def __init__(self, document: PlanDocument, *, saved: bool) -> None:
        self._document = document
        self._text = document.text()
        self._saved_text: str | None = self._text if saved else None
        self._undo: list[tuple[Edit, _State]] = []
        self._redo: list[tuple[Edit, _State]] = []
        self._report: PlanReport | None = None
        self._unparsed: str | None = None  # a text `prepare_document` failed on
        # The format of the file on disk (None: there is none yet), so the editor can
        # say before a save that it converts a format 1 file to format 2.
        self._saved_format: int | None = document.plan.format if saved else None

    # --- opening ---

    @classmethod
    def open(cls, path: Path) -> PlanEditor:
        """Edit a plan file; a file that does not exist yet starts as an empty week.

        Raises PlanError when the file exists but cannot be loaded; nothing is opened
        over it, so it is never written.
        """
        if not path.exists():
            name = path.stem.replace("-", " ").replace("_", " ").strip().capitalize()
            document = PlanDocument.from_text(empty_week_text(name), path)
            # Not modified until edited, but the first save creates it (its disk state
            # says there was no file, so a file made there meanwhile is not overwritten).
            document.disk = NO_FILE
            return cls(document, saved=True)
        return cls(PlanDocument.load(path), saved=True)

    @classmethod
    def from_template(cls, name: str | None = None) -> PlanEditor:
        """A new, unsaved plan made from a bundled template."""
        from planner.templates import DEFAULT_TEMPLATE, template_text

        template = name or DEFAULT_TEMPLATE
        document = PlanDocument.from_text(template_text(template), None, source=template)
        return cls(document, saved=False)

    # --- state ---

    @property
    def plan(self) -> Plan:
        """The plan as it is now."""
        return self._document.plan

    @property
    def report(self) -> PlanReport:
        """Findings, metrics and risk of the plan as it is now."""
        if self._report is None:
            from planner.rules.engine import evaluate

            self._report = evaluate(self._document.plan)
        return self._report

    @property
    def path(self) -> Path | None:
        """The file the plan saves to; None for a new plan that has none yet."""
        return self._document.path

    @property
    def text(self) -> str:
        """The TOML text a save would write."""
        return self._text

    @property
    def dirty(self) -> bool:
        """Whether the plan differs from the file on disk (or was never saved)."""
        return self._text != self._saved_text

    @property
    def converts_format(self) -> bool:
        """Whether the next save turns the format 1 file on disk into format 2 (a week
        was added); the editor says so before it saves."""
        return self._saved_format == 1 and self._document.plan.format == 2

    @property
    def document_pending(self) -> bool:
        """Whether `prepare_document` has work to do: the plan's tomlkit document is
        not parsed yet (and did not fail to parse)."""
        return not self._document.prepared and self._unparsed is not self._text

    def prepare_document(self) -> None:
        """Parse the tomlkit document ahead of the next edit (it is parsed lazily: not
        on opening, undo or redo). Safe to call from a background thread while the plan
        is shown; an edit meanwhile waits for it."""
        text = self._text
        try:
            self._document.prepare()
        except Exception:  # the edit that needs the document says why
            self._unparsed = text

    def describe(self, edit: Edit) -> str:
        """What an edit does, naming weeks when the plan has several."""
        return edit.describe(len(self._document.plan.week_list))

    @property
    def can_undo(self) -> bool:
        """Whether there is an edit to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone edit to redo."""
        return bool(self._redo)

    def _state(self) -> _State:
        return _State(self._text, self._document.plan)

    def _restore(self, state: _State) -> None:
        # The text is parsed with tomlkit again only when an edit needs it (see
        # `prepare_document`), so undo and redo cost no parse.
        self._document.set_text(state.text)
        self._document.plan = state.plan
        self._text = state.text
        self._report = None

    # --- editing ---

    def apply(self, edit: Edit) -> None:
        """Apply an edit; raises PlanError (plan unchanged) when it cannot be applied."""
        # Loaded with the first edit, not for the first frame.
        from planner.edits import EditError, apply_edit
        from planner.tomlkit_adapter import LayoutError

        before = self._state()
        source = str(self.path) if self.path else "<plan>"
        try:
            document = apply_edit(self._document.document, self._document.plan, edit)
            self._document.document = document
            # Checked from the text a save writes (as PlanDocument.revalidate does),
            # written out once: a block's document takes a while to write.
            text = self._document.text()
            plan = parse_plan(text, source)
        except PlanError:
            self._restore(before)
            raise
        except EditError as error:
            self._restore(before)
            raise PlanError(source, [Problem(None, "", str(error))]) from None
        except LayoutError as error:
            # tomlkit cannot edit some valid layouts in place (a day's tables split up
            # by other tables); refuse the edit rather than half-apply it. Any other
            # exception is a bug and goes up as itself.
            self._restore(before)
            reason = f"cannot {self.describe(edit)} in this file's layout: {error}"
            raise PlanError(source, [Problem(None, "", reason)]) from None
        except BaseException:
            self._restore(before)  # a bug: propagate it, but leave the plan as it was
            raise
        self._document.plan = plan
        # New lines tomlkit writes end in "\n"; a file of "\r\n" lines keeps "\r\n".
        self._text = with_newline(text, self._document.newline)
        self._report = None
        self._undo.append((edit, before))
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    def undo(self) -> Edit | None:
        """Undo the last edit; returns it, or None when there is nothing to undo."""
        if not self._undo:
            return None
        edit, state = self._undo.pop()
        self._redo.append((edit, self._state()))
        self._restore(state)
        return edit

    def redo(self) -> Edit | None:
        """Redo the last undone edit; returns it, or None when there is none."""
        if not self._redo:
            return None
        edit, state = self._redo.pop()
        self._undo.append((edit, self._state()))
        self._restore(state)
        return edit

    # --- the file on disk ---

    def reload(self) -> None:
        """Read the plan's file again, dropping every edit (and the undo history).

        Raises PlanError (the editor unchanged) when the file no longer loads or the
        plan has no file.
        """
        path = self.path
        if path is None:
            raise PlanError("<plan>", [Problem(None, "", "this plan has no file to reload")])
        self._document = PlanDocument.load(path)
        self._text = self._document.text()
        self._saved_text = self._text
        self._undo.clear()
        self._redo.clear()
        self._report = None

    # --- saving ---

    def save(self, path: Path | None = None, *, overwrite: bool = False) -> Path:
        """Save atomically to `path` (or the plan's own file), keeping a backup.

        Saving to the plan's own file first checks that the file is still what was
        loaded or last saved; if it changed or was deleted since, FileChangedOnDisk is
        raised and nothing is written, unless `overwrite` is set. Raises ValueError
        when there is no path, SaveError when writing fails (the file on disk is then
        as it was).
        """
        target = path or self.path
        if target is None:
            raise ValueError("this plan has no file yet; give a path to save it to")
        if not overwrite and self._is_own_file(target):
            check_unchanged(target, self._document.disk)
        state = write_atomic(target, self._document.file_bytes(self._text))
        self._document.path = target
        self._document.disk = state
        self._saved_text = self._text
        self._saved_format = self._document.plan.format
        return target

    def _is_own_file(self, target: Path) -> bool:
        """Whether `target` is the file the plan was loaded from (or last saved to)."""
        own = self.path
        if own is None:
            return False
        if target == own:
            return True
        import os

        try:
            return os.path.samefile(target, own)
        except (OSError, ValueError):
            return False
