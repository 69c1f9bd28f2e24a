"""A plan as Markdown, for sharing or printing: both words, a block summary, and per
week a table of its days (planned and done), its metrics and its findings.

The output is CommonMark with GitHub's table extension; every piece of user text is
escaped, so a title such as `a | b` or a note with line breaks cannot break the table
or turn into formatting. Everything judged comes from the engine's `PlanReport` (its
thresholds included); nothing is resolved again here.
"""

from __future__ import annotations

import re

from planner.catalogue import (
    ACTIVITY_WORDS,
    DAY_TYPE_WORDS,
    KIND_WORDS,
    WEEK_TYPE_WORDS,
    day_list,
    format_number,
    join_words,
    plural,
)
from planner.check_output import (
    date_range,
    metric_rows,
    recovery_reason,
    risk_reason,
    week_heading,
)
from planner.model import DAY_NAMES, Day, Plan, Session, Week
from planner.report import Finding, PlanReport, WeekReport

#: Characters that can start Markdown formatting inline (a backslash escapes each).
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
#: An `&` that would start an HTML entity such as `&amp;` or `&#42;`.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
#: Line starts that Markdown would read as a list item, a rule or a heading underline.
_LINE_MARKER = re.compile(r"^([-+](?=\s|$)|[-=](?=[-=\s]*$))")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")

#: Metric names that do not read well as the text output's lower-case words.
_METRIC_NAMES = {"acwr": "ACWR (acute:chronic load ratio)"}
#: Shown where a value does not apply or is not known.
_NONE = "–"


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


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _load(value: float | None) -> str:
    return _NONE if value is None else format_number(round(value, 2))


def _percent(value: float | None) -> str:
    return _NONE if value is None else f"{format_number(round(value, 1))} %"


# --- the days of a week ------------------------------------------------------------


def _session_text(session: Session) -> str:
    """ "17:30 Squat (heavy strength, 70 min, RPE 8; focus legs and back) — done: 75 min,
    RPE 9", with user text escaped for a cell."""
    when = session.start if session.start is not None else "any time"
    kind = f"{KIND_WORDS[session.kind.value]} {ACTIVITY_WORDS[session.activity.value]}"
    parts = [f"{kind}, {session.minutes} min, RPE {session.planned_rpe}"]
    focus = session.effective_focus
    if focus:
        parts.append("focus " + join_words([group.value.replace("_", " ") for group in focus]))
    if session.carbs_after:
        parts.append("carbs after")
    title = escape_cell(session.title)
    if session.extra:
        text = f"{when} extra: {title} ({kind})"
    else:
        text = f"{when} {title} ({'; '.join(parts)})"
    done = session.done
    if done is None:
        return text
    if done.skipped:
        outcome = "skipped"
    else:
        outcome = f"{session.actual_minutes} min, RPE {session.actual_rpe}"
        if done.status.value != "done":
            outcome += f", {done.status.value}"
    if done.note.strip():
        outcome += f" ({escape_cell(done.note)})"
    return f"{text} — done: {outcome}"


def _day_done_load(day: Day) -> int | None:
    logged = [session.load for session in day.sessions if session.done is not None]
    return sum(logged) if logged else None


def _week_table(plan: Plan, index: int, week: Week) -> list[str]:
    dated = plan.start is not None
    header = ["Day", *(["Date"] if dated else []), "Type", "Sessions", "Planned", "Done"]
    header += ["Sleep", "Bedtime", "Protein"]
    lines = [_row(header), _row(["---", *(["---"] if dated else []), "---", "---"] + ["---:"] * 5)]
    for key, day in week.days.items():
        sessions = "<br>".join(_session_text(session) for session in day.sessions) or "rest"
        sleep = plan.sleep_hours(day)
        bedtime = plan.bedtime(day)
        protein = plan.protein_meals(day)
        date = plan.day_date(index, key)
        cells = [
            DAY_NAMES[key],
            *([date.isoformat() if date else _NONE] if dated else []),
            DAY_TYPE_WORDS[day.day_type.value].removesuffix(" day"),
            sessions,
            str(day.planned_load),
            _load(_day_done_load(day)),
            "not planned" if sleep is None else f"{format_number(sleep)} h",
            "not planned" if bedtime is None else bedtime,
            "not planned" if protein is None else plural(protein, "meal"),
        ]
        lines.append(_row(cells))
    return lines


def _notes(week: Week) -> list[str]:
    lines = [
        f"- **{DAY_NAMES[key]}:** {_block(day.note, indent='  ')}"
        for key, day in week.days.items()
        if day.note.strip()
    ]
    return ["", "#### Notes", "", *lines] if lines else []


# --- what the engine says ----------------------------------------------------------


def _metrics(report: PlanReport, week: WeekReport) -> list[str]:
    lines = ["| Metric | Value and thresholds |", "| --- | --- |"]
    lines += [
        _row([_METRIC_NAMES.get(name, _upper_first(name)), escape_cell(value)])
        for name, value in metric_rows(report, week.metrics)
    ]
    return lines


def _finding(finding: Finding) -> list[str]:
    days = day_list(finding.days, none="the week")
    info = finding.info
    head = f"**{finding.severity.value}** `{finding.rule}` ({days})"
    if finding.accepted:
        head = f"accepted: {head}"
    lines = [f"- {head}: {_block(finding.message, indent='  ')}"]
    if finding.accepted:
        lines += ["", f"  Accepted on purpose: {_block(finding.reason or '', indent='  ')}"]
    if finding.advice:
        lines += ["", f"  Advice: {_block(finding.advice, indent='  ')}"]
    lines += ["", f"  Source: {escape_inline(info.source)}; evidence: {info.evidence.value}."]
    return lines


def _findings(week: WeekReport) -> list[str]:
    lines = ["", "### Findings", ""]
    if not week.findings:
        return [*lines, "No findings: the week balances work and recovery."]
    # The report lists them most severe first, accepted last (shown, not counted).
    for number, finding in enumerate(week.findings):
        if number:
            lines.append("")
        lines += _finding(finding)
    return lines


def _words(week: WeekReport) -> list[str]:
    return [
        f"- Overload risk: **{week.risk.value}** — {escape_inline(risk_reason(week))}",
        f"- Recovery: **{week.recovery.value}** — {escape_inline(recovery_reason(week))}",
    ]


def _week_section(plan: Plan, report: PlanReport, number: int, single: bool) -> list[str]:
    index = number - 1
    week = plan.week_list[index]
    judged = report.week(number)
    if single:
        title = "Week"
        dates = date_range(judged.start)
        if dates:
            title += f" · {dates}"
    else:
        title = _upper_first(escape_inline(week_heading(judged, len(report.weeks))))
    lines = ["", f"## {title}", "", *_words(judged), ""]
    lines += _week_table(plan, index, week)
    lines += _notes(week)
    lines += ["", "### Metrics", "", *_metrics(report, judged)]
    lines += _findings(judged)
    return lines


def _summary(report: PlanReport) -> list[str]:
    lines = [
        "",
        "## Block",
        "",
        "| Week | Label | Type | Dates | Load | Planned | Done | Compliance | Risk | Recovery |",
        "| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for week in report.weeks:
        metrics = week.metrics
        lines.append(
            _row(
                [
                    str(week.week),
                    escape_cell(week.label) if week.label else _NONE,
                    WEEK_TYPE_WORDS.get(week.type, week.type),
                    date_range(week.start) or _NONE,
                    str(metrics.weekly_load),
                    str(metrics.planned_load),
                    _load(metrics.done_load),
                    _percent(metrics.compliance_pct),
                    week.risk.value,
                    week.recovery.value,
                ]
            )
        )
    lines.append(
        _row(
            [
                "all",
                "",
                "",
                "",
                str(sum(week.metrics.weekly_load for week in report.weeks)),
                str(report.planned_load),
                _load(report.done_load),
                _percent(report.compliance_pct),
                f"**{report.risk.value}**",
                f"**{report.recovery.value}**",
            ]
        )
    )
    return lines


def plan_to_markdown(plan: Plan, report: PlanReport, week: int | None = None) -> str:
    """The plan and its report as a Markdown document.

    A title, the description and facts; the overload risk and recovery; for a plan of
    several weeks a block summary (load as judged, planned and done, compliance and
    both words per week); then per week its days (date, type, sessions planned and
    done, load planned and done, sleep, bedtime, protein), notes, metrics with their
    thresholds and findings (accepted ones last, with their reason). `week` (1-based)
    gives that week alone, judged as in the whole plan.
    """
    info = plan.plan
    weeks = len(plan.week_list)
    lines = [f"# {_block(info.name)}"]
    if info.description.strip():
        lines += ["", _block(info.description)]
    facts = []
    if plan.start is not None:
        facts.append(f"starts Monday {plan.start.isoformat()}")
    facts.append(f"level: {info.level.value}")
    if info.body_mass_kg is not None:
        facts.append(f"body mass: {format_number(round(info.body_mass_kg, 1))} kg")
    facts.append(plural(weeks, "week"))
    facts.append("repeats" if plan.repeats else "does not repeat")
    lines += ["", _upper_first("; ".join(facts)) + "."]
    if week is not None:
        lines += ["", f"Week {week} of {weeks} alone."]
        lines += _week_section(plan, report, week, single=weeks == 1)
        return "\n".join(lines) + "\n"
    if weeks > 1:
        lines += [
            "",
            f"Overload risk: **{report.risk.value}**; recovery: **{report.recovery.value}** "
            "(the worst week's of each).",
        ]
        lines += _summary(report)
    for number in range(1, weeks + 1):
        lines += _week_section(plan, report, number, single=weeks == 1)
    return "\n".join(lines) + "\n"
