"""The rules engine: runs every enabled rule on a plan and sums the findings up as a risk."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from planner.findings import Finding, Metrics, Report, Risk, Severity
from planner.model import Plan
from planner.rules import input as input_rules
from planner.rules import load, nutrition, sleep, spacing
from planner.rules.catalogue import MAX_HEAVY_DAYS_BY_LEVEL, THRESHOLDS
from planner.rules.metrics import compute_metrics

#: A rule: a pure function of the plan (and its metrics) that returns its findings.
RuleFunction = Callable[[Plan, Metrics], list[Finding]]

#: Every rule of the catalogue, by id, in catalogue order.
RULES: dict[str, RuleFunction] = {
    "back-to-back-heavy": spacing.back_to_back_heavy,
    "heavy-streak": spacing.heavy_streak,
    "muscle-recovery": spacing.muscle_recovery,
    "heavy-count": spacing.heavy_count,
    "too-few-easy-days": spacing.too_few_easy_days,
    "no-active-recovery": spacing.no_active_recovery,
    "monotony": load.monotony,
    "load-change": load.load_change,
    "acwr": load.acwr,
    "session-spike": load.session_spike,
    "short-sleep": sleep.short_sleep,
    "irregular-bedtime": sleep.irregular_bedtime,
    "late-hard-session": sleep.late_hard_session,
    "protein-spread": nutrition.protein_spread,
    "glycogen-refill": nutrition.glycogen_refill,
    "intensity-mismatch": input_rules.intensity_mismatch,
}

#: Warnings in the risk groups that make the risk high on their own.
HIGH_RISK_WARNINGS = 3


def evaluate(plan: Plan) -> Report:
    """Metrics, findings (most severe first, in a fixed order) and overload risk of a plan."""
    metrics = compute_metrics(plan)
    disabled = plan.rules.disabled
    findings: list[Finding] = []
    for rule_id, rule in RULES.items():
        if rule_id not in disabled:
            findings.extend(rule(plan, metrics))
    findings.sort(key=Finding.sort_key)
    return Report(
        metrics=metrics,
        findings=tuple(findings),
        risk=risk_of(findings),
        thresholds=thresholds_of(plan),
    )


def risk_of(findings: Iterable[Finding]) -> Risk:
    """The overload risk of rules.md: high with any critical finding or three or more
    warnings in the spacing, load and sleep groups together; moderate with at least one
    such warning; low otherwise. Nutrition and input findings never raise it."""
    warnings = 0
    for finding in findings:
        if not finding.raises_risk:
            continue
        if finding.severity is Severity.critical:
            return Risk.high
        warnings += 1
    if warnings >= HIGH_RISK_WARNINGS:
        return Risk.high
    return Risk.moderate if warnings else Risk.low


def thresholds_of(plan: Plan) -> dict[str, float]:
    """Every threshold the rules use on this plan, its overrides applied and
    `max_heavy_days` resolved by level when the plan does not set it."""
    resolved: dict[str, float] = {}
    for key in THRESHOLDS:
        value = plan.rules.threshold(key)
        if value is None:  # only max_heavy_days has no fixed default
            value = MAX_HEAVY_DAYS_BY_LEVEL[plan.plan.level.value]
        resolved[key] = value
    return resolved
