"""Errors in a format 2 plan name `weeks[N]...` paths with their own lines."""

from __future__ import annotations

import pytest

from planner.planfile import PlanError, parse_plan

BLOCK = """\
format = 2

[plan]
name = "Two errors"

[[weeks]]
label = "A"
[weeks.days.mon]
[[weeks.days.mon.sessions]]
title = "A"
kind = "heavy"
minutes = 60
rpe = 12

[[weeks]]
[weeks.days.tue]
note = "second week"
[[weeks.days.tue.sessions]]
title = "B"
kind = "moderate"
minutes = 60

[[weeks.days.tue.sessions]]
title = "C"
kind = "hard"
minutes = 60
"""


def test_errors_in_weeks_name_the_week_and_their_own_line() -> None:
    with pytest.raises(PlanError) as raised:
        parse_plan(BLOCK, "block.toml")
    problems = [(p.line, p.key) for p in raised.value.problems]
    assert problems == [
        (13, "weeks[0].days.mon.sessions[0].rpe"),
        (25, "weeks[1].days.tue.sessions[1].kind"),
    ]
    assert str(raised.value).splitlines()[0] == (
        "block.toml:13: weeks[0].days.mon.sessions[0].rpe: must be between 1 and 10, got 12"
    )


def test_an_unknown_key_in_a_later_week_has_its_line() -> None:
    text = BLOCK.replace("rpe = 12", "rpe = 8").replace('kind = "hard"', 'kind = "light"')
    text = text.replace('note = "second week"', 'note = "second week"\nsleep = 8')
    with pytest.raises(PlanError) as raised:
        parse_plan(text, "block.toml")
    (problem,) = raised.value.problems
    assert (problem.line, problem.key) == (18, "weeks[1].days.tue.sleep")


def test_a_week_that_fails_is_not_also_reported_as_missing() -> None:
    text = 'format = 2\n[plan]\nname = "x"\n[[weeks]]\ntype = "peak"\n'
    with pytest.raises(PlanError) as raised:
        parse_plan(text, "x.toml")
    assert [p.key for p in raised.value.problems] == ["weeks[0].type"]
    assert raised.value.problems[0].line == 5
