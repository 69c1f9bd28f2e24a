"""Renderers for `planner check`: a report as the JSON object of cli.md, or as text."""

from __future__ import annotations

import textwrap

from planner.findings import Finding, Metrics, Report, Severity
from planner.rules.catalogue import THRESHOLDS

#: Decimals of every number in the JSON output (cli.md).
DECIMALS = 2

_ADVICE_INDENT = "    "
_TEXT_WIDTH = 100


def _number(value: float | None) -> float | int | None:
    """A metric for JSON: rounded to two decimals; integers stay integers."""
    if value is None or isinstance(value, int):
        return value
    return round(value, DECIMALS)


def metrics_to_json(metrics: Metrics) -> dict[str, object]:
    """The `metrics` object of cli.md, keys in its order."""
    return {
        "daily_load": [_number(load) for load in metrics.daily_load],
        "weekly_load": _number(metrics.weekly_load),
        "heavy_sessions": metrics.heavy_sessions,
        "easy_days": metrics.easy_days,
        "rest_days": metrics.rest_days,
        "monotony": _number(metrics.monotony),
        "strain": _number(metrics.strain),
        "acwr": _number(metrics.acwr),
        "load_change_pct": _number(metrics.load_change_pct),
    }


def finding_to_json(finding: Finding) -> dict[str, object]:
    """One entry of `findings` in cli.md."""
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "days": list(finding.days),
        "message": finding.message,
        "advice": finding.advice,
    }


def report_to_json(file: str, report: Report | None, error: str | None) -> dict[str, object]:
    """The object `planner check --format json` prints for one file; without a report
    the file is invalid and `error` says why."""
    if report is None:
        return {
            "file": file,
            "valid": False,
            "error": error,
            "risk": None,
            "metrics": None,
            "findings": None,
        }
    return {
        "file": file,
        "valid": True,
        "error": None,
        "risk": report.risk.value,
        "metrics": metrics_to_json(report.metrics),
        "findings": [finding_to_json(finding) for finding in report.findings],
    }


# --- text --------------------------------------------------------------------------


def _limit(report: Report, key: str) -> str:
    """A threshold as the plan has it, with its unit ("48 h", "2", "10 %")."""
    threshold = THRESHOLDS[key]
    value = report.thresholds.get(key, threshold.default)
    return threshold.format(value)


def _value(value: float | None, missing: str) -> str:
    if value is None:
        return f"not computed ({missing})"
    if isinstance(value, int):
        return str(value)
    return f"{value:.{DECIMALS}f}"


def _metric_lines(report: Report) -> list[tuple[str, str]]:
    metrics = report.metrics
    days = "  ".join(
        f"{day} {load}"
        for day, load in zip(
            ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), metrics.daily_load, strict=True
        )
    )
    change = metrics.load_change_pct
    change_text = (
        _value(None, "needs last week's load in [history]")
        if change is None
        else f"{change:+.{DECIMALS}f} %"
    )
    return [
        ("daily load", days),
        ("weekly load", f"{metrics.weekly_load} AU"),
        (
            "heavy sessions",
            f"{metrics.heavy_sessions} (active recovery needed from "
            f"{_limit(report, 'active_recovery_from_heavy')}; at most "
            f"{_limit(report, 'max_heavy_days')} heavy)",
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
            f"warning above {_limit(report, 'acwr_high')})",
        ),
        (
            "load change",
            f"{change_text} (info above {_limit(report, 'load_change_info_pct')}, "
            f"warning above {_limit(report, 'load_change_max_pct')})",
        ),
    ]


def _risk_line(file: str, report: Report) -> str:
    counting = report.risk_findings
    criticals = sum(1 for f in counting if f.severity is Severity.critical)
    warnings = len(counting) - criticals
    parts = []
    if criticals:
        parts.append(f"{criticals} critical")
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    why = f" ({' and '.join(parts)} count toward it)" if parts else ""
    return f"{file}: overload risk {report.risk.value.upper()}{why}"


def report_to_text(file: str, report: Report) -> str:
    """The block `planner check` prints for one file: the overload risk, the metrics with
    their thresholds, then each finding as `FILE: SEVERITY rule-id [days]: message` with
    its advice, source and evidence level indented below it."""
    lines = [_risk_line(file, report)]
    rows = _metric_lines(report)
    width = max(len(name) for name, _ in rows)
    lines += [f"  {name.ljust(width)}  {value}" for name, value in rows]
    if not report.findings:
        lines.append(f"{file}: no findings")
    for finding in report.findings:
        days = ", ".join(finding.days) if finding.days else "week"
        lines.append(f"{file}: {finding.severity.value} {finding.rule} [{days}]: {finding.message}")
        lines.append(
            textwrap.fill(
                finding.advice,
                width=_TEXT_WIDTH,
                initial_indent=_ADVICE_INDENT,
                subsequent_indent=_ADVICE_INDENT,
                break_on_hyphens=False,
            )
        )
        info = finding.info
        lines.append(f"{_ADVICE_INDENT}source: {info.source}; evidence: {info.evidence.value}")
    return "\n".join(lines)
