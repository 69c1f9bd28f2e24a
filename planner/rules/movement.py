"""Movement rules (placeholder while version 2 is written)."""

from __future__ import annotations

from planner.report import Finding, Metrics
from planner.rules.context import WeekView


def no_active_recovery(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []
