"""A week of a block is judged as if it stood alone with the earlier weeks' loads
typed into `[history]` (issue: training blocks, "history from the plan itself")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.export.week import week_plan
from planner.planfile import parse_plan, read_plan
from planner.report import Finding
from planner.rules.engine import evaluate

PLANS = Path(__file__).resolve().parents[2] / "plans"
BLOCKS = ("strength-block-4", "runner-10k-8", "hybrid-block-6", "return-to-training-4")
#: The load rules judged from the weekly loads alone (session-spike looks at sessions).
LOAD_RULES = ("monotony", "load-change", "acwr")


def load_findings(findings: tuple[Finding, ...]) -> set[tuple[str, str]]:
    """The load rules' findings by rule and severity (their messages name the reference
    week as the block numbers it, "week 1", or as history, "a week before the plan")."""
    return {(f.rule, f.severity.value) for f in findings if f.rule in LOAD_RULES}


@pytest.mark.parametrize("name", BLOCKS)
def test_each_week_agrees_with_itself_alone_with_history_typed_in(name: str) -> None:
    plan = read_plan(PLANS / f"{name}.toml")
    report = evaluate(plan)
    for number, week in enumerate(report.weeks, start=1):
        alone = evaluate(week_plan(plan, number)).weeks[0]
        assert alone.metrics.weekly_load == week.metrics.weekly_load
        assert alone.metrics.acwr == pytest.approx(week.metrics.acwr)
        assert alone.metrics.load_change_pct == pytest.approx(week.metrics.load_change_pct)
        assert alone.metrics.monotony == pytest.approx(week.metrics.monotony)
        assert load_findings(alone.findings) == load_findings(week.findings), number


def block_text(loads: list[list[int]], history: list[int]) -> str:
    """A format 2 block: week N holds one run on each day whose minutes are given."""
    lines = ["format = 2", "", "[plan]", 'name = "Generated block"', ""]
    for index, minutes in enumerate(loads):
        lines += ["[[weeks]]", f'label = "Week {index + 1}"', ""]
        for day, length in zip(
            ("mon", "tue", "wed", "thu", "fri", "sat", "sun"), minutes, strict=False
        ):
            if not length:
                continue
            lines += [
                f"[weeks.days.{day}]",
                f"[[weeks.days.{day}.sessions]]",
                f'title = "Run {day}"',
                'kind = "moderate"',
                'activity = "run"',
                f"minutes = {length}",
                "rpe = 5",
                "",
            ]
    lines += ["[history]", f"weekly_loads = {history}", "longest_session_min = { run = 600 }", ""]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None)
@given(
    loads=st.lists(
        st.lists(st.integers(min_value=0, max_value=120), min_size=7, max_size=7),
        min_size=2,
        max_size=6,
    ),
    history=st.lists(st.integers(min_value=0, max_value=5000), max_size=4),
)
def test_any_block_agrees_week_by_week(loads: list[list[int]], history: list[int]) -> None:
    plan = parse_plan(block_text(loads, history))
    report = evaluate(plan)
    for number, week in enumerate(report.weeks, start=1):
        alone = evaluate(week_plan(plan, number)).weeks[0]
        assert alone.metrics.acwr == pytest.approx(week.metrics.acwr)
        assert alone.metrics.load_change_pct == pytest.approx(week.metrics.load_change_pct)
        assert load_findings(alone.findings) == load_findings(week.findings)
