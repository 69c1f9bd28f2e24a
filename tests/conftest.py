"""Shared fixtures: a heavily commented plan and a helper that writes plans to disk."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from planner.model import Plan
    from planner.report import Finding

#: A realistic plan as people write it by hand: comments above, beside and below keys,
#: blank lines everywhere, a multi-line description, a multi-line array, a TOML local
#: time, and Thursday and Saturday left out (rest days).
COMMENTED_PLAN = '''\
# Strength three times a week, with active recovery between.
# Kept in git; edited by hand and in the planner.

format = 1  # the format version

# --- who and what ---------------------------------------------------------

[plan]
name = "Strength 3x + active recovery"   # shown in the header
description = """
Full-body strength on Mon/Wed/Fri, easy movement in between.
[days.mon] inside a string is not a table.
"""
level = "intermediate"            # beginner | intermediate | advanced
week_start = 2026-11-30           # a Monday
body_mass_kg = 80

# Every day sleeps and eats like this unless it says otherwise.
[defaults]
sleep_hours = 8.0                 # the night after the day
bedtime = "22:30"

protein_meals = 4                 # meals with a real protein portion

# --- the week ---------------------------------------------------------------

[days.mon]
note = "Squat day"                # free text

# The main lift of the week.
[[days.mon.sessions]]
# Warm up well: the bar is heavy today.
title = "Squat, Romanian deadlift, lunges"
kind = "heavy"                    # needs recovery after it
activity = "strength"
focus = ["legs", "back"]
minutes = 70
rpe = 8                           # CR-10
start = 17:30:00                  # a TOML local time
carbs_after = true
# Stretch afterwards.

# A short core finisher.
[[days.mon.sessions]]
title = "Core circuit"
kind = "light"
activity = "strength"
focus = ["core"]
minutes = 15

[days.tue]
# An easy day.
[[days.tue.sessions]]
title = "Brisk walk"
kind = "active_recovery"          # speeds recovery
activity = "walk"
minutes = 40

# Wednesday: sleep more.
[days.wed]
sleep_hours = 9                   # overrides [defaults]
bedtime = "22:00"

[[days.wed.sessions]]
title = "Bench press, rows"
kind = "heavy"
activity = "strength"
focus = ["chest", "back", "arms"]
minutes = 60
start = "18:00"

# thu: a rest day, left out on purpose.

[days.fri]
note = "Deadlift day"
protein_meals = 5

[[days.fri.sessions]]
title = "Deadlift, pull-ups"
kind = "heavy"
activity = "strength"
minutes = 65                      # long warm-up included
start = "07:30"

# sat is missing too.

[days.sun]
# Sunday: long and slow.
[[days.sun.sessions]]
title = "Long easy ride"
kind = "moderate"
activity = "cycle"
minutes = 120
rpe = 5

# --- before this week -------------------------------------------------------

[history]                         # the weeks before this one
weekly_loads = [
    2100,   # four weeks ago
    2250,
    2300,
    2400,   # last week
]
longest_session_min = { run = 95, cycle = 180 }

# Per-plan thresholds.
[rules]
monotony_max = 2.2
muscle_recovery_hours = 48        # the default, written out
disabled = ["glycogen-refill"]    # rule ids switched off

# End of plan.
'''

# Property tests: 50 examples each unless a test asks for more (they run on every push;
# `HYPOTHESIS_PROFILE=thorough` runs 500 for a deeper look).
settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile("thorough", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def commented_plan() -> str:
    """The text of a realistic, heavily commented plan (see COMMENTED_PLAN)."""
    return COMMENTED_PLAN


MINIMAL_PLAN = 'format = 1\n\n[plan]\nname = "Minimal week"\n'


@pytest.fixture
def minimal_plan() -> str:
    """The smallest valid plan."""
    return MINIMAL_PLAN


def _write_plan(directory: Path, text: str | bytes, name: str = "week.toml") -> Path:
    """Write a plan's text (or raw bytes) into a directory and return its path."""
    path = directory / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def write_plan() -> Callable[..., Path]:
    """`write_plan(tmp_path, text, name="week.toml")`: write a plan file, get its path."""
    return _write_plan


# --- plans of several weeks from dicts (rules tests) --------------------------------

WEEK_KEYS = ("type", "label")


def session(kind: str = "heavy", minutes: int = 60, **fields: Any) -> dict[str, Any]:
    """A session table: `session("heavy", 60, activity="run", start="07:00")`."""
    return {
        "title": fields.pop("title", kind.replace("_", " ").title()),
        "kind": kind,
        "minutes": minutes,
    } | fields


def toml_value(value: Any) -> str:
    """A value as TOML: strings, numbers, booleans, arrays and inline tables."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        inner = ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items())
        return "{ " + inner + " }" if inner else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML for {value!r}")


def _table(lines: list[str], header: str, table: dict[str, Any]) -> None:
    lines.append(header)
    lines.extend(f"{key} = {toml_value(value)}" for key, value in table.items())
    lines.append("")


def plan_text(
    *weeks: dict[str, Any],
    plan: dict[str, Any] | None = None,
    defaults: dict[str, Any] | None = None,
    history: dict[str, Any] | None = None,
    rules: dict[str, Any] | None = None,
    accepted: list[dict[str, Any]] | None = None,
) -> str:
    """The TOML text of a format 2 plan, written the way people write one. Each week
    maps day keys to a list of sessions (or to a whole day table) and may hold `type`
    and `label`; sessions are inline tables."""
    lines = ["format = 2", ""]
    _table(lines, "[plan]", {"name": "Test plan"} | (plan or {}))
    if defaults:
        _table(lines, "[defaults]", defaults)
    for week in weeks or ({},):
        _table(lines, "[[weeks]]", {key: week[key] for key in WEEK_KEYS if key in week})
        for key, value in week.items():
            if key not in WEEK_KEYS:
                day = {"sessions": value} if isinstance(value, list) else value
                _table(lines, f"[weeks.days.{key}]", day)
    if history:
        _table(lines, "[history]", history)
    if rules:
        _table(lines, "[rules]", rules)
    for entry in accepted or ():
        _table(lines, "[[accepted]]", entry)
    return "\n".join(lines)


def make_plan(*weeks: dict[str, Any], **tables: Any) -> Plan:
    """A validated format 2 plan (through `parse_plan`), see `plan_text`."""
    from planner.planfile import parse_plan

    return parse_plan(plan_text(*weeks, **tables))


def found(plan: Plan, rule: str, week: int | None = None) -> list[Finding]:
    """The findings of one rule (of one week, when given), through the engine so
    `disabled` and `[[accepted]]` apply."""
    from planner.rules.engine import evaluate

    return [
        finding
        for finding in evaluate(plan).findings
        if finding.rule == rule and (week is None or finding.week == week)
    ]
