"""The engine as a whole: the registry covers the catalogue, and on random plans the
findings are deterministic, ordered, well formed, and the risk follows rules.md."""

from __future__ import annotations

import inspect

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.findings import Finding, Risk, Severity
from planner.model import DAY_KEYS, Plan
from planner.rules.catalogue import CATALOGUE, RULES_BY_ID
from planner.rules.engine import RULES, evaluate, risk_of

RULE_IDS = [rule.id for rule in CATALOGUE]
RISK_GROUP_NAMES = {"spacing", "load", "sleep"}

#: The severities rules.md allows each rule, written out independently of the code.
ALLOWED_SEVERITIES: dict[str, set[Severity]] = {
    "back-to-back-heavy": {Severity.warning},
    "heavy-streak": {Severity.critical},
    "muscle-recovery": {Severity.warning, Severity.critical},
    "heavy-count": {Severity.warning},
    "too-few-easy-days": {Severity.warning, Severity.critical},
    "no-active-recovery": {Severity.warning},
    "monotony": {Severity.info, Severity.warning},
    "load-change": {Severity.info, Severity.warning},
    "acwr": {Severity.info, Severity.warning},
    "session-spike": {Severity.warning, Severity.critical},
    "short-sleep": {Severity.info, Severity.warning},
    "irregular-bedtime": {Severity.warning},
    "late-hard-session": {Severity.warning},
    "protein-spread": {Severity.info},
    "glycogen-refill": {Severity.info},
    "intensity-mismatch": {Severity.info},
}


def expected_risk(findings: list[Finding]) -> Risk:
    """rules.md "Overload risk", word for word."""
    counted = [
        f
        for f in findings
        if f.severity in (Severity.warning, Severity.critical)
        and RULES_BY_ID[f.rule].group.value in RISK_GROUP_NAMES
    ]
    if any(f.severity is Severity.critical for f in counted):
        return Risk.high
    warnings = sum(f.severity is Severity.warning for f in counted)
    if warnings >= 3:
        return Risk.high
    if warnings >= 1:
        return Risk.moderate
    return Risk.low


# --- the registry ---------------------------------------------------------------------


def test_registry_covers_the_catalogue_exactly() -> None:
    assert list(RULES) == RULE_IDS
    assert set(ALLOWED_SEVERITIES) == set(RULE_IDS)


def test_every_rule_is_documented_with_its_source() -> None:
    for rule_id, rule in RULES.items():
        doc = inspect.getdoc(rule)
        assert doc, rule_id
        assert "Source:" in doc, rule_id
        assert list(inspect.signature(rule).parameters) == ["plan", "metrics"], rule_id


def test_disabling_every_rule_leaves_no_findings() -> None:
    plan = Plan.model_validate(
        {
            "format": 1,
            "plan": {"name": "All off"},
            "defaults": {"sleep_hours": 4},
            "days": {
                day: {"sessions": [{"title": "H", "kind": "heavy", "minutes": 90}]}
                for day in DAY_KEYS
            },
            "rules": {"disabled": RULE_IDS},
        }
    )
    report = evaluate(plan)
    assert report.findings == ()
    assert report.risk is Risk.low
    assert report.metrics.heavy_sessions == 7


# --- risk_of --------------------------------------------------------------------------

findings_strategy = st.lists(
    st.builds(
        Finding,
        rule=st.sampled_from(RULE_IDS),
        severity=st.sampled_from(list(Severity)),
        days=st.just(()),
        message=st.just("m"),
        advice=st.just("a"),
    ),
    max_size=8,
)


@given(findings_strategy)
def test_risk_of_follows_the_definition(findings: list[Finding]) -> None:
    assert risk_of(findings) is expected_risk(findings)


def test_risk_examples() -> None:
    def finding(rule: str, severity: Severity) -> Finding:
        return Finding(rule, severity, (), "m", "a")

    assert risk_of([]) is Risk.low
    assert risk_of([finding("monotony", Severity.info)]) is Risk.low
    assert risk_of([finding("short-sleep", Severity.warning)]) is Risk.moderate
    two = [finding("short-sleep", Severity.warning), finding("acwr", Severity.warning)]
    assert risk_of(two) is Risk.moderate
    assert risk_of([*two, finding("heavy-count", Severity.warning)]) is Risk.high
    assert risk_of([finding("heavy-streak", Severity.critical)]) is Risk.high
    nutrition = [finding("glycogen-refill", Severity.warning)] * 5
    assert risk_of(nutrition) is Risk.low


# --- random plans ---------------------------------------------------------------------

clock = st.builds(
    lambda hour, minute: f"{hour:02d}:{minute:02d}",
    st.integers(0, 23),
    st.sampled_from((0, 15, 30, 45)),
)
session = st.fixed_dictionaries(
    {
        "title": st.sampled_from(("Squat", "Run", "Walk")),
        "kind": st.sampled_from(("heavy", "moderate", "light", "active_recovery")),
        "minutes": st.integers(1, 240),
    },
    optional={
        "rpe": st.integers(1, 10),
        "start": clock,
        "activity": st.sampled_from(("strength", "run", "cycle", "swim", "walk", "mobility")),
        "focus": st.lists(
            st.sampled_from(("legs", "back", "chest", "arms", "core", "full_body")),
            unique=True,
            max_size=3,
        ),
        "carbs_after": st.booleans(),
    },
)
day = st.fixed_dictionaries(
    {},
    optional={
        "sessions": st.lists(session, max_size=3),
        "sleep_hours": st.sampled_from((5, 6.5, 7, 7.5, 8, 9)),
        "bedtime": clock,
        "protein_meals": st.integers(0, 6),
    },
)
rules = st.fixed_dictionaries(
    {},
    optional={
        "muscle_recovery_hours": st.integers(1, 168),
        "max_heavy_days": st.integers(0, 7),
        "min_easy_days": st.integers(0, 7),
        "monotony_max": st.floats(0, 5),
        "bedtime_spread_min": st.integers(0, 240),
        "disabled": st.lists(st.sampled_from(RULE_IDS), unique=True, max_size=4),
    },
)
plans = st.fixed_dictionaries(
    {
        "format": st.just(1),
        "plan": st.fixed_dictionaries(
            {"name": st.just("Random week")},
            optional={
                "level": st.sampled_from(("beginner", "intermediate", "advanced")),
                "repeats": st.booleans(),
                "body_mass_kg": st.integers(40, 120),
            },
        ),
        "days": st.dictionaries(st.sampled_from(DAY_KEYS), day, max_size=7),
    },
    optional={
        "defaults": st.fixed_dictionaries(
            {},
            optional={
                "sleep_hours": st.sampled_from((6, 7, 8)),
                "bedtime": clock,
                "protein_meals": st.integers(0, 5),
            },
        ),
        "history": st.fixed_dictionaries(
            {},
            optional={
                "weekly_loads": st.lists(st.integers(0, 6000), max_size=6),
                "longest_session_min": st.dictionaries(
                    st.sampled_from(("run", "cycle", "strength")), st.integers(20, 200)
                ),
            },
        ),
        "rules": rules,
    },
).map(Plan.model_validate)


@settings(max_examples=200, deadline=None)
@given(plans)
def test_risk_of_a_plan_follows_its_findings(plan: Plan) -> None:
    report = evaluate(plan)
    assert report.risk is expected_risk(list(report.findings))


@settings(max_examples=200, deadline=None)
@given(plans)
def test_same_plan_same_findings_in_the_same_order(plan: Plan) -> None:
    first = evaluate(plan)
    again = evaluate(plan)
    copy = evaluate(Plan.model_validate(plan.model_dump()))
    assert first.findings == again.findings == copy.findings
    assert first.metrics == copy.metrics
    assert first.risk is copy.risk
    assert list(first.findings) == sorted(first.findings, key=Finding.sort_key)


@settings(max_examples=200, deadline=None)
@given(plans)
def test_findings_are_well_formed(plan: Plan) -> None:
    for finding in evaluate(plan).findings:
        assert finding.rule not in plan.rules.disabled
        assert finding.severity in ALLOWED_SEVERITIES[finding.rule], finding
        order = [DAY_KEYS.index(key) for key in finding.days]
        assert order == sorted(set(order)), finding.days
        assert finding.message.endswith("."), finding.message
        assert finding.advice.endswith("."), finding.advice
        assert "\n" not in finding.message


@settings(max_examples=100, deadline=None)
@given(plans, st.lists(st.sampled_from(RULE_IDS), unique=True, min_size=1, max_size=6))
def test_disabled_rules_remove_only_their_findings(plan: Plan, switched_off: list[str]) -> None:
    data = plan.model_dump(exclude_none=True)
    data["rules"]["disabled"] = []
    everything = evaluate(Plan.model_validate(data)).findings
    data["rules"]["disabled"] = switched_off
    remaining = evaluate(Plan.model_validate(data)).findings
    assert remaining == tuple(f for f in everything if f.rule not in switched_off)
