"""The `planner check` renderers: the JSON object of cli.md and the text block."""

from __future__ import annotations

import json
from typing import Any

from planner.findings import Finding, Metrics, Report, Risk, Severity
from planner.model import Plan
from planner.report import report_to_json, report_to_text
from planner.rules.engine import evaluate

WEEK: dict[str, Any] = {
    "format": 1,
    "plan": {"name": "Report week"},
    "days": {
        "mon": {"sessions": [{"title": "Squat", "kind": "heavy", "minutes": 70}]},
        "thu": {
            "sessions": [{"title": "Intervals", "kind": "heavy", "minutes": 60, "focus": ["core"]}]
        },
        "fri": {
            "sessions": [{"title": "Deadlift", "kind": "heavy", "minutes": 70, "focus": ["back"]}]
        },
    },
    "rules": {"disabled": ["glycogen-refill"]},
}


def sample_report() -> Report:
    metrics = Metrics(
        daily_load=(560, 80, 0, 480, 560, 120, 0),
        weekly_load=1800,
        heavy_sessions=3,
        easy_days=4,
        rest_days=2,
        monotony=1.0554323,
        strain=1899.778,
        acwr=None,
        load_change_pct=12.3456,
    )
    finding = Finding(
        rule="back-to-back-heavy",
        severity=Severity.warning,
        days=("thu", "fri"),
        message="Heavy sessions on Thursday and Friday with no easier day between.",
        advice="Rest.",
    )
    return Report(metrics=metrics, findings=(finding,), risk=Risk.moderate)


def test_json_has_the_keys_of_cli_md_in_order() -> None:
    result = report_to_json("week.toml", sample_report(), None)
    assert list(result) == ["file", "valid", "error", "risk", "metrics", "findings"]
    metrics = result["metrics"]
    assert isinstance(metrics, dict)
    assert list(metrics) == [
        "daily_load",
        "weekly_load",
        "heavy_sessions",
        "easy_days",
        "rest_days",
        "monotony",
        "strain",
        "acwr",
        "load_change_pct",
    ]
    findings = result["findings"]
    assert isinstance(findings, list)
    assert list(findings[0]) == ["rule", "severity", "days", "message", "advice"]


def test_json_values_rounded_and_null() -> None:
    result = report_to_json("week.toml", sample_report(), None)
    assert json.loads(json.dumps(result)) == {
        "file": "week.toml",
        "valid": True,
        "error": None,
        "risk": "moderate",
        "metrics": {
            "daily_load": [560, 80, 0, 480, 560, 120, 0],
            "weekly_load": 1800,
            "heavy_sessions": 3,
            "easy_days": 4,
            "rest_days": 2,
            "monotony": 1.06,
            "strain": 1899.78,
            "acwr": None,
            "load_change_pct": 12.35,
        },
        "findings": [
            {
                "rule": "back-to-back-heavy",
                "severity": "warning",
                "days": ["thu", "fri"],
                "message": "Heavy sessions on Thursday and Friday with no easier day between.",
                "advice": "Rest.",
            }
        ],
    }
    assert '"weekly_load": 1800,' in json.dumps(result)  # an integer, not 1800.0


def test_json_for_an_invalid_file() -> None:
    result = report_to_json("bad.toml", None, "bad.toml:3: plan.name: field required")
    assert result == {
        "file": "bad.toml",
        "valid": False,
        "error": "bad.toml:3: plan.name: field required",
        "risk": None,
        "metrics": None,
        "findings": None,
    }


def test_json_of_a_real_report_is_serialisable() -> None:
    report = evaluate(Plan.model_validate(WEEK))
    result = json.loads(json.dumps(report_to_json("w.toml", report, None)))
    assert result["risk"] == "moderate"
    assert [f["rule"] for f in result["findings"]] == ["no-active-recovery", "back-to-back-heavy"]


def test_text_block() -> None:
    report = evaluate(Plan.model_validate(WEEK | {"rules": {"monotony_max": 2.2}}))
    text = report_to_text("w.toml", report)
    lines = text.splitlines()
    assert lines[0] == "w.toml: overload risk MODERATE (2 warnings count toward it)"
    assert "  daily load      Mon 560  Tue 0  Wed 0  Thu 480  Fri 560  Sat 0  Sun 0" in lines
    assert any(line.startswith("  monotony") and "warning above 2.2)" in line for line in lines)
    assert any(line.startswith("  easy days") and "(at least 2 days)" in line for line in lines)
    assert any(line.startswith("  acwr") and "not computed" in line for line in lines)
    assert (
        "w.toml: warning back-to-back-heavy [thu, fri]: Heavy sessions on Thursday and Friday "
        "with no easier day between." in lines
    )
    index = lines.index(
        "w.toml: warning no-active-recovery [mon, thu, fri]: 3 heavy sessions this week and no "
        "active-recovery session."
    )
    assert lines[index + 1].startswith("    Add active recovery")
    assert any(
        line == "    source: Bowerman hard/easy principle; evidence: heuristic" for line in lines
    )


def test_text_without_findings_and_week_level_days() -> None:
    empty = evaluate(Plan.model_validate({"format": 1, "plan": {"name": "Empty"}}))
    text = report_to_text("e.toml", empty)
    assert text.splitlines()[0] == "e.toml: overload risk LOW"
    assert text.splitlines()[-1] == "e.toml: no findings"
    same = Plan.model_validate(
        {
            "format": 1,
            "plan": {"name": "Same"},
            "days": {
                day: {"sessions": [{"title": "Easy", "kind": "light", "minutes": 30}]}
                for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            },
        }
    )
    assert "s.toml: warning monotony [week]: Every day carries the same load" in report_to_text(
        "s.toml", evaluate(same)
    )
