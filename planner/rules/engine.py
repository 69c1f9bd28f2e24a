"""The rules engine: judges every week of a plan with its history, and sums the
findings up as the two words of rules.md, overload risk and recovery."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from planner.catalogue import CATALOGUE, MAX_HEAVY_SESSIONS_BY_LEVEL, THRESHOLDS
from planner.model import Plan
from planner.report import Finding, Metrics, PlanReport, Recovery, Risk, Severity, WeekReport
from planner.rules import block, load, movement, nutrition, sleep, spacing
from planner.rules import input as input_rules
from planner.rules.context import Timeline, WeekView, build_timeline
from planner.rules.metrics import compute_metrics

#: A rule: a pure function of one week (with its history) and its metrics.
RuleFunction = Callable[[WeekView, Metrics], list[Finding]]

#: Every rule of the catalogue but `unused-acceptance` (the engine's own), in order.
RULES: dict[str, RuleFunction] = {
    "back-to-back-heavy": spacing.back_to_back_heavy,
    "heavy-streak": spacing.heavy_streak,
    "muscle-recovery": spacing.muscle_recovery,
    "concurrent-interference": spacing.concurrent_interference,
    "heavy-count": spacing.heavy_count,
    "too-few-easy-days": spacing.too_few_easy_days,
    "monotony": load.monotony,
    "load-change": load.load_change,
    "acwr": load.acwr,
    "session-spike": load.session_spike,
    "deload-due": block.deload_due,
    "deload-not-lighter": block.deload_not_lighter,
    "taper-missing": block.taper_missing,
    "short-sleep": sleep.short_sleep,
    "irregular-sleep": sleep.irregular_sleep,
    "late-hard-session": sleep.late_hard_session,
    "protein-spread": nutrition.protein_spread,
    "glycogen-refill": nutrition.glycogen_refill,
    "no-active-recovery": movement.no_active_recovery,
    "intensity-mismatch": input_rules.intensity_mismatch,
}

#: The rule ids of each side (rules.md: overload from spacing, load and block; recovery
#: from sleep, nutrition and movement).
_OVERLOAD_RULES = frozenset(rule.id for rule in CATALOGUE if rule.overload_side)
_RECOVERY_RULES = frozenset(rule.id for rule in CATALOGUE if rule.recovery_side)

#: Different overload-side rules with warnings that make a week's risk high.
HIGH_RISK_RULES = 3
#: Different recovery-side rules that make a week's recovery poor.
POOR_RECOVERY_RULES = 3
#: Sleep debt (hours a week) that makes recovery poor on its own.
POOR_RECOVERY_SLEEP_DEBT = 7


#: Every threshold's catalogue default, in catalogue order (the heavy-session limit,
#: which has none, is resolved per plan by level).
_DEFAULTS: dict[str, float] = {
    key: 0 if threshold.default is None else threshold.default
    for key, threshold in THRESHOLDS.items()
}


def thresholds_of(plan: Plan) -> dict[str, float]:
    """Every threshold the rules use on this plan, its overrides applied and the
    heavy-session limit resolved by level when the plan does not set it."""
    resolved = dict(_DEFAULTS)
    resolved["max_heavy_sessions"] = MAX_HEAVY_SESSIONS_BY_LEVEL[plan.plan.level]
    rules = plan.rules
    # Only the keys the plan sets can differ from the defaults (every field is None
    # unless set), so look at those alone.
    for key in rules.model_fields_set:
        if key in THRESHOLDS:
            value = getattr(rules, key)
            if value is not None:
                resolved[key] = value
    return resolved


def week_views(timeline: Timeline) -> list[WeekView]:
    """Each week of the timeline with its history: `[history]`, then earlier weeks."""
    plan = timeline.plan
    history = tuple(plan.history.weekly_loads)
    types: tuple[str | None, ...] = (None,) * len(history)
    views = []
    for index, week in enumerate(plan.week_list):
        views.append(WeekView(timeline, index, history, types))
        history = (*history, float(timeline.week_loads[index]))
        types = (*types, week.type.value)
    return views


def evaluate(plan: Plan) -> PlanReport:
    """Metrics, findings and both words of every week, and of the plan."""
    thresholds = thresholds_of(plan)
    timeline = build_timeline(plan, thresholds)
    disabled = set(plan.rules.disabled)
    rules = [rule for rule_id, rule in RULES.items() if rule_id not in disabled]
    accepted = plan.accepted
    used: set[int] = set()
    weeks: list[WeekReport] = []
    for view in week_views(timeline):
        metrics = compute_metrics(view)
        findings: list[Finding] = []
        for rule in rules:
            findings.extend(rule(view, metrics))
        if accepted:
            findings = [_accept(plan, finding, used) for finding in findings]
        weeks.append(_week_report(view, metrics, findings))
    if "unused-acceptance" not in disabled:
        weeks = _add_unused(plan, weeks, used)
    return _plan_report(weeks, thresholds)


def _accept(plan: Plan, finding: Finding, used: set[int]) -> Finding:
    """The finding marked accepted when an `[[accepted]]` entry matches it."""
    for position, entry in enumerate(plan.accepted):
        if entry.matches(finding.rule, finding.week, finding.days):
            used.add(position)
            return Finding(
                rule=finding.rule,
                severity=finding.severity,
                week=finding.week,
                days=finding.days,
                message=finding.message,
                advice=finding.advice,
                accepted=True,
                reason=entry.reason,
            )
    return finding


def _add_unused(plan: Plan, weeks: list[WeekReport], used: set[int]) -> list[WeekReport]:
    """An `unused-acceptance` info for every `[[accepted]]` entry that matched nothing,
    filed under its week (or week 1 when it names none or a week the plan lacks)."""
    extra: dict[int, list[Finding]] = {}
    for position, entry in enumerate(plan.accepted):
        if position in used:
            continue
        where = f"week {entry.week}" if entry.week is not None else "any week"
        days = f" on {', '.join(entry.days)}" if entry.days else ""
        finding = Finding(
            rule="unused-acceptance",
            severity=Severity.info,
            week=entry.week,
            days=(),
            message=f"The accepted `{entry.rule}` ({where}{days}) matches no finding: "
            "the plan has changed since it was accepted.",
            advice="Remove the [[accepted]] entry, or change its week or days to the "
            "finding you mean to accept, so an acceptance never hides a new finding.",
        )
        index = entry.week - 1 if entry.week is not None and entry.week <= len(weeks) else 0
        extra.setdefault(index, []).append(finding)
    if not extra:
        return weeks
    result = []
    for index, report in enumerate(weeks):
        if index in extra:
            findings = sorted((*report.findings, *extra[index]), key=Finding.sort_key)
            report = WeekReport(
                week=report.week,
                label=report.label,
                type=report.type,
                start=report.start,
                metrics=report.metrics,
                findings=tuple(findings),
                risk=report.risk,
                recovery=report.recovery,
            )
        result.append(report)
    return result


def _week_report(view: WeekView, metrics: Metrics, findings: list[Finding]) -> WeekReport:
    findings.sort(key=Finding.sort_key)
    recovery = recovery_of(findings, metrics.sleep_debt_hours)
    monday = view.plan.week_start(view.index)
    return WeekReport(
        week=view.number,
        label=view.week.label,
        type=view.week.type.value,
        start=None if monday is None else monday.isoformat(),
        metrics=metrics,
        findings=tuple(findings),
        risk=risk_of(findings, recovery),
        recovery=recovery,
    )


def recovery_of(findings: Iterable[Finding], sleep_debt_hours: float) -> Recovery:
    """rules.md: good with no recovery-side rule firing, fair with one or two different
    rules, poor with three or more or a sleep debt of 7 h or more."""
    rules = {f.rule for f in findings if not f.accepted and f.rule in _RECOVERY_RULES}
    if len(rules) >= POOR_RECOVERY_RULES or sleep_debt_hours >= POOR_RECOVERY_SLEEP_DEBT:
        return Recovery.poor
    return Recovery.fair if rules else Recovery.good


def risk_of(findings: Iterable[Finding], recovery: Recovery) -> Risk:
    """rules.md: high with a critical finding, warnings from three or more different
    overload-side rules, or a moderate week on poor recovery; moderate with warnings
    from one or two rules; low otherwise. Each rule counts once; accepted findings and
    infos never count."""
    warned: set[str] = set()
    for finding in findings:
        # Finding.raises_risk, with the rule's side looked up in a set
        if (
            finding.accepted
            or finding.severity is Severity.info
            or finding.rule not in _OVERLOAD_RULES
        ):
            continue
        if finding.severity is Severity.critical:
            return Risk.high
        warned.add(finding.rule)
    if len(warned) >= HIGH_RISK_RULES:
        return Risk.high
    if warned:
        return Risk.high if recovery is Recovery.poor else Risk.moderate
    return Risk.low


def _plan_report(weeks: list[WeekReport], thresholds: dict[str, float]) -> PlanReport:
    findings = sorted((f for week in weeks for f in week.findings), key=Finding.sort_key)
    done = [w.metrics.done_load for w in weeks if w.metrics.done_load is not None]
    compared = sum(w.metrics.logged_planned_load for w in weeks)
    done_load = sum(done) if done else None
    return PlanReport(
        weeks=tuple(weeks),
        findings=tuple(findings),
        risk=max((w.risk for w in weeks), key=lambda risk: risk.rank),
        recovery=max((w.recovery for w in weeks), key=lambda word: word.rank),
        thresholds=thresholds,
        planned_load=sum(w.metrics.planned_load for w in weeks),
        done_load=done_load,
        compliance_pct=(100 * done_load / compared) if done_load is not None and compared else None,
    )
