"""Input rule of rules.md v2: intensity-mismatch reads the planned RPE as written, on the
CR-10 anchors: heavy under 6, moderate outside 3-6, light over 4, active recovery over 3."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import found, make_plan, session

from planner.report import Severity


@pytest.mark.parametrize(
    ("kind", "rpe", "fires"),
    [
        ("heavy", 6, False),
        ("heavy", 5, True),
        ("heavy", 10, False),
        ("moderate", 3, False),
        ("moderate", 6, False),
        ("moderate", 2, True),
        ("moderate", 7, True),
        ("light", 4, False),
        ("light", 5, True),
        ("light", 1, False),
        ("active_recovery", 3, False),
        ("active_recovery", 4, True),
    ],
)
def test_rpe_against_kind(kind: str, rpe: int, fires: bool) -> None:
    plan = make_plan({"wed": [session(kind, 40, rpe=rpe)]})
    assert bool(found(plan, "intensity-mismatch")) is fires


def test_the_message_names_the_session_and_the_range() -> None:
    plan = make_plan({"wed": [session("moderate", 40, rpe=8, title="Tempo run")]})
    [finding] = found(plan, "intensity-mismatch")
    assert finding.severity is Severity.info
    assert finding.days == ("wed",)
    assert finding.message == (
        '"Tempo run" on Wednesday is moderate but planned at RPE 8; moderate means RPE 3 to 6.'
    )
    assert "Foster" in finding.advice


def test_one_finding_per_session() -> None:
    plan = make_plan(
        {
            "mon": [session("heavy", 40, rpe=4), session("light", 40, rpe=7)],
            "tue": [session("active_recovery", 40, rpe=5)],
        }
    )
    assert [f.days for f in found(plan, "intensity-mismatch")] == [("mon",), ("mon",), ("tue",)]


@pytest.mark.parametrize(
    "fields",
    [
        {},  # no RPE written: the kind's default never disagrees
        {"done": {"rpe": 9}},  # done RPE is what happened, not the plan's input
    ],
)
def test_only_a_written_planned_rpe_is_read(fields: dict[str, Any]) -> None:
    plan = make_plan({"mon": [session("light", 40, **fields)]})
    assert found(plan, "intensity-mismatch") == []


def test_the_planned_rpe_is_read_even_when_done_differs_or_skipped() -> None:
    logged = make_plan({"mon": [session("heavy", 40, rpe=4, done={"rpe": 8})]})
    assert len(found(logged, "intensity-mismatch")) == 1
    skipped = make_plan({"mon": [session("heavy", 40, rpe=4, done={"status": "skipped"})]})
    assert len(found(skipped, "intensity-mismatch")) == 1


def test_intensity_mismatch_can_be_disabled() -> None:
    plan = make_plan(
        {"mon": [session("heavy", 40, rpe=2)]}, rules={"disabled": ["intensity-mismatch"]}
    )
    assert found(plan, "intensity-mismatch") == []
