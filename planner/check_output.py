"""Renderers for `planner check` (cli.md, version 2): a plan's report as text or as JSON.

Both read a `PlanReport` as the engine made it, thresholds included, and resolve
nothing again. `week` (1-based) restricts either to one week of the plan.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from planner.catalogue import (
    THRESHOLDS,
    WEEK_TYPE_WORDS,
    format_number,
    join_words,
    severity_counts,
)
from planner.report import (
    Finding,
    Metrics,
    PlanReport,
    Recovery,
    Risk,
    Severity,
    WeekReport,
    count_sentence,
)

if TYPE_CHECKING:
    from planner.planfile import PlanError

#: Decimals of every number in the JSON output (cli.md).
DECIMALS = 2
#: Sleep debt (hours a week) that makes recovery poor on its own (rules.md).
POOR_RECOVERY_SLEEP_DEBT = 7
#: Different overload-side rules with warnings that make a week's risk high (rules.md).
HIGH_RISK_RULES = 3

_INDENT = "    "
_TEXT_WIDTH = 100
_DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

JsonObject = dict[str, object]


# --- JSON --------------------------------------------------------------------------


def json_number(value: float | None) -> float | int | None:
    """A number for JSON: rounded to two decimals; integers, and numbers that round to
    whole ones, as integers (cli.md writes `"sleep_debt_hours": 0`)."""
    if value is None or isinstance(value, int):
        return value
    rounded = round(value, DECIMALS)
    return int(rounded) if rounded.is_integer() else rounded


def metrics_to_json(metrics: Metrics) -> JsonObject:
    """The `metrics` object of cli.md, keys in its order."""
    return {
        "daily_load": [json_number(load) for load in metrics.daily_load],
        "weekly_load": json_number(metrics.weekly_load),
        "planned_load": json_number(metrics.planned_load),
        "done_load": json_number(metrics.done_load),
        "compliance_pct": json_number(metrics.compliance_pct),
        "heavy_sessions": metrics.heavy_sessions,
        "easy_days": metrics.easy_days,
        "rest_days": metrics.rest_days,
        "monotony": json_number(metrics.monotony),
        "strain": json_number(metrics.strain),
        "acwr": json_number(metrics.acwr),
        "load_change_pct": json_number(metrics.load_change_pct),
        "sleep_debt_hours": json_number(metrics.sleep_debt_hours),
    }


def finding_to_json(finding: Finding) -> JsonObject:
    """One entry of `findings` in cli.md."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "week": finding.week,
        "days": list(finding.days),
        "message": finding.message,
        "advice": finding.advice,
        "accepted": finding.accepted,
        "reason": finding.reason,
    }


def week_to_json(week: WeekReport) -> JsonObject:
    """One entry of `weeks` in cli.md."""
    return {
        "week": week.week,
        "label": week.label,
        "type": week.type,
        "start": week.start,
        "risk": week.risk.value,
        "recovery": week.recovery.value,
        "metrics": metrics_to_json(week.metrics),
    }


def report_to_json(file: str, report: PlanReport, week: int | None = None) -> JsonObject:
    """The object `planner check --format json` prints for a valid file.

    `metrics` is the week's own for a one-week plan and null for a longer one; with
    `week`, the object keeps its shape and speaks of that week alone: its risk,
    recovery and metrics, `weeks` holding it and `findings` its findings.
    """
    metrics: JsonObject | None
    if week is not None:
        chosen = report.week(week)
        weeks: Sequence[WeekReport] = (chosen,)
        findings: Sequence[Finding] = chosen.findings
        risk, recovery, metrics = chosen.risk, chosen.recovery, metrics_to_json(chosen.metrics)
    else:
        weeks = report.weeks
        findings = report.findings
        risk, recovery = report.risk, report.recovery
        metrics = metrics_to_json(report.metrics) if report.single_week else None
    return {
        "file": file,
        "valid": True,
        "error": None,
        "errors": [],
        "risk": risk.value,
        "recovery": recovery.value,
        "metrics": metrics,
        "weeks": [week_to_json(entry) for entry in weeks],
        "findings": [finding_to_json(finding) for finding in findings],
    }


def invalid_to_json(file: str, error: PlanError) -> JsonObject:
    """The object for a file that is unreadable or not a valid plan: its first message
    (with file and line) and every problem as `{line, column, key, message}`."""
    from planner.planfile import problems_to_json

    first = error.problems[0].format(error.source) if error.problems else str(error)
    return {
        "file": file,
        "valid": False,
        "error": first,
        "errors": problems_to_json(error),
        "risk": None,
        "recovery": None,
        "metrics": None,
        "weeks": None,
        "findings": None,
    }


# --- words -------------------------------------------------------------------------


def _rule_ids(findings: Sequence[Finding]) -> list[str]:
    """The different rules of the findings, in their order."""
    return list(dict.fromkeys(finding.rule for finding in findings))


def _with_rules(counts: str, findings: Sequence[Finding]) -> str:
    return f"{counts} ({', '.join(_rule_ids(findings))})"


def risk_reason(week: WeekReport) -> str:
    """Why a week's overload risk is what it is: the findings that count toward it."""
    counting = week.risk_findings
    if not counting:
        return "no critical finding or warning on the load and its spacing"
    reason = _with_rules(count_sentence(counting), counting)
    raised = (
        week.risk is Risk.high
        and week.recovery is Recovery.poor
        and not any(f.severity is Severity.critical for f in counting)
        and len(_rule_ids(counting)) < HIGH_RISK_RULES
    )
    if raised:
        reason += ", raised from moderate by poor recovery"
    return reason


def recovery_reason(week: WeekReport) -> str:
    """Why a week's recovery is what it is: the recovery-side findings and sleep debt."""
    counting = week.recovery_findings
    parts = []
    if counting:
        criticals = sum(1 for f in counting if f.severity is Severity.critical)
        warnings = sum(1 for f in counting if f.severity is Severity.warning)
        infos = len(counting) - criticals - warnings
        parts.append(_with_rules(severity_counts(criticals, warnings, infos), counting))
    debt = week.metrics.sleep_debt_hours
    if debt >= POOR_RECOVERY_SLEEP_DEBT:
        parts.append(f"a sleep debt of {format_number(round(debt, DECIMALS))} h")
    if not parts:
        return "no sleep, nutrition or movement finding"
    return join_words(parts)


def _worst(numbers: list[int]) -> str:
    """ "week 2, the worst week", "weeks 1 and 3, the worst weeks"."""
    if len(numbers) == 1:
        return f"week {numbers[0]}, the worst week"
    return "weeks " + join_words([str(number) for number in numbers]) + ", the worst weeks"


def date_range(start: str | None) -> str | None:
    """A week's dates: "7-13 Dec 2026", "30 Nov-6 Dec 2026" or "28 Dec 2026-3 Jan 2027";
    None without a start."""
    if start is None:
        return None
    monday = dt.date.fromisoformat(start)
    sunday = monday + dt.timedelta(days=6)
    if monday.year != sunday.year:
        return f"{monday.day} {monday:%b %Y}-{sunday.day} {sunday:%b %Y}"
    if monday.month != sunday.month:
        return f"{monday.day} {monday:%b}-{sunday.day} {sunday:%b %Y}"
    return f"{monday.day}-{sunday.day} {sunday:%b %Y}"


def week_heading(week: WeekReport, total: int) -> str:
    """A week's heading: "week 2 of 4 · Build 2 · 7-13 Dec 2026" (its type too, when it
    is not build)."""
    parts = [f"week {week.week} of {total}"]
    if week.label:
        parts.append(week.label)
    if week.type != "build":
        parts.append(WEEK_TYPE_WORDS.get(week.type, week.type))
    dates = date_range(week.start)
    if dates:
        parts.append(dates)
    return " · ".join(parts)


# --- text --------------------------------------------------------------------------


def _limit(report: PlanReport, key: str) -> str:
    """A threshold as the rules used it on this plan, with its unit ("48 h", "10 %")."""
    return THRESHOLDS[key].format(report.thresholds.get(key))


def _value(value: float | None, missing: str, unit: str = "") -> str:
    if value is None:
        return f"not computed ({missing})"
    shown = format_number(round(value, DECIMALS))
    return f"{shown} {unit}" if unit else shown


def metric_rows(report: PlanReport, metrics: Metrics) -> list[tuple[str, str]]:
    """(name, value with its thresholds) for each metric of a week, in cli.md's order."""
    daily = "  ".join(
        f"{day} {load}" for day, load in zip(_DAY_ABBREVIATIONS, metrics.daily_load, strict=True)
    )
    change = metrics.load_change_pct
    change_text = (
        _value(None, "needs weekly loads in [history] or an earlier week")
        if change is None
        else f"{change:+.{DECIMALS}f} %"
    )
    return [
        ("daily load", daily),
        ("weekly load", f"{metrics.weekly_load} AU"),
        ("planned load", f"{metrics.planned_load} AU"),
        ("done load", _value(metrics.done_load, "nothing logged yet", "AU")),
        ("compliance", _value(metrics.compliance_pct, "nothing planned logged yet", "%")),
        (
            "heavy sessions",
            f"{metrics.heavy_sessions} (at most {_limit(report, 'max_heavy_sessions')}; "
            f"easy movement needed from {_limit(report, 'active_recovery_from_heavy')})",
        ),
        ("easy days", f"{metrics.easy_days} (at least {_limit(report, 'min_easy_days')})"),
        ("rest days", str(metrics.rest_days)),
        (
            "monotony",
            f"{_value(metrics.monotony, 'every day carries the same load')} (info above "
            f"{_limit(report, 'monotony_info')}, warning above {_limit(report, 'monotony_max')})",
        ),
        ("strain", _value(metrics.strain, "needs monotony")),
        (
            "acwr",
            f"{_value(metrics.acwr, 'needs 3 weeks of history')} (info under "
            f"{_limit(report, 'acwr_low')} or above {_limit(report, 'acwr_caution')}, "
            f"high above {_limit(report, 'acwr_high')})",
        ),
        (
            "load change",
            f"{change_text} (info above {_limit(report, 'load_change_info_pct')}, "
            f"warning above {_limit(report, 'load_change_max_pct')})",
        ),
        (
            "sleep debt",
            f"{_value(metrics.sleep_debt_hours, '', 'h')} (nights under "
            f"{_limit(report, 'sleep_min_hours')}; recovery poor from "
            f"{POOR_RECOVERY_SLEEP_DEBT} h)",
        ),
    ]


def finding_where(finding: Finding) -> str:
    """Where a finding is: "week 2: thu, fri", "week 1" (the week as a whole), or "plan"
    for one that belongs to no week."""
    days = ", ".join(finding.days)
    if finding.week is None:
        return days or "plan"
    return f"week {finding.week}: {days}" if days else f"week {finding.week}"


def finding_lines(file: str, finding: Finding) -> list[str]:
    """`FILE: SEVERITY rule-id [week N: days]: message`, then (indented) the reason it
    was accepted, its advice, and its source and evidence."""
    lines = [
        f"{file}: {finding.severity.value} {finding.rule} [{finding_where(finding)}]: "
        f"{finding.message}"
    ]
    if finding.accepted:
        lines.append(f"{_INDENT}accepted: {finding.reason or 'no reason given'}")
    if finding.advice:
        lines.append(
            textwrap.fill(
                finding.advice,
                width=_TEXT_WIDTH,
                initial_indent=_INDENT,
                subsequent_indent=_INDENT,
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    info = finding.info
    lines.append(f"{_INDENT}source: {info.source}; evidence: {info.evidence.value}")
    return lines


def _metric_lines(report: PlanReport, metrics: Metrics, indent: str) -> list[str]:
    rows = metric_rows(report, metrics)
    width = max(len(name) for name, _ in rows)
    return [f"{indent}{name.ljust(width)}  {value}" for name, value in rows]


def _words_lines(file: str, report: PlanReport, weeks: Sequence[WeekReport]) -> list[str]:
    """The plan's two words, saying which findings (or weeks) make each what it is."""
    if len(weeks) == 1:
        week = weeks[0]
        return [
            f"{file}: overload risk {week.risk.value.upper()}: {risk_reason(week)}",
            f"{file}: recovery {week.recovery.value.upper()}: {recovery_reason(week)}",
        ]
    risky = [w.week for w in weeks if w.risk is report.risk]
    poor = [w.week for w in weeks if w.recovery is report.recovery]
    risk_why = (
        "no critical finding or warning on the load and its spacing in any week"
        if report.risk is Risk.low
        else f"from {_worst(risky)}"
    )
    recovery_why = (
        "no sleep, nutrition or movement finding in any week"
        if report.recovery is Recovery.good
        else f"from {_worst(poor)}"
    )
    return [
        f"{file}: overload risk {report.risk.value.upper()}: {risk_why}",
        f"{file}: recovery {report.recovery.value.upper()}: {recovery_why}",
    ]


def report_to_text(file: str, report: PlanReport, week: int | None = None) -> str:
    """The block `planner check` prints for one file.

    First the overload risk and recovery with what makes them so; then each week (with
    a heading when the plan has several) with its metrics against their thresholds and
    its findings, `FILE: SEVERITY rule-id [week N: days]: message` with the advice,
    source and evidence indented below; accepted findings come last, with their reason.
    With `week`, only that week is shown and the words are that week's.
    """
    weeks = report.weeks if week is None else (report.week(week),)
    lines = _words_lines(file, report, weeks)
    several = len(report.weeks) > 1
    accepted: list[Finding] = []
    for entry in weeks:
        if several:
            lines.append(f"{file}: {week_heading(entry, len(report.weeks))}")
            lines.append(f"  overload risk {entry.risk.value.upper()}: {risk_reason(entry)}")
            lines.append(f"  recovery {entry.recovery.value.upper()}: {recovery_reason(entry)}")
        lines += _metric_lines(report, entry.metrics, "  ")
        for finding in entry.findings:
            if finding.accepted:
                accepted.append(finding)
            else:
                lines += finding_lines(file, finding)
    if not any(entry.findings for entry in weeks):
        lines.append(f"{file}: no findings")
    if accepted:
        lines.append(f"{file}: accepted on purpose (shown, not counted):")
        for finding in accepted:
            lines += finding_lines(file, finding)
    return "\n".join(lines)


def fails(report: PlanReport, fail_on: Severity, week: int | None = None) -> bool:
    """Does a finding that is not accepted reach `fail_on` (in `week` when given)?"""
    findings = report.findings if week is None else report.week(week).findings
    return any(f.counts and f.severity.rank >= fail_on.rank for f in findings)
