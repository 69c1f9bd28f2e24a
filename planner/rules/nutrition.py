"""Nutrition rules (placeholder while version 2 is written)."""

from __future__ import annotations

from planner.report import Finding, Metrics
from planner.rules.context import WeekView


def protein_spread(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def glycogen_refill(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []
