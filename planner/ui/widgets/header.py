"""The header: plan name, file name, unsaved mark and the overload-risk badge."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from planner.findings import Report, Risk, Severity


@dataclass(frozen=True, slots=True)
class HeaderState:
    """What the header shows."""

    plan_name: str
    file_name: str | None
    dirty: bool
    report: Report


def risk_summary(report: Report) -> str:
    """Why the risk is what it is, in a few words (for the badge's tooltip and tests)."""
    raising = report.risk_findings
    if not raising:
        return "No warnings in spacing, load or sleep: the risk is low."
    critical = sum(1 for f in raising if f.severity is Severity.critical)
    warnings = len(raising) - critical
    parts = []
    if critical:
        parts.append(f"{critical} critical")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    titles = "\n".join(f"• {f.info.title} ({', '.join(f.days) or 'week'})" for f in raising)
    return f"Risk is {report.risk.value}: {' and '.join(parts)}.\n{titles}"


class PlanHeader(Horizontal):
    """One line at the top: the plan, its file and the week's overload risk."""

    def compose(self) -> ComposeResult:
        yield Static("planner", id="app-name", markup=False)
        yield Static(id="plan-name", markup=False)
        yield Static(id="file-name", markup=False)
        yield Static(id="dirty-mark", markup=False)
        yield Static(id="risk-badge", markup=False)

    def show(self, state: HeaderState) -> None:
        """Show a new state; the badge changes colour with the risk."""
        self.query_one("#plan-name", Static).update(Content(state.plan_name))
        file_text = state.file_name or "new plan"
        self.query_one("#file-name", Static).update(
            Content.assemble(("· ", "$foreground-muted"), (file_text, "$foreground-muted"))
        )
        mark = self.query_one("#dirty-mark", Static)
        mark.update(Content("● modified " if state.dirty else ""))
        mark.display = state.dirty
        mark.tooltip = Content("Changes not written to the file yet; ctrl+s writes them.")
        badge = self.query_one("#risk-badge", Static)
        risk = state.report.risk
        badge.update(Content(f" risk: {risk.value} "))
        for level in Risk:
            badge.set_class(level is risk, f"-{level.value}")
        badge.tooltip = Content(risk_summary(state.report))
