"""Input rules: intensity-mismatch on each kind's RPE range, and switched off."""

from __future__ import annotations

from typing import Any

import pytest

from planner.findings import Finding, Risk, Severity
from planner.model import Plan
from planner.rules.engine import evaluate


def make_plan(kind: str, rpe: int | None, rules: dict[str, Any] | None = None) -> Plan:
    session: dict[str, Any] = {"title": "Session", "kind": kind, "minutes": 30}
    if rpe is not None:
        session["rpe"] = rpe
    data: dict[str, Any] = {
        "format": 1,
        "plan": {"name": "Test week"},
        "days": {"wed": {"sessions": [session]}},
    }
    if rules is not None:
        data["rules"] = rules
    return Plan.model_validate(data)


def found(plan: Plan) -> list[Finding]:
    return [f for f in evaluate(plan).findings if f.rule == "intensity-mismatch"]


@pytest.mark.parametrize(
    ("kind", "fits", "misfits"),
    [
        ("heavy", (6, 10), (1, 5)),
        ("moderate", (4, 7), (3, 8)),
        ("light", (1, 5), (6, 10)),
        ("active_recovery", (1, 3), (4, 10)),
    ],
)
def test_intensity_mismatch_ranges(
    kind: str, fits: tuple[int, ...], misfits: tuple[int, ...]
) -> None:
    for rpe in fits:
        assert found(make_plan(kind, rpe)) == [], (kind, rpe)
    for rpe in misfits:
        findings = found(make_plan(kind, rpe))
        assert [(f.severity, f.days) for f in findings] == [(Severity.info, ("wed",))], (kind, rpe)


def test_intensity_mismatch_message() -> None:
    findings = found(make_plan("heavy", 5))
    assert findings[0].message == (
        '"Session" on Wednesday is heavy but has RPE 5; heavy means RPE 6 or more.'
    )
    light = found(make_plan("active_recovery", 4))
    assert "active recovery means RPE 3 or less" in light[0].message
    moderate = found(make_plan("moderate", 9))
    assert "moderate means RPE 4 to 7" in moderate[0].message


@pytest.mark.parametrize("kind", ["heavy", "moderate", "light", "active_recovery"])
def test_intensity_mismatch_default_rpe_always_fits(kind: str) -> None:
    assert found(make_plan(kind, None)) == []


def test_intensity_mismatch_disabled_and_never_raises_risk() -> None:
    assert evaluate(make_plan("light", 9)).risk is Risk.low
    assert found(make_plan("light", 9, rules={"disabled": ["intensity-mismatch"]})) == []
