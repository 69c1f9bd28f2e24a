"""The block strip: one cell per week of the plan, with its load, risk and compliance."""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from planner.report import PlanReport, Risk
from planner.ui.styles import RISK_STYLES, compliance_style

_BARS = " ▁▂▃▄▅▆▇█"


class WeekCell(NamedTuple):
    """What one cell shows."""

    number: int
    label: str
    load: int
    risk: Risk
    compliance_pct: float | None


def cells_of(report: PlanReport) -> tuple[WeekCell, ...]:
    """The strip's cells, week 1 first."""
    return tuple(
        WeekCell(
            number=week.week,
            label=week.label or f"Week {week.week}",
            load=week.metrics.weekly_load,
            risk=week.risk,
            compliance_pct=week.metrics.compliance_pct,
        )
        for week in report.weeks
    )


def load_bar(load: int, peak: int) -> str:
    """One cell of bar for a load out of the block's peak."""
    if peak <= 0 or load <= 0:
        return _BARS[0]
    return _BARS[max(1, round(load / peak * (len(_BARS) - 1)))]


class BlockStrip(Widget):
    """A cell per week (label, load bar, risk colour, compliance); the shown week is
    marked. Click a cell, or press [ and ], to switch week."""

    DEFAULT_CSS = """
    BlockStrip {
        height: 1;
        width: 1fr;
        padding: 0 1;
    }
    """

    class WeekChosen(Message):
        """A week's cell was clicked."""

        def __init__(self, week: int) -> None:
            super().__init__()
            self.week = week

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cells: tuple[WeekCell, ...] = ()
        self.shown = 0
        self._spans: list[tuple[int, int]] = []

    def show(self, report: PlanReport, shown: int) -> None:
        """Show a plan's weeks with week `shown` (0-based) marked; hidden for one week."""
        cells = cells_of(report)
        self.display = len(cells) > 1
        if cells != self.cells or shown != self.shown:
            self.cells = cells
            self.shown = shown
            self.refresh()

    def _cell_width(self) -> int:
        count = max(1, len(self.cells))
        return max(4, min(18, (self.content_size.width or 80) // count))

    def render(self) -> Content:
        """The cells, each cut to the room it has."""
        width = self._cell_width()
        peak = max((cell.load for cell in self.cells), default=0)
        parts: list[Content] = []
        self._spans = []
        x = 0
        for position, cell in enumerate(self.cells):
            marker = "▸" if position == self.shown else " "
            compliance = "" if cell.compliance_pct is None else f" {cell.compliance_pct:.0f}%"
            room = width - 4 - len(compliance)
            label = cell.label if room >= len(cell.label) else cell.label[: max(1, room - 1)] + "…"
            if room < 2:
                label = str(cell.number)
            text = f"{marker}{label}"
            body = Content.assemble(
                (text, "bold reverse" if position == self.shown else ""),
                " ",
                (load_bar(cell.load, peak), RISK_STYLES[cell.risk]),
                (compliance, compliance_style(cell.compliance_pct, skipped=False)),
            )
            cell_text = body.pad_right(max(0, width - body.cell_length))
            parts.append(cell_text)
            self._spans.append((x, x + width))
            x += width
        return Content("").join(parts)

    def on_click(self, event: events.Click) -> None:
        """Switch to the clicked week."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        for position, (left, right) in enumerate(self._spans):
            if left <= offset.x < right:
                event.stop()
                self.post_message(self.WeekChosen(position))
                return
