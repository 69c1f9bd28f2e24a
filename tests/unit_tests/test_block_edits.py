"""Week-aware edits, logging, settings, accepted findings and week operations on
commented files: each changes only what it edits, keeps every comment, and undoes to
the exact text; a second week converts a format 1 file to format 2."""

from __future__ import annotations

import dataclasses
import difflib
from collections import Counter
from pathlib import Path

import pytest

from planner.block_edits import (
    AddWeek,
    DeleteWeek,
    DuplicateWeek,
    SetWeek,
    format_2_text,
    scaled_minutes,
)
from planner.editor import PlanEditor
from planner.edits import (
    AddExtraSession,
    AddSession,
    DeleteSession,
    Edit,
    LogSession,
    MoveSession,
    SetDay,
    UpdateSession,
)
from planner.model import (
    DAY_KEYS,
    MAX_SESSIONS_PER_DAY,
    MAX_WEEKS,
    Activity,
    Done,
    DoneStatus,
    Kind,
    Plan,
    Session,
)
from planner.planfile import PlanDocument, PlanError, parse_plan, read_plan, scan_lines
from planner.settings_edits import AcceptFinding, RemoveAcceptance, SetPlanSettings

#: A 4-week block as people write it: comments above, beside and under tables, a
#: multi-line description that holds a header-like line, a week without days, logged
#: and extra sessions, a TOML local time, and an accepted finding.
BLOCK_PLAN = '''\
# A 4-week strength block: three build weeks, then a deload.
format = 2                        # required; the format version

[plan]
name = "Strength block, autumn"   # required
description = """
Full body 3x.
[weeks.days.mon] inside a string is not a table.
"""
start = 2026-11-30                # Monday of week 1

[defaults]                        # every day of every week
sleep_hours = 8.0
bedtime = "22:30"

# --- week 1 ---------------------------------------------------------------
[[weeks]]
label = "Build 1"                 # shown in the editor

# Squat day.
[weeks.days.mon]
note = "Squat day"                # free text
[[weeks.days.mon.sessions]]
# Warm up well.
title = "Squat, Romanian deadlift, lunges"
kind = "heavy"                    # needs recovery
activity = "strength"
minutes = 70
rpe = 8
done = { minutes = 75, rpe = 9 }  # logged
# Stretch afterwards.

[weeks.days.tue]
[[weeks.days.tue.sessions]]
title = "Brisk walk"
kind = "active_recovery"
activity = "walk"
minutes = 40
done = { status = "skipped", note = "rain" }

# An extra one.
[[weeks.days.tue.sessions]]
title = "Football with friends"
kind = "moderate"
activity = "sport"
minutes = 60
extra = true                      # not in the plan
done = { rpe = 6 }

# Sunday: long and slow.
[weeks.days.sun]
[[weeks.days.sun.sessions]]
title = "Long easy ride"
kind = "moderate"
activity = "cycle"
minutes = 120

# --- week 2 ---------------------------------------------------------------
[[weeks]]
label = "Build 2"
# a week with no days yet

# --- week 3 ---------------------------------------------------------------
[[weeks]]
label = "Build 3"                 # heavier

[weeks.days.mon]
# Monday of week 3.
[[weeks.days.mon.sessions]]
title = "Squat"
kind = "heavy"
activity = "strength"
minutes = 75                      # a bit longer

# Recovery first.
[[weeks.days.mon.sessions]]
title = "Walk"
kind = "active_recovery"
activity = "walk"
minutes = 30

[weeks.days.wed]
sleep_hours = 9                   # more sleep
[[weeks.days.wed.sessions]]
title = "Bench"
kind = "heavy"
activity = "strength"
minutes = 60
start = 17:30:00                  # a local time

# --- week 4: deload -------------------------------------------------------
[[weeks]]
label = "Deload"
type = "deload"                   # lighter

[weeks.days.fri]
note = "Easy"
[[weeks.days.fri.sessions]]
title = "Easy jog"
kind = "light"
activity = "run"
minutes = 30

# --- before this block ----------------------------------------------------
[history]                         # the weeks before week 1
weekly_loads = [2100, 2250]

# Per-plan thresholds.
[rules]
monotony_max = 2.2                # a bit stricter
disabled = ["glycogen-refill"]    # switched off

# Accepted on purpose.
[[accepted]]
rule = "back-to-back-heavy"       # a split
week = 3
days = ["mon", "tue"]
reason = "Upper/lower split."

# End of plan.
'''

JOG = Session(title="Easy jog", kind=Kind.light, activity=Activity.run, minutes=30)
FOOTBALL = Session(
    title="Football",
    kind=Kind.moderate,
    activity=Activity.sport,
    minutes=60,
    extra=True,
    done=Done(rpe=6),
)


def editor_on(text: str) -> PlanEditor:
    return PlanEditor(PlanDocument.from_text(text), saved=True)


def applied(text: str, edit: Edit) -> PlanEditor:
    editor = editor_on(text)
    editor.apply(edit)
    assert editor.plan == parse_plan(editor.text)
    return editor


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) from before to after."""
    removed, added = [], []
    for line in difflib.ndiff(before.split("\n"), after.split("\n")):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def comment_lines(text: str) -> list[str]:
    """The comment lines of a file (not `#` inside multi-line strings)."""
    lines = text.split("\n")
    return [
        lines[number]
        for number, line in enumerate(scan_lines(text))
        if line.kind == "other" and lines[number].strip().startswith("#")
    ]


def week_blocks(text: str) -> list[str]:
    """The text of each `[[weeks]]` block: its header to the next top-level table's."""
    lines = text.split("\n")
    starts = [
        (number, line.path)
        for number, line in enumerate(scan_lines(text))
        if line.kind == "header" and (line.path == ("weeks",) or line.path[0] != "weeks")
    ]
    blocks = []
    for position, (start, path) in enumerate(starts):
        if path != ("weeks",):
            continue
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        blocks.append("\n".join(lines[start:end]))
    return blocks


def test_the_block_plan_is_what_the_tests_think() -> None:
    plan = parse_plan(BLOCK_PLAN)
    assert plan.format == 2
    assert [week.label for week in plan.week_list] == ["Build 1", "Build 2", "Build 3", "Deload"]
    assert len(week_blocks(BLOCK_PLAN)) == 4
    assert week_blocks(BLOCK_PLAN)[1] == (
        '[[weeks]]\nlabel = "Build 2"\n# a week with no days yet\n\n'
        "# --- week 3 ---------------------------------------------------------------"
    )
    # the header-like line inside the description is no header
    assert "[weeks.days.mon] inside a string is not a table." not in comment_lines(BLOCK_PLAN)
    assert sum(1 for line in scan_lines(BLOCK_PLAN) if line.kind == "header") == 23


# --- week-aware session and day edits ------------------------------------------------

WEEK_3_EDITS: list[Edit] = [
    AddSession("mon", JOG, week=2),
    AddSession("mon", JOG, 0, week=2),
    AddSession("mon", JOG, 1, week=2),
    AddSession("thu", JOG, week=2),
    AddSession("sun", JOG, week=2),
    UpdateSession("mon", 0, JOG, week=2),
    DeleteSession("mon", 0, week=2),
    DeleteSession("mon", 1, week=2),
    DeleteSession("wed", 0, week=2),
    MoveSession("mon", 0, "wed", week=2),
    MoveSession("mon", 1, "mon", 0, week=2),
    MoveSession("wed", 0, "tue", 0, week=2),
    SetDay("wed", None, None, None, week=2),
    SetDay("mon", 7.5, "23:00", 3, "Squat day", week=2),
    SetDay("sat", 9.0, None, None, week=2),
    LogSession(2, "wed", 0, Done(minutes=65, rpe=9)),
    LogSession(2, "mon", 1, Done(status=DoneStatus.skipped)),
    AddExtraSession(2, "sat", FOOTBALL),
    SetWeek(2, "Build 3b", "build"),
    SetWeek(2, None, "taper"),
]


@pytest.mark.parametrize("edit", WEEK_3_EDITS, ids=lambda edit: edit.describe(4))
def test_an_edit_in_week_3_leaves_the_other_weeks_byte_identical(edit: Edit) -> None:
    editor = applied(BLOCK_PLAN, edit)
    before, after = week_blocks(BLOCK_PLAN), week_blocks(editor.text)
    assert len(after) == 4
    assert after[2] != before[2]
    for week in (0, 1, 3):
        assert after[week] == before[week], week
    # and nothing outside the weeks changed
    head, tail = BLOCK_PLAN.split("[[weeks]]", 1)[0], BLOCK_PLAN[BLOCK_PLAN.index("[history]") :]
    assert editor.text.startswith(head)
    assert editor.text.endswith(tail)
    # every comment of the file is still there, but those of a deleted session
    assert Counter(comment_lines(editor.text)) >= Counter(comment_lines(BLOCK_PLAN)) - Counter(
        ["# Monday of week 3."] if edit == DeleteSession("mon", 0, week=2) else []
    )


@pytest.mark.parametrize("edit", WEEK_3_EDITS, ids=lambda edit: edit.describe(4))
def test_an_edit_in_week_3_does_what_it_says(edit: Edit) -> None:
    plan = parse_plan(BLOCK_PLAN)
    after = applied(BLOCK_PLAN, edit).plan
    assert after.week_list[:2] == plan.week_list[:2]
    assert after.week_list[3] == plan.week_list[3]
    week = after.week_list[2]
    if isinstance(edit, AddSession):
        sessions = list(plan.week_list[2].days[edit.day].sessions)
        sessions.insert(len(sessions) if edit.index is None else edit.index, edit.session)
        assert list(week.days[edit.day].sessions) == sessions
    elif isinstance(edit, LogSession):
        assert week.days[edit.day].sessions[edit.index].done == edit.done
    elif isinstance(edit, AddExtraSession):
        assert week.days[edit.day].sessions[-1] == edit.session
    elif isinstance(edit, SetWeek):
        assert (week.label, week.type) == (edit.label, edit.type)


def test_a_new_day_of_a_week_without_days_goes_under_its_own_comments() -> None:
    editor = applied(BLOCK_PLAN, AddSession("wed", JOG, week=1))
    assert (
        '[[weeks]]\nlabel = "Build 2"\n# a week with no days yet\n\n'
        '[weeks.days.wed]\n[[weeks.days.wed.sessions]]\ntitle = "Easy jog"\n'
        'kind = "light"\nactivity = "run"\nminutes = 30\n\n'
        "# --- week 3 ---"
    ) in editor.text
    assert editor.plan.week_list[1].days.wed.sessions == (JOG,)
    assert editor.plan.week_list[1].label == "Build 2"


def test_days_of_a_week_are_made_in_week_order() -> None:
    editor = editor_on(BLOCK_PLAN)
    editor.apply(SetDay("fri", 7.0, None, None, week=1))
    editor.apply(AddSession("mon", JOG, week=1))
    editor.apply(AddSession("sun", JOG, week=2))
    editor.apply(SetDay("tue", None, "22:00", None, week=2))
    week_2, week_3 = week_blocks(editor.text)[1:3]
    assert [line for line in week_2.split("\n") if line.startswith("[")] == [
        "[[weeks]]",
        "[weeks.days.mon]",
        "[[weeks.days.mon.sessions]]",
        "[weeks.days.fri]",
    ]
    assert [line for line in week_3.split("\n") if line.startswith("[")] == [
        "[[weeks]]",
        "[weeks.days.mon]",
        "[[weeks.days.mon.sessions]]",
        "[[weeks.days.mon.sessions]]",
        "[weeks.days.tue]",
        "[weeks.days.wed]",
        "[[weeks.days.wed.sessions]]",
        "[weeks.days.sun]",
        "[[weeks.days.sun.sessions]]",
    ]
    assert "\n\n\n" not in editor.text


def test_move_from_sunday_of_week_1_to_monday_of_week_2() -> None:
    edit = MoveSession("sun", 0, "mon", week=0, to_week=1)
    editor = applied(BLOCK_PLAN, edit)
    ride = parse_plan(BLOCK_PLAN).week_list[0].days.sun.sessions[0]
    assert editor.plan.week_list[0].days.sun.sessions == ()
    assert editor.plan.week_list[1].days.mon.sessions == (ride,)
    assert editor.describe(edit) == "move a session from Sunday (week 1) to Monday (week 2)"
    blocks = week_blocks(editor.text)
    assert "# Sunday: long and slow.\n[weeks.days.sun]\n\n# --- week 2" in blocks[0]
    assert blocks[1] == (
        '[[weeks]]\nlabel = "Build 2"\n# a week with no days yet\n\n'
        '[weeks.days.mon]\n[[weeks.days.mon.sessions]]\ntitle = "Long easy ride"\n'
        'kind = "moderate"\nactivity = "cycle"\nminutes = 120\n\n'
        "# --- week 3 ---------------------------------------------------------------"
    )
    assert week_blocks(editor.text)[2:] == week_blocks(BLOCK_PLAN)[2:]
    editor.undo()
    assert editor.text == BLOCK_PLAN


def test_a_moved_session_keeps_its_comments_across_weeks() -> None:
    editor = applied(BLOCK_PLAN, MoveSession("mon", 0, "tue", 0, week=0, to_week=2))
    week_3 = week_blocks(editor.text)[2]
    assert (
        "[weeks.days.tue]\n[[weeks.days.tue.sessions]]\n# Warm up well.\n"
        'title = "Squat, Romanian deadlift, lunges"\nkind = "heavy"                    '
        "# needs recovery\n"
    ) in week_3
    assert "done = { minutes = 75, rpe = 9 }  # logged\n# Stretch afterwards.\n" in week_3


def test_descriptions_name_the_week_only_when_there_are_several() -> None:
    edit = AddSession("tue", JOG, week=1)
    assert edit.describe() == "add 'Easy jog' to Tuesday"
    assert edit.describe(3) == "add 'Easy jog' to Tuesday (week 2)"
    assert SetDay("mon", None, None, None, week=2).describe(4) == "edit Monday (week 3)"
    assert DeleteSession("sun", 1).describe(2) == "delete session 2 of Sunday (week 1)"
    assert MoveSession("mon", 0, "tue").describe() == "move a session from Monday to Tuesday"
    assert LogSession(0, "mon", 0, Done()).describe() == "log session 1 of Monday as done"
    assert LogSession(1, "mon", 0, None).describe(2) == (
        "clear the log of session 1 of Monday (week 2)"
    )
    assert (
        editor_on(BLOCK_PLAN).describe(AddSession("mon", JOG, week=3))
        == "add 'Easy jog' to Monday (week 4)"
    )


@pytest.mark.parametrize(
    "edit",
    [
        AddSession("mon", JOG, week=4),
        SetDay("mon", 8.0, None, None, week=-1),
        DeleteSession("tue", 0, week=1),
        MoveSession("sun", 0, "mon", week=0, to_week=4),
        LogSession(1, "mon", 0, Done()),
        LogSession(0, "mon", 3, Done()),
    ],
    ids=repr,
)
def test_edits_of_weeks_or_sessions_that_are_not_there_are_refused(edit: Edit) -> None:
    editor = editor_on(BLOCK_PLAN)
    with pytest.raises(PlanError):
        editor.apply(edit)
    assert editor.text == BLOCK_PLAN
    assert not editor.can_undo


def test_a_format_1_plan_has_only_week_0(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    with pytest.raises(PlanError, match="no week 2"):
        editor.apply(AddSession("mon", JOG, week=1))
    assert editor.text == commented_plan


# --- logging ---------------------------------------------------------------------------


def test_log_writes_done_as_an_inline_table_of_what_differs() -> None:
    editor = applied(BLOCK_PLAN, LogSession(2, "wed", 0, Done(minutes=65, rpe=9)))
    assert (
        "start = 17:30:00                  # a local time\ndone = { minutes = 65, rpe = 9 }\n\n"
        "# --- week 4"
    ) in editor.text
    editor.apply(LogSession(2, "wed", 0, Done(status=DoneStatus.partial, note="knee")))
    assert 'done = { status = "partial", note = "knee" }\n' in editor.text
    editor.apply(LogSession(2, "wed", 0, Done(source="Strong 2026-12-01 18:05")))
    assert 'done = { source = "Strong 2026-12-01 18:05" }\n' in editor.text
    editor.apply(LogSession(2, "wed", 0, Done()))
    assert "done = {}\n" in editor.text
    assert editor.plan.week_list[2].days.wed.sessions[0].done == Done()


def test_log_none_removes_done_and_keeps_the_comments_around_it() -> None:
    editor = applied(BLOCK_PLAN, LogSession(0, "mon", 0, None))
    removed, added = changed_lines(BLOCK_PLAN, editor.text)
    assert removed == ["done = { minutes = 75, rpe = 9 }  # logged"]
    assert added == []
    assert editor.plan.week_list[0].days.mon.sessions[0].done is None


def test_a_changed_log_replaces_only_its_line() -> None:
    edit = LogSession(0, "tue", 0, Done(status=DoneStatus.done, minutes=35))
    editor = applied(BLOCK_PLAN, edit)
    assert changed_lines(BLOCK_PLAN, editor.text) == (
        ['done = { status = "skipped", note = "rain" }'],
        ["done = { minutes = 35 }"],
    )


def test_an_extra_session_is_added_with_extra_and_done() -> None:
    editor = applied(BLOCK_PLAN, AddExtraSession(0, "tue", FOOTBALL))
    tue = editor.plan.week_list[0].days.tue.sessions
    assert tue[-1] == FOOTBALL
    assert tue[-1].extra
    assert tue[-1].planned_load == 0
    assert (
        '[[weeks.days.tue.sessions]]\ntitle = "Football"\nkind = "moderate"\n'
        'activity = "sport"\nminutes = 60\ndone = { rpe = 6 }\nextra = true\n'
    ) in editor.text


def test_an_extra_session_without_extra_or_done_is_refused() -> None:
    editor = editor_on(BLOCK_PLAN)
    with pytest.raises(PlanError, match="extra"):
        editor.apply(AddExtraSession(0, "tue", JOG))
    with pytest.raises(PlanError, match="extra"):
        editor.apply(LogSession(0, "tue", 1, None))
    assert editor.text == BLOCK_PLAN


def test_log_in_a_format_1_file_and_inline_sessions() -> None:
    text = (
        'format = 1\n[plan]\nname = "Inline"\n\n[days.mon]  # compact\nsessions = [\n'
        '  { title = "Run", kind = "moderate", activity = "run", minutes = 40 },\n]\n'
    )
    editor = applied(text, LogSession(0, "mon", 0, Done(minutes=45)))
    assert editor.plan.days is not None
    assert editor.plan.days.mon.sessions[0].done == Done(minutes=45)
    assert "done = { minutes = 45 }" in editor.text
    editor.apply(AddExtraSession(0, "mon", FOOTBALL))
    assert editor.plan.days is not None
    assert editor.plan.days.mon.sessions[1] == FOOTBALL
    editor.apply(MoveSession("mon", 1, "tue"))
    assert editor.plan.days is not None
    assert editor.plan.days.tue.sessions == (FOOTBALL,)
    assert "[days.tue.sessions.done]" not in editor.text


# --- plan settings -----------------------------------------------------------------------


def settings_of(plan: Plan) -> SetPlanSettings:
    """The edit that sets every setting to what the plan has now."""
    return SetPlanSettings(
        name=plan.plan.name,
        description=plan.plan.description,
        level=plan.plan.level.value,
        start=plan.start,
        body_mass_kg=plan.plan.body_mass_kg,
        repeats=plan.plan.repeats,
        sleep_hours=plan.defaults.sleep_hours,
        bedtime=plan.defaults.bedtime,
        protein_meals=plan.defaults.protein_meals,
        thresholds=dict(plan.rules.overrides()),
        disabled=tuple(plan.rules.disabled),
    )


@pytest.mark.parametrize("text_name", ["block", "commented"])
def test_settings_that_do_not_change_leave_the_file_as_it_is(
    text_name: str, commented_plan: str
) -> None:
    text = BLOCK_PLAN if text_name == "block" else commented_plan
    edit = settings_of(parse_plan(text))
    assert applied(text, edit).text == text
    # a threshold's None where the plan has no override is no change either
    assert applied(text, dataclasses.replace(edit, thresholds={"acwr_high": None})).text == text


def test_settings_change_only_the_keys_that_change() -> None:
    plan = parse_plan(BLOCK_PLAN)
    edit = dataclasses.replace(
        settings_of(plan),
        name="Strength block",
        level="advanced",
        body_mass_kg=80.0,
        sleep_hours=7.5,
        protein_meals=4,
        thresholds={"monotony_max": None, "max_heavy_sessions": 3.0},
        disabled=("glycogen-refill", "irregular-sleep"),
    )
    editor = applied(BLOCK_PLAN, edit)
    removed, added = changed_lines(BLOCK_PLAN, editor.text)
    assert sorted(removed) == sorted(
        [
            'name = "Strength block, autumn"   # required',
            "sleep_hours = 8.0",
            "monotony_max = 2.2                # a bit stricter",
            'disabled = ["glycogen-refill"]    # switched off',
        ]
    )
    assert sorted(added) == sorted(
        [
            'name = "Strength block"   # required',
            'level = "advanced"',
            "body_mass_kg = 80.0",
            "sleep_hours = 7.5",
            "protein_meals = 4",
            "max_heavy_sessions = 3",
            'disabled = ["glycogen-refill", "irregular-sleep"]    # switched off',
        ]
    )
    assert editor.plan.plan.level == "advanced"
    assert editor.plan.rules.max_heavy_sessions == 3
    assert editor.plan.rules.monotony_max is None
    assert editor.plan.week_list == plan.week_list
    assert editor.describe(edit) == "change the plan settings"


def test_settings_remove_keys_set_to_none() -> None:
    edit = dataclasses.replace(
        settings_of(parse_plan(BLOCK_PLAN)),
        description="",
        start=None,
        sleep_hours=None,
        bedtime=None,
        disabled=(),
    )
    editor = applied(BLOCK_PLAN, edit)
    removed, added = changed_lines(BLOCK_PLAN, editor.text)
    assert added == []
    assert removed == [
        'description = """',
        "Full body 3x.",
        "[weeks.days.mon] inside a string is not a table.",
        '"""',
        "start = 2026-11-30                # Monday of week 1",
        "sleep_hours = 8.0",
        'bedtime = "22:30"',
        'disabled = ["glycogen-refill"]    # switched off',
    ]
    assert editor.plan.start is None
    assert editor.plan.rules.disabled == ()


def test_start_is_week_start_in_format_1_and_start_in_format_2(commented_plan: str) -> None:
    import datetime as dt

    monday = dt.date(2027, 1, 4)
    editor = applied(
        commented_plan, dataclasses.replace(settings_of(parse_plan(commented_plan)), start=monday)
    )
    assert "week_start = 2027-01-04           # a Monday\n" in editor.text
    assert editor.plan.start == monday
    editor = applied(
        BLOCK_PLAN, dataclasses.replace(settings_of(parse_plan(BLOCK_PLAN)), start=monday)
    )
    assert "\nstart = 2027-01-04                # Monday of week 1\n" in editor.text
    assert editor.plan.week_start(1) == dt.date(2027, 1, 11)


def test_settings_make_defaults_after_plan_and_rules_at_the_end(minimal_plan: str) -> None:
    text = minimal_plan.replace("format = 1", "format = 2") + (
        '\n# The only week.\n[[weeks]]\nlabel = "One"\n\n# End.\n'
    )
    edit = dataclasses.replace(
        settings_of(parse_plan(text)),
        bedtime="23:00",
        thresholds={"monotony_max": 2.5},
    )
    editor = applied(text, edit)
    assert editor.text == (
        'format = 2\n\n[plan]\nname = "Minimal week"\n\n[defaults]\nbedtime = "23:00"\n'
        '\n# The only week.\n[[weeks]]\nlabel = "One"\n\n[rules]\nmonotony_max = 2.5\n'
        "\n# End.\n"
    )


def test_settings_keep_a_local_bedtime_and_a_version_1_threshold_name() -> None:
    text = (
        'format = 1\n[plan]\nname = "T"\n[defaults]\nbedtime = 22:30:00  # late\n'
        "[rules]\nmax_heavy_days = 2  # v1 name\n"
    )
    plan = parse_plan(text)
    assert plan.rules.max_heavy_sessions == 2
    edit = dataclasses.replace(
        settings_of(plan), bedtime="23:00", thresholds={"max_heavy_sessions": 3}
    )
    editor = applied(text, edit)
    assert "bedtime = 23:00:00  # late\n" in editor.text
    assert "max_heavy_days = 3  # v1 name\n" in editor.text
    assert editor.plan.rules.max_heavy_sessions == 3


def test_settings_with_bad_values_are_refused() -> None:
    editor = editor_on(BLOCK_PLAN)
    base = settings_of(editor.plan)
    with pytest.raises(PlanError, match="unknown threshold"):
        editor.apply(dataclasses.replace(base, thresholds={"no_such_threshold": 1.0}))
    with pytest.raises(PlanError) as caught:
        editor.apply(dataclasses.replace(base, body_mass_kg=500.0))
    assert caught.value.key == "plan.body_mass_kg"
    assert editor.text == BLOCK_PLAN


# --- accepted findings -----------------------------------------------------------------


def test_accept_appends_an_entry_after_the_last_one() -> None:
    edit = AcceptFinding("heavy-streak", 3, ("mon", "tue", "wed"), "Planned on purpose.")
    editor = applied(BLOCK_PLAN, edit)
    assert editor.text == BLOCK_PLAN.replace(
        "\n# End of plan.\n",
        '\n[[accepted]]\nrule = "heavy-streak"\nweek = 3\ndays = ["mon", "tue", "wed"]\n'
        'reason = "Planned on purpose."\n\n# End of plan.\n',
    )
    assert editor.plan.accepted[-1].rule == "heavy-streak"
    assert editor.describe(edit) == "accept heavy-streak in week 3"


def test_accept_makes_the_first_entry_at_the_end(commented_plan: str) -> None:
    editor = applied(commented_plan, AcceptFinding("monotony", None, None, "Fine."))
    assert editor.text.endswith(
        'disabled = ["glycogen-refill"]    # rule ids switched off\n\n'
        '[[accepted]]\nrule = "monotony"\nreason = "Fine."\n\n# End of plan.\n'
    )
    assert editor.plan.accepted[0].week is None
    editor.apply(RemoveAcceptance(0))
    assert editor.text == commented_plan


def test_accept_of_an_unknown_rule_is_refused() -> None:
    editor = editor_on(BLOCK_PLAN)
    with pytest.raises(PlanError, match="unknown rule"):
        editor.apply(AcceptFinding("no-such-rule", None, None, "x"))
    with pytest.raises(PlanError):
        editor.apply(AcceptFinding("monotony", None, None, ""))
    assert editor.text == BLOCK_PLAN


def test_remove_acceptance_takes_its_entry_and_keeps_the_comments() -> None:
    editor = applied(BLOCK_PLAN, RemoveAcceptance(0))
    assert editor.plan.accepted == ()
    assert editor.text.endswith(
        'disabled = ["glycogen-refill"]    # switched off\n\n# Accepted on purpose.\n\n'
        "# End of plan.\n"
    )
    with pytest.raises(PlanError, match="no accepted finding 1"):
        editor.apply(RemoveAcceptance(0))


def test_remove_the_second_of_two_acceptances() -> None:
    editor = applied(BLOCK_PLAN, AcceptFinding("monotony", 1, None, "Fine."))
    with_two = editor.text
    editor.apply(RemoveAcceptance(1))
    assert editor.text == BLOCK_PLAN
    editor.apply(RemoveAcceptance(0))
    assert editor.plan.accepted == ()
    editor.undo()
    editor.undo()
    assert editor.text == with_two


# --- week operations ---------------------------------------------------------------------


def test_add_an_empty_week_between_two() -> None:
    edit = AddWeek(0, "Extra", "taper")
    editor = applied(BLOCK_PLAN, edit)
    assert editor.text == BLOCK_PLAN.replace(
        "minutes = 120\n\n# --- week 2",
        'minutes = 120\n\n[[weeks]]\nlabel = "Extra"\ntype = "taper"\n\n# --- week 2',
    ).replace("week = 3\n", "week = 4\n")
    assert [week.label for week in editor.plan.week_list] == [
        "Build 1",
        "Extra",
        "Build 2",
        "Build 3",
        "Deload",
    ]
    # the accepted finding of week 3 is now week 4's
    assert editor.plan.accepted[0].week == 4
    assert "week = 4\n" in editor.text
    assert editor.describe(edit) == "add week 2 'Extra', empty, after week 1"


def test_add_a_week_at_the_end_keeps_the_comments_before_the_next_table() -> None:
    editor = applied(BLOCK_PLAN, AddWeek(3, None, "build"))
    assert ("minutes = 30\n\n[[weeks]]\n\n# --- before this block ---") in editor.text
    assert editor.plan.week_list[4].label is None
    assert editor.plan.accepted[0].week == 3


def test_add_a_scaled_copy() -> None:
    edit = AddWeek(2, "Build 4", "build", copy_of=0, scale_pct=5)
    editor = applied(BLOCK_PLAN, edit)
    assert editor.describe(edit) == "add week 4 'Build 4': a copy of week 1 with minutes +5 %"
    source = parse_plan(BLOCK_PLAN).week_list[0]
    copy = editor.plan.week_list[3]
    assert copy.label == "Build 4"
    assert [(d, s.title, s.minutes, s.done, s.extra) for d, _, s in copy.sessions()] == [
        ("mon", "Squat, Romanian deadlift, lunges", 74, None, False),
        ("tue", "Brisk walk", 42, None, False),
        ("sun", "Long easy ride", 126, None, False),
    ]
    assert [s.minutes for _, _, s in source.sessions()] == [70, 40, 60, 120]
    # the copy keeps the source's comments, less the extra session's
    block = week_blocks(editor.text)[3]
    assert "# Warm up well.\n" in block
    assert "# An extra one." not in block
    assert "done =" not in block
    assert "Football" not in block
    # inserted right before the comments that stand before week 4, the rest unchanged
    at = BLOCK_PLAN.index("# --- week 4")
    assert editor.text.startswith(BLOCK_PLAN[:at] + '[[weeks]]\nlabel = "Build 4"  ')
    assert editor.text.endswith(BLOCK_PLAN[at:])
    assert editor.plan.accepted[0].week == 3


@pytest.mark.parametrize(
    ("minutes", "pct", "expected"),
    [
        (70, 5, 74),
        (40, 5, 42),
        (30, 5, 32),
        (10, 5, 11),
        (600, 5, 600),
        (2, -90, 1),
        (30, None, 30),
    ],
)
def test_scaled_minutes_round_half_up_and_stay_in_range(
    minutes: int, pct: float | None, expected: int
) -> None:
    assert scaled_minutes(minutes, pct) == expected


def test_a_scaled_copy_with_minus_ten_percent_says_so() -> None:
    edit = AddWeek(0, None, "deload", copy_of=2, scale_pct=-10)
    assert edit.describe() == "add week 2: a copy of week 3 with minutes -10 %"
    editor = applied(BLOCK_PLAN, edit)
    copy = editor.plan.week_list[1]
    assert copy.type == "deload"
    assert copy.label is None
    assert [s.minutes for _, _, s in copy.sessions()] == [68, 27, 54]
    assert "start = 17:30:00" in week_blocks(editor.text)[1]


def test_duplicate_a_week() -> None:
    edit = DuplicateWeek(2)
    editor = applied(BLOCK_PLAN, edit)
    # the copy is the week's own text; the comments before week 4 stay before week 4
    start, end = BLOCK_PLAN.index('[[weeks]]\nlabel = "Build 3"'), BLOCK_PLAN.index("# --- week 4")
    assert editor.text == BLOCK_PLAN[:end] + BLOCK_PLAN[start:end] + BLOCK_PLAN[end:]
    assert editor.plan.week_list[3] == editor.plan.week_list[2]
    assert editor.describe(edit) == "duplicate week 3"


def test_delete_a_week() -> None:
    editor = applied(BLOCK_PLAN, DeleteWeek(1))
    assert [week.label for week in editor.plan.week_list] == ["Build 1", "Build 3", "Deload"]
    assert "# --- week 2 ---" in editor.text
    assert "# a week with no days yet" not in editor.text
    assert editor.plan.accepted[0].week == 2
    assert "week = 2\n" in editor.text


def test_delete_the_first_week_and_its_accepted_findings() -> None:
    editor = applied(BLOCK_PLAN, DeleteWeek(2))
    assert editor.plan.accepted == ()
    assert "[[accepted]]" not in editor.text
    editor = applied(BLOCK_PLAN, DeleteWeek(0))
    assert [week.label for week in editor.plan.week_list] == ["Build 2", "Build 3", "Deload"]
    assert editor.text.count("# --- week 1 ---") == 1
    assert editor.plan.accepted[0].week == 2


def test_a_format_2_plan_reduced_to_one_week_stays_format_2() -> None:
    editor = editor_on(BLOCK_PLAN)
    for _ in range(3):
        editor.apply(DeleteWeek(0))
    assert editor.plan.format == 2
    assert [week.label for week in editor.plan.week_list] == ["Deload"]
    assert "format = 2" in editor.text
    with pytest.raises(PlanError, match="last week"):
        editor.apply(DeleteWeek(0))


def test_set_week_label_and_type_in_place() -> None:
    editor = applied(BLOCK_PLAN, SetWeek(3, "Easy", "taper"))
    assert changed_lines(BLOCK_PLAN, editor.text) == (
        ['label = "Deload"', 'type = "deload"                   # lighter'],
        ['label = "Easy"', 'type = "taper"                   # lighter'],
    )
    editor = applied(BLOCK_PLAN, SetWeek(1, None, "deload"))
    assert changed_lines(BLOCK_PLAN, editor.text) == (['label = "Build 2"'], ['type = "deload"'])
    assert editor.plan.week_list[1].label is None
    # a build week gets no `type` key
    editor = applied(BLOCK_PLAN, SetWeek(1, "", "build"))
    assert changed_lines(BLOCK_PLAN, editor.text) == (['label = "Build 2"'], [])


def test_set_week_of_a_format_1_plan_only_when_nothing_changes(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    editor.apply(SetWeek(0, None, "build"))
    assert editor.text == commented_plan
    with pytest.raises(PlanError, match="format 1"):
        editor.apply(SetWeek(0, "Week", "build"))
    with pytest.raises(PlanError, match="unknown week type"):
        editor.apply(SetWeek(0, None, "recovery"))


def test_limits() -> None:
    editor = editor_on(BLOCK_PLAN)
    while len(editor.plan.week_list) < MAX_WEEKS:
        editor.apply(AddWeek(len(editor.plan.week_list) - 1, None, "build"))
    text = editor.text
    for edit in (AddWeek(0, None, "build"), DuplicateWeek(3)):
        with pytest.raises(PlanError, match="at most 16 weeks"):
            editor.apply(edit)
    assert editor.text == text
    for _ in range(MAX_SESSIONS_PER_DAY):
        editor.apply(AddSession("thu", JOG, week=15))
    with pytest.raises(PlanError, match="8 sessions"):
        editor.apply(AddSession("thu", JOG, week=15))
    editor.apply(AddSession("wed", JOG, week=14))
    with pytest.raises(PlanError, match="8 sessions"):
        editor.apply(MoveSession("wed", 0, "thu", week=14, to_week=15))
    with pytest.raises(PlanError, match="8 sessions"):
        editor.apply(AddExtraSession(15, "thu", FOOTBALL))
    assert len(editor.plan.week_list[15].days.thu.sessions) == MAX_SESSIONS_PER_DAY


def test_week_edits_of_weeks_that_are_not_there_are_refused() -> None:
    editor = editor_on(BLOCK_PLAN)
    for edit in (
        AddWeek(4, None, "build"),
        AddWeek(0, None, "build", copy_of=4),
        AddWeek(0, None, "build", copy_of=0, scale_pct=-100),
        AddWeek(0, None, "sprint"),
        DuplicateWeek(4),
        DeleteWeek(-1),
        SetWeek(9, None, "build"),
    ):
        with pytest.raises(PlanError):
            editor.apply(edit)
    assert editor.text == BLOCK_PLAN
    assert not editor.can_undo


# --- format 1 -> 2 -------------------------------------------------------------------------


def test_format_2_text_rewrites_the_headers_and_keeps_every_other_line(
    commented_plan: str,
) -> None:
    converted = format_2_text(commented_plan)
    removed, added = changed_lines(commented_plan, converted)
    in_string = "[days.mon] inside a string is not a table."
    assert in_string in converted
    assert in_string not in removed
    assert added[0] == "format = 2  # the format version"
    assert added[1] == "start = 2026-11-30                # a Monday"
    headers = [
        line
        for line in commented_plan.split("\n")
        if line.startswith(("[days", "[[days")) and line != in_string
    ]
    assert removed[2:] == headers
    assert added[2:] == ["[[weeks]]"] + [
        "[weeks." + line[1:] if line.startswith("[d") else "[[weeks." + line[2:] for line in headers
    ]
    assert converted.index("[[weeks]]\n[weeks.days.mon]\n") > converted.index("# --- the week")
    plan = parse_plan(converted)
    assert plan.format == 2
    assert plan.week_list == parse_plan(commented_plan).week_list
    assert plan.start == parse_plan(commented_plan).start


@pytest.mark.parametrize(
    "edit",
    [AddWeek(0, None, "build"), AddWeek(0, "Deload", "deload", copy_of=0, scale_pct=-30)],
    ids=lambda edit: edit.describe(),
)
def test_a_second_week_converts_a_format_1_file_keeping_every_comment(
    commented_plan: str, edit: Edit
) -> None:
    editor = editor_on(commented_plan)
    assert not editor.converts_format
    editor.apply(edit)
    assert editor.converts_format
    assert editor.plan.format == 2
    assert len(editor.plan.week_list) == 2
    before = Counter(comment_lines(commented_plan))
    after = Counter(comment_lines(editor.text))
    if edit.copy_of is None:
        assert after == before
    else:
        # the copy has the week's comments once more (those of its days)
        first_week = week_blocks(editor.text)[0]
        assert after - before == Counter(comment_lines(first_week))
    # the first week is the format 1 week, its comments in place
    converted = format_2_text(commented_plan)
    assert editor.text.startswith(converted[: converted.index("# --- before this week")])
    assert editor.plan.week_list[0] == parse_plan(commented_plan).week_list[0]
    assert "week_start" not in editor.text
    # undo gives back the format 1 file exactly
    editor.undo()
    assert editor.text == commented_plan
    assert not editor.converts_format
    editor.redo()
    assert editor.converts_format


def test_a_converted_file_is_saved_as_format_2(commented_plan: str, tmp_path: Path) -> None:
    path = tmp_path / "week.toml"
    path.write_text(commented_plan, encoding="utf-8")
    editor = PlanEditor.open(path)
    editor.apply(DuplicateWeek(0))
    assert editor.converts_format
    editor.save()
    assert not editor.converts_format
    saved = read_plan(path)
    assert saved.format == 2
    assert saved.week_list[0] == saved.week_list[1]
    editor.undo()
    assert editor.plan.format == 1  # back to the one-week text, which the next save writes


def test_conversion_of_a_plan_without_days(minimal_plan: str) -> None:
    editor = applied(minimal_plan, AddWeek(0, "Two", "build"))
    assert editor.text == (
        'format = 2\n\n[plan]\nname = "Minimal week"\n\n[[weeks]]\n\n[[weeks]]\nlabel = "Two"\n'
    )
    text = minimal_plan + "\n# Earlier weeks.\n[history]\nweekly_loads = [100]\n"
    editor = applied(text, DuplicateWeek(0))
    assert editor.text == (
        'format = 2\n\n[plan]\nname = "Minimal week"\n\n[[weeks]]\n\n[[weeks]]\n\n'
        "# Earlier weeks.\n[history]\nweekly_loads = [100]\n"
    )


def test_conversion_keeps_crlf_line_ends() -> None:
    text = (
        'format = 1\r\n[plan]\r\nname = "W"\r\nweek_start = 2026-11-30\r\n'
        '[days.mon]\r\nnote = "x"\r\n'
    )
    converted = format_2_text(text)
    assert converted == (
        'format = 2\r\n[plan]\r\nname = "W"\r\nstart = 2026-11-30\r\n[[weeks]]\r\n'
        '[weeks.days.mon]\r\nnote = "x"\r\n'
    )
    assert parse_plan(converted).week_list[0].days.mon.note == "x"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('format = 1\ndays.mon.note = "x"\n[plan]\nname = "W"\n', "written as keys"),
        ('format = 1\ndays = { mon = { note = "x" } }\n[plan]\nname = "W"\n', "written as keys"),
        (
            'format = 1\n[plan]\nname = "W"\n[days.mon]\nnote = "m"\n'
            '[history]\nweekly_loads = [1]\n[days.fri]\nnote = "f"\n',
            "split up",
        ),
    ],
    ids=["dotted keys", "inline days", "split days"],
)
def test_a_layout_that_cannot_be_converted_is_refused(text: str, reason: str) -> None:
    editor = editor_on(text)
    with pytest.raises(PlanError, match=reason):
        editor.apply(AddWeek(0, None, "build"))
    assert editor.text == text
    assert editor.plan.format == 1
    assert not editor.converts_format


# --- undo of everything ------------------------------------------------------------------

ALL_EDITS: list[Edit] = [
    *WEEK_3_EDITS,
    MoveSession("sun", 0, "mon", week=0, to_week=1),
    MoveSession("mon", 1, "sun", week=2, to_week=0),
    LogSession(0, "mon", 0, None),
    LogSession(0, "tue", 0, Done(minutes=35)),
    AddExtraSession(1, "sat", FOOTBALL),
    dataclasses.replace(
        settings_of(parse_plan(BLOCK_PLAN)),
        name="New",
        start=None,
        protein_meals=5,
        thresholds={"monotony_max": None, "acwr_high": 1.4},
        disabled=(),
    ),
    AcceptFinding("monotony", 2, ("mon",), "Fine."),
    RemoveAcceptance(0),
    AddWeek(0, "New", "build"),
    AddWeek(3, None, "taper", copy_of=1),
    AddWeek(1, "Scaled", "build", copy_of=0, scale_pct=5),
    DuplicateWeek(0),
    DuplicateWeek(3),
    DeleteWeek(0),
    DeleteWeek(2),
    DeleteWeek(3),
    SetWeek(0, "First", "race"),
]


@pytest.mark.parametrize("edit", ALL_EDITS, ids=lambda edit: edit.describe(4))
def test_each_edit_undoes_to_the_exact_text_and_redoes(edit: Edit) -> None:
    editor = editor_on(BLOCK_PLAN)
    editor.apply(edit)
    edited = editor.text
    assert edited != BLOCK_PLAN
    assert editor.plan == parse_plan(edited)
    assert editor.undo() == edit
    assert editor.text == BLOCK_PLAN
    assert editor.plan == parse_plan(BLOCK_PLAN)
    assert not editor.dirty
    assert editor.redo() == edit
    assert editor.text == edited


FORMAT_1_EDITS: list[Edit] = [
    AddWeek(0, None, "build"),
    AddWeek(0, "Two", "deload", copy_of=0, scale_pct=-20),
    DuplicateWeek(0),
    LogSession(0, "wed", 0, Done(rpe=9)),
    AddExtraSession(0, "thu", FOOTBALL),
    AcceptFinding("heavy-streak", 1, None, "Fine."),
]


@pytest.mark.parametrize("edit", FORMAT_1_EDITS, ids=lambda edit: edit.describe())
def test_each_edit_of_a_format_1_file_undoes_exactly(commented_plan: str, edit: Edit) -> None:
    editor = editor_on(commented_plan)
    editor.apply(edit)
    assert editor.plan == parse_plan(editor.text)
    editor.undo()
    assert editor.text == commented_plan


def test_every_day_of_every_week_can_be_edited_and_undone() -> None:
    editor = editor_on(BLOCK_PLAN)
    texts = [BLOCK_PLAN]
    for week in range(4):
        for day in DAY_KEYS:
            editor.apply(AddSession(day, JOG, week=week))
            texts.append(editor.text)
    for week in range(4):
        assert all(editor.plan.week_list[week].days[day].sessions[-1] == JOG for day in DAY_KEYS)
    assert "\n\n\n" not in editor.text
    for text in reversed(texts[:-1]):
        editor.undo()
        assert editor.text == text
