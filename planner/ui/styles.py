"""Theme colours of the domain's words, shared by every widget and screen that shows them.

Theme variables, never fixed colours, so every built-in theme reads well, the ANSI
ones included: text colours are the `$text-*` variables, which Textual derives to be
readable on the theme's own background.
"""

from __future__ import annotations

from planner.model import DayType, Kind
from planner.report import Recovery, Risk, Severity

#: Text colour of each session kind.
KIND_STYLES: dict[Kind, str] = {
    Kind.heavy: "$text-error",
    Kind.moderate: "$text-warning",
    Kind.light: "$text-primary",
    Kind.active_recovery: "$text-success",
}

#: Text colour of each day type.
DAY_TYPE_STYLES: dict[DayType, str] = {
    DayType.heavy: "$text-error",
    DayType.moderate: "$text-warning",
    DayType.recovery: "$text-success",
    DayType.rest: "$text-muted",
}

#: Colour of a day's load bar in the chart, by day type value.
BAR_STYLES: dict[str, str] = {
    DayType.heavy.value: "$text-error",
    DayType.moderate.value: "$text-warning",
    DayType.recovery.value: "$text-success",
    DayType.rest.value: "$text-success",
}

#: Text colour of each severity.
SEVERITY_STYLES: dict[Severity, str] = {
    Severity.critical: "$text-error bold",
    Severity.warning: "$text-warning bold",
    Severity.info: "$text-primary bold",
}

#: Text colour of each risk level.
RISK_STYLES: dict[Risk, str] = {
    Risk.low: "$text-success",
    Risk.moderate: "$text-warning",
    Risk.high: "$text-error",
}

#: Text colour of each recovery word.
RECOVERY_STYLES: dict[Recovery, str] = {
    Recovery.good: "$text-success",
    Recovery.fair: "$text-warning",
    Recovery.poor: "$text-error",
}


def compliance_style(compliance_pct: float | None, skipped: bool) -> str:
    """plan-format.md: green within 80-120 %, amber at 50-79 % or 121-150 %, red
    otherwise or skipped."""
    if skipped or compliance_pct is None:
        return "$text-error" if skipped else "$foreground-muted"
    if 80 <= compliance_pct <= 120:
        return "$text-success"
    if 50 <= compliance_pct < 80 or 120 < compliance_pct <= 150:
        return "$text-warning"
    return "$text-error"
