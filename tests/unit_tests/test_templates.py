"""The bundled templates: each loads, teaches what it says, comes out at the verdict its
comments state (week by week, and for the plan), and `planner.templates` finds them by
name in a checkout or a wheel layout."""

from __future__ import annotations

import copy
import itertools
import math
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from planner import templates as templates_module
from planner.model import DAY_KEYS, Activity, Kind, Plan
from planner.planfile import PlanDocument, read_plan
from planner.report import PlanReport, Recovery, Risk, Severity
from planner.rules.engine import evaluate
from planner.templates import (
    DEFAULT_TEMPLATE,
    Template,
    TemplateNotFound,
    find_template,
    list_templates,
    template_text,
    templates_dir,
)

PLANS = Path(__file__).resolve().parents[2] / "plans"

LOW, MODERATE, HIGH = Risk.low, Risk.moderate, Risk.high
GOOD, FAIR, POOR = Recovery.good, Recovery.fair, Recovery.poor


def week(
    risk: Risk, recovery: Recovery, *fired: str, type: str = "build"
) -> tuple[str, Risk, Recovery, frozenset[str]]:
    """One week as expected: its type, both words, and every "rule:severity" it shows."""
    return type, risk, recovery, frozenset(fired)


#: Every template, week by week: type, overload risk, recovery and the findings shown.
EXPECTED: dict[str, list[tuple[str, Risk, Recovery, frozenset[str]]]] = {
    # The week templates (format 1, one week each).
    "beginner-full-body": [week(LOW, GOOD)],
    "deload-week": [week(LOW, GOOD, "acwr:info")],
    "hybrid-strength-endurance": [week(LOW, GOOD, "monotony:info")],
    "overloaded-week": [
        week(
            HIGH,
            POOR,
            "heavy-streak:critical",
            "too-few-easy-days:critical",
            "back-to-back-heavy:warning",
            "concurrent-interference:warning",
            "heavy-count:warning",
            "session-spike:warning",
            "load-change:warning",
            "monotony:warning",
            "acwr:info",
            "short-sleep:warning",
            "short-sleep:info",
            "irregular-sleep:warning",
            "late-hard-session:info",
            "protein-spread:info",
            "glycogen-refill:info",
            "no-active-recovery:info",
            "intensity-mismatch:info",
        )
    ],
    "push-pull-legs": [week(LOW, GOOD, "monotony:info")],
    "runner-10k-base": [week(LOW, GOOD)],
    "upper-lower-4": [week(LOW, GOOD)],
    # The block templates (format 2, several weeks, no start date).
    "strength-block-4": [
        week(LOW, GOOD),
        week(LOW, GOOD),
        week(LOW, GOOD),
        week(LOW, GOOD, "acwr:info", type="deload"),
    ],
    "runner-10k-8": [
        week(LOW, GOOD),
        week(LOW, GOOD),
        week(LOW, GOOD),
        week(LOW, GOOD, "acwr:info", type="deload"),
        week(LOW, GOOD),
        week(LOW, GOOD),
        week(LOW, GOOD, "acwr:info", type="taper"),
        week(LOW, GOOD, "acwr:info", type="race"),
    ],
    "hybrid-block-6": [
        week(LOW, GOOD, "monotony:info"),
        week(LOW, GOOD, "monotony:info"),
        week(LOW, GOOD, "monotony:info"),
        week(LOW, GOOD, "acwr:info", "monotony:info", type="deload"),
        week(LOW, GOOD, "monotony:info"),
        week(LOW, GOOD, "monotony:info"),
    ],
    "return-to-training-4": [week(LOW, GOOD)] * 4,
    # The logged example: strength-block-4 with dates, weeks 1 and 2 as done.
    "logged-block-example": [
        week(LOW, GOOD),
        week(LOW, GOOD, "acwr:info", "load-change:info"),
        week(LOW, GOOD),
        week(LOW, GOOD, "acwr:info", type="deload"),
    ],
}

#: The plan's words: those of its worst week, each on its own.
EXPECTED_PLAN: dict[str, tuple[Risk, Recovery]] = {
    "beginner-full-body": (LOW, GOOD),
    "deload-week": (LOW, GOOD),
    "hybrid-strength-endurance": (LOW, GOOD),
    "overloaded-week": (HIGH, POOR),
    "push-pull-legs": (LOW, GOOD),
    "runner-10k-base": (LOW, GOOD),
    "upper-lower-4": (LOW, GOOD),
    "strength-block-4": (LOW, GOOD),
    "runner-10k-8": (LOW, GOOD),
    "hybrid-block-6": (LOW, GOOD),
    "return-to-training-4": (LOW, GOOD),
    "logged-block-example": (LOW, GOOD),
}

WEEK_TEMPLATES = sorted(name for name, weeks in EXPECTED.items() if len(weeks) == 1)
BLOCK_TEMPLATES = sorted(name for name, weeks in EXPECTED.items() if len(weeks) > 1)
ALL_TEMPLATES = sorted(EXPECTED)

#: What a template's comments say `planner check` gives, e.g.
#: "planner check says: overload low, recovery good" (line breaks allowed).
VERDICT = re.compile(r"planner check says: overload (\w+), recovery (\w+)")


def path_of(name: str) -> Path:
    return PLANS / f"{name}.toml"


def load(name: str) -> Plan:
    return Plan.model_validate(raw(name))


def raw(name: str) -> dict[str, Any]:
    with path_of(name).open("rb") as file:
        return tomllib.load(file)


def text_of(name: str) -> str:
    return path_of(name).read_text(encoding="utf-8")


def report_of(data: dict[str, Any]) -> PlanReport:
    return evaluate(Plan.model_validate(data))


def fired(report: PlanReport, week_number: int | None = None) -> set[str]:
    """Every "rule:severity" the report shows (in one week, or in any)."""
    return {
        f"{finding.rule}:{finding.severity.value}"
        for finding in report.findings
        if week_number is None or finding.week == week_number
    }


def rules(report: PlanReport, week_number: int | None = None) -> set[str]:
    return {entry.split(":")[0] for entry in fired(report, week_number)}


def comment_text(lines: list[str]) -> str:
    """Comment lines as one text, the `#` and line breaks gone."""
    return " ".join(line.lstrip().lstrip("#").strip() for line in lines)


def top_comment(text: str) -> str:
    """The comment the file opens with, up to its first key or table."""
    lines = []
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line)
    return comment_text(lines)


def week_comments(text: str) -> list[str]:
    """For every `[[weeks]]` table, the comment lines right above it."""
    lines = text.splitlines()
    comments = []
    for index, line in enumerate(lines):
        if line.strip() != "[[weeks]]":
            continue
        above = index
        while above > 0 and lines[above - 1].lstrip().startswith("#"):
            above -= 1
        comments.append(comment_text(lines[above:index]))
    return comments


def stated_verdicts(comment: str) -> list[tuple[str, str]]:
    return VERDICT.findall(comment)


def loads(name: str) -> list[int]:
    return [week_report.metrics.weekly_load for week_report in evaluate(load(name)).weeks]


# --- the template files ----------------------------------------------------------------


def test_the_plans_directory_holds_exactly_the_expected_templates() -> None:
    assert sorted(path.stem for path in PLANS.glob("*.toml")) == ALL_TEMPLATES
    assert len(WEEK_TEMPLATES) == 7
    assert len(BLOCK_TEMPLATES) >= 4


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_template_is_a_valid_plan(name: str) -> None:
    plan = load(name)
    # The same through the file loader the CLI uses, with its own checks (size, encoding).
    assert read_plan(path_of(name)) == plan


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_template_has_its_designed_verdict_week_by_week(name: str) -> None:
    report = evaluate(load(name))
    expected = EXPECTED[name]
    assert len(report.weeks) == len(expected)
    for week_report, (week_type, risk, recovery, shown) in zip(report.weeks, expected, strict=True):
        assert week_report.type == week_type, week_report.week
        assert (week_report.risk, week_report.recovery) == (risk, recovery), week_report.week
        assert fired(report, week_report.week) == shown, week_report.week
    assert (report.risk, report.recovery) == EXPECTED_PLAN[name]


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_the_top_comment_states_the_plans_verdict(name: str) -> None:
    """So a comment can never drift from what `planner check` says."""
    report = evaluate(load(name))
    stated = stated_verdicts(top_comment(text_of(name)))
    assert stated == [(report.risk.value, report.recovery.value)]


@pytest.mark.parametrize("name", BLOCK_TEMPLATES)
def test_each_weeks_comment_states_that_weeks_verdict(name: str) -> None:
    report = evaluate(load(name))
    comments = week_comments(text_of(name))
    assert len(comments) == len(report.weeks)
    for comment, week_report in zip(comments, report.weeks, strict=True):
        assert comment.startswith(f"Week {week_report.week}"), comment
        assert stated_verdicts(comment) == [(week_report.risk.value, week_report.recovery.value)], (
            week_report.week
        )


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_template_is_commented(name: str) -> None:
    text = text_of(name)
    comment_lines = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comment_lines) >= 5
    assert text.startswith("# ")


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_template_survives_the_editing_round_trip_unchanged(name: str) -> None:
    text = text_of(name)
    document = PlanDocument.from_text(text, source=name)
    assert document.text() == text
    assert document.revalidate() == load(name)


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_template_gives_every_session_its_rpe_and_start(name: str) -> None:
    """Written out, so a change in the default RPE of a kind never changes a verdict,
    and every time-based rule has a time to measure."""
    plan = load(name)
    sessions = [session for week in plan.week_list for _, _, session in week.sessions()]
    assert sessions
    for session in sessions:
        assert session.rpe is not None, session.title
        assert session.start is not None, session.title
        assert session.focus is not None or session.activity is not Activity.strength


@pytest.mark.parametrize("name", ALL_TEMPLATES)
def test_only_the_overloaded_template_raises_the_risk(name: str) -> None:
    report = evaluate(load(name))
    raising = [finding for week in report.weeks for finding in week.risk_findings]
    if name == "overloaded-week":
        assert raising
    else:
        assert raising == [], name


# --- the week templates ------------------------------------------------------------------


@pytest.mark.parametrize("name", WEEK_TEMPLATES)
def test_week_template_is_a_complete_example_of_format_1(name: str) -> None:
    data = raw(name)
    plan = load(name)
    assert data["format"] == 1
    assert set(data["plan"]) >= {"name", "description", "level", "week_start", "body_mass_kg"}
    assert plan.plan.week_start is not None
    assert plan.plan.week_start.isoformat() == "2026-11-30"
    assert set(data["defaults"]) == {"sleep_hours", "bedtime", "protein_meals"}
    # Every day is written out and carries a note; templates plan all three day values.
    assert set(data["days"]) == set(DAY_KEYS)
    assert plan.days is not None
    for key, day in plan.days.items():
        assert day.note.strip(), key
        assert plan.sleep_hours(day) is not None, key
        assert plan.bedtime(day) is not None, key
        assert plan.protein_meals(day) is not None, key
    sessions = [session for day in data["days"].values() for session in day.get("sessions", [])]
    assert sessions
    for session in sessions:
        assert {"title", "kind", "activity", "minutes", "rpe", "start"} <= set(session)
    # v2 threshold names only (the version 1 names still load, but templates teach v2).
    assert not set(data.get("rules", {})) & {"max_heavy_days", "bedtime_spread_min"}


def test_the_default_template_has_no_findings() -> None:
    report = evaluate(load(DEFAULT_TEMPLATE))
    assert report.risk is Risk.low
    assert report.recovery is Recovery.good
    assert report.findings == ()
    plan = load(DEFAULT_TEMPLATE)
    assert plan.plan.level.value == "beginner"
    assert plan.days is not None
    heavy_days = [
        key
        for key, day in plan.days.items()
        if any(session.kind is Kind.heavy for session in day.sessions)
    ]
    assert heavy_days == ["mon", "wed", "fri"]
    assert report.metrics.heavy_sessions == 3
    assert report.metrics.easy_days >= 3
    # Without the longest recent walk in [history], Saturday's walk would be a "spike".
    data = raw(DEFAULT_TEMPLATE)
    del data["history"]
    assert fired(report_of(data)) == {"session-spike:info"}


def test_the_overloaded_template_makes_every_mistake_its_comments_name() -> None:
    text = text_of("overloaded-week")
    assert text.count("MISTAKE") >= 10
    report = evaluate(load("overloaded-week"))
    assert Severity.critical in {f.severity for f in report.findings if f.rule == "heavy-streak"}
    # Six different overload rules warn, six recovery rules fire: high and poor twice over.
    week_report = report.weeks[0]
    warned = {f.rule for f in week_report.risk_findings if f.severity is Severity.warning}
    assert len(warned) == 6
    assert len({f.rule for f in week_report.recovery_findings}) == 6
    # Version 2 causes the comments name.
    for rule in ("concurrent-interference", "intensity-mismatch", "irregular-sleep"):
        assert rule in rules(report), rule


def test_the_deload_week_is_well_below_its_history_and_says_so_as_info() -> None:
    report = evaluate(load("deload-week"))
    assert report.metrics.heavy_sessions == 0
    assert report.metrics.acwr is not None
    assert report.metrics.acwr < 0.6
    acwr = [finding for finding in report.findings if finding.rule == "acwr"]
    assert [finding.severity for finding in acwr] == [Severity.info]


def test_the_runner_template_grows_the_long_run_within_the_spike_limit() -> None:
    plan = load("runner-10k-base")
    assert plan.history.longest_session_min
    assert len(plan.history.weekly_loads) >= 4
    report = evaluate(plan)
    assert "session-spike" not in rules(report)
    assert report.metrics.load_change_pct is not None
    assert 0 < report.metrics.load_change_pct <= 10
    longest_run = max(
        s.minutes for _, _, s in plan.week_list[0].sessions() if s.activity is Activity.run
    )
    recent = plan.history.longest_session_min[Activity.run]
    assert recent < longest_run <= 1.1 * recent  # it grows, within the limit
    # Lengthen the long run past 110 % of the longest recent run and the rule warns.
    data = raw("runner-10k-base")
    data["days"]["sat"]["sessions"][0]["minutes"] = 100
    assert "session-spike:warning" in fired(report_of(data))


def test_the_hybrid_week_keeps_leg_strength_and_hard_endurance_a_day_apart() -> None:
    """What its comments teach about concurrent-interference, move by move."""
    data = raw("hybrid-strength-endurance")
    assert "concurrent-interference" not in rules(report_of(data))
    # No active override: the 24 h default is the one the week is laid out for.
    assert {key for key in data.get("rules", {}) if key != "disabled"} == set()

    def moved(day: str, start: str) -> dict[str, Any]:
        changed = copy.deepcopy(data)
        intervals = changed["days"]["thu"].pop("sessions")[0]
        intervals["start"] = start
        changed["days"][day].setdefault("sessions", []).insert(0, intervals)
        return changed

    # Intervals on Tuesday morning, 13 h after the squats: both heavy, a warning.
    early = report_of(moved("tue", "07:00"))
    interference = [f for f in early.findings if f.rule == "concurrent-interference"]
    assert [(f.severity, f.days) for f in interference] == [(Severity.warning, ("mon", "tue"))]
    # Tuesday 18:00 is exactly 24 h: this rule is quiet, back-to-back-heavy warns instead.
    late = report_of(moved("tue", "18:00"))
    assert "concurrent-interference" not in rules(late)
    assert "back-to-back-heavy:warning" in fired(late)
    # The moderate long ride on Monday morning, before the squats: an info.
    ride = copy.deepcopy(data)
    long_ride = ride["days"]["sun"].pop("sessions")[0]
    long_ride["start"] = "07:00"
    ride["days"]["mon"]["sessions"].insert(0, long_ride)
    assert "concurrent-interference:info" in fired(report_of(ride))
    # An easy run the morning after the squats: nothing.
    easy = copy.deepcopy(data)
    easy["days"]["tue"]["sessions"].insert(
        0,
        {
            "title": "Easy run",
            "kind": "light",
            "activity": "run",
            "minutes": 30,
            "rpe": 3,
            "start": "07:00",
        },
    )
    assert "concurrent-interference" not in rules(report_of(easy))


def test_the_upper_lower_split_stays_low_even_when_every_day_is_heavy() -> None:
    """As its comment says: a split of heavy days is an info, not a warning."""
    data = raw("upper-lower-4")
    for key in ("tue", "fri"):
        data["days"][key]["sessions"][0].update(kind="heavy", rpe=8)
    report = report_of(data)
    assert report.risk is Risk.low
    assert "back-to-back-heavy:info" in fired(report)
    assert "back-to-back-heavy:warning" not in fired(report)


def test_the_push_pull_legs_template_trains_six_days_without_touching_heavy_days() -> None:
    plan = load("push-pull-legs")
    assert plan.plan.level.value == "advanced"
    assert plan.days is not None
    lifting_days = [
        key
        for key, day in plan.days.items()
        if any(session.activity.value == "strength" for session in day.sessions)
    ]
    assert len(lifting_days) == 6
    shown = rules(evaluate(plan))
    assert "back-to-back-heavy" not in shown
    assert "muscle-recovery" not in shown


# --- the block templates -----------------------------------------------------------------


#: Each block's weeks by type, as the issue asks for them.
BLOCK_TYPES: dict[str, list[str]] = {
    "strength-block-4": ["build", "build", "build", "deload"],
    "runner-10k-8": ["build"] * 3 + ["deload"] + ["build"] * 2 + ["taper", "race"],
    "hybrid-block-6": ["build"] * 3 + ["deload"] + ["build"] * 2,
    "return-to-training-4": ["build"] * 4,
    "logged-block-example": ["build", "build", "build", "deload"],
}

#: The block that shows logging: it has dates, since logged sessions happened on days.
LOGGED_EXAMPLE = "logged-block-example"


def test_every_block_template_is_listed_with_its_weeks() -> None:
    assert sorted(BLOCK_TYPES) == BLOCK_TEMPLATES


@pytest.mark.parametrize("name", BLOCK_TEMPLATES)
def test_block_template_has_its_weeks_and_types(name: str) -> None:
    plan = load(name)
    assert [week.type.value for week in plan.week_list] == BLOCK_TYPES[name]
    assert all(week.label for week in plan.week_list)
    assert len({week.label for week in plan.week_list}) == len(plan.week_list)


@pytest.mark.parametrize("name", BLOCK_TEMPLATES)
def test_block_template_is_a_complete_example_of_format_2(name: str) -> None:
    data = raw(name)
    plan = load(name)
    assert data["format"] == 2
    assert set(data["plan"]) >= {"name", "description", "level", "body_mass_kg"}
    if name == LOGGED_EXAMPLE:
        assert plan.start is not None  # logged sessions happened on real days
    else:
        # Dates are left to the user: the weeks follow from the coming Monday.
        assert "start" not in data["plan"]
        assert plan.start is None
    assert plan.repeats is False
    assert set(data["defaults"]) == {"sleep_hours", "bedtime", "protein_meals"}
    assert len(plan.history.weekly_loads) >= 3  # enough for the acute:chronic ratio
    assert plan.history.longest_session_min
    for week_data in data["weeks"]:
        assert {"label", "type", "days"} <= set(week_data)
        for key, day in week_data["days"].items():
            assert day.get("note", "").strip(), (week_data["label"], key)
            for session in day.get("sessions", []):
                assert {"title", "kind", "activity", "minutes", "rpe", "start"} <= set(session)


def lighter_than(load_of_week: float, before: list[int] | list[float], share: float) -> bool:
    return load_of_week <= share * max(before)


def test_the_strength_block_builds_about_5_percent_a_week_then_deloads_to_about_60() -> None:
    build_1, build_2, build_3, deload = loads("strength-block-4")
    for before, after in ((build_1, build_2), (build_2, build_3)):
        assert 1.03 <= after / before <= 1.07
    assert 0.55 <= deload / build_3 <= 0.65
    plan = load("strength-block-4")
    assert [week.type.value for week in plan.week_list][-1] == "deload"
    assert not any(s.kind is Kind.heavy for _, _, s in plan.week_list[3].sessions())


def test_the_strength_block_deload_must_really_be_lighter() -> None:
    """As its comment says: over 70 % of Build 3 and deload-not-lighter warns."""
    data = raw("strength-block-4")
    for key in ("mon", "wed", "fri"):  # a deload that only cuts a set or two
        data["weeks"][3]["days"][key]["sessions"][0].update(minutes=70, rpe=6)
    report = report_of(data)
    assert report.weeks[3].metrics.weekly_load > 0.7 * report.weeks[2].metrics.weekly_load
    assert "deload-not-lighter:warning" in fired(report, 4)
    assert report.weeks[3].risk is Risk.moderate


def test_the_runner_block_tapers_into_a_race_on_the_weekend() -> None:
    plan = load("runner-10k-8")
    week_loads = loads("runner-10k-8")
    taper, race = plan.week_list[6], plan.week_list[7]
    assert (taper.type.value, race.type.value) == ("taper", "race")
    peak = max(week_loads[:6])
    assert lighter_than(week_loads[6], week_loads[:6], 0.65)
    assert week_loads[6] >= 0.5 * peak
    race_days = [key for key, _, s in race.sessions() if s.kind is Kind.heavy]
    assert race_days == ["sun"]
    # The easy week is lighter than 70 % of the three before it.
    assert lighter_than(week_loads[3], week_loads[:3], 0.7)
    # No run grows past 110 % of the longest of the 30 days before it.
    assert "session-spike" not in rules(evaluate(plan))


def test_the_runner_block_shows_what_a_missing_taper_and_a_long_build_would_say() -> None:
    """The block rules its comments promise, made to fire."""
    data = raw("runner-10k-8")
    taper = data["weeks"][6]["days"]
    taper["sat"]["sessions"][0]["minutes"] = 110
    taper["thu"]["sessions"][0]["minutes"] = 60
    report = report_of(data)
    assert "deload-not-lighter:warning" in fired(report, 7)
    assert "taper-missing:info" in fired(report, 8)
    # A fourth base week before the block: week 3 is the seventh in a row without an
    # easier one, and the easy week comes a week too late.
    longer = raw("runner-10k-8")
    longer["history"]["weekly_loads"] = [1600, *longer["history"]["weekly_loads"]]
    report = report_of(longer)
    assert fired(report, 3) == {"deload-due:warning"}
    assert report.weeks[2].risk is Risk.moderate


def test_the_hybrid_block_keeps_leg_strength_and_hard_runs_24_hours_apart() -> None:
    plan = load("hybrid-block-6")
    report = evaluate(plan)
    assert "concurrent-interference" not in rules(report)
    week_loads = loads("hybrid-block-6")
    assert plan.week_list[3].type.value == "deload"
    assert lighter_than(week_loads[3], week_loads[:3], 0.65)
    # Every week holds leg strength and a hard run, and no pair is less than a day apart.
    day = 24 * 60
    legs: list[int] = []
    runs: list[int] = []
    for index, week in enumerate(plan.week_list):
        count = len(legs), len(runs)
        for key, _, session in week.sessions():
            assert session.start is not None
            hour, minute = (int(part) for part in session.start.split(":"))
            at = (index * 7 + DAY_KEYS.index(key)) * day + hour * 60 + minute
            if session.kind in (Kind.heavy, Kind.moderate):
                if session.activity is Activity.strength and "legs" in session.focus_groups:
                    legs.append(at)
                elif session.activity is Activity.run:
                    runs.append(at)
        assert len(legs) > count[0] and len(runs) > count[1], index
    assert min(abs(leg - run) for leg in legs for run in runs) >= day
    # The easy run the morning after the squats is light: it does not count.
    tuesday = plan.week_list[0].days.tue.sessions
    assert tuesday[0].activity is Activity.run and tuesday[0].kind is Kind.light
    # Make it a moderate tempo run and the rule notes it.
    data = raw("hybrid-block-6")
    data["weeks"][0]["days"]["tue"]["sessions"][0].update(kind="moderate", rpe=5)
    assert "concurrent-interference:info" in fired(report_of(data), 1)


def test_the_return_block_starts_low_and_rises_gently() -> None:
    plan = load("return-to-training-4")
    assert plan.plan.level.value == "beginner"
    history = list(plan.history.weekly_loads)
    week_loads = loads("return-to-training-4")
    # The break is in [history]: the last weeks are low, the ones before them were not.
    assert max(history[-4:]) <= 0.5 * max(history)
    # Week 1 starts near the break, every later week adds at most 10 %.
    assert week_loads[0] <= 1.1 * max(history[-3:])
    for before, after in itertools.pairwise(week_loads):
        assert before < after <= 1.1 * before
    heavy = [
        sum(1 for _, _, s in week.sessions() if s.kind is Kind.heavy) for week in plan.week_list
    ]
    assert heavy == [0, 0, 0, 1]
    for week_report in evaluate(plan).weeks:
        assert week_report.metrics.acwr is not None
        assert 0.8 <= week_report.metrics.acwr <= 1.3


def test_the_return_block_explains_what_zeros_or_a_missing_break_would_do() -> None:
    """As its comment says."""
    zeros = raw("return-to-training-4")
    zeros["history"]["weekly_loads"] = [*zeros["history"]["weekly_loads"][:3], 0, 0, 0, 0]
    report = report_of(zeros)
    assert report.weeks[0].metrics.load_change_pct is None
    assert report.weeks[0].metrics.acwr is None
    assert fired(report, 1) == set()
    assert fired(report, 2) == {"acwr:info"}
    assert report.weeks[1].metrics.acwr is not None and report.weeks[1].metrics.acwr > 1.5
    no_break = raw("return-to-training-4")
    no_break["history"]["weekly_loads"] = no_break["history"]["weekly_loads"][:3]
    report = report_of(no_break)
    assert [fired(report, number) for number in (1, 2, 3)] == [{"acwr:info"}] * 3
    load_change = report.weeks[0].metrics.load_change_pct
    assert load_change is not None and math.isclose(100 + load_change, 38, abs_tol=0.5)


# --- finding templates by name ---------------------------------------------------------


def test_list_templates_names_every_template_sorted_with_its_title_and_weeks() -> None:
    found = list_templates()
    assert [template.name for template in found] == ALL_TEMPLATES
    for template in found:
        plan = load(template.name)
        assert template.path == path_of(template.name)
        assert template.title == plan.plan.name
        assert template.description == plan.plan.description.strip()
        assert template.weeks == len(plan.week_list) == len(EXPECTED[template.name])
    weeks = {template.name: template.weeks for template in found}
    assert weeks["beginner-full-body"] == 1
    assert (weeks["strength-block-4"], weeks["runner-10k-8"]) == (4, 8)
    assert (weeks["hybrid-block-6"], weeks["return-to-training-4"]) == (6, 4)


def test_the_checkout_templates_dir_is_the_repository_plans() -> None:
    assert templates_dir() == PLANS


def test_the_default_template_exists() -> None:
    assert find_template(DEFAULT_TEMPLATE).name == "beginner-full-body"


def test_find_template_forgives_case_and_the_toml_suffix() -> None:
    assert find_template("upper-lower-4").name == "upper-lower-4"
    assert find_template("Upper-Lower-4.toml").name == "upper-lower-4"
    assert find_template(" deload-week ").name == "deload-week"


def test_an_unknown_name_suggests_the_closest_and_lists_the_known_ones() -> None:
    with pytest.raises(TemplateNotFound) as caught:
        find_template("uper-lower-4")
    error = caught.value
    assert isinstance(error, LookupError)
    assert error.suggestion == "upper-lower-4"
    message = str(error)
    assert 'did you mean "upper-lower-4"?' in message
    for name in ALL_TEMPLATES:
        assert name in message


def test_an_unrelated_name_lists_the_known_ones_without_a_guess() -> None:
    with pytest.raises(TemplateNotFound) as caught:
        find_template("marathon")
    assert caught.value.suggestion is None
    assert "did you mean" not in str(caught.value)
    assert "beginner-full-body" in str(caught.value)


def test_a_path_is_not_a_template_name() -> None:
    with pytest.raises(TemplateNotFound):
        find_template("../pyproject")


def test_template_text_is_the_file_with_its_comments() -> None:
    text = template_text("overloaded-week")
    assert text == text_of("overloaded-week")
    assert "# MISTAKE" in text


# --- the directory, in a wheel and a checkout -------------------------------------------


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_wheel_finds_the_templates_inside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "planner"
    write(package / "plans" / "solo.toml", 'format = 1\n[plan]\nname = "Solo"\n')
    write(tmp_path / "site-packages" / "plans" / "stray.toml", "")
    monkeypatch.setattr(templates_module, "_PACKAGE_DIR", package)
    assert templates_dir() == package / "plans"
    assert [template.name for template in list_templates()] == ["solo"]
    assert find_template("solo").title == "Solo"


def test_a_stray_plans_directory_next_to_an_installed_package_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "planner"
    package.mkdir(parents=True)
    write(tmp_path / "site-packages" / "plans" / "stray.toml", "")
    monkeypatch.setattr(templates_module, "_PACKAGE_DIR", package)
    assert templates_dir() is None
    assert list_templates() == []
    with pytest.raises(TemplateNotFound, match="none found"):
        find_template(DEFAULT_TEMPLATE)


def test_a_checkout_finds_the_templates_next_to_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "planner").mkdir()
    write(tmp_path / "pyproject.toml", "")
    write(tmp_path / "plans" / "a.toml", "")
    monkeypatch.setattr(templates_module, "_PACKAGE_DIR", tmp_path / "planner")
    assert templates_dir() == tmp_path / "plans"


def test_an_unreadable_template_is_listed_without_a_title(tmp_path: Path) -> None:
    write(tmp_path / "broken.toml", "format = = 1\n")
    write(tmp_path / "no-plan.toml", "format = 1\n")
    write(tmp_path / "good.toml", '[plan]\nname = "Good"\ndescription = "  Fine.\\n"\n')
    write(tmp_path / "block.toml", 'format = 2\n[plan]\nname = "Block"\n[[weeks]]\n[[weeks]]\n')
    write(tmp_path / "odd.toml", 'weeks = "two"\n[plan]\nname = "Odd"\n')
    (tmp_path / "notes.txt").write_text("not a template", encoding="utf-8")
    found = list_templates(tmp_path)
    assert found == [
        Template("block", tmp_path / "block.toml", "Block", "", 2),
        Template("broken", tmp_path / "broken.toml", "", "", 0),
        Template("good", tmp_path / "good.toml", "Good", "Fine.", 1),
        Template("no-plan", tmp_path / "no-plan.toml", "", "", 1),
        Template("odd", tmp_path / "odd.toml", "Odd", "", 1),
    ]


def test_the_module_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, planner.templates\n"
        "heavy = [m for m in ('textual', 'tomlkit', 'pydantic', 'icalendar') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    import os

    root = str(Path(__file__).resolve().parents[2])
    path = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": root + (os.pathsep + path if path else "")}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert result.stdout.strip() == ""


def test_the_logged_example_has_two_weeks_logged_one_skip_and_an_extra_game() -> None:
    plan = load(LOGGED_EXAMPLE)
    assert len(plan.week_list) == 4
    logged = [
        [session.done is not None for _, _, session in week.sessions()] for week in plan.week_list
    ]
    assert sum(logged[0]) >= 5 and sum(logged[1]) >= 5
    assert not any(logged[2]) and not any(logged[3])
    sessions = [s for week in plan.week_list for _, _, s in week.sessions()]
    skipped = [s for s in sessions if s.skipped]
    extras = [s for s in sessions if s.extra]
    assert len(skipped) == 1
    assert len(extras) == 1 and extras[0].activity.value == "sport"
    assert "football" in extras[0].title.lower()
    report = evaluate(plan)
    first, second = report.weeks[0].metrics, report.weeks[1].metrics
    assert first.done_load is not None and second.done_load is not None
    assert second.compliance_pct is not None and second.compliance_pct > 120  # amber
    assert report.weeks[2].metrics.done_load is None
    # The skipped ride made its day a rest day.
    assert plan.week_list[0].days["thu"].day_type.value == "rest"
