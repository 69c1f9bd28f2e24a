"""Load rules (placeholder while version 2 is written)."""

from __future__ import annotations

from planner.report import Finding, Metrics
from planner.rules.context import WeekView


def monotony(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def load_change(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def acwr(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def session_spike(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []
