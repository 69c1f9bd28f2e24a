"""What the engine says about a plan: findings, metrics, both words and thresholds.

One value per week (`WeekReport`) and one for the plan (`PlanReport`); every face
(the editor, `planner check`, the Markdown export) reads these and resolves nothing
again.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from planner.catalogue import RULES_BY_ID, Group, RuleInfo, severity_counts

DAY_ORDER: dict[str, int] = {
    key: index for index, key in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
}


class Severity(StrEnum):
    """How much a finding matters; ordered info < warning < critical."""

    info = "info"
    warning = "warning"
    critical = "critical"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for critical."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.info: 0, Severity.warning: 1, Severity.critical: 2}


class Risk(StrEnum):
    """The overload risk of a week or plan."""

    low = "low"
    moderate = "moderate"
    high = "high"

    @property
    def rank(self) -> int:
        """0 for low, 1 for moderate, 2 for high."""
        return ("low", "moderate", "high").index(self.value)


class Recovery(StrEnum):
    """How well a week supports recovery: sleep, food, easy movement."""

    good = "good"
    fair = "fair"
    poor = "poor"

    @property
    def rank(self) -> int:
        """0 for good, 1 for fair, 2 for poor."""
        return ("good", "fair", "poor").index(self.value)


class Finding(NamedTuple):
    """One thing a rule found in a plan, with what to do about it."""

    rule: str
    severity: Severity
    #: The 1-based week the finding belongs to; None only for a plan-wide finding.
    week: int | None
    #: Day keys it concerns, Monday first, each once (empty: the week as a whole).
    days: tuple[str, ...]
    message: str
    advice: str
    accepted: bool = False
    #: The `[[accepted]]` reason when accepted.
    reason: str | None = None

    @property
    def info(self) -> RuleInfo:
        """The catalogue entry of the rule that made this finding."""
        return RULES_BY_ID[self.rule]

    @property
    def group(self) -> Group:
        """The rule's group."""
        return RULES_BY_ID[self.rule].group

    @property
    def counts(self) -> bool:
        """False for an accepted finding: it is shown, counted nowhere."""
        return not self.accepted

    @property
    def raises_risk(self) -> bool:
        """A counting warning or critical on the overload side (spacing, load, block)."""
        return (
            not self.accepted
            and self.severity is not Severity.info
            and RULES_BY_ID[self.rule].overload_side
        )

    def sort_key(self) -> tuple[int, int, int, int, str, str]:
        """Accepted last; then most severe first, by week, first day, rule and message."""
        first_day = DAY_ORDER[self.days[0]] if self.days else 7
        return (
            int(self.accepted),
            -self.severity.rank,
            self.week or 0,
            first_day,
            self.rule,
            self.message,
        )


class Metrics(NamedTuple):
    """A week's numbers, as rules.md defines them; None where undefined."""

    daily_load: tuple[int, ...]
    weekly_load: int
    planned_load: int
    done_load: int | None
    compliance_pct: float | None
    heavy_sessions: int
    easy_days: int
    rest_days: int
    monotony: float | None
    strain: float | None
    acwr: float | None
    load_change_pct: float | None
    sleep_debt_hours: float
    #: The planned daily loads (logged values ignored, extras excluded), for the chart.
    planned_daily_load: tuple[int, ...] = ()
    #: The planned load of the logged sessions that are not extra (compliance's base).
    logged_planned_load: int = 0


class WeekReport(NamedTuple):
    """Everything the engine says about one week."""

    week: int
    label: str | None
    type: str
    start: str | None
    metrics: Metrics
    findings: tuple[Finding, ...]
    risk: Risk
    recovery: Recovery

    @property
    def risk_findings(self) -> tuple[Finding, ...]:
        """The findings that make the risk what it is."""
        return tuple(f for f in self.findings if f.raises_risk)

    @property
    def recovery_findings(self) -> tuple[Finding, ...]:
        """The counting recovery-side findings that make the recovery word."""
        return tuple(f for f in self.findings if f.counts and f.info.recovery_side)

    @property
    def title(self) -> str:
        """ "Build 2" or "week 2"."""
        return self.label or f"week {self.week}"


class PlanReport(NamedTuple):
    """Everything the engine says about a plan: per week, and the worst of them."""

    weeks: tuple[WeekReport, ...]
    #: Every finding of every week, accepted ones last.
    findings: tuple[Finding, ...]
    risk: Risk
    recovery: Recovery
    #: Every threshold the rules used (overrides applied, the heavy-session limit
    #: resolved by level), so each face shows a metric against its limit as is.
    thresholds: Mapping[str, float] = MappingProxyType({})
    planned_load: int = 0
    done_load: int | None = None
    compliance_pct: float | None = None

    @property
    def single_week(self) -> bool:
        """True for a plan of one week."""
        return len(self.weeks) == 1

    @property
    def metrics(self) -> Metrics:
        """The first week's metrics (the week itself, for a one-week plan)."""
        return self.weeks[0].metrics

    def week(self, number: int) -> WeekReport:
        """The report of a week by its 1-based number."""
        return self.weeks[number - 1]


def count_sentence(findings: tuple[Finding, ...] | list[Finding]) -> str:
    """ "2 critical and 3 warnings" over the counting findings given."""
    criticals = sum(1 for f in findings if f.severity is Severity.critical)
    warnings = sum(1 for f in findings if f.severity is Severity.warning)
    return severity_counts(criticals, warnings)
