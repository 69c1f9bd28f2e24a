"""Sleep rules (placeholder while version 2 is written)."""

from __future__ import annotations

from planner.report import Finding, Metrics
from planner.rules.context import WeekView


def short_sleep(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def irregular_sleep(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def late_hard_session(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []
