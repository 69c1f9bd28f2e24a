"""Messages the editor's widgets post up to the main screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from planner.report import Finding


@dataclass(frozen=True, slots=True)
class Selection:
    """The selected day and, when one is, the selected session of that day."""

    day: str
    index: int | None = None


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
