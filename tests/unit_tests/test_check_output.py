"""`planner check` renderers (cli.md v2): the JSON object and the text block, from
reports made by hand, so they are tested apart from the engine."""

from __future__ import annotations

import json
from typing import Any

import pytest
from check_json_keys import FILE_KEYS, FINDING_KEYS, METRIC_KEYS, WEEK_KEYS
from made_reports import finding, made_report

from planner.check_output import (
    date_range,
    fails,
    invalid_to_json,
    json_number,
    report_to_json,
    report_to_text,
    week_heading,
)
from planner.model import Plan
from planner.planfile import PlanError, Problem
from planner.report import PlanReport, Recovery, Risk, Severity

ONE_WEEK: dict[str, Any] = {
    "format": 1,
    "plan": {"name": "One week", "week_start": "2026-11-30"},
    "days": {
        "thu": {"sessions": [{"title": "Squat", "kind": "heavy", "minutes": 70}]},
        "fri": {"sessions": [{"title": "Deadlift", "kind": "heavy", "minutes": 70}]},
    },
}


def session(title: str, kind: str = "heavy", minutes: int = 60, **more: Any) -> dict[str, Any]:
    return {"title": title, "kind": kind, "activity": "strength", "minutes": minutes, **more}


BLOCK: dict[str, Any] = {
    "format": 2,
    "plan": {"name": "Block", "start": "2026-11-30"},
    "weeks": [
        {
            "label": "Build 1",
            "days": {
                "mon": {"sessions": [session("Squat", done={"minutes": 70, "rpe": 9})]},
                "wed": {"sessions": [session("Bench", done={"status": "skipped"})]},
                "sat": {
                    "sessions": [
                        session("Football", "moderate", extra=True, done={"rpe": 6}),
                    ]
                },
            },
        },
        {"label": "Build 2", "days": {"mon": {"sessions": [session("Squat")]}}},
        {"type": "deload", "days": {"tue": {"sessions": [session("Walk", "light", 30)]}}},
    ],
    "rules": {"max_heavy_sessions": 5, "min_easy_days": 3},
}


def plan_of(data: dict[str, Any]) -> Plan:
    return Plan.model_validate(data)


def one_week_report() -> PlanReport:
    return made_report(
        plan_of(ONE_WEEK),
        findings={
            1: [
                finding(
                    "back-to-back-heavy",
                    days=("thu", "fri"),
                    message="Heavy sessions on Thursday and Friday with no easier day between.",
                ),
                finding("protein-spread", Severity.info, days=("mon",)),
                finding("monotony", Severity.warning, reason="I like routine."),
            ]
        },
        words={1: (Risk.moderate, Recovery.fair)},
        metrics={1: {"monotony": 1.0554323, "strain": 1899.778, "load_change_pct": 12.3456}},
    )


def block_report() -> PlanReport:
    return made_report(
        plan_of(BLOCK),
        findings={
            1: [finding("short-sleep", Severity.warning, days=("tue", "wed"))],
            2: [
                finding("heavy-count", Severity.critical, week=2),
                finding("deload-due", Severity.warning, week=2, reason="Race soon."),
            ],
            3: [finding("deload-not-lighter", Severity.warning, week=3)],
        },
        words={
            1: (Risk.low, Recovery.fair),
            2: (Risk.high, Recovery.good),
            3: (Risk.moderate, Recovery.good),
        },
    )


def as_json(value: object) -> Any:
    return json.loads(json.dumps(value))


# --- JSON ------------------------------------------------------------------------------


def test_json_keys_of_a_one_week_plan_in_cli_md_order() -> None:
    result = as_json(report_to_json("week.toml", one_week_report()))
    assert list(result) == FILE_KEYS
    assert list(result["metrics"]) == METRIC_KEYS
    assert [list(week) for week in result["weeks"]] == [WEEK_KEYS]
    assert list(result["weeks"][0]["metrics"]) == METRIC_KEYS
    assert all(list(f) == FINDING_KEYS for f in result["findings"])


def test_json_of_a_one_week_plan() -> None:
    result = as_json(report_to_json("week.toml", one_week_report()))
    assert result["valid"] is True
    assert result["error"] is None
    assert result["errors"] == []
    assert (result["risk"], result["recovery"]) == ("moderate", "fair")
    metrics = result["metrics"]
    assert metrics == result["weeks"][0]["metrics"]
    assert metrics["daily_load"] == [0, 0, 0, 560, 560, 0, 0]
    assert metrics["weekly_load"] == 1120
    assert metrics["monotony"] == 1.06
    assert metrics["strain"] == 1899.78
    assert metrics["load_change_pct"] == 12.35
    assert metrics["done_load"] is None
    assert metrics["compliance_pct"] is None
    assert metrics["sleep_debt_hours"] == 0
    assert result["weeks"][0] == {
        "week": 1,
        "label": None,
        "type": "build",
        "start": "2026-11-30",
        "risk": "moderate",
        "recovery": "fair",
        "metrics": metrics,
    }
    assert result["findings"][0] == {
        "rule": "back-to-back-heavy",
        "severity": "warning",
        "week": 1,
        "days": ["thu", "fri"],
        "message": "Heavy sessions on Thursday and Friday with no easier day between.",
        "advice": "Do something about it.",
        "accepted": False,
        "reason": None,
    }


def test_json_lists_accepted_findings_last_with_their_reason() -> None:
    findings = as_json(report_to_json("week.toml", one_week_report()))["findings"]
    assert [f["rule"] for f in findings] == ["back-to-back-heavy", "protein-spread", "monotony"]
    assert findings[-1]["accepted"] is True
    assert findings[-1]["reason"] == "I like routine."


def test_json_of_a_longer_plan_has_no_top_metrics_and_every_week() -> None:
    result = as_json(report_to_json("block.toml", block_report()))
    assert result["metrics"] is None
    assert (result["risk"], result["recovery"]) == ("high", "fair")  # worst of each
    assert [w["week"] for w in result["weeks"]] == [1, 2, 3]
    assert [w["label"] for w in result["weeks"]] == ["Build 1", "Build 2", None]
    assert [w["type"] for w in result["weeks"]] == ["build", "build", "deload"]
    assert [w["start"] for w in result["weeks"]] == ["2026-11-30", "2026-12-07", "2026-12-14"]
    assert [w["risk"] for w in result["weeks"]] == ["low", "high", "moderate"]
    assert [(f["rule"], f["week"]) for f in result["findings"]] == [
        ("heavy-count", 2),
        ("short-sleep", 1),
        ("deload-not-lighter", 3),
        ("deload-due", 2),
    ]


def test_json_planned_and_done_loads() -> None:
    week1 = as_json(report_to_json("block.toml", block_report()))["weeks"][0]["metrics"]
    # Squat 60 min x 8 planned, done 70 x 9; bench skipped; football extra 60 x 6.
    assert week1["planned_load"] == 480 + 480
    assert week1["weekly_load"] == 630 + 0 + 360
    assert week1["done_load"] == 630 + 0 + 360
    assert week1["compliance_pct"] == round(100 * 990 / 960, 2)


def test_json_of_one_week_keeps_the_shape() -> None:
    result = as_json(report_to_json("block.toml", block_report(), week=2))
    assert list(result) == FILE_KEYS
    assert (result["risk"], result["recovery"]) == ("high", "good")
    assert [w["week"] for w in result["weeks"]] == [2]
    assert result["metrics"] == result["weeks"][0]["metrics"]
    assert [f["rule"] for f in result["findings"]] == ["heavy-count", "deload-due"]
    assert all(f["week"] == 2 for f in result["findings"])


def test_json_of_an_invalid_file() -> None:
    error = PlanError(
        "bad.toml",
        [
            Problem(14, "weeks[0].days.mon.sessions[0].rpe", "must be between 1 and 10, got 12"),
            Problem(3, "", "something without a key", column=7),
        ],
    )
    result = as_json(invalid_to_json("bad.toml", error))
    assert list(result) == FILE_KEYS
    assert result == {
        "file": "bad.toml",
        "valid": False,
        "error": "bad.toml:14: weeks[0].days.mon.sessions[0].rpe: must be between 1 and 10, got 12",
        "errors": [
            {
                "line": 14,
                "column": None,
                "key": "weeks[0].days.mon.sessions[0].rpe",
                "message": "must be between 1 and 10, got 12",
            },
            {"line": 3, "column": 7, "key": None, "message": "something without a key"},
        ],
        "risk": None,
        "recovery": None,
        "metrics": None,
        "weeks": None,
        "findings": None,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (3, 3), (1.005, 1), (2.0, 2), (1899.778, 1899.78), (-0.001, 0), (0.125, 0.12)],
)
def test_json_numbers(value: float | None, expected: float | None) -> None:
    assert json_number(value) == expected
    assert type(json_number(value)) is type(expected)


# --- exit status -----------------------------------------------------------------------


def test_accepted_findings_never_fail() -> None:
    report = one_week_report()  # a warning that counts, and an accepted warning
    assert not fails(report, Severity.critical)
    assert fails(report, Severity.warning)
    accepted_only = made_report(
        plan_of(ONE_WEEK), findings={1: [finding("heavy-count", Severity.critical, reason="ok")]}
    )
    assert not fails(accepted_only, Severity.warning)
    assert not fails(accepted_only, Severity.critical)


def test_fails_of_one_week() -> None:
    report = block_report()
    assert fails(report, Severity.critical)
    assert fails(report, Severity.critical, week=2)
    assert not fails(report, Severity.critical, week=1)
    assert fails(report, Severity.warning, week=1)


# --- text ------------------------------------------------------------------------------


def test_text_of_a_one_week_plan() -> None:
    lines = report_to_text("week.toml", one_week_report()).split("\n")
    assert lines[0] == ("week.toml: overload risk MODERATE: 1 warning (back-to-back-heavy)")
    assert lines[1] == "week.toml: recovery FAIR: 1 note (protein-spread)"
    names = [line[2:].split("  ")[0] for line in lines[2:15]]
    assert names == [
        "daily load",
        "weekly load",
        "planned load",
        "done load",
        "compliance",
        "heavy sessions",
        "easy days",
        "rest days",
        "monotony",
        "strain",
        "acwr",
        "load change",
        "sleep debt",
    ]
    text = "\n".join(lines)
    assert "  daily load      Mon 0  Tue 0  Wed 0  Thu 560  Fri 560  Sat 0  Sun 0" in text
    assert "weekly load     1120 AU" in text
    assert "done load       not computed (nothing logged yet)" in text
    assert "monotony        1.06 (info above 1.5, warning above 2)" in text
    assert "load change     +12.35 % (info above 10 %, warning above 30 %)" in text
    assert "heavy sessions  2 (at most 4 sessions; easy movement needed from 3 sessions)" in text
    assert "easy days       5 (at least 2 days)" in text
    assert "sleep debt      0 h (nights under 7 h; recovery poor from 7 h)" in text


def test_text_finding_lines_and_accepted_last() -> None:
    lines = report_to_text("week.toml", one_week_report()).split("\n")
    first = lines.index(
        "week.toml: warning back-to-back-heavy [week 1: thu, fri]: "
        "Heavy sessions on Thursday and Friday with no easier day between."
    )
    assert lines[first + 1] == "    Do something about it."
    assert lines[first + 2] == "    source: Bowerman hard/easy principle; evidence: heuristic"
    assert "week.toml: info protein-spread [week 1: mon]: Something is off." in lines
    accepted_heading = lines.index("week.toml: accepted on purpose (shown, not counted):")
    accepted = lines.index("week.toml: warning monotony [week 1]: Something is off.")
    assert accepted == accepted_heading + 1 > first
    assert lines[accepted + 1] == "    accepted: I like routine."
    assert lines[-1].startswith("    source: Foster 1998")


def test_text_of_a_longer_plan_has_a_heading_per_week() -> None:
    text = report_to_text("block.toml", block_report())
    lines = text.split("\n")
    assert lines[0] == "block.toml: overload risk HIGH: from week 2, the worst week"
    assert lines[1] == "block.toml: recovery FAIR: from week 1, the worst week"
    headings = [line for line in lines if line.startswith("block.toml: week ")]
    assert headings == [
        "block.toml: week 1 of 3 · Build 1 · 30 Nov-6 Dec 2026",
        "block.toml: week 2 of 3 · Build 2 · 7-13 Dec 2026",
        "block.toml: week 3 of 3 · deload · 14-20 Dec 2026",
    ]
    week2 = lines.index(headings[1])
    assert lines[week2 + 1] == "  overload risk HIGH: 1 critical (heavy-count)"
    assert lines[week2 + 2] == "  recovery GOOD: no sleep, nutrition or movement finding"
    # thresholds as the plan sets them
    assert "heavy sessions  1 (at most 5 sessions;" in text
    assert "easy days       6 (at least 3 days)" in text
    # findings under their week, accepted ones after every week
    assert text.index("[week 1: tue, wed]") < text.index(headings[1])
    assert text.index(headings[1]) < text.index("critical heavy-count [week 2]")
    assert (
        text.index(headings[2])
        < text.index("accepted on purpose")
        < text.index("warning deload-due [week 2]")
    )


def test_text_of_one_week_of_a_longer_plan() -> None:
    text = report_to_text("block.toml", block_report(), week=3)
    lines = text.split("\n")
    assert lines[0] == "block.toml: overload risk MODERATE: 1 warning (deload-not-lighter)"
    assert lines[1] == "block.toml: recovery GOOD: no sleep, nutrition or movement finding"
    assert lines[2] == "block.toml: week 3 of 3 · deload · 14-20 Dec 2026"
    assert "week 1 of 3" not in text
    assert "heavy-count" not in text


def test_text_without_findings() -> None:
    report = made_report(plan_of({"format": 1, "plan": {"name": "Empty"}}))
    text = report_to_text("e.toml", report)
    assert text.startswith(
        "e.toml: overload risk LOW: no critical finding or warning on the load and its spacing\n"
        "e.toml: recovery GOOD: no sleep, nutrition or movement finding\n"
    )
    assert text.endswith("e.toml: no findings")
    assert "not computed (every day carries the same load)" in text


def test_risk_raised_by_poor_recovery_and_poor_recovery_by_sleep_debt() -> None:
    report = made_report(
        plan_of(ONE_WEEK),
        findings={
            1: [
                finding("monotony", Severity.warning),
                finding("short-sleep", Severity.warning),
            ]
        },
        words={1: (Risk.high, Recovery.poor)},
        metrics={1: {"sleep_debt_hours": 7.5}},
    )
    lines = report_to_text("w.toml", report).split("\n")
    assert lines[0] == (
        "w.toml: overload risk HIGH: 1 warning (monotony), raised from moderate by poor recovery"
    )
    assert lines[1] == "w.toml: recovery POOR: 1 warning (short-sleep) and a sleep debt of 7.5 h"


def test_a_finding_without_week_or_days() -> None:
    report = made_report(
        plan_of(ONE_WEEK),
        findings={1: [finding("unused-acceptance", Severity.info, week=None, advice="")]},
    )
    text = report_to_text("w.toml", report)
    assert "w.toml: info unused-acceptance [plan]: Something is off.\n    source: —" in text


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (None, None),
        ("2026-12-07", "7-13 Dec 2026"),
        ("2026-11-30", "30 Nov-6 Dec 2026"),
        ("2029-12-31", "31 Dec 2029-6 Jan 2030"),
        ("2026-12-28", "28 Dec 2026-3 Jan 2027"),
    ],
)
def test_date_range(start: str | None, expected: str | None) -> None:
    assert date_range(start) == expected


def test_week_heading_without_label_or_start() -> None:
    report = made_report(
        plan_of({"format": 2, "plan": {"name": "B"}, "weeks": [{}, {"type": "race"}]})
    )
    assert week_heading(report.weeks[0], 2) == "week 1 of 2"
    assert week_heading(report.weeks[1], 2) == "week 2 of 2 · race"


def test_text_names_every_worst_week() -> None:
    report = made_report(
        plan_of(BLOCK),
        words={1: (Risk.moderate, Recovery.poor), 3: (Risk.moderate, Recovery.poor)},
    )
    lines = report_to_text("b.toml", report).split("\n")
    assert lines[0] == "b.toml: overload risk MODERATE: from weeks 1 and 3, the worst weeks"
    assert lines[1] == "b.toml: recovery POOR: from weeks 1 and 3, the worst weeks"
