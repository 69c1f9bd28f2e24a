"""The engine's own parts of rules.md v2: `[[accepted]]` findings and
`unused-acceptance`, and the overload risk and recovery words of a week and a plan."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import make_plan, session

from planner.report import Finding, Recovery, Risk, Severity
from planner.rules.engine import evaluate, recovery_of, risk_of

ONCE = {"repeats": False}


def run(kind: str = "heavy", **fields: Any) -> dict[str, Any]:
    return session(kind, 50, activity="run", **fields)


def pairs_week() -> dict[str, Any]:
    """Heavy runs on Monday, Tuesday, Thursday and Friday: two back-to-back pairs."""
    return {day: [run()] for day in ("mon", "tue", "thu", "fri")}


def rule_findings(plan: Any, rule: str) -> list[Finding]:
    return [f for f in evaluate(plan).findings if f.rule == rule]


# --- accepted findings --------------------------------------------------------------


def test_an_entry_with_the_rule_alone_accepts_every_finding_of_it() -> None:
    entry = {"rule": "back-to-back-heavy", "reason": "Upper/lower split."}
    plan = make_plan(pairs_week(), pairs_week(), accepted=[entry])
    findings = rule_findings(plan, "back-to-back-heavy")
    assert len(findings) == 4
    assert all(f.accepted and f.reason == "Upper/lower split." for f in findings)
    report = evaluate(plan)
    assert report.risk is Risk.low  # accepted findings count nowhere
    assert [f.rule for f in report.findings if f.rule == "unused-acceptance"] == []


def test_an_entry_with_a_week_accepts_only_that_weeks_findings() -> None:
    entry = {"rule": "back-to-back-heavy", "week": 2, "reason": "Coach's call."}
    report = evaluate(make_plan(pairs_week(), pairs_week(), accepted=[entry]))
    assert [(f.week, f.accepted) for f in report.findings if f.rule == "back-to-back-heavy"] == [
        (1, False),
        (1, False),
        (2, True),
        (2, True),
    ]
    assert report.week(1).risk is Risk.moderate
    assert report.week(2).risk is Risk.low
    assert report.risk is Risk.moderate


def test_days_match_as_a_set() -> None:
    entry = {"rule": "back-to-back-heavy", "days": ["tue", "mon"], "reason": "Fine."}
    findings = rule_findings(
        make_plan(pairs_week(), plan=ONCE, accepted=[entry]), "back-to-back-heavy"
    )
    assert [(f.days, f.accepted) for f in findings] == [  # accepted ones are listed last
        (("thu", "fri"), False),
        (("mon", "tue"), True),
    ]


def test_accepted_findings_are_listed_last_and_keep_their_words() -> None:
    plan = make_plan(
        pairs_week(),
        plan=ONCE,
        accepted=[{"rule": "back-to-back-heavy", "days": ["mon", "tue"], "reason": "Fine."}],
    )
    plain = evaluate(make_plan(pairs_week(), plan=ONCE))
    report = evaluate(plan)
    assert report.findings[-1].accepted
    assert report.findings[-1].message == next(
        f.message for f in plain.findings if f.days == ("mon", "tue")
    )
    assert not any(f.accepted for f in report.findings[:-1])


def test_accepted_recovery_findings_do_not_count_for_recovery() -> None:
    week = {"mon": {"sleep_hours": 6}, "tue": {"bedtime": "01:00"}}
    defaults = {"bedtime": "22:00", "protein_meals": 2}
    assert evaluate(make_plan(week, defaults=defaults)).recovery is Recovery.poor
    accepted = [{"rule": "protein-spread", "reason": "I eat well enough."}]
    assert evaluate(make_plan(week, defaults=defaults, accepted=accepted)).recovery is (
        Recovery.fair
    )


def test_an_entry_that_matches_nothing_is_an_unused_acceptance_of_its_week() -> None:
    entries = [
        {"rule": "heavy-streak", "week": 2, "reason": "Old."},
        {"rule": "back-to-back-heavy", "days": ["wed", "thu"], "reason": "Moved since."},
    ]
    report = evaluate(make_plan(pairs_week(), {}, accepted=entries))
    unused = [f for f in report.findings if f.rule == "unused-acceptance"]
    assert sorted((f.week or 0, f.severity, f.days) for f in unused) == [
        (0, Severity.info, ()),  # no week in the entry: week None
        (2, Severity.info, ()),
    ]
    assert {f.week for f in unused} == {None, 2}
    streak = next(f for f in unused if f.week == 2)
    assert "heavy-streak" in streak.message
    assert streak in report.week(2).findings
    assert report.risk is Risk.moderate  # an input info raises nothing


def test_unused_acceptance_can_be_disabled() -> None:
    plan = make_plan(
        {},
        accepted=[{"rule": "heavy-streak", "reason": "Old."}],
        rules={"disabled": ["unused-acceptance"]},
    )
    assert evaluate(plan).findings == ()


# --- the two words ------------------------------------------------------------------


def finding(rule: str, severity: Severity = Severity.warning, accepted: bool = False) -> Finding:
    return Finding(rule, severity, 1, (), "m.", "a.", accepted=accepted)


@pytest.mark.parametrize(
    ("rules", "debt", "expected"),
    [
        ((), 0, Recovery.good),
        (("short-sleep",), 0, Recovery.fair),
        (("short-sleep", "protein-spread"), 0, Recovery.fair),
        (("short-sleep", "protein-spread", "no-active-recovery"), 0, Recovery.poor),
        ((), 7, Recovery.poor),
        ((), 6.99, Recovery.good),
        (("monotony", "heavy-count", "intensity-mismatch"), 0, Recovery.good),
    ],
)
def test_recovery_word(rules: tuple[str, ...], debt: float, expected: Recovery) -> None:
    assert recovery_of([finding(rule, Severity.info) for rule in rules], debt) is expected


def test_each_recovery_rule_counts_once() -> None:
    findings = [
        finding("short-sleep"),
        finding("short-sleep", Severity.info),
        finding("protein-spread"),
    ]
    assert recovery_of(findings, 0) is Recovery.fair


def test_each_overload_rule_counts_once() -> None:
    three_pairs = [finding("back-to-back-heavy")] * 3
    assert risk_of(three_pairs, Recovery.good) is Risk.moderate
    three_rules = [finding("back-to-back-heavy"), finding("monotony"), finding("deload-due")]
    assert risk_of(three_rules, Recovery.good) is Risk.high


@pytest.mark.parametrize(
    ("findings", "recovery", "expected"),
    [
        ([], Recovery.poor, Risk.low),  # poor recovery never raises a low week
        ([finding("acwr", Severity.info)], Recovery.poor, Risk.low),  # infos never count
        ([finding("monotony")], Recovery.fair, Risk.moderate),
        ([finding("monotony")], Recovery.poor, Risk.high),  # hard work on poor recovery
        ([finding("heavy-streak", Severity.critical)], Recovery.good, Risk.high),
        ([finding("short-sleep")], Recovery.good, Risk.low),  # a recovery-side warning
        ([finding("monotony", accepted=True)], Recovery.poor, Risk.low),
    ],
)
def test_overload_risk_word(findings: list[Finding], recovery: Recovery, expected: Risk) -> None:
    assert risk_of(findings, recovery) is expected


def test_a_week_of_short_sleep_alone_is_low_risk_on_poor_recovery() -> None:
    report = evaluate(make_plan({"mon": [run()]}, defaults={"sleep_hours": 5.5}))
    assert report.weeks[0].metrics.sleep_debt_hours == 10.5
    assert (report.risk, report.recovery) == (Risk.low, Recovery.poor)


def test_a_moderate_week_on_poor_recovery_is_high() -> None:
    report = evaluate(make_plan(pairs_week(), plan=ONCE, defaults={"sleep_hours": 5.5}))
    assert report.recovery is Recovery.poor
    assert report.risk is Risk.high


def test_the_plan_takes_the_worst_week_of_each_word() -> None:
    report = evaluate(
        make_plan(
            {"mon": [run()], "tue": [run()]},
            {"mon": {"sleep_hours": 4.5}, "tue": {"sleep_hours": 4.5}, "wed": {"sleep_hours": 4.5}},
            defaults={"sleep_hours": 8},
        )
    )
    assert [(w.risk, w.recovery) for w in report.weeks] == [
        (Risk.moderate, Recovery.good),
        (Risk.low, Recovery.poor),
    ]
    assert (report.risk, report.recovery) == (Risk.moderate, Recovery.poor)
