"""Messages the editor's widgets post up to the main screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from textual.message import Message

if TYPE_CHECKING:
    from planner.report import Finding


class Selection(NamedTuple):
    """The selected day and, when one is, the selected session of that day."""

    day: str
    #: Named `index` as everywhere in the editor; it hides tuple's `index()` method,
    #: which nothing calls on a selection.
    index: int | None = None  # type: ignore[assignment]


class SelectionChanged(Message):
    """The week grid's selection moved (by key or by mouse)."""

    def __init__(self, selection: Selection) -> None:
        super().__init__()
        self.selection = selection


class FindingHighlighted(Message):
    """The findings list highlights another finding (or none, when there are none)."""

    def __init__(self, finding: Finding | None) -> None:
        super().__init__()
        self.finding = finding


class FindingChosen(Message):
    """A finding was chosen (enter or click): show its first day in the week."""

    def __init__(self, finding: Finding) -> None:
        super().__init__()
        self.finding = finding
