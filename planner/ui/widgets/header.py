"""The header: plan, file, unsaved mark, the week shown and the two badges."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

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
    if shown.type != "build":
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


class PlanHeader(Horizontal):
    """One line at the top: the plan, its file, the week and its two words."""

    def compose(self) -> ComposeResult:
        yield Static("planner", id="app-name", markup=False)
        yield Static(id="plan-name", markup=False)
        yield Static(id="file-name", markup=False)
        yield Static(id="dirty-mark", markup=False)
        yield Static(id="week-caption", markup=False)
        yield Static(id="risk-badge", markup=False)
        yield Static(id="recovery-badge", markup=False)

    def show(self, state: HeaderState) -> None:
        """Show a new state; the badges change colour with the words."""
        self.query_one("#plan-name", Static).update(Content(state.plan_name))
        file_text = state.file_name or "new plan"
        self.query_one("#file-name", Static).update(Content.styled(file_text, "$foreground-muted"))
        mark = self.query_one("#dirty-mark", Static)
        mark.update(Content("●" if state.dirty else ""))
        mark.display = state.dirty
        mark.tooltip = Content("Changes not written to the file yet; ctrl+s writes them.")
        report = state.report
        week = report.weeks[min(state.week, len(report.weeks) - 1)]
        caption = self.query_one("#week-caption", Static)
        caption.update(Content.styled(week_caption(report, week.week - 1), "$foreground-muted"))
        caption.display = len(report.weeks) > 1 or week.start is not None
        badge = self.query_one("#risk-badge", Static)
        badge.update(Content(f" overload {week.risk.value} "))
        badge.set_classes({f"-{week.risk.value}"})
        badge.tooltip = Content(risk_summary(week))
        recovery = self.query_one("#recovery-badge", Static)
        recovery.update(Content(f" recovery {week.recovery.value} "))
        recovery.set_classes({f"-{week.recovery.value}"})
        recovery.tooltip = Content(recovery_summary(week))


__all__ = ["HeaderState", "PlanHeader", "Recovery", "Risk", "week_caption"]
