"""Spacing rules (placeholder while version 2 is written)."""

from __future__ import annotations

from planner.report import Finding, Metrics
from planner.rules.context import WeekView


def back_to_back_heavy(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def heavy_streak(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def muscle_recovery(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def concurrent_interference(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def heavy_count(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []


def too_few_easy_days(view: WeekView, metrics: Metrics) -> list[Finding]:
    """Placeholder."""
    return []
