"""The `planner` command line as cli.md describes it: output shapes, exit codes, files."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from check_json_keys import FILE_KEYS, FINDING_KEYS, METRIC_KEYS, WEEK_KEYS

from planner import __version__
from planner.catalogue import THRESHOLDS, format_number
from planner.cli import main
from planner.logbook import match_workouts
from planner.model import Plan
from planner.planfile import PlanError, backup_path, canonical_toml, parse_plan, read_plan
from planner.report import Severity
from planner.rules.engine import evaluate
from planner.templates import DEFAULT_TEMPLATE, list_templates, template_text
from planner.workouts import read_workouts

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "plans"
OVERLOADED = PLANS / "overloaded-week.toml"  # critical findings
GOOD = PLANS / "hybrid-strength-endurance.toml"  # info findings only

EMPTY_WEEK = 'format = 1\n\n[plan]\nname = "Empty"\n'
BROKEN = 'format = 1\n\n[plan]\nname = "Broken"\n[days.mon]\nsleep_hours = 99\n'

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `planner ARGS...` in-process: (exit status, stdout, stderr)."""

    def invoke(*args: str | Path) -> tuple[int, str, str]:
        try:
            status = main([str(arg) for arg in args])
        except SystemExit as exit_:
            status = exit_.code if isinstance(exit_.code, int) else 1
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return invoke


@pytest.fixture
def broken(write_plan: Callable[..., Path], tmp_path: Path) -> Path:
    return write_plan(tmp_path, BROKEN, "broken.toml")


@pytest.fixture
def warning_only(write_plan: Callable[..., Path], tmp_path: Path, commented_plan: str) -> Path:
    """The commented fixture asking for 72 h between heavy sessions on the same muscles:
    muscle-recovery warnings, nothing critical."""
    text = commented_plan.replace(
        "muscle_recovery_hours = 48        # the default, written out", "muscle_recovery_hours = 72"
    )
    assert text != commented_plan
    path = write_plan(tmp_path, text, "commented.toml")
    severities = {f.severity.value for f in evaluate(read_plan(path)).findings}
    assert "warning" in severities and "critical" not in severities
    return path


# --- version and usage ---------------------------------------------------------------------


def test_version(run: Run) -> None:
    assert run("--version") == (0, f"planner {__version__}\n", "")


@pytest.mark.parametrize("verb", ["edit", "new", "templates", "check", "export", "log", "schema"])
def test_verb_help(run: Run, verb: str) -> None:
    status, out, _ = run(verb, "--help")
    assert status == 0
    assert out.startswith(f"usage: planner {verb}")


def test_check_help_lists_the_rule_ids(run: Run) -> None:
    _, out, _ = run("check", "--help")
    assert "back-to-back-heavy" in out
    assert "glycogen-refill" in out


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--format", "xml", "x.toml"],
        ["check", "--fail-on", "info", "x.toml"],
        ["export", "x.toml"],
        ["export", "x.toml", "--to", "pdf"],
        ["export", "x.toml", "--to", "md", "--week", "0"],
        ["check", "--week", "x", "x.toml"],
        ["log", "x.toml"],
        ["log", "--from", "x.csv"],
        ["new"],
        ["frobnicate"],
        ["--no-such-option"],
    ],
)
def test_usage_errors_exit_2(run: Run, args: list[str]) -> None:
    status, out, err = run(*args)
    assert status == 2
    assert out == ""
    assert err.startswith("usage: planner")


# --- check: text -----------------------------------------------------------------------------

METRIC_NAMES = [
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


def test_check_text_blocks(run: Run) -> None:
    report = evaluate(read_plan(OVERLOADED))
    status, out, err = run("check", OVERLOADED)
    assert status == 1  # critical findings, default --fail-on critical
    assert err == ""
    lines = out.rstrip("\n").split("\n")
    assert lines[0].startswith(f"{OVERLOADED}: overload risk {report.risk.value.upper()}: ")
    assert lines[1].startswith(f"{OVERLOADED}: recovery {report.recovery.value.upper()}: ")
    # which findings make the risk what it is
    for rule in {f.rule for f in report.weeks[0].risk_findings}:
        assert rule in lines[0]
    assert [line[2:].split("  ")[0] for line in lines[2:15]] == METRIC_NAMES
    assert f"weekly load     {report.metrics.weekly_load} AU" in out
    for finding in report.findings:
        days = ", ".join(finding.days)
        where = f"week 1: {days}" if days else "week 1"
        line = f"{OVERLOADED}: {finding.severity.value} {finding.rule} [{where}]: {finding.message}"
        assert line in lines
        advice = lines[lines.index(line) + 1]
        assert advice.startswith("    ")
        assert finding.advice.startswith(advice.strip())
    # findings are most severe first
    severities = [
        line.split(": ", 2)[1].split(" ")[0]
        for line in lines
        if line.startswith(f"{OVERLOADED}: ") and " [week " in line
    ]
    assert severities == sorted(severities, key=["critical", "warning", "info"].index)


def test_check_text_of_several_files_in_order(run: Run, warning_only: Path) -> None:
    status, out, _ = run("check", GOOD, warning_only)
    assert status == 0
    assert out.index(f"{GOOD}: overload risk") < out.index(f"{warning_only}: overload risk")


def test_check_text_of_a_plan_without_findings(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_plan(tmp_path, EMPTY_WEEK)
    assert evaluate(read_plan(path)).findings == ()
    status, out, _ = run("check", path)
    assert status == 0
    assert out.startswith(f"{path}: overload risk LOW: ")
    assert f"{path}: recovery GOOD: " in out
    assert out.endswith(f"{path}: no findings\n")
    assert "not computed" in out  # monotony, strain, acwr and load change


def test_check_text_invalid_file_goes_to_stderr(run: Run, broken: Path) -> None:
    status, out, err = run("check", broken)
    assert status == 2
    assert out == ""
    assert err == f"{broken}:6: days.mon.sleep_hours: must be between 0 and 14, got 99\n"


def test_check_text_invalid_and_valid_files(run: Run, broken: Path) -> None:
    status, out, err = run("check", OVERLOADED, broken, GOOD)
    assert status == 2  # invalid wins over findings
    assert f"{OVERLOADED}: overload risk" in out
    assert f"{GOOD}: overload risk" in out
    assert err.startswith(f"{broken}:6: ")


@pytest.mark.parametrize("kind", ["missing", "directory", "binary"])
def test_check_unreadable_files(run: Run, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "week.toml"
    if kind == "directory":
        path.mkdir()
    elif kind == "binary":
        path.write_bytes(b"\x00\x01")
    status, out, err = run("check", path)
    assert status == 2
    assert out == ""
    assert err.startswith(f"{path}")
    expected = {"missing": "no such file", "directory": "is a directory", "binary": "binary file"}
    assert expected[kind] in err


# --- a block of several weeks ------------------------------------------------------------------

BLOCK = """\
# Three weeks: two build weeks and a deload.
format = 2

[plan]
name = "Autumn block"
start = 2026-11-30

[defaults]
sleep_hours = 8.0
bedtime = "22:30"
protein_meals = 4

[[weeks]]
label = "Build 1"

[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "Squat"
kind = "heavy"
activity = "strength"
focus = ["legs"]
minutes = 60
start = "18:00"
done = { minutes = 70, rpe = 9, source = "Strong 2026-11-30 18:05" }

[weeks.days.tue]
[[weeks.days.tue.sessions]]
title = "Bench"
kind = "heavy"
activity = "strength"
focus = ["chest", "arms"]
minutes = 60
start = "18:00"

[weeks.days.wed]
[[weeks.days.wed.sessions]]
title = "Brisk walk"
kind = "active_recovery"
activity = "walk"
minutes = 40
done = { status = "skipped", note = "rain" }

[weeks.days.fri]
[[weeks.days.fri.sessions]]
title = "Deadlift"
kind = "heavy"
activity = "strength"
focus = ["back"]
minutes = 60
start = "18:00"

[[weeks]]
label = "Build 2"

[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "Squat"
kind = "heavy"
activity = "strength"
focus = ["legs"]
minutes = 65
start = "18:00"

[weeks.days.tue]
[[weeks.days.tue.sessions]]
title = "Bench"
kind = "heavy"
activity = "strength"
focus = ["chest", "arms"]
minutes = 65
start = "18:00"

[weeks.days.thu]
[[weeks.days.thu.sessions]]
title = "Deadlift"
kind = "heavy"
activity = "strength"
focus = ["back"]
minutes = 65
start = "18:00"

[weeks.days.fri]
[[weeks.days.fri.sessions]]
title = "Intervals"
kind = "heavy"
activity = "run"
minutes = 50
start = "07:00"

[[weeks]]
label = "Deload"
type = "deload"

[weeks.days.tue]
[[weeks.days.tue.sessions]]
title = "Light full body"
kind = "light"
activity = "strength"
minutes = 40

[[accepted]]
rule = "back-to-back-heavy"
reason = "Upper/lower split; my coach planned it."
"""


@pytest.fixture
def block(write_plan: Callable[..., Path], tmp_path: Path) -> Path:
    return write_plan(tmp_path, BLOCK, "block.toml")


def test_check_text_of_a_block(run: Run, block: Path) -> None:
    report = evaluate(read_plan(block))
    status, out, err = run("check", block)
    assert err == ""
    lines = out.rstrip("\n").split("\n")
    assert lines[0].startswith(f"{block}: overload risk {report.risk.value.upper()}: ")
    assert lines[1].startswith(f"{block}: recovery {report.recovery.value.upper()}: ")
    headings = [line for line in lines if line.startswith(f"{block}: week ")]
    assert headings == [
        f"{block}: week 1 of 3 · Build 1 · 30 Nov-6 Dec 2026",
        f"{block}: week 2 of 3 · Build 2 · 7-13 Dec 2026",
        f"{block}: week 3 of 3 · Deload · deload · 14-20 Dec 2026",
    ]
    for week in report.weeks:
        heading = lines.index(headings[week.week - 1])
        assert lines[heading + 1].startswith(f"  overload risk {week.risk.value.upper()}: ")
        assert lines[heading + 2].startswith(f"  recovery {week.recovery.value.upper()}: ")
        assert lines[heading + 3].startswith("  daily load ")
        for finding in week.findings:
            assert f"{finding.rule} [week {week.week}" in out
    # week 1 logged: its done load and compliance are shown
    week1 = report.weeks[0].metrics
    assert week1.done_load == 630  # squat 70 x 9, the walk skipped
    assert f"done load       {week1.done_load} AU" in out
    # accepted findings come last, with their reason
    accepted = [f for f in report.findings if f.accepted]
    assert accepted, "the block's back-to-back-heavy findings are accepted"
    heading = lines.index(f"{block}: accepted on purpose (shown, not counted):")
    assert heading > lines.index(headings[-1])
    assert "    accepted: Upper/lower split; my coach planned it." in lines[heading:]
    worst = max((f.severity.rank for f in report.findings if not f.accepted), default=-1)
    assert status == (1 if worst >= 2 else 0)


def test_check_text_of_one_week(run: Run, block: Path) -> None:
    report = evaluate(read_plan(block))
    status, out, _ = run("check", block, "--week", "2")
    lines = out.rstrip("\n").split("\n")
    week = report.week(2)
    assert lines[0].startswith(f"{block}: overload risk {week.risk.value.upper()}: ")
    assert lines[2] == f"{block}: week 2 of 3 · Build 2 · 7-13 Dec 2026"
    assert "week 1 of 3" not in out and "week 3 of 3" not in out
    assert "[week 1" not in out and "[week 3" not in out
    fails = any(f.counts and f.severity is Severity.critical for f in week.findings)
    assert status == (1 if fails else 0)


@pytest.mark.parametrize("week", ["4", "2"])
def test_check_week_out_of_range_is_a_usage_error(run: Run, block: Path, week: str) -> None:
    status, out, err = run("check", block, GOOD, "--week", week)
    assert status == 2
    assert out == ""
    if week == "4":
        assert err == (
            f"planner check: error: --week 4 is out of range: {block} has 3 weeks (1-3)\n"
        )
    else:
        assert err == f"planner check: error: --week 2 is out of range: {GOOD} has 1 week\n"


@pytest.mark.parametrize("week", ["0", "-1", "two"])
def test_check_week_must_be_a_week_number(run: Run, block: Path, week: str) -> None:
    status, out, err = run("check", block, "--week", week)
    assert status == 2
    assert out == ""
    assert err.startswith("usage: planner check")
    assert "--week" in err


# --- check: exit status ------------------------------------------------------------------------


def test_exit_status_follows_fail_on(run: Run, warning_only: Path) -> None:
    assert run("check", GOOD)[0] == 0
    assert run("check", GOOD, "--fail-on", "warning")[0] == 0
    assert run("check", warning_only)[0] == 0
    assert run("check", warning_only, "--fail-on", "critical")[0] == 0
    assert run("check", warning_only, "--fail-on", "warning")[0] == 1
    assert run("check", OVERLOADED)[0] == 1
    assert run("check", OVERLOADED, "--fail-on", "warning")[0] == 1
    assert run("check", GOOD, OVERLOADED)[0] == 1
    assert run("check", "--format", "json", warning_only, "--fail-on", "warning")[0] == 1


def test_exit_status_2_when_any_file_is_invalid(run: Run, broken: Path) -> None:
    assert run("check", GOOD, broken)[0] == 2
    assert run("check", broken, OVERLOADED)[0] == 2
    assert run("check", "--format", "json", OVERLOADED, broken)[0] == 2


def test_accepted_findings_never_fail(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    report = evaluate(read_plan(OVERLOADED))
    failing = sorted({f.rule for f in report.findings if f.severity is not Severity.info})
    text = OVERLOADED.read_text(encoding="utf-8") + "".join(
        f'\n[[accepted]]\nrule = "{rule}"\nreason = "Testing, on purpose."\n' for rule in failing
    )
    path = write_plan(tmp_path, text, "accepted.toml")
    accepted = evaluate(read_plan(path))
    assert all(f.accepted for f in accepted.findings if f.severity is not Severity.info)
    assert run("check", path)[0] == 0
    assert run("check", path, "--fail-on", "warning")[0] == 0
    status, result, _ = check_json(run, path)
    assert status == 0
    findings = result[0]["findings"]
    flags = [f["accepted"] for f in findings]
    assert flags == sorted(flags)  # accepted ones last
    assert all(f["reason"] == "Testing, on purpose." for f in findings if f["accepted"])
    assert all(f["reason"] is None for f in findings if not f["accepted"])


# --- check: JSON ------------------------------------------------------------------------------

DAY_ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def check_json(run: Run, *files: Path | str) -> tuple[int, list[dict[str, Any]], str]:
    status, out, err = run("check", "--format", "json", *files)
    return status, json.loads(out), err


def assert_two_decimals(value: Any) -> None:
    if isinstance(value, float):
        assert round(value, 2) == value, value
    elif isinstance(value, list):
        for item in value:
            assert_two_decimals(item)
    elif isinstance(value, dict):
        for item in value.values():
            assert_two_decimals(item)


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.toml")), ids=lambda p: p.name)
def test_check_json_shape(run: Run, path: Path) -> None:
    status, result, err = check_json(run, path)
    assert err == ""
    assert isinstance(result, list) and len(result) == 1
    entry = result[0]
    assert list(entry) == FILE_KEYS
    assert entry["file"] == str(path)
    assert entry["valid"] is True
    assert entry["error"] is None
    assert entry["errors"] == []
    assert entry["risk"] in ("low", "moderate", "high")
    assert entry["recovery"] in ("good", "fair", "poor")
    report = evaluate(read_plan(path))
    if len(report.weeks) == 1:
        assert list(entry["metrics"]) == METRIC_KEYS
        metrics = entry["metrics"]
        assert [list(week) for week in entry["weeks"]] == [WEEK_KEYS]
        assert entry["weeks"][0]["metrics"] == metrics
    else:  # cli.md: `metrics` is null for a longer plan; read `weeks`
        assert entry["metrics"] is None
        assert [week["week"] for week in entry["weeks"]] == list(range(1, len(report.weeks) + 1))
        metrics = entry["weeks"][0]["metrics"]
    for week in entry["weeks"]:
        assert list(week) == WEEK_KEYS
        assert list(week["metrics"]) == METRIC_KEYS
        assert len(week["metrics"]["daily_load"]) == 7
        assert sum(week["metrics"]["daily_load"]) == week["metrics"]["weekly_load"]
        for key in ("heavy_sessions", "easy_days", "rest_days", "weekly_load", "planned_load"):
            assert isinstance(week["metrics"][key], int)
    assert_two_decimals(entry)
    for finding in entry["findings"]:
        assert list(finding) == FINDING_KEYS
        assert finding["severity"] in ("info", "warning", "critical")
        assert finding["days"] == sorted(finding["days"], key=DAY_ORDER.index)
    assert entry["risk"] == report.risk.value
    assert entry["recovery"] == report.recovery.value
    assert [f["rule"] for f in entry["findings"]] == [f.rule for f in report.findings]
    assert metrics["weekly_load"] == report.metrics.weekly_load
    if report.metrics.monotony is not None:
        assert metrics["monotony"] == round(report.metrics.monotony, 2)
    worst = max((f.severity.rank for f in report.findings if not f.accepted), default=-1)
    assert status == (1 if worst >= 2 else 0)


def test_check_json_of_a_block(run: Run, block: Path) -> None:
    report = evaluate(read_plan(block))
    _, result, _ = check_json(run, block)
    entry = result[0]
    assert list(entry) == FILE_KEYS
    assert entry["metrics"] is None  # a longer plan: read `weeks`
    assert (entry["risk"], entry["recovery"]) == (report.risk.value, report.recovery.value)
    assert [(w["week"], w["label"], w["type"], w["start"]) for w in entry["weeks"]] == [
        (1, "Build 1", "build", "2026-11-30"),
        (2, "Build 2", "build", "2026-12-07"),
        (3, "Deload", "deload", "2026-12-14"),
    ]
    assert [w["risk"] for w in entry["weeks"]] == [w.risk.value for w in report.weeks]
    week1 = entry["weeks"][0]["metrics"]
    assert list(week1) == METRIC_KEYS
    assert week1["done_load"] == 630
    assert week1["planned_load"] == 3 * 480 + 80
    assert week1["compliance_pct"] == round(100 * 630 / (480 + 80), 2)
    assert [(f["rule"], f["week"]) for f in entry["findings"]] == [
        (f.rule, f.week) for f in report.findings
    ]
    assert_two_decimals(entry)


def test_check_json_of_one_week_keeps_the_shape(run: Run, block: Path) -> None:
    report = evaluate(read_plan(block))
    _, result, _ = check_json(run, block, "--week", "2")
    entry = result[0]
    assert list(entry) == FILE_KEYS
    week = report.week(2)
    assert (entry["risk"], entry["recovery"]) == (week.risk.value, week.recovery.value)
    assert [w["week"] for w in entry["weeks"]] == [2]
    assert entry["metrics"] == entry["weeks"][0]["metrics"]
    assert entry["metrics"]["weekly_load"] == week.metrics.weekly_load
    assert [f["rule"] for f in entry["findings"]] == [f.rule for f in week.findings]
    assert all(f["week"] == 2 for f in entry["findings"])


def test_check_json_metrics_that_cannot_be_computed_are_null(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_plan(tmp_path, EMPTY_WEEK)
    _, result, _ = check_json(run, path)
    metrics = result[0]["metrics"]
    assert metrics["daily_load"] == [0] * 7
    assert metrics["weekly_load"] == 0
    # no history: no acute:chronic ratio and no change from last week
    assert metrics["acwr"] is None
    assert metrics["load_change_pct"] is None
    # every day the same load: the spread is zero, so monotony and strain are undefined
    assert metrics["monotony"] is None
    assert metrics["strain"] is None
    # nothing logged
    assert metrics["done_load"] is None
    assert metrics["compliance_pct"] is None
    assert metrics["sleep_debt_hours"] == 0


def test_check_json_invalid_file_entry(run: Run, broken: Path) -> None:
    status, result, err = check_json(run, GOOD, broken, OVERLOADED)
    assert status == 2
    assert [entry["file"] for entry in result] == [str(GOOD), str(broken), str(OVERLOADED)]
    entry = result[1]
    assert list(entry) == FILE_KEYS
    assert entry == {
        "file": str(broken),
        "valid": False,
        "error": f"{broken}:6: days.mon.sleep_hours: must be between 0 and 14, got 99",
        "errors": [
            {
                "line": 6,
                "column": None,
                "key": "days.mon.sleep_hours",
                "message": "must be between 0 and 14, got 99",
            }
        ],
        "risk": None,
        "recovery": None,
        "metrics": None,
        "weeks": None,
        "findings": None,
    }
    assert result[0]["valid"] is True and result[2]["valid"] is True
    assert err == ""


def test_check_json_lists_every_problem_and_error_is_the_first(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    text = EMPTY_WEEK + 'level = "pro"\n[defaults]\nsleep_hours = 20\n'
    path = write_plan(tmp_path, text)
    status, result, err = check_json(run, path, GOOD)
    assert status == 2
    assert err == ""
    entry = result[0]
    assert entry["error"] == (
        f'{path}:5: plan.level: must be one of beginner, intermediate or advanced, got "pro"'
    )
    assert entry["errors"] == [
        {
            "line": 5,
            "column": None,
            "key": "plan.level",
            "message": 'must be one of beginner, intermediate or advanced, got "pro"',
        },
        {
            "line": 7,
            "column": None,
            "key": "defaults.sleep_hours",
            "message": "must be between 0 and 14, got 20",
        },
    ]
    assert result[1]["errors"] == []


def test_check_json_errors_of_a_syntax_error_have_a_column(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_plan(tmp_path, EMPTY_WEEK + "level = = 3\n")
    _, result, _ = check_json(run, path)
    assert result[0]["errors"] == [
        {"line": 5, "column": 9, "key": None, "message": "invalid TOML: invalid value"}
    ]


def test_check_text_prints_one_line_per_problem(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    text = EMPTY_WEEK + 'level = "pro"\n[defaults]\nsleep_hours = 20\n'
    path = write_plan(tmp_path, text)
    status, out, err = run("check", path)
    assert (status, out) == (2, "")
    assert err.splitlines() == [
        f'{path}:5: plan.level: must be one of beginner, intermediate or advanced, got "pro"',
        f"{path}:7: defaults.sleep_hours: must be between 0 and 14, got 20",
    ]


NASTY = "\x1b]0;title\x07\x1b[2J"


@pytest.mark.parametrize("output", ["text", "json"])
def test_check_of_a_nasty_key_and_value_is_inert(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path, output: str
) -> None:
    escapes = NASTY.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    text = EMPTY_WEEK + f'level = "{escapes}\\nx"\n"{escapes}" = 1\n'
    path = write_plan(tmp_path, text)
    status, out, err = run("check", "--format", output, path)
    assert status == 2
    shown = out + err
    assert "\x1b" not in shown and "\x07" not in shown
    if output == "text":
        assert len(err.splitlines()) == 2
        assert "\\x1b]0;title\\x07\\x1b[2J" in err
        assert '\\nx"' in err
    else:
        errors = json.loads(out)[0]["errors"]
        assert {error["key"] for error in errors} == {
            "plan.level",
            "plan.\\x1b]0;title\\x07\\x1b[2J",
        }


def test_check_json_lists_every_error(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    text = (
        'format = 2\n\n[plan]\nname = "Two errors"\n\n[[weeks]]\n[weeks.days.mon]\n'
        '[[weeks.days.mon.sessions]]\ntitle = "A"\nkind = "heavy"\nminutes = 60\nrpe = 12\n'
        '[[weeks.days.mon.sessions]]\ntitle = "B"\nkind = "hard"\nminutes = 60\n'
    )
    path = write_plan(tmp_path, text, "two.toml")
    with pytest.raises(PlanError) as raised:
        read_plan(path)
    problems = raised.value.problems
    status, result, _ = check_json(run, path)
    assert status == 2
    errors = result[0]["errors"]
    assert errors == [
        {"line": p.line, "column": p.column, "key": p.key or None, "message": p.reason}
        for p in problems
    ]
    keys = [e["key"] for e in errors]
    assert keys[:2] == ["weeks[0].days.mon.sessions[0].rpe", "weeks[0].days.mon.sessions[1].kind"]
    assert errors[0]["message"] == "must be between 1 and 10, got 12"
    assert result[0]["error"] == problems[0].format(str(path))


def test_check_json_missing_file_entry(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "gone.toml"
    status, result, _ = check_json(run, missing)
    assert status == 2
    assert result[0]["valid"] is False
    assert result[0]["error"] == f"{missing}: no such file"
    assert result[0]["errors"] == [
        {"line": None, "column": None, "key": None, "message": "no such file"}
    ]


def test_check_json_numbers_are_rounded(
    run: Run, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    text = (
        EMPTY_WEEK
        + '\n[days.mon]\n[[days.mon.sessions]]\ntitle = "A"\nkind = "heavy"\nminutes = 37\n'
        + '\n[days.wed]\n[[days.wed.sessions]]\ntitle = "B"\nkind = "light"\nminutes = 23\n'
        + "\n[history]\nweekly_loads = [301, 289, 333]\n"
    )
    path = write_plan(tmp_path, text)
    _, result, _ = check_json(run, path)
    metrics = result[0]["metrics"]
    report = evaluate(read_plan(path))
    for key in ("monotony", "strain", "acwr", "load_change_pct"):
        value = getattr(report.metrics, key)
        assert metrics[key] == (None if value is None else round(value, 2)), key
    assert_two_decimals(result)
    assert metrics["load_change_pct"] is not None


# --- export ------------------------------------------------------------------------------------


def test_export_toml_to_stdout_reimports_equal(run: Run, warning_only: Path) -> None:
    status, out, err = run("export", warning_only, "--to", "toml")
    assert status == 0
    assert err == ""
    plan = read_plan(warning_only)
    assert out == canonical_toml(plan)
    assert parse_plan(out) == plan
    # defaults are written only where the source had them
    assert "repeats" not in out
    assert "rpe = 8" in out


def test_export_refuses_to_write_over_the_plan_it_exports(run: Run, warning_only: Path) -> None:
    before = warning_only.read_bytes()
    status, _out, err = run("export", warning_only, "--to", "toml", "-o", warning_only)
    assert status == 2
    assert "is the plan being exported" in err
    assert warning_only.read_bytes() == before


@pytest.mark.parametrize("path", sorted(PLANS.glob("*.toml")), ids=lambda p: p.name)
def test_export_toml_of_every_template_reimports_equal(run: Run, path: Path) -> None:
    status, out, _ = run("export", path, "--to", "toml")
    assert status == 0
    assert parse_plan(out) == read_plan(path)


def test_export_toml_of_a_block_and_of_one_week(run: Run, block: Path) -> None:
    plan = read_plan(block)
    status, out, _ = run("export", block, "--to", "toml")
    assert status == 0
    assert parse_plan(out) == plan
    status, out, _ = run("export", block, "--to", "toml", "--week", "2")
    assert status == 0
    week = parse_plan(out)
    assert week.format == 2
    assert week.week_list == (plan.week_list[1],)
    assert str(week.start) == "2026-12-07"
    assert week.history.weekly_loads == (plan.week_list[0].load,)


def test_export_json(run: Run, warning_only: Path) -> None:
    status, out, _ = run("export", warning_only, "--to", "json")
    assert status == 0
    data = json.loads(out)
    assert data["plan"]["name"] == "Strength 3x + active recovery"
    assert Plan.model_validate_json(out) == read_plan(warning_only)


def test_export_json_of_a_block_and_of_one_week(run: Run, block: Path) -> None:
    plan = read_plan(block)
    status, out, _ = run("export", block, "--to", "json")
    assert status == 0
    assert Plan.model_validate_json(out) == plan
    squat = json.loads(out)["weeks"][0]["days"]["mon"]["sessions"][0]
    assert squat["done"]["source"] == "Strong 2026-11-30 18:05"
    status, out, _ = run("export", block, "--to", "json", "--week", "3")
    assert status == 0
    data = json.loads(out)
    assert [w["label"] for w in data["weeks"]] == ["Deload"]
    assert data["plan"]["start"] == "2026-12-14"


def test_export_ics(run: Run, warning_only: Path) -> None:
    status, out, _ = run("export", warning_only, "--to", "ics")
    assert status == 0
    assert out.startswith("BEGIN:VCALENDAR")
    assert out.rstrip().endswith("END:VCALENDAR")
    plan = read_plan(warning_only)
    assert out.count("BEGIN:VEVENT") == len(list(plan.week_list[0].sessions()))
    # week_start = 2026-11-30 and the squat at 17:30:00 on Monday
    assert "DTSTART:20261130T173000" in out


def ics_events(text: str) -> list[dict[str, str]]:
    """Each VEVENT's properties (unfolded), in order."""
    unfolded = text.replace("\r\n ", "")
    found = []
    for chunk in unfolded.split("BEGIN:VEVENT")[1:]:
        body = chunk.split("END:VEVENT")[0]
        found.append(dict(line.split(":", 1) for line in body.split("\r\n") if ":" in line))
    return found


def test_export_ics_of_a_block_and_of_one_week(run: Run, block: Path) -> None:
    status, out, _ = run("export", block, "--to", "ics")
    assert status == 0
    events = ics_events(out)
    assert [(e["SUMMARY"], e.get("DTSTART", e.get("DTSTART;VALUE=DATE"))) for e in events] == [
        ("Squat", "20261130T180000"),
        ("Bench", "20261201T180000"),
        ("Brisk walk", "20261202"),
        ("Deadlift", "20261204T180000"),
        ("Squat", "20261207T180000"),
        ("Bench", "20261208T180000"),
        ("Deadlift", "20261210T180000"),
        ("Intervals", "20261211T070000"),
        ("Light full body", "20261215"),
    ]
    assert [e["STATUS"] for e in events].count("CANCELLED") == 1
    assert events[2]["STATUS"] == "CANCELLED"  # the skipped walk
    assert len({e["UID"] for e in events}) == len(events)
    _, week2, _ = run("export", block, "--to", "ics", "--week", "2")
    assert [e["UID"] for e in ics_events(week2)] == [e["UID"] for e in events[4:8]]


def test_export_ics_uid_stays_when_a_session_moves_day(
    run: Run, block: Path, write_plan: Callable[..., Path], tmp_path: Path
) -> None:
    before = {
        e["SUMMARY"]: e["UID"]
        for e in ics_events(run("export", block, "--to", "ics", "--week", "1")[1])
    }
    moved_text = BLOCK.replace(
        '[weeks.days.fri]\n[[weeks.days.fri.sessions]]\ntitle = "Deadlift"',
        '[weeks.days.sat]\n[[weeks.days.sat.sessions]]\ntitle = "Deadlift"',
        1,
    )
    assert moved_text != BLOCK
    moved = write_plan(tmp_path, moved_text, "moved.toml")
    events = ics_events(run("export", moved, "--to", "ics", "--week", "1")[1])
    assert {e["SUMMARY"]: e["UID"] for e in events} == before
    deadlift = next(e for e in events if e["SUMMARY"] == "Deadlift")
    assert deadlift["DTSTART"] == "20261205T180000"


def test_export_md(run: Run, warning_only: Path) -> None:
    status, out, _ = run("export", warning_only, "--to", "md")
    assert status == 0
    assert out.startswith("# Strength 3x + active recovery")
    assert "Squat, Romanian deadlift, lunges" in out
    assert "muscle" in out.lower()  # the warning is in the findings


def test_export_md_of_a_block_and_of_one_week(run: Run, block: Path) -> None:
    report = evaluate(read_plan(block))
    status, out, _ = run("export", block, "--to", "md")
    assert status == 0
    assert "## Block" in out
    assert (
        "| Week | Label | Type | Dates | Load | Planned | Done | Compliance | Risk | Recovery |"
        in out
    )
    for week in report.weeks:
        assert f"## Week {week.week} of 3" in out
    assert "- accepted: **" in out  # the accepted back-to-back-heavy, with its reason
    assert "Accepted on purpose: Upper/lower split; my coach planned it." in out
    assert "done: skipped (rain)" in out
    status, out, _ = run("export", block, "--to", "md", "--week", "3")
    assert status == 0
    assert "## Block" not in out
    assert "## Week 3 of 3 · Deload · deload · 14-20 Dec 2026" in out
    assert "## Week 1 of 3" not in out


@pytest.mark.parametrize("to", ["toml", "json", "ics", "md"])
def test_export_week_out_of_range(run: Run, block: Path, to: str, tmp_path: Path) -> None:
    out_path = tmp_path / f"out.{to}"
    status, out, err = run("export", block, "--to", to, "--week", "4", "-o", out_path)
    assert status == 2
    assert out == ""
    assert err == (
        f"planner export: error: --week 4: {block}: week 4 is out of range: "
        "the plan has 3 weeks (1-3)\n"
    )
    assert not out_path.exists()


@pytest.mark.parametrize("to", ["toml", "json", "ics", "md"])
def test_export_to_a_file(run: Run, warning_only: Path, tmp_path: Path, to: str) -> None:
    _, expected, _ = run("export", warning_only, "--to", to)
    out_path = tmp_path / f"out.{to}"
    status, out, err = run("export", warning_only, "--to", to, "-o", out_path)
    assert status == 0
    assert out == ""
    assert err == f"wrote {out_path}\n"
    written = out_path.read_bytes().decode("utf-8")  # iCalendar lines end in CRLF
    if to == "ics":  # DTSTAMP is the time of the export
        strip = [ln for ln in written.split("\n") if not ln.startswith("DTSTAMP")]
        assert strip == [ln for ln in expected.split("\n") if not ln.startswith("DTSTAMP")]
    else:
        assert written == expected
    assert not backup_path(out_path).exists()


@pytest.fixture
def linked(warning_only: Path, tmp_path: Path) -> dict[str, Path]:
    """Other names of the plan and of its backup."""
    backup = backup_path(warning_only)
    backup.write_text("# the previous version\n", encoding="utf-8")
    names = {
        "backup": backup,
        "dotdot": tmp_path / "sub" / ".." / warning_only.name,
        "symlink": tmp_path / "link.toml",
        "hard link": tmp_path / "hard.toml",
        "symlink to the backup": tmp_path / "bak-link.toml",
    }
    (tmp_path / "sub").mkdir()
    names["symlink"].symlink_to(warning_only)
    names["hard link"].hardlink_to(warning_only)
    names["symlink to the backup"].symlink_to(backup)
    return names


@pytest.mark.parametrize(
    "name", ["backup", "dotdot", "symlink", "hard link", "symlink to the backup"]
)
def test_export_never_writes_over_the_plan_or_its_backup(
    run: Run, warning_only: Path, linked: dict[str, Path], name: str
) -> None:
    before = warning_only.read_bytes()
    backup = backup_path(warning_only).read_bytes()
    status, out, err = run("export", warning_only, "--to", "md", "-o", linked[name])
    assert status == 2
    assert out == ""
    assert err.startswith(f"planner: {linked[name]} is the ")
    assert len(err.splitlines()) == 1
    assert warning_only.read_bytes() == before
    assert backup_path(warning_only).read_bytes() == backup


def test_export_of_a_linked_plan_never_writes_over_the_file_it_links_to(
    run: Run, warning_only: Path, tmp_path: Path
) -> None:
    link = tmp_path / "link.toml"
    link.symlink_to(warning_only)
    before = warning_only.read_bytes()
    for target in (warning_only, backup_path(warning_only), backup_path(link)):
        assert run("export", link, "--to", "toml", "-o", target)[0] == 2
    assert warning_only.read_bytes() == before
    assert not backup_path(warning_only).exists()


def test_export_into_a_symlink_loop(run: Run, warning_only: Path, tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    status, out, err = run("export", warning_only, "--to", "md", "-o", loop)
    assert (status, out) == (2, "")
    assert err.startswith(f"planner: cannot save {loop}: ")
    assert len(err.splitlines()) == 1


def test_new_into_a_symlink_loop(run: Run, tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    for args in ([], ["--force"]):
        status, out, err = run("new", loop, *args)
        assert (status, out) == (2, "")
        assert err.startswith(f"planner: cannot save {loop}: ")
        assert len(err.splitlines()) == 1


def test_export_of_an_invalid_file(run: Run, broken: Path, tmp_path: Path) -> None:
    out_path = tmp_path / "out.toml"
    status, out, err = run("export", broken, "--to", "toml", "-o", out_path)
    assert status == 2
    assert out == ""
    assert err.startswith(f"{broken}:6: days.mon.sleep_hours:")
    assert not out_path.exists()


def test_export_into_a_missing_folder(run: Run, warning_only: Path, tmp_path: Path) -> None:
    status, _, err = run("export", warning_only, "--to", "md", "-o", tmp_path / "no" / "x.md")
    assert status == 2
    assert err.startswith("planner: cannot save ")


# --- new and templates -------------------------------------------------------------------------


def test_new_from_the_default_template(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    status, out, err = run("new", path)
    assert status == 0
    assert out == f"wrote {path} from template {DEFAULT_TEMPLATE}\n"
    assert err == ""
    assert path.read_text(encoding="utf-8") == template_text(DEFAULT_TEMPLATE)
    read_plan(path)


def test_new_from_a_named_template(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "ppl.toml"
    assert run("new", path, "--template", "push-pull-legs")[0] == 0
    assert path.read_text(encoding="utf-8") == template_text("push-pull-legs")


def test_new_with_an_unknown_template_suggests_one(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    status, out, err = run("new", path, "--template", "push-pul-legs")
    assert status == 2
    assert out == ""
    assert err.startswith(
        'planner: unknown template "push-pul-legs"; did you mean "push-pull-legs"?'
    )
    for template in list_templates():
        assert template.name in err
    assert not path.exists()


def test_new_refuses_to_overwrite(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_bytes(b"# my precious plan\n")
    status, out, err = run("new", path)
    assert status == 2
    assert out == ""
    assert err == f"planner: {path} exists; use --force to overwrite it\n"
    assert path.read_bytes() == b"# my precious plan\n"
    assert not backup_path(path).exists()


def test_new_refuses_to_overwrite_a_broken_plan(run: Run, broken: Path) -> None:
    before = broken.read_bytes()
    assert run("new", broken, "--template", "deload-week")[0] == 2
    assert broken.read_bytes() == before


def test_new_with_force_overwrites_and_keeps_a_backup(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_bytes(b"# my precious plan\n")
    assert run("new", path, "--force", "--template", "deload-week")[0] == 0
    assert path.read_text(encoding="utf-8") == template_text("deload-week")
    assert backup_path(path).read_bytes() == b"# my precious plan\n"


def test_templates_lists_every_template(run: Run) -> None:
    status, out, err = run("templates")
    assert status == 0
    assert err == ""
    lines = out.rstrip("\n").split("\n")
    assert lines[0].split() == ["NAME", "TITLE", "WEEKS", "HEAVY", "EASY", "DAYS", "WEEKLY", "LOAD"]
    names = [line.split()[0] for line in lines[1:]]
    assert names == sorted(p.stem for p in PLANS.glob("*.toml"))
    for template in list_templates():
        row = next(line for line in lines if line.startswith(template.name + " "))
        assert template.title in row
        report = evaluate(read_plan(template.path))
        weeks = len(report.weeks)
        assert row.split()[-4:] == [
            str(weeks),
            format_number(round(sum(w.metrics.heavy_sessions for w in report.weeks) / weeks, 1)),
            format_number(round(sum(w.metrics.easy_days for w in report.weeks) / weeks, 1)),
            format_number(round(sum(w.metrics.weekly_load for w in report.weeks) / weeks, 1)),
        ]


def test_templates_help_says_what_the_numbers_of_a_block_are(run: Run) -> None:
    _, out, _ = run("templates", "--help")
    assert "mean per week" in " ".join(out.split())


# --- schema --------------------------------------------------------------------------------------


def test_schema_prints_the_committed_schema(run: Run) -> None:
    """What `planner schema` prints is docs/plan.schema.json, byte for byte (the
    committed file is checked against the model in tests/unit_tests/test_schema.py)."""
    status, out, _ = run("schema")
    assert status == 0
    assert out == (ROOT / "docs" / "plan.schema.json").read_text(encoding="utf-8"), (
        "planner schema and docs/plan.schema.json differ: run "
        "`planner schema > docs/plan.schema.json` and review the diff"
    )
    schema = json.loads(out)
    assert schema["type"] == "object"
    assert set(schema["required"]) == {"format", "plan"}
    assert schema.get("additionalProperties") is False


def test_schema_lists_the_rules_threshold_keys(run: Run) -> None:
    schema = json.loads(run("schema")[1])
    definitions = schema["$defs"]
    rules_ref = schema["properties"]["rules"]
    name = (rules_ref.get("$ref") or rules_ref["allOf"][0]["$ref"]).rsplit("/", 1)[1]
    rules = definitions[name]
    assert set(rules["properties"]) == {"disabled", *THRESHOLDS}
    assert rules.get("additionalProperties") is False
    assert "description" in rules["properties"]["muscle_recovery_hours"]


# --- as a real command ------------------------------------------------------------------------


def python(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run this Python with the worktree's `planner` importable, from any folder."""
    import os

    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + (os.pathsep + path if path else "")}
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_python_m_planner_version() -> None:
    result = python("-m", "planner", "--version")
    assert (result.returncode, result.stdout) == (0, f"planner {__version__}\n")


def test_python_m_planner_check_exit_status_and_stderr(broken: Path) -> None:
    result = python("-m", "planner", "check", str(OVERLOADED))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{OVERLOADED}: overload risk HIGH: ")
    result = python("-m", "planner", "check", str(broken))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"{broken}:6: days.mon.sleep_hours: must be between 0 and 14, got 99\n"


def test_a_closed_pipe_is_not_an_error() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "planner", "schema"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(GOOD)],
        ["check", "--format", "json", str(OVERLOADED)],
        ["export", str(GOOD), "--to", "toml"],
        ["export", str(GOOD), "--to", "json"],
        ["export", str(GOOD), "--to", "ics"],
        ["export", str(GOOD), "--to", "md"],
        [
            "log",
            "{tmp}/new.toml",
            "--from",
            str(ROOT / "tests/data/workouts/strong.csv"),
            "--dry-run",
        ],
        ["schema"],
        ["templates"],
        ["new", "{tmp}/new.toml"],
    ],
    ids=lambda args: " ".join(a for a in args if "/" not in a),
)
def test_verbs_other_than_edit_never_import_textual(args: list[str], tmp_path: Path) -> None:
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    code = (
        "import sys\n"
        "from planner.cli import main\n"
        f"status = main({argv!r})\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not loaded, loaded\n"
        "print('status', status, file=sys.stderr)\n"
    )
    result = python("-c", code)
    assert "AssertionError" not in result.stderr, result.stderr
    assert "status " in result.stderr, result.stderr


DEEP = 500


@pytest.mark.parametrize(
    "text",
    [
        EMPTY_WEEK + "\n[history]\nweekly_loads = " + "[" * DEEP + "]" * DEEP + "\n",
        EMPTY_WEEK + "\n[history]\na = " + "{b = " * DEEP + "1" + "}" * DEEP + "\n",
        EMPTY_WEEK + "[" * DEEP + "x" + "]" * DEEP + "\n",
    ],
    ids=["arrays", "inline tables", "headers"],
)
@pytest.mark.parametrize("verb", ["check", "export", "edit"])
def test_deep_nesting_is_one_line_and_exit_2(tmp_path: Path, text: str, verb: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(text, encoding="utf-8")
    args = {
        "check": ["check", str(path)],
        "export": ["export", str(path), "--to", "json"],
        "edit": ["edit", str(path)],  # refused before the editor starts
    }[verb]
    result = python("-m", "planner", *args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"{path}:")
    assert "nested deeper than 16 levels" in lines[0]


def test_a_symlink_loop_through_the_real_command(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    result = python("-m", "planner", "new", str(loop), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    result = python("-m", "planner", "check", str(loop), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


# --- log ---------------------------------------------------------------------------------------

WORKOUTS = ROOT / "tests" / "data" / "workouts"

TO_LOG = """\
# Two weeks of upper/lower, logged from the gym app.
format = 2

[plan]
name = "Logged block"
start = 2026-11-30  # a Monday

[[weeks]]
label = "Week A"

# Upper body first.
[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "Upper"
kind = "heavy"
activity = "strength"
minutes = 60   # planned

[weeks.days.wed]
[[weeks.days.wed.sessions]]
title = "Easy run"
kind = "light"
activity = "run"
minutes = 30
[[weeks.days.wed.sessions]]
title = "Legs"
kind = "heavy"
activity = "strength"
minutes = 60

[[weeks]]
label = "Week B"

[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "Upper"
kind = "heavy"
activity = "strength"
minutes = 60
"""


@pytest.fixture
def to_log(write_plan: Callable[..., Path], tmp_path: Path) -> Path:
    return write_plan(tmp_path, TO_LOG, "block.toml")


def sources(plan: Plan) -> set[str]:
    return {
        session.done.source
        for week in plan.week_list
        for _, _, session in week.sessions()
        if session.done is not None and session.done.source
    }


@pytest.mark.parametrize(
    "csv",
    ["strong", "strong_semicolon", "strong_quoted", "strong_12h", "hevy", "hevy_lbs"],
)
def test_log_each_csv_shape(run: Run, to_log: Path, csv: str) -> None:
    path = WORKOUTS / f"{csv}.csv"
    workouts = read_workouts(path.read_text(encoding="utf-8"), str(path))
    expected = match_workouts(read_plan(to_log), workouts)
    assert expected.changes
    status, out, err = run("log", to_log, "--from", path)
    assert (status, err) == (0, "")
    lines = out.rstrip("\n").split("\n")
    assert lines[-2] == (
        f"{len(expected.matched)} matched, {len(expected.added)} added, 0 already logged, "
        f"{len(expected.left_out)} left out"
    )
    assert lines[-1] == f"wrote {to_log}"
    plan = read_plan(to_log)
    recorded = {m.workout.source for m in expected.matched} | {
        a.workout.source for a in expected.added
    }
    assert sources(plan) == recorded
    extras = [s for week in plan.week_list for _, _, s in week.sessions() if s.extra]
    assert len(extras) == len(expected.added)
    assert "# Upper body first." in to_log.read_text(encoding="utf-8")  # comments kept
    assert backup_path(to_log).read_text(encoding="utf-8") == TO_LOG


def test_log_matches_a_planned_session_and_leaves_out_later_workouts(
    run: Run, to_log: Path
) -> None:
    status, out, _ = run("log", to_log, "--from", WORKOUTS / "strong.csv")
    assert status == 0
    assert (
        "matched         Strong 2026-11-30 18:05 'Upper A' -> week 1 Monday 2026-11-30: "
        "'Upper' (65 min, RPE 9)"
    ) in out
    assert (
        "left out        Strong 2027-01-04 18:00 'Upper A': after the plan's last day (2026-12-13)"
    ) in out
    plan = read_plan(to_log)
    upper = plan.week_list[0].days.mon.sessions[0]
    assert upper.done is not None
    assert (upper.done.minutes, upper.done.rpe, upper.done.source) == (
        65,
        9,
        "Strong 2026-11-30 18:05",
    )
    assert not upper.extra
    legs = plan.week_list[0].days.wed.sessions[1]  # the run before it is not strength
    assert legs.done is not None and legs.done.source == "Strong 2026-12-02 07:30"
    assert plan.week_list[0].days.wed.sessions[0].done is None
    assert "2027-01-04" not in to_log.read_text(encoding="utf-8")


def test_log_the_same_csv_again_changes_nothing(run: Run, to_log: Path) -> None:
    assert run("log", to_log, "--from", WORKOUTS / "strong.csv")[0] == 0
    once = to_log.read_bytes()
    backup = backup_path(to_log).read_bytes()
    status, out, err = run("log", to_log, "--from", WORKOUTS / "strong.csv")
    assert (status, err) == (0, "")
    assert "0 matched, 0 added, 7 already logged, 1 left out\n" in out
    assert out.endswith(f"nothing new to log: {to_log} left as it is\n")
    assert to_log.read_bytes() == once
    assert backup_path(to_log).read_bytes() == backup


def test_log_a_broken_row_refuses_the_csv(run: Run, to_log: Path) -> None:
    path = WORKOUTS / "broken.csv"
    status, out, err = run("log", to_log, "--from", path)
    assert status == 2
    assert out == ""
    assert err.startswith(f"{path}: row 7: ")
    assert err.count("\n") == 1
    assert to_log.read_text(encoding="utf-8") == TO_LOG
    assert not backup_path(to_log).exists()


def test_log_dry_run_writes_nothing(run: Run, to_log: Path) -> None:
    status, out, _ = run("log", to_log, "--from", WORKOUTS / "strong.csv", "--dry-run")
    assert status == 0
    assert out.endswith(f"dry run: nothing written to {to_log}\n")
    assert to_log.read_text(encoding="utf-8") == TO_LOG
    assert not backup_path(to_log).exists()
    _, real, _ = run("log", to_log, "--from", WORKOUTS / "strong.csv")
    assert real.split("\n")[:-2] == out.split("\n")[:-2]  # the same report


def test_log_needs_a_plan_start(run: Run, write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, TO_LOG.replace("start = 2026-11-30  # a Monday\n", ""))
    before = path.read_bytes()
    status, out, err = run("log", path, "--from", WORKOUTS / "strong.csv")
    assert status == 2
    assert out == ""
    assert err.startswith(f"{path}: the plan has no start date")
    assert err.count("\n") == 1
    assert path.read_bytes() == before


def test_log_into_a_broken_or_missing_plan(run: Run, broken: Path, tmp_path: Path) -> None:
    before = broken.read_bytes()
    status, out, err = run("log", broken, "--from", WORKOUTS / "strong.csv")
    assert (status, out) == (2, "")
    assert err.startswith(f"{broken}:6: ")
    assert broken.read_bytes() == before
    missing = tmp_path / "missing.toml"
    status, _, err = run("log", missing, "--from", WORKOUTS / "strong.csv")
    assert status == 2
    assert err == f"{missing}: no such file\n"
    assert not missing.exists()


def test_log_from_a_missing_or_binary_csv(run: Run, to_log: Path, tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    status, _, err = run("log", to_log, "--from", missing)
    assert status == 2
    assert err == f"{missing}: cannot read: No such file or directory\n"
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"Date,\xff\xfe\n")
    status, _, err = run("log", to_log, "--from", binary)
    assert status == 2
    assert err == f"{binary}: not UTF-8 text (byte 0xff)\n"
    assert to_log.read_text(encoding="utf-8") == TO_LOG
