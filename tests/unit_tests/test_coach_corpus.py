"""The coach corpus: realistic weeks, each with the verdict a careful coach gives it.

`tests/coach_corpus/*.toml` are one-week plans as coaches write them (strength splits,
endurance weeks, hybrid, team sport, shift work, beginners, masters, a busy parent, a
comeback and an overloaded week). `verdicts.toml` holds, per plan, the overload risk and
recovery that rules.md version 2 yields and a coach would sign, the rules that must be
among the findings and those that must not. Each plan file opens with the reasoning,
rule by rule.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from planner.planfile import read_plan
from planner.rules.engine import evaluate

CORPUS = Path(__file__).resolve().parent.parent / "coach_corpus"
VERDICTS: dict[str, dict[str, Any]] = tomllib.loads(
    (CORPUS / "verdicts.toml").read_text(encoding="utf-8")
)
PLAN_NAMES = sorted(path.stem for path in CORPUS.glob("*.toml") if path.name != "verdicts.toml")

#: The rule ids of rules.md version 2.
RULE_IDS = frozenset(
    {
        "back-to-back-heavy",
        "heavy-streak",
        "muscle-recovery",
        "concurrent-interference",
        "heavy-count",
        "too-few-easy-days",
        "monotony",
        "load-change",
        "acwr",
        "session-spike",
        "deload-due",
        "deload-not-lighter",
        "taper-missing",
        "short-sleep",
        "irregular-sleep",
        "late-hard-session",
        "protein-spread",
        "glycogen-refill",
        "no-active-recovery",
        "intensity-mismatch",
        "unused-acceptance",
    }
)
RISKS = ("low", "moderate", "high")
RECOVERIES = ("good", "fair", "poor")
MIN_PLANS = 15


def describe(report: Any) -> str:
    """The report's words and every finding (rule, severity, days, message), one a line."""
    recovery = getattr(report, "recovery", None)
    lines = [
        f"engine says: risk={report.risk.value}, "
        f"recovery={recovery.value if recovery is not None else 'n/a'}",
        "findings:",
    ]
    for finding in report.findings:
        days = ", ".join(finding.days) or "-"
        lines.append(f"  {finding.rule} [{finding.severity.value}] ({days}): {finding.message}")
    if not report.findings:
        lines.append("  (none)")
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(VERDICTS))
def test_plan_gets_the_coachs_verdict(name: str) -> None:
    verdict = VERDICTS[name]
    report = evaluate(read_plan(CORPUS / f"{name}.toml"))
    found = {finding.rule for finding in report.findings}
    context = (
        f"\n{name}: expected risk={verdict['risk']}, recovery={verdict['recovery']}\n"
        f"why: {verdict['why']}\n{describe(report)}"
    )

    assert report.risk.value == verdict["risk"], f"overload risk differs{context}"
    assert report.recovery.value == verdict["recovery"], f"recovery differs{context}"
    missing = [rule for rule in verdict["must"] if rule not in found]
    assert not missing, f"rules that must fire did not: {missing}{context}"
    unexpected = [rule for rule in verdict["must_not"] if rule in found]
    assert not unexpected, f"rules that must not fire did: {unexpected}{context}"


@pytest.mark.parametrize("name", PLAN_NAMES)
def test_plan_loads_as_a_one_week_plan(name: str) -> None:
    text = (CORPUS / f"{name}.toml").read_text(encoding="utf-8")
    raw = tomllib.loads(text)
    assert raw["format"] == 1
    assert not {"weeks", "accepted"} & raw.keys(), "the corpus holds format 1 weeks only"
    read_plan(CORPUS / f"{name}.toml")  # raises on any validation error


def test_every_plan_has_a_verdict_and_every_verdict_a_plan() -> None:
    without_verdict = sorted(set(PLAN_NAMES) - VERDICTS.keys())
    without_plan = sorted(VERDICTS.keys() - set(PLAN_NAMES))
    assert not without_verdict, f"plans without a verdict: {without_verdict}"
    assert not without_plan, f"verdicts without a plan file: {without_plan}"
    assert len(PLAN_NAMES) >= MIN_PLANS, f"only {len(PLAN_NAMES)} plans in the corpus"


@pytest.mark.parametrize("name", sorted(VERDICTS))
def test_verdict_is_well_formed(name: str) -> None:
    verdict = VERDICTS[name]
    assert set(verdict) == {"risk", "recovery", "must", "must_not", "v1_risk", "why"}
    assert verdict["risk"] in RISKS
    assert verdict["v1_risk"] in RISKS
    assert verdict["recovery"] in RECOVERIES
    unknown = sorted((set(verdict["must"]) | set(verdict["must_not"])) - RULE_IDS)
    assert not unknown, f"unknown rule ids: {unknown}"
    both = sorted(set(verdict["must"]) & set(verdict["must_not"]))
    assert not both, f"rules both required and forbidden: {both}"
    assert verdict["why"].strip()
