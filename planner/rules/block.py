"""Block rules (placeholder while version 2 is written)."""

from __future__ import annotations

from planner.report import Finding, Metrics
from planner.rules.context import WeekView


def deload_due(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def deload_not_lighter(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def taper_missing(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []
