"""Theme colours of the domain's words, shared by every widget and screen that shows them.

Theme variables, never fixed colours, so the dark and light themes both read well.
"""

from __future__ import annotations

from planner.findings import Risk, Severity
from planner.model import DayType, Kind

#: Text colour of each session kind (cards' borders use TCSS classes of the same names).
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
