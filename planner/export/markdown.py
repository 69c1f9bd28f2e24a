"""The week plan as Markdown: a week table, the metrics, the overload risk and the findings.

For sharing or printing. The output is CommonMark with GitHub's table extension; every
piece of user text is escaped, so a title such as `a | b` or a note with line breaks
cannot break the table or turn into formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planner.findings import Finding, Report, Severity
from planner.model import DAY_KEYS, DAY_NAMES, Plan, Session
from planner.rules.catalogue import MAX_HEAVY_DAYS_BY_LEVEL, THRESHOLDS

#: Characters that can start Markdown formatting inline (a backslash escapes each).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
#: An `&` that would start an HTML entity such as `&amp;` or `&#42;`.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: Line starts that Markdown would read as a list item, a rule or a heading underline.
_LINE_MARKER = re.compile(r"^([-+](?=\s|$)|[-=](?=[-=\s]*$))")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")

_DECIMALS = 2


def escape_inline(text: str) -> str:
    """Text escaped so Markdown shows it literally within a line."""
    return _ENTITY.sub("&amp;", _INLINE_SPECIAL.sub(r"\\\1", text))


def escape_lines(text: str) -> list[str]:
    """Text escaped line by line, each line stripped and kept from starting a block
    (a list item, a heading underline, an indented code block)."""
    lines = []
    for line in _LINE_BREAKS.split(text):
        escaped = _LINE_MARKER.sub(r"\\\1", escape_inline(line.strip()))
        lines.append(_LIST_NUMBER.sub(r"\1\\\2", escaped))
    return lines


def escape_cell(text: str) -> str:
    """Text escaped for one cell of a Markdown table: pipes escaped, line breaks as <br>."""
    lines = [escape_inline(line.strip()) for line in _LINE_BREAKS.split(text)]
    return "<br>".join(line for line in lines if line)


def _block(text: str, indent: str = "") -> str:
    """Multi-line user text as one escaped paragraph, continuation lines indented."""
    return ("\n" + indent).join(line for line in escape_lines(text) if line)


def _number(value: float, digits: int = _DECIMALS) -> str:
    """A number with at most `digits` decimals, without trailing zeros."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _words(value: str) -> str:
    return value.replace("_", " ")


def _join(words: Iterable[str]) -> str:
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _session_text(session: Session) -> str:
    when = session.start if session.start is not None else "any time"
    parts = [
        f"{_words(session.kind.value)} {_words(session.activity.value)}, "
        f"{session.minutes} min, RPE {session.effective_rpe}"
    ]
    focus = session.effective_focus
    if focus:
        parts.append("focus " + _join(_words(group.value) for group in focus))
    if session.carbs_after:
        parts.append("carbs after")
    return f"{when} {escape_cell(session.title)} ({'; '.join(parts)})"


def _week_table(plan: Plan) -> list[str]:
    lines = [
        "| Day | Type | Sessions | Load | Sleep | Bedtime | Protein |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for key in DAY_KEYS:
        day = plan.day(key)
        sessions = "<br>".join(_session_text(session) for session in day.sessions) or "rest"
        sleep = plan.sleep_hours(key)
        bedtime = plan.bedtime(key)
        protein = plan.protein_meals(key)
        cells = [
            DAY_NAMES[key],
            day.day_type.value,
            sessions,
            str(day.load),
            "not planned" if sleep is None else f"{_number(sleep)} h",
            "not planned" if bedtime is None else bedtime,
            "not planned" if protein is None else f"{protein} meal{'' if protein == 1 else 's'}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _notes(plan: Plan) -> list[str]:
    lines = []
    for key in DAY_KEYS:
        note = plan.day(key).note
        if note.strip():
            lines.append(f"- **{DAY_NAMES[key]}:** {_block(note, indent='  ')}")
    if not lines:
        return []
    return ["", "### Notes", "", *lines]


def _limit(report: Report, key: str) -> str:
    threshold = THRESHOLDS[key]
    return threshold.format(report.thresholds.get(key, threshold.default))


def _count(plan: Plan, report: Report, key: str) -> str:
    """A whole-number threshold as the rules used it on this plan."""
    value = report.thresholds.get(key, plan.rules.threshold(key))
    if value is None:  # only max_heavy_days has no fixed default: it goes by level
        value = MAX_HEAVY_DAYS_BY_LEVEL[plan.plan.level.value]
    return _number(value, 0)


def _value(value: float | None) -> str:
    return "not computed" if value is None else f"{value:.{_DECIMALS}f}"


def _metrics(plan: Plan, report: Report) -> list[str]:
    metrics = report.metrics
    change = metrics.load_change_pct
    rows = [
        ("Weekly load", f"{metrics.weekly_load} AU", ""),
        ("Daily load, Monday first", ", ".join(str(load) for load in metrics.daily_load), ""),
        (
            "Heavy sessions",
            str(metrics.heavy_sessions),
            f"active recovery needed from {_count(plan, report, 'active_recovery_from_heavy')} "
            f"heavy sessions; at most {_count(plan, report, 'max_heavy_days')} heavy days",
        ),
        ("Easy days", str(metrics.easy_days), f"at least {_count(plan, report, 'min_easy_days')}"),
        ("Rest days", str(metrics.rest_days), ""),
        (
            "Monotony",
            _value(metrics.monotony),
            f"info above {_limit(report, 'monotony_info')}, "
            f"warning above {_limit(report, 'monotony_max')}",
        ),
        ("Strain", _value(metrics.strain), ""),
        (
            "Acute:chronic load ratio",
            _value(metrics.acwr),
            f"info under {_limit(report, 'acwr_low')} or above "
            f"{_limit(report, 'acwr_caution')}, warning above {_limit(report, 'acwr_high')}",
        ),
        (
            "Load change against last week",
            "not computed" if change is None else f"{change:+.{_DECIMALS}f} %",
            f"info above {_limit(report, 'load_change_info_pct')}, "
            f"warning above {_limit(report, 'load_change_max_pct')}",
        ),
    ]
    lines = ["| Metric | Value | Thresholds |", "| --- | ---: | --- |"]
    lines += [f"| {name} | {value} | {limits} |" for name, value, limits in rows]
    return lines


def _risk(report: Report) -> list[str]:
    counting = report.risk_findings
    criticals = sum(1 for finding in counting if finding.severity is Severity.critical)
    warnings = len(counting) - criticals
    parts = []
    if criticals:
        parts.append(f"{criticals} critical")
    if warnings:
        parts.append(f"{warnings} warning{'' if warnings == 1 else 's'}")
    if parts:
        why = (
            f"{' and '.join(parts)} in the spacing, load and sleep groups count toward it. "
            "A critical finding or three warnings make it high."
        )
    else:
        why = (
            "No warning or critical finding in the spacing, load and sleep groups. "
            "Nutrition and input findings inform but do not raise the risk."
        )
    return [f"## Overload risk: {report.risk.value}", "", why]


def _finding(finding: Finding) -> list[str]:
    days = _join(DAY_NAMES[key] for key in finding.days) if finding.days else "the week"
    info = finding.info
    return [
        f"- **{finding.severity.value}** `{finding.rule}` ({days}): "
        f"{_block(finding.message, indent='  ')}",
        "",
        f"  Advice: {_block(finding.advice, indent='  ')}",
        "",
        f"  Source: {escape_inline(info.source)}; evidence: {info.evidence.value}.",
    ]


def _findings(report: Report) -> list[str]:
    lines = ["## Findings", ""]
    if not report.findings:
        return [*lines, "No findings: the week balances work and recovery."]
    for index, finding in enumerate(report.findings):
        if index:
            lines.append("")
        lines += _finding(finding)
    return lines


def plan_to_markdown(plan: Plan, report: Report) -> str:
    """The plan and its report as a Markdown document: title, description, the week
    table (every day, rest days included), day notes, metrics, the overload risk and
    each finding with its severity, rule id, days, message and advice."""
    info = plan.plan
    lines = [f"# {_block(info.name)}"]
    if info.description.strip():
        lines += ["", _block(info.description)]
    facts = []
    if info.week_start is not None:
        facts.append(f"Week of Monday {info.week_start.isoformat()}")
    facts.append(f"level: {info.level.value}")
    if info.body_mass_kg is not None:
        facts.append(f"body mass: {_number(info.body_mass_kg, 1)} kg")
    facts.append("the week repeats" if info.repeats else "a single week")
    lines += ["", "; ".join(facts) + "."]
    lines += ["", "## Week", "", *_week_table(plan), *_notes(plan)]
    lines += ["", *_risk(report)]
    lines += ["", "## Metrics", "", *_metrics(plan, report)]
    lines += ["", *_findings(report)]
    return "\n".join(lines) + "\n"
