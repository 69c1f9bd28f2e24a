"""Markdown export: a week table with every day, the metrics, the risk and the findings,
checked by parsing the output with a real Markdown parser (markdown-it, GFM tables)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from planner.export.markdown import escape_cell, escape_inline, escape_lines, plan_to_markdown
from planner.findings import Report, Risk
from planner.model import DAY_KEYS, DAY_NAMES, Plan
from planner.rules.engine import evaluate

PLANS = Path(__file__).resolve().parents[2] / "plans"

WEEK: dict[str, Any] = {
    "format": 1,
    "plan": {"name": "Table week", "description": "Two heavy days.\n- not a list"},
    "defaults": {"sleep_hours": 7.5, "bedtime": "22:30", "protein_meals": 4},
    "days": {
        "mon": {
            "note": "Squat day",
            "sessions": [
                {
                    "title": "Squat | deadlift",
                    "kind": "heavy",
                    "activity": "strength",
                    "minutes": 70,
                    "rpe": 8,
                    "start": "17:30",
                    "carbs_after": True,
                }
            ],
        },
        "tue": {
            "sleep_hours": 9,
            "sessions": [
                {"title": "Intervals", "kind": "heavy", "activity": "run", "minutes": 60},
                {"title": "Walk", "kind": "active_recovery", "activity": "walk", "minutes": 30},
            ],
        },
    },
}


def render(data: dict[str, Any]) -> str:
    plan = Plan.model_validate(data)
    return plan_to_markdown(plan, evaluate(plan))


def parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def inline_text(token: Token) -> str:
    """What a reader sees of an inline token: its text, with <br> as a line break."""
    parts = []
    for child in token.children or []:
        is_br = child.type == "html_inline" and child.content == "<br>"
        if is_br or child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts.append(child.content)
    return "".join(parts)


def tables(text: str) -> list[list[list[str]]]:
    """Every table in the document as rows of cell texts, the header row first."""
    found: list[list[list[str]]] = []
    rows: list[list[str]] = []
    row: list[str] | None = None
    for index, token in enumerate(tokens := parse(text)):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open") and row is not None:
            row.append(inline_text(tokens[index + 1]))
        elif token.type == "tr_close" and row is not None:
            rows.append(row)
            row = None
        elif token.type == "table_close":
            found.append(rows)
    return found


def week_table(text: str) -> list[list[str]]:
    return tables(text)[0]


# --- the week table ----------------------------------------------------------------------


def test_the_week_table_has_the_header_and_seven_day_rows() -> None:
    rows = week_table(render(WEEK))
    assert rows[0] == ["Day", "Type", "Sessions", "Load", "Sleep", "Bedtime", "Protein"]
    assert [row[0] for row in rows[1:]] == [DAY_NAMES[key] for key in DAY_KEYS]
    assert all(len(row) == 7 for row in rows)


def test_each_row_carries_the_day_values() -> None:
    rows = {row[0]: row for row in week_table(render(WEEK))[1:]}
    monday = rows["Monday"]
    assert monday[1] == "heavy"
    assert (
        monday[2]
        == "17:30 Squat | deadlift (heavy strength, 70 min, RPE 8; focus full body; carbs after)"
    )
    assert monday[3:] == ["560", "7.5 h", "22:30", "4 meals"]
    tuesday = rows["Tuesday"]
    assert tuesday[2].splitlines() == [
        "any time Intervals (heavy run, 60 min, RPE 8; focus legs)",
        "any time Walk (active recovery walk, 30 min, RPE 2; focus legs)",
    ]
    assert tuesday[3:5] == ["540", "9 h"]
    assert rows["Sunday"][1:4] == ["rest", "rest", "0"]


def test_unplanned_values_say_so() -> None:
    data = {**WEEK, "defaults": {}}
    rows = week_table(render(data))
    assert rows[1][4:] == ["not planned", "not planned", "not planned"]


def test_a_pipe_in_a_title_is_escaped_and_cannot_break_the_table() -> None:
    text = render(WEEK)
    assert r"Squat \| deadlift" in text
    monday_line = next(line for line in text.splitlines() if line.startswith("| Monday"))
    unescaped_pipes = monday_line.replace(r"\|", "").count("|")
    assert unescaped_pipes == 8  # seven cells


def test_the_title_and_description_are_shown_and_escaped() -> None:
    data = {**WEEK, "plan": {**WEEK["plan"], "name": "# Week *one* | <b>two</b>"}}
    text = render(data)
    tokens = parse(text)
    assert tokens[0].type == "heading_open"
    assert tokens[0].tag == "h1"
    assert inline_text(tokens[1]) == "# Week *one* | <b>two</b>"
    # The description's second line starts with "- " and still is no list.
    assert all(token.type != "bullet_list_open" for token in tokens[:8])
    paragraph = next(
        inline_text(tokens[index + 1])
        for index, token in enumerate(tokens)
        if token.type == "paragraph_open"
    )
    assert paragraph == "Two heavy days.\n- not a list"


def test_day_notes_are_listed_under_the_table() -> None:
    data = {**WEEK, "days": {**WEEK["days"], "wed": {"note": "Rest\n1. eat\n2. sleep | read"}}}
    text = render(data)
    assert "- **Monday:** Squat day" in text
    tokens = parse(text)
    items = [
        inline_text(tokens[index + 2])
        for index, token in enumerate(tokens)
        if token.type == "list_item_open" and tokens[index + 2].type == "inline"
    ]
    assert "Monday: Squat day" in items
    assert "Wednesday: Rest\n1. eat\n2. sleep | read" in items
    assert all(token.type != "ordered_list_open" for token in tokens)


# --- metrics, risk, findings ---------------------------------------------------------------


def load_template(name: str) -> Plan:
    with (PLANS / f"{name}.toml").open("rb") as file:
        return Plan.model_validate(tomllib.load(file))


def test_metrics_are_listed_with_their_thresholds() -> None:
    plan = load_template("upper-lower-4")
    report = evaluate(plan)
    text = plan_to_markdown(plan, report)
    metrics = {row[0]: row[1:] for row in tables(text)[1][1:]}
    assert metrics["Weekly load"][0] == f"{report.metrics.weekly_load} AU"
    assert metrics["Daily load, Monday first"][0] == ", ".join(
        str(load) for load in report.metrics.daily_load
    )
    assert metrics["Heavy sessions"] == [
        "2",
        "active recovery needed from 3 heavy sessions; at most 4 heavy days",
    ]
    assert metrics["Easy days"] == [str(report.metrics.easy_days), "at least 2"]
    assert report.metrics.monotony is not None
    assert metrics["Monotony"][0] == f"{report.metrics.monotony:.2f}"
    assert report.metrics.acwr is not None
    assert metrics["Acute:chronic load ratio"][0] == f"{report.metrics.acwr:.2f}"
    assert metrics["Load change against last week"][0].endswith(" %")


def test_metrics_that_cannot_be_computed_say_so() -> None:
    text = render(WEEK)
    metrics = {row[0]: row[1] for row in tables(text)[1][1:]}
    assert metrics["Acute:chronic load ratio"] == "not computed"
    assert metrics["Load change against last week"] == "not computed"


def test_every_finding_is_shown_with_severity_rule_days_message_and_advice() -> None:
    plan = load_template("overloaded-week")
    report = evaluate(plan)
    text = plan_to_markdown(plan, report)
    assert "## Overload risk: high" in text
    assert len(report.findings) > 10
    tokens = parse(text)
    findings_start = next(
        index
        for index, token in enumerate(tokens)
        if token.type == "inline" and token.content == "Findings"
    )
    items: list[str] = []
    for index in range(findings_start, len(tokens)):
        if tokens[index].type == "list_item_open":
            items.append("")
        elif tokens[index].type == "inline" and items:
            items[-1] += inline_text(tokens[index]) + "\n"
    assert len(items) == len(report.findings)
    for item, finding in zip(items, report.findings, strict=True):
        days = [DAY_NAMES[key] for key in finding.days]
        head = item.splitlines()[0]
        assert head.startswith(f"{finding.severity.value} {finding.rule} (")
        assert all(day in head for day in days) if days else "(the week)" in head
        assert finding.message in item
        assert f"Advice: {finding.advice}" in item
        assert f"evidence: {finding.info.evidence.value}" in item


def test_a_week_without_findings_says_so() -> None:
    plan = load_template("beginner-full-body")
    report = evaluate(plan)
    assert report.findings == ()
    text = plan_to_markdown(plan, report)
    assert "## Overload risk: low" in text
    assert "No findings" in text


def test_the_risk_names_what_counts_toward_it() -> None:
    text = render(WEEK)
    report = evaluate(Plan.model_validate(WEEK))
    # Heavy Monday and Tuesday: 13.5 h between the legs (critical) and back to back.
    assert [finding.rule for finding in report.risk_findings] == [
        "muscle-recovery",
        "back-to-back-heavy",
    ]
    assert "## Overload risk: high\n" in text
    assert "1 critical and 1 warning in the spacing, load and sleep groups count" in text


# --- escaping -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", r"a \| b"),
        ("*bold* _it_", r"\*bold\* \_it\_"),
        ("<script>", r"\<script\>"),
        ("[link](x)", r"\[link\](x)"),
        ("`code`", r"\`code\`"),
        (r"back\slash", r"back\\slash"),
        ("AT&T &amp; co", "AT&T &amp;amp; co"),
    ],
)
def test_escape_inline(text: str, escaped: str) -> None:
    assert escape_inline(text) == escaped


def test_escape_cell_turns_line_breaks_into_br() -> None:
    assert escape_cell("one | two\nthree\r\nfour") == r"one \| two<br>three<br>four"


def test_escape_lines_keeps_lines_from_starting_blocks() -> None:
    assert escape_lines("- item\n1. first\n---\n6.5 h\n-5 kg") == [
        r"\- item",
        r"1\. first",
        r"\---",
        "6.5 h",
        "-5 kg",
    ]


TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cf", "Cs")), min_size=1, max_size=60
).filter(lambda text: text.strip() != "")


@settings(max_examples=150, deadline=None)
@given(title=TEXT, name=TEXT)
def test_any_title_stays_inside_its_cell(title: str, name: str) -> None:
    data: dict[str, Any] = {
        "format": 1,
        "plan": {"name": name},
        "days": {"wed": {"sessions": [{"title": title, "kind": "light", "minutes": 30}]}},
    }
    rows = week_table(render(data))
    assert len(rows) == 8
    assert all(len(row) == 7 for row in rows)
    assert rows[3][2] == f"any time {title.strip()} (light other, 30 min, RPE 4; focus full body)"


def test_thresholds_fall_back_to_the_plan_when_the_report_has_none() -> None:
    plan = load_template("beginner-full-body")
    bare = Report(metrics=evaluate(plan).metrics, findings=(), risk=Risk.low)
    metrics = {row[0]: row[2] for row in tables(plan_to_markdown(plan, bare))[1][1:]}
    # A beginner week allows three heavy days; the catalogue has no fixed default.
    assert metrics["Heavy sessions"].endswith("at most 3 heavy days")


def test_one_protein_meal_is_singular() -> None:
    data = {**WEEK, "defaults": {**WEEK["defaults"], "protein_meals": 1}}
    assert week_table(render(data))[1][6] == "1 meal"
