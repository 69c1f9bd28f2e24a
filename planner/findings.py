"""The values the rules engine hands out: findings, metrics, risk and the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from planner.model import DAY_KEYS
from planner.rules.catalogue import RISK_GROUPS, RULES_BY_ID, Group, RuleInfo


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
    """The week's overload risk."""

    low = "low"
    moderate = "moderate"
    high = "high"


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a rule found in a plan, with what to do about it."""

    rule: str
    severity: Severity
    days: tuple[str, ...]
    message: str
    advice: str

    @property
    def info(self) -> RuleInfo:
        """The catalogue entry of the rule that made this finding."""
        return RULES_BY_ID[self.rule]

    @property
    def group(self) -> Group:
        """The rule's group (spacing, load, sleep, nutrition, input)."""
        return RULES_BY_ID[self.rule].group

    @property
    def raises_risk(self) -> bool:
        """True for warnings and criticals in the spacing, load and sleep groups."""
        return self.severity is not Severity.info and self.group in RISK_GROUPS

    def sort_key(self) -> tuple[int, int, str, str]:
        """Most severe first, then by first day in week order, then by rule and message."""
        first_day = DAY_KEYS.index(self.days[0]) if self.days else len(DAY_KEYS)
        return (-self.severity.rank, first_day, self.rule, self.message)


@dataclass(frozen=True, slots=True)
class Metrics:
    """The week's numbers, as rules.md defines them; None where undefined."""

    daily_load: tuple[int, ...]
    weekly_load: int
    heavy_sessions: int
    easy_days: int
    rest_days: int
    monotony: float | None
    strain: float | None
    acwr: float | None
    load_change_pct: float | None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the engine says about one plan."""

    metrics: Metrics
    findings: tuple[Finding, ...]
    risk: Risk
    #: The thresholds the rules used on this plan (overrides applied, `max_heavy_days`
    #: resolved by level), so a report can show each metric against its limit.
    thresholds: Mapping[str, float] = field(default_factory=dict, hash=False)

    @property
    def risk_findings(self) -> tuple[Finding, ...]:
        """The findings that make the risk what it is (warnings and criticals that count)."""
        return tuple(f for f in self.findings if f.raises_risk)
