"""The header: plan, file, unsaved mark, the week shown and the two badges."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

from planner.report import PlanReport, Recovery, Risk, WeekReport, count_sentence

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class HeaderState(NamedTuple):
    """What the header shows."""

    plan_name: str
    file_name: str | None
    dirty: bool
    report: PlanReport
    #: 0-based index of the week shown.
    week: int = 0


def week_range(start: str | None) -> str:
    """`7-13 Dec` (or `28 Dec-3 Jan`) for a week starting on an ISO date."""
    if start is None:
        return ""
    monday = dt.date.fromisoformat(start)
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.day}-{sunday.day} {_MONTHS[sunday.month - 1]}"
    return f"{monday.day} {_MONTHS[monday.month - 1]}-{sunday.day} {_MONTHS[sunday.month - 1]}"


def week_caption(report: PlanReport, week: int) -> str:
    """`week 2 of 4 · Build 2 · 7-13 Dec` (parts left out where the plan has none)."""
    shown = report.weeks[week]
    parts = [f"week {shown.week} of {len(report.weeks)}"] if len(report.weeks) > 1 else []
    if shown.label:
        parts.append(shown.label)
    if shown.type != "build" and shown.type not in (shown.label or "").lower():
        parts.append(shown.type)
    if dates := week_range(shown.start):
        parts.append(dates)
    return " · ".join(parts)


def risk_summary(week: WeekReport) -> str:
    """Why the week's overload risk is what it is (the badge's tooltip)."""
    raising = week.risk_findings
    if not raising:
        return "No warnings in spacing, load or block rules: the overload risk is low."
    titles = "\n".join(f"• {f.info.title} ({', '.join(f.days) or 'week'})" for f in raising)
    poor = " Poor recovery raises it." if week.recovery is Recovery.poor else ""
    return f"Overload {week.risk.value}: {count_sentence(raising)}.{poor}\n{titles}"


def recovery_summary(week: WeekReport) -> str:
    """Why the week's recovery is what it is (the badge's tooltip)."""
    findings = week.recovery_findings
    debt = week.metrics.sleep_debt_hours
    if not findings and debt < 7:
        return "Sleep, food and easy movement all planned within the rules: recovery is good."
    rules = sorted({f.info.title for f in findings})
    lines = [f"Recovery {week.recovery.value}: {len(rules)} recovery rule(s) fire."]
    if debt:
        lines.append(f"Sleep debt {debt:g} h this week.")
    lines += [f"• {title}" for title in rules]
    return "\n".join(lines)


#: Below these widths the app name, then the file name, give way (the badges never do).
APP_NAME_FROM = 130
FILE_NAME_FROM = 100
#: The widest the file name and the week caption may be (a narrow caption is shorter).
FILE_NAME_MAX = 20
CAPTION_MAX = 44
NARROW_CAPTION_MAX = 30
#: The plan's name keeps at least this many cells before the caption gives way.
PLAN_NAME_MIN = 12

_BADGE_STYLES = {
    "low": "bold $text-success on $success-muted",
    "good": "bold $text-success on $success-muted",
    "moderate": "bold $text-warning on $warning-muted",
    "fair": "bold $text-warning on $warning-muted",
    "high": "bold $text-error on $error-muted",
    "poor": "bold $text-error on $error-muted",
}
DIRTY_TOOLTIP = "Changes not written to the file yet; ctrl+s writes them."


class HeaderPart(NamedTuple):
    """One stretch of the header line: what it is, its cells and how it looks."""

    name: str
    text: str
    style: str = ""


def caption_choices(report: PlanReport, week: int) -> list[str]:
    """The week's caption, longest first: the whole caption, then shorter ones that
    keep the dates (`2/4 · Build 2 · 7-13 Dec`, `2/4 · 7-13 Dec`)."""
    whole = week_caption(report, week)
    shown = report.weeks[week]
    dates = week_range(shown.start)
    if len(report.weeks) == 1:
        return [whole]
    number = f"{shown.week}/{len(report.weeks)}"
    label = shown.label or ""
    kind = shown.type if shown.type != "build" and shown.type not in label.lower() else ""
    compact = " · ".join(part for part in (number, label, kind, dates) if part)
    shortest = " · ".join(part for part in (number, dates or label) if part)
    return [whole, compact, shortest]


def fitted(text: str, width: int) -> str:
    """`text` cut to `width` cells, its last cell an ellipsis when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    return Content(text).truncate(width, ellipsis=True).plain


def header_parts(state: HeaderState, width: int) -> list[HeaderPart]:
    """The header line at `width` cells: the app name, the plan, its file, the unsaved
    mark, the week caption and the two badges. The badges stay whole; the app name and
    then the file name give way on narrower terminals; the caption takes its shorter
    forms before it cuts into the plan's name."""
    report = state.report
    week = report.weeks[min(state.week, len(report.weeks) - 1)]
    parts: list[HeaderPart] = []
    if width >= APP_NAME_FROM:
        parts.append(HeaderPart("app-name", " planner ", "bold $text on $primary"))
    tail: list[HeaderPart] = []
    if state.dirty:
        tail.append(HeaderPart("dirty-mark", "● ", "bold $text-warning"))
    risk = f" overload {week.risk.value} "
    recovery = f" recovery {week.recovery.value} "
    badges = [
        HeaderPart("gap", " "),
        HeaderPart("risk-badge", risk, _BADGE_STYLES[week.risk.value]),
        HeaderPart("gap", " "),
        HeaderPart("recovery-badge", recovery, _BADGE_STYLES[week.recovery.value]),
    ]
    file_part: list[HeaderPart] = []
    if width >= FILE_NAME_FROM:
        file_text = fitted(state.file_name or "new plan", FILE_NAME_MAX)
        file_part.append(HeaderPart("file-name", file_text, "$foreground-muted"))
    fixed = sum(cell_len(part.text) for part in parts + file_part + tail + badges)
    caption: list[HeaderPart] = []
    if len(report.weeks) > 1 or week.start is not None:
        widest = CAPTION_MAX if width >= FILE_NAME_FROM else NARROW_CAPTION_MAX
        room = min(widest, width - fixed - (PLAN_NAME_MIN + 2)) - 2
        choices = caption_choices(report, week.week - 1)
        text = next((c for c in choices if cell_len(c) <= room), fitted(choices[-1], room))
        if text:
            caption.append(HeaderPart("week-caption", f" {text} ", "$foreground-muted"))
    used = fixed + sum(cell_len(part.text) for part in caption)
    plan_room = max(0, width - used)
    plan_text = f" {fitted(state.plan_name, plan_room - 2)} " if plan_room >= 3 else ""
    padding = " " * (plan_room - cell_len(plan_text))
    parts.append(HeaderPart("plan-name", plan_text + padding, "bold"))
    return parts + file_part + tail + caption + badges


class PlanHeader(Widget):
    """One line at the top: the plan, its file, the week and its two words, drawn as
    one widget (a tooltip for each badge and for the unsaved mark)."""

    DEFAULT_CSS = """
    PlanHeader {
        height: 1;
        width: 100%;
        background: $panel;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state: HeaderState | None = None
        self._parts: list[HeaderPart] = []

    def show(self, state: HeaderState) -> None:
        """Show a new state; the badges change colour with the words."""
        if state != self.state:
            self.state = state
            self.refresh()

    def parts(self) -> list[HeaderPart]:
        """The header's parts at its width now."""
        if self.state is None:
            return []
        return header_parts(self.state, self.size.width or self.app.size.width)

    @property
    def text(self) -> str:
        """Everything the header says, in one line (as shown)."""
        return "".join(part.text for part in self.parts())

    def part_text(self, name: str) -> str:
        """What one part shows (e.g. `risk-badge`), stripped; empty when not shown."""
        return "".join(part.text for part in self.parts() if part.name == name).strip()

    @property
    def week(self) -> WeekReport | None:
        """The report of the week shown."""
        if self.state is None:
            return None
        weeks = self.state.report.weeks
        return weeks[min(self.state.week, len(weeks) - 1)]

    def render(self) -> Content:
        self._parts = self.parts()
        return Content.assemble(*((part.text, part.style) for part in self._parts))

    def tooltip_at(self, x: int) -> str | None:
        """The tooltip for the cell at `x`: why a badge says what it says, or what the
        unsaved mark means."""
        week = self.week
        start = 0
        for part in self._parts:
            end = start + cell_len(part.text)
            if start <= x < end and week is not None:
                if part.name == "risk-badge":
                    return risk_summary(week)
                if part.name == "recovery-badge":
                    return recovery_summary(week)
                if part.name == "dirty-mark":
                    return DIRTY_TOOLTIP
                return None
            start = end
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        tip = self.tooltip_at(event.x)
        if tip != self.tooltip:
            self.tooltip = tip

    def on_leave(self, _event: events.Leave) -> None:
        self.tooltip = None


__all__ = ["HeaderState", "PlanHeader", "Recovery", "Risk", "week_caption"]
