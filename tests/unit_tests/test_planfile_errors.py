"""Every error kind of plan-format.md reads `FILE:LINE: key.path: reason`, at the right line."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.planfile import (
    MAX_FILE_BYTES,
    PlanDocument,
    PlanError,
    key_lines,
    parse_plan,
    read_plan,
    read_source,
)

HEAD = 'format = 1\n\n[plan]\nname = "Test week"\n'  # lines 1-4
SESSION = '[days.mon]\n[[days.mon.sessions]]\ntitle = "Squat"\nkind = "heavy"\nminutes = 60\n'


def error_of(text: str, source: str = "week.toml") -> PlanError:
    with pytest.raises(PlanError) as caught:
        parse_plan(text, source)
    return caught.value


def insert_after(text: str, anchor: str, line: str) -> tuple[str, int]:
    """The text with `line` added right after the first line that starts with `anchor`,
    and the 1-based number of the added line."""
    lines = text.split("\n")
    index = next(i for i, existing in enumerate(lines) if existing.startswith(anchor))
    lines.insert(index + 1, line)
    return "\n".join(lines), index + 2


def line_of_text(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(start))


# --- syntax -----------------------------------------------------------------------------


def test_syntax_error_gives_line_and_column() -> None:
    error = error_of(HEAD + "level = = 3\n")
    assert str(error) == "week.toml:5:9: invalid TOML: invalid value"
    assert (error.line, error.problems[0].column, error.key) == (5, 9, "")


def test_unterminated_string_gives_its_line(commented_plan: str) -> None:
    text = commented_plan.replace('title = "Core circuit"', 'title = "Core circuit')
    error = error_of(text)
    line = line_of_text(text, 'title = "Core circuit')
    assert str(error).startswith(f"week.toml:{line}:")
    assert "invalid TOML" in error.reason


def test_garbage_after_a_value_in_the_commented_plan(commented_plan: str) -> None:
    text = commented_plan.replace("minutes = 70\n", "minutes = 70 70\n")
    error = error_of(text)
    line = line_of_text(text, "minutes = 70 70")
    assert str(error) == (
        f"week.toml:{line}:14: invalid TOML: expected newline or end of document after a statement"
    )


def test_value_never_closed_points_at_its_first_line() -> None:
    text = HEAD + "\n[history]\nweekly_loads = [\n  1,\n  2,\n"
    error = error_of(text)
    assert error.line == 7
    assert error.reason.startswith("invalid TOML: ")
    assert "never closed" in error.reason
    assert str(error).startswith("week.toml:7: invalid TOML: ")


def test_multi_line_string_never_closed_points_at_its_first_line() -> None:
    error = error_of(HEAD + 'description = """\nsome text\n\n[days.mon]\n')
    assert error.line == 5
    assert "never closed" in error.reason


def test_raw_control_character_is_a_toml_error() -> None:
    error = error_of(HEAD + SESSION.replace('"Squat"', '"Sq\x07uat"'))
    assert str(error) == "week.toml:7:12: invalid TOML: illegal character '\\x07'"


# --- unknown keys -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "bad_line", "key", "known", "hint"),
    [
        (
            "format = 1",
            "fromat = 2",
            "fromat",
            "format, plan, defaults, days, weeks, history, rules, accepted",
            "format",
        ),
        (
            "name = ",
            'nmae = "x"',
            "plan.nmae",
            "name, description, level, start, week_start, body_mass_kg, repeats",
            "name",
        ),
        (
            "sleep_hours = 8.0",
            "sleep_hour = 7",
            "defaults.sleep_hour",
            "sleep_hours, bedtime, protein_meals",
            "sleep_hours",
        ),
        (
            'note = "Squat day"',
            'notes = "x"',
            "days.mon.notes",
            "note, sleep_hours, bedtime, protein_meals, sessions",
            "note",
        ),
        (
            "rpe = 8",
            "rep = 8",
            "days.mon.sessions[0].rep",
            "title, kind, activity, focus, minutes, rpe, start, carbs_after, done, extra",
            "rpe",
        ),
        (
            'title = "Deadlift, pull-ups"',
            "minute = 5",
            "days.fri.sessions[0].minute",
            "title, kind, activity, focus, minutes, rpe, start, carbs_after, done, extra",
            "minutes",
        ),
        (
            "longest_session_min",
            "weekly_load = []",
            "history.weekly_load",
            "weekly_loads, longest_session_min",
            "weekly_loads",
        ),
    ],
)
def test_unknown_key_at_every_level(
    commented_plan: str, anchor: str, bad_line: str, key: str, known: str, hint: str
) -> None:
    text, line = insert_after(commented_plan, anchor, bad_line)
    error = error_of(text)
    assert str(error) == (
        f'week.toml:{line}: {key}: unknown key (known keys: {known}); did you mean "{hint}"?'
    )
    assert (error.line, error.key) == (line, key)


def test_unknown_threshold_key_under_rules(commented_plan: str) -> None:
    text, line = insert_after(commented_plan, "monotony_max", "monotony_mx = 2.5")
    error = error_of(text)
    assert error.line == line
    assert error.key == "rules.monotony_mx"
    assert error.reason.startswith("unknown key (known keys: disabled, muscle_recovery_hours, ")
    assert error.reason.endswith('; did you mean "monotony_max"?')
    assert str(error).startswith(f"week.toml:{line}: rules.monotony_mx: unknown key")


def test_unknown_day_suggests_the_day_key(commented_plan: str) -> None:
    text = commented_plan.replace("[days.fri]", "[days.friday]").replace(
        "[[days.fri.sessions]]", "[[days.friday.sessions]]"
    )
    error = error_of(text)
    assert error.key == "days.friday"
    assert error.line == line_of_text(text, "[days.friday]")
    assert error.reason == (
        'unknown key (known keys: mon, tue, wed, thu, fri, sat, sun); did you mean "fri"?'
    )


def test_unknown_key_without_a_close_match_has_no_hint() -> None:
    error = error_of(HEAD + "zzz = 1\n")
    assert str(error) == (
        "week.toml:5: plan.zzz: unknown key (known keys: name, description, level, "
        "start, week_start, body_mass_kg, repeats)"
    )


# --- numbers out of range -------------------------------------------------------------------


def test_rpe_out_of_range_reads_as_in_the_spec() -> None:
    text = HEAD + "\n" + SESSION + "rpe = 12\n"
    assert str(error_of(text)) == (
        "week.toml:11: days.mon.sessions[0].rpe: must be between 1 and 10, got 12"
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("rpe = 8 ", "rpe = 12", "days.mon.sessions[0].rpe: must be between 1 and 10, got 12"),
        ("rpe = 5", "rpe = 0", "days.sun.sessions[0].rpe: must be between 1 and 10, got 0"),
        (
            "minutes = 70",
            "minutes = 0",
            "days.mon.sessions[0].minutes: must be between 1 and 600, got 0",
        ),
        (
            "minutes = 15",
            "minutes = 601",
            "days.mon.sessions[1].minutes: must be between 1 and 600, got 601",
        ),
        (
            "sleep_hours = 8.0",
            "sleep_hours = 15",
            "defaults.sleep_hours: must be between 0 and 14, got 15",
        ),
        (
            "sleep_hours = 9",
            "sleep_hours = 14.5",
            "days.wed.sleep_hours: must be between 0 and 14, got 14.5",
        ),
        (
            "protein_meals = 5",
            "protein_meals = 9",
            "days.fri.protein_meals: must be between 0 and 8, got 9",
        ),
        (
            "protein_meals = 4",
            "protein_meals = -1",
            "defaults.protein_meals: must be between 0 and 8, got -1",
        ),
        (
            "body_mass_kg = 80",
            "body_mass_kg = 20",
            "plan.body_mass_kg: must be between 30 and 250, got 20",
        ),
        (
            "monotony_max = 2.2",
            "monotony_max = 101",
            "rules.monotony_max: must be between 0 and 100, got 101",
        ),
        (
            "minutes = 70",
            "minutes = 1.5",
            "days.mon.sessions[0].minutes: must be a whole number, got 1.5",
        ),
    ],
)
def test_numbers_out_of_range(commented_plan: str, old: str, new: str, message: str) -> None:
    assert old in commented_plan
    text = commented_plan.replace(old, new, 1)
    line = line_of_text(text, new)
    error = error_of(text)
    assert str(error) == f"week.toml:{line}: {message}"


def test_weekly_load_below_zero_names_the_item() -> None:
    error = error_of(HEAD + "\n[history]\nweekly_loads = [100, -2]\n")
    assert (
        str(error) == "week.toml:7: history.weekly_loads[1]: must be between 0 and 100000, got -2"
    )


def test_more_than_twelve_weekly_loads(commented_plan: str) -> None:
    text = commented_plan.replace("    2400,   # last week\n", "    2400,\n" * 10)
    error = error_of(text)
    assert error.key == "history.weekly_loads"
    assert error.line == line_of_text(text, "weekly_loads = [")
    assert error.reason == "must have at most 12 items, got 13"


# --- unknown values ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'kind = "heavy"                    # needs',
            'kind = "hard"                    # needs',
            "days.mon.sessions[0].kind: must be one of heavy, moderate, light or "
            'active_recovery, got "hard"',
        ),
        (
            'activity = "walk"',
            'activity = "jog"',
            "days.tue.sessions[0].activity: must be one of strength, run, cycle, swim, row, "
            'hiit, mobility, walk, sport or other, got "jog"',
        ),
        (
            'focus = ["legs", "back"]',
            'focus = ["legs", "neck"]',
            "days.mon.sessions[0].focus[1]: must be one of legs, back, chest, shoulders, arms, "
            'core or full_body, got "neck"',
        ),
        (
            'level = "intermediate"',
            'level = "pro"',
            'plan.level: must be one of beginner, intermediate or advanced, got "pro"',
        ),
        (
            "longest_session_min = { run = 95",
            "longest_session_min = { jog = 95",
            "history.longest_session_min.jog: key must be one of strength, run, cycle, swim, "
            'row, hiit, mobility, walk, sport or other, got "jog"',
        ),
    ],
)
def test_unknown_kind_activity_focus_level(
    commented_plan: str, old: str, new: str, message: str
) -> None:
    assert old in commented_plan
    text = commented_plan.replace(old, new, 1)
    assert str(error_of(text)) == f"week.toml:{line_of_text(text, new)}: {message}"


def test_unknown_rule_id_in_disabled(commented_plan: str) -> None:
    text = commented_plan.replace('"glycogen-refill"', '"glycogen-refil"')
    error = error_of(text)
    assert error.key == "rules.disabled[0]"
    assert error.line == line_of_text(text, "disabled = ")
    assert 'unknown rule id "glycogen-refil"' in error.reason


# --- missing and wrong structure ----------------------------------------------------------------


def test_missing_format() -> None:
    assert str(error_of('[plan]\nname = "W"\n')) == "week.toml:1: format: required, but missing"


def test_missing_plan_table() -> None:
    assert str(error_of("format = 1\n")) == "week.toml:1: plan: required, but missing"


def test_missing_plan_name_points_at_the_plan_table(commented_plan: str) -> None:
    text = commented_plan.replace(
        'name = "Strength 3x + active recovery"   # shown in the header\n', ""
    )
    error = error_of(text)
    assert (
        str(error) == f"week.toml:{line_of_text(text, '[plan]')}: plan.name: required, but missing"
    )


def test_missing_session_keys_point_at_the_session_header() -> None:
    text = HEAD + "\n[days.tue]\n[[days.tue.sessions]]\nrpe = 3\n"
    error = error_of(text)
    assert str(error) == "\n".join(
        f"week.toml:7: days.tue.sessions[0].{key}: required, but missing"
        for key in ("title", "kind", "minutes")
    )
    assert len(error.problems) == 3


def test_missing_key_in_the_second_session_names_its_index(commented_plan: str) -> None:
    text = commented_plan.replace("minutes = 15\n", "")
    error = error_of(text)
    headers = [n for n, ln in enumerate(text.split("\n"), 1) if ln == "[[days.mon.sessions]]"]
    assert (
        str(error) == f"week.toml:{headers[1]}: days.mon.sessions[1].minutes: required, but missing"
    )


def test_duplicate_day_table(commented_plan: str) -> None:
    text = commented_plan.replace("[days.fri]", "[days.wed]")
    error = error_of(text)
    line = text.split("\n").index("[days.wed]", line_of_text(text, "[days.wed]")) + 1
    assert error.line == line
    assert error.key == "days.wed"
    assert (
        str(error) == f"week.toml:{line}:10: days.wed: invalid TOML: cannot declare days.wed twice"
    )


def test_duplicate_plan_table() -> None:
    error = error_of(HEAD + '[plan]\nlevel = "beginner"\n')
    assert (error.line, error.key) == (5, "plan")


def test_duplicate_key() -> None:
    error = error_of(HEAD + 'name = "Again"\n')
    assert error.line == 5
    assert error.reason == "invalid TOML: cannot overwrite a value"


def test_week_start_not_a_monday(commented_plan: str) -> None:
    text = commented_plan.replace("week_start = 2026-11-30", "week_start = 2026-12-01")
    assert str(error_of(text)) == (
        f"week.toml:{line_of_text(text, 'week_start')}: plan.week_start: "
        "must be a Monday, got 2026-12-01 (a Tuesday)"
    )


def test_week_start_with_a_time_is_refused() -> None:
    error = error_of(HEAD + "week_start = 2026-11-30T08:00:00\n")
    assert (error.line, error.key) == (5, "plan.week_start")
    assert error.reason.startswith("must be a date like 2026-11-30")


@pytest.mark.parametrize(("value", "shown"), [("3", "3"), ('"1"', '"1"'), ("1.5", "1.5")])
def test_format_other_than_1_or_2(value: str, shown: str) -> None:
    error = error_of(f'format = {value}\n[plan]\nname = "W"\n')
    assert str(error) == (
        "week.toml:1: format: must be 1 or 2 (the plan format versions this planner reads), "
        f"got {shown}"
    )


def test_format_later_in_the_file_is_found(commented_plan: str) -> None:
    text = commented_plan.replace("format = 1 ", "format = 3 ")
    assert error_of(text).line == line_of_text(text, "format = 3")


def test_a_format_1_file_marked_format_2_says_where_weeks_are_needed(
    commented_plan: str,
) -> None:
    text = commented_plan.replace("format = 1 ", "format = 2 ")
    problems = {p.key: p for p in error_of(text).problems}
    assert problems["weeks"].line == line_of_text(text, "format = 2")
    assert "needs at least one [[weeks]]" in problems["weeks"].reason
    assert "`start`" in problems["plan"].reason
    assert "[[weeks]]" in problems["days"].reason


def test_a_table_where_a_value_belongs() -> None:
    error = error_of(HEAD + '\n[days.mon.sessions]\ntitle = "x"\n')
    assert str(error) == "week.toml:6: days.mon.sessions: must be a list, got a table"


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("escaped", "code", "position"),
    [("Squat\\u0007", "U+0007", 6), ("\\u001b[31mSquat", "U+001B", 1), ("Sq\\tuat", "U+0009", 3)],
)
def test_control_characters_in_a_title(escaped: str, code: str, position: int) -> None:
    text = HEAD + "\n" + SESSION.replace('"Squat"', f'"{escaped}"')
    assert str(error_of(text)) == (
        f"week.toml:8: days.mon.sessions[0].title: must not contain control characters "
        f"(found {code} at position {position})"
    )


def test_control_character_in_the_plan_name() -> None:
    error = error_of('format = 1\n[plan]\nname = "Week\\u001b[2J"\n')
    assert str(error) == (
        "week.toml:3: plan.name: must not contain control characters (found U+001B at position 5)"
    )


def test_bidi_override_in_a_note_is_refused() -> None:
    error = error_of(HEAD + '[days.tue]\nnote = "abc\\u202edef"\n')
    assert (error.line, error.key) == (6, "days.tue.note")
    assert "U+202E" in error.reason


def test_newlines_and_tabs_are_fine_in_a_note() -> None:
    plan = parse_plan(HEAD + '[days.tue]\nnote = "line one\\n\\tline two"\n')
    assert plan.days.tue.note == "line one\n\tline two"


@pytest.mark.parametrize(
    ("title", "reason"), [("   ", "must not be blank"), ("", "must not be empty")]
)
def test_blank_title(title: str, reason: str) -> None:
    text = HEAD + "\n" + SESSION.replace('"Squat"', f'"{title}"')
    assert str(error_of(text)) == f"week.toml:8: days.mon.sessions[0].title: {reason}"


def test_title_over_60_characters() -> None:
    text = HEAD + "\n" + SESSION.replace('"Squat"', '"' + "x" * 61 + '"')
    assert str(error_of(text)) == (
        "week.toml:8: days.mon.sessions[0].title: must be at most 60 characters, got 61"
    )
    assert parse_plan(text.replace("x" * 61, "x" * 60)).days.mon.sessions[0].title == "x" * 60


def test_plan_name_over_80_characters() -> None:
    error = error_of(f'format = 1\n[plan]\nname = "{"n" * 81}"\n')
    assert str(error) == "week.toml:3: plan.name: must be at most 80 characters, got 81"


def test_more_than_eight_sessions_a_day() -> None:
    session = '[[days.sat.sessions]]\ntitle = "Walk"\nkind = "light"\nminutes = 10\n'
    text = HEAD + "\n[days.sat]\n" + session * 9
    # the line of the first [[days.sat.sessions]], where the array starts
    assert str(error_of(text)) == "week.toml:7: days.sat.sessions: must have at most 8 items, got 9"
    assert len(parse_plan(HEAD + "\n[days.sat]\n" + session * 8).days.sat.sessions) == 8


# --- times --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ['"7:30"', '"24:00"', '"12:60"', '"07:30:00"', '"noon"'])
def test_bad_start_time(value: str) -> None:
    text = HEAD + "\n" + SESSION + f"start = {value}\n"
    error = error_of(text)
    assert str(error) == (
        f'week.toml:11: days.mon.sessions[0].start: must be a 24-hour time "HH:MM", got {value}'
    )


@pytest.mark.parametrize("value", ['"7:30"', '"24:00"'])
def test_bad_bedtime(commented_plan: str, value: str) -> None:
    text = commented_plan.replace('bedtime = "22:00"', f"bedtime = {value}")
    error = error_of(text)
    assert error.line == line_of_text(text, f"bedtime = {value}")
    assert error.key == "days.wed.bedtime"
    assert error.reason == f'must be a 24-hour time "HH:MM", got {value}'


def test_toml_local_time_is_accepted(commented_plan: str) -> None:
    plan = parse_plan(commented_plan)
    assert "start = 17:30:00" in commented_plan
    assert plan.days.mon.sessions[0].start == "17:30"
    assert parse_plan(HEAD + "[defaults]\nbedtime = 22:30:00\n").defaults.bedtime == "22:30"


def test_toml_local_time_with_seconds_is_refused() -> None:
    error = error_of(HEAD + "\n" + SESSION + "start = 17:30:05\n")
    assert (error.line, error.key) == (11, "days.mon.sessions[0].start")
    assert error.reason == "must be a time in whole minutes, got 17:30:05"


# --- several problems at once ------------------------------------------------------------------


def test_every_problem_is_reported_in_line_order() -> None:
    text = HEAD + 'level = "pro"\n[defaults]\nsleep_hours = 20\n[days.fri]\nprotein_meals = -1\n'
    error = error_of(text)
    assert str(error).split("\n") == [
        'week.toml:5: plan.level: must be one of beginner, intermediate or advanced, got "pro"',
        "week.toml:7: defaults.sleep_hours: must be between 0 and 14, got 20",
        "week.toml:9: days.fri.protein_meals: must be between 0 and 8, got -1",
    ]
    assert [p.line for p in error.problems] == [5, 7, 9]
    assert (error.path, error.line, error.key) == ("week.toml", 5, "plan.level")


# --- the line finder ---------------------------------------------------------------------------


def test_keys_after_multi_line_values_get_their_own_line(commented_plan: str) -> None:
    lines = key_lines(commented_plan)
    text_lines = commented_plan.split("\n")
    for path, start in [
        (("plan", "level"), 'level = "intermediate"'),
        (("history", "longest_session_min"), "longest_session_min"),
        (("days", "mon", "sessions", 1, "title"), 'title = "Core circuit"'),
        (("rules", "disabled"), "disabled = "),
    ]:
        assert text_lines[lines[path] - 1].startswith(start), path
    # the string line that looks like a table header is not one
    assert lines[("days", "mon")] == text_lines.index("[days.mon]") + 1


def test_error_after_a_multi_line_array(commented_plan: str) -> None:
    text = commented_plan.replace(
        "longest_session_min = { run = 95", "longest_session_min = { run = 0"
    )
    error = error_of(text)
    assert error.line == line_of_text(text, "longest_session_min")
    assert error.key == "history.longest_session_min.run"


def test_error_after_a_triple_quoted_string_that_looks_like_toml() -> None:
    text = (
        HEAD
        + 'description = """\n[days.mon]\nrpe = 3\n[[days.mon.sessions]]\n"""\n'  # lines 5-9
        + "level = 'x'\n"  # line 10
    )
    error = error_of(text)
    assert (error.line, error.key) == (10, "plan.level")


def test_error_after_a_literal_multi_line_string() -> None:
    text = HEAD + "description = '''\nbody_mass_kg = 20\n'''\nbody_mass_kg = 20\n"
    assert (error_of(text).line, error_of(text).key) == (8, "plan.body_mass_kg")


def test_error_after_a_multi_line_string_inside_an_array() -> None:
    text = HEAD + (
        "\n[rules]\n"  # 5-6
        'disabled = [\n  """monotony""",\n  """x\n[days.tue]\n""",\n  ["y"],\n]\n'  # 7-13
        "monotony_mx = 2\n"  # 14
    )
    error = error_of(text)
    # first problem: the unknown rule id; then the unknown key on its own line
    keys = {(p.key, p.line) for p in error.problems}
    assert ("rules.monotony_mx", 14) in keys


def test_error_after_a_comment_with_a_line_separator() -> None:
    """Only "\\n" ends a TOML line; U+2028 and U+0085 in a comment do not."""
    text = HEAD + "# one\u2028two\x85three\n[defaults]\nsleep_hours = 20\n"
    error = error_of(text)
    assert (error.line, error.key) == (7, "defaults.sleep_hours")


def test_error_lines_with_windows_line_ends() -> None:
    text = (HEAD + "\n[defaults]\nsleep_hours = 20\n").replace("\n", "\r\n")
    assert error_of(text).line == 7


def test_quoted_and_dotted_keys_are_found() -> None:
    text = HEAD + '\n["days"."mon"]\nsleep_hours = 20\n[days]\ntue.protein_meals = 9\n'
    error = error_of(text)
    assert [(p.line, p.key) for p in error.problems] == [
        (7, "days.mon.sleep_hours"),
        (9, "days.tue.protein_meals"),
    ]


def test_inline_sessions_errors_point_at_the_sessions_key() -> None:
    text = (
        HEAD
        + "\n[days.mon]\nsessions = [\n"
        + '  { title = "a", kind = "heavy", minutes = 3, rpe = 11 },\n]\n'
    )
    error = error_of(text)
    assert (error.line, error.key) == (7, "days.mon.sessions[0].rpe")


# --- files ------------------------------------------------------------------------------------


def test_file_errors_name_the_file(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, HEAD + "\n" + SESSION + "rpe = 12\n")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert (
        str(caught.value)
        == f"{path}:11: days.mon.sessions[0].rpe: must be between 1 and 10, got 12"
    )
    # the editor's loader says the same
    with pytest.raises(PlanError) as again:
        PlanDocument.load(path)
    assert str(again.value) == str(caught.value)


def test_file_over_one_mebibyte(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, HEAD + "#" * MAX_FILE_BYTES + "\n")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert str(caught.value).startswith(f"{path}: file is ")
    assert "at most 1 MiB" in caught.value.reason
    # exactly 1 MiB is still read
    exact = HEAD + "#" * (MAX_FILE_BYTES - len(HEAD) - 1) + "\n"
    assert len(exact.encode()) == MAX_FILE_BYTES
    assert read_plan(write_plan(tmp_path, exact, "exact.toml")).plan.name == "Test week"


def test_binary_file(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, HEAD.encode() + b"\x89PNG\r\n\x00\x00")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert str(caught.value) == f"{path}:6: binary file (NUL byte), not a TOML plan"


def test_non_utf8_file(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, HEAD.replace("Test week", "Café").encode("latin-1"))
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert str(caught.value) == f"{path}:4: not UTF-8 text (byte 0xe9)"


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_empty_file(write_plan: Callable[..., Path], tmp_path: Path, content: bytes) -> None:
    path = write_plan(tmp_path, content)
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert str(caught.value) == f"{path}: file is empty; a plan needs format = 1 and [plan]"


def test_a_byte_order_mark_is_allowed(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, b"\xef\xbb\xbf" + HEAD.encode())
    assert read_plan(path).plan.name == "Test week"


def test_a_toml_file_that_is_not_a_plan(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    path = write_plan(tmp_path, pyproject.read_bytes(), "pyproject.toml")
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert str(caught.value) == (
        f"{path}:1: not a planner plan: it has neither `format = 1` nor a [plan] table"
    )


def test_a_comment_only_file_is_not_a_plan(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="not a planner plan"):
        read_plan(write_plan(tmp_path, "# nothing here yet\n"))


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "week.toml"
    folder.mkdir()
    with pytest.raises(PlanError) as caught:
        read_plan(folder)
    assert str(caught.value) == f"{folder}: is a directory, not a plan file"


def test_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(PlanError) as caught:
        read_plan(missing)
    assert str(caught.value) == f"{missing}: no such file"
    assert caught.value.line is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file(write_plan: Callable[..., Path], tmp_path: Path) -> None:
    path = write_plan(tmp_path, HEAD)
    path.chmod(0)
    try:
        with pytest.raises(PlanError) as caught:
            read_source(path)
        assert str(caught.value) == f"{path}: cannot read: Permission denied"
    finally:
        path.chmod(0o600)


def test_a_file_that_cannot_be_opened(
    write_plan: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As test_an_unreadable_file, for root too: the open itself is refused."""
    path = write_plan(tmp_path, HEAD)
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert str(caught.value) == f"{path}: cannot read: Permission denied"


def test_the_commented_plan_is_valid(commented_plan: str) -> None:
    plan = parse_plan(commented_plan)
    assert plan.plan.name == "Strength 3x + active recovery"
    assert [s.title for s in plan.days.mon.sessions] == [
        "Squat, Romanian deadlift, lunges",
        "Core circuit",
    ]
    assert plan.days.thu.sessions == ()


@pytest.mark.parametrize(
    "text",
    [
        'format = true\n[plan]\nname = "W"\n',
        HEAD + "\n" + SESSION + "rpe = true\n",
        HEAD + "\n" + SESSION.replace("minutes = 60", "minutes = true"),
    ],
    ids=["format", "rpe", "minutes"],
)
def test_a_boolean_is_not_a_number(text: str) -> None:
    error = error_of(text)
    assert error.reason == "must be a number, got true"


# --- nesting: a clear error, never a RecursionError ---------------------------------------

DEEP = 500


@pytest.mark.parametrize(
    "value",
    [
        "[" * DEEP + "]" * DEEP,
        "{b = " * DEEP + "1" + "}" * DEEP,
        "[{a = " * (DEEP // 2) + "1" + "}]" * (DEEP // 2),
    ],
    ids=["arrays", "inline tables", "both"],
)
def test_deep_nesting_is_one_clear_error(value: str) -> None:
    text = HEAD + f"\n[history]\nweekly_loads = {value}\n"
    error = error_of(text)
    assert len(error.problems) == 1
    assert error.line == 7
    assert error.problems[0].column is not None
    assert "nested deeper than" in error.reason
    assert "\n" not in str(error)


def test_deep_header_brackets_are_one_clear_error() -> None:
    error = error_of(HEAD + "[" * DEEP + "days" + "]" * DEEP + "\n")
    assert error.line == 5
    assert "nested deeper than" in error.reason


def test_nesting_that_a_plan_can_hold_is_not_refused() -> None:
    """Sixteen levels are still parsed (and then judged by the model)."""
    error = error_of(HEAD + "\n[history]\nweekly_loads = " + "[" * 16 + "]" * 16 + "\n")
    assert "nested deeper" not in str(error)
    assert error.key.startswith("history.weekly_loads")


def test_brackets_inside_strings_and_comments_do_not_count() -> None:
    brackets = "[" * 40
    plan = parse_plan(
        HEAD.replace('"Test week"', f'"{brackets}"')
        + f"# {brackets}\n"
        + f"description = '{brackets}'\n"
        + f'[days.mon]\nnote = """{brackets}\n{brackets}"""\n'
        + "[days.tue]\nnote = '''x\n"
        + brackets
        + "'''\n"
    )
    assert plan.days.mon.note.startswith("[[[")


def test_a_recursion_error_in_the_parser_is_a_plan_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomllib

    def too_deep(_text: str) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(tomllib, "loads", too_deep)
    error = error_of(HEAD)
    assert "nested too deeply" in error.reason


def test_a_recursion_error_in_validation_is_a_plan_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.model import Plan

    def too_deep(_data: Any) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(Plan, "model_validate", too_deep)
    assert "nested too deeply" in error_of(HEAD).reason


def test_a_recursion_error_in_tomlkit_is_a_plan_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import tomlkit

    def too_deep(_text: str) -> Any:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(tomlkit, "parse", too_deep)
    with pytest.raises(PlanError, match="nested too deeply"):
        # tomlkit parses at the document's first use (the first edit), not on opening
        _ = PlanDocument.from_text(HEAD, None, "week.toml").document


# --- whitespace that TOML does not allow is not "empty" -----------------------------------


@pytest.mark.parametrize(
    ("content", "line"),
    [(b"\x0c", 1), (b"\x0b", 1), (b"\n\n\x0c\n", 3), ("\u00a0".encode(), 1), (b"\r", 1)],
)
def test_other_whitespace_is_invalid_toml_not_empty(
    write_plan: Callable[..., Path], tmp_path: Path, content: bytes, line: int
) -> None:
    path = write_plan(tmp_path, content)
    with pytest.raises(PlanError) as caught:
        read_plan(path)
    assert "empty" not in caught.value.reason
    assert "invalid TOML" in caught.value.reason
    assert caught.value.line == line


@pytest.mark.parametrize("content", [b" \t \n", b"\r\n\r\n", b"\xef\xbb\xbf\n  \n"])
def test_spaces_tabs_and_newlines_only_are_empty(
    write_plan: Callable[..., Path], tmp_path: Path, content: bytes
) -> None:
    with pytest.raises(PlanError, match="file is empty"):
        read_plan(write_plan(tmp_path, content))


# --- errors are one safe line --------------------------------------------------------------

NASTY = "\x1b]0;title\x07\x1b[2J"


def assert_inert(message: str) -> None:
    assert "\x1b" not in message
    assert "\x07" not in message
    assert "\n" not in message
    assert all(ch.isprintable() for ch in message), repr(message)


def test_a_nasty_value_is_echoed_escaped() -> None:
    error = error_of(
        HEAD + f'level = "{NASTY}"\n'.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    )
    assert_inert(str(error))
    assert '\\x1b]0;title\\x07\\x1b[2J"' in str(error)


def test_a_nasty_key_is_echoed_escaped() -> None:
    key = '"\\u001b]0;title\\u0007\\u001b[2J"'
    error = error_of(HEAD + f"{key} = 1\n")
    assert_inert(str(error))
    assert error.key == "plan.\\x1b]0;title\\x07\\x1b[2J"
    assert error.line == 5


def test_a_value_with_a_newline_keeps_the_error_on_one_line() -> None:
    error = error_of(HEAD + 'level = "line one\\nline two\\u2028three"\n')
    assert str(error).count("\n") == 0
    assert '"line one\\nline two\\u2028three"' in error.reason


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\n", "\\n"),
        ("\t", "\\t"),
        ("\r", "\\r"),
        ("\x1b", "\\x1b"),
        ("\x7f", "\\x7f"),
        ("\x9b", "\\x9b"),
        ("\u2028", "\\u2028"),
        ("\u202e", "\\u202e"),
        ("\U000e0001", "\\U000e0001"),
        ("é 🏃 x", "é 🏃 x"),
    ],
)
def test_escaped_text(raw: str, shown: str) -> None:
    from planner.planfile import escaped

    assert escaped(raw) == shown
    assert escaped(escaped(raw)) == shown  # escaping twice changes nothing


def test_a_file_name_with_control_characters_is_escaped() -> None:
    error = error_of(HEAD + "level = 1\n", source="we\x1bek\n.toml")
    assert str(error).startswith("we\\x1bek\\n.toml:5: plan.level: ")
    assert_inert(str(error))


def test_problem_format_escapes_whatever_it_is_given() -> None:
    from planner.planfile import Problem

    problem = Problem(3, "a\nb", "bad \x1b[2J value")
    assert problem.format("x\x07.toml") == "x\\x07.toml:3: a\\nb: bad \\x1b[2J value"


# --- quoted keys get their own line ---------------------------------------------------------


@pytest.mark.parametrize(
    ("key_line", "key"),
    [
        ('"a \\"b\\"" = 1', 'days.mon.a "b"'),
        ('"tab\\tkey" = 2', "days.mon.tab\\tkey"),
        ("'x.y' = 3", "days.mon.x.y"),
        ('"x.y".z = 3', "days.mon.x.y"),
        ('"back\\\\slash" = 4', "days.mon.back\\slash"),
        ('"\\u00e9t\\u00e9" = 5', "days.mon.été"),
        ('"\\U0001F3C3" = 6', "days.mon.🏃"),
    ],
)
def test_quoted_keys_with_escapes_get_their_own_line(key_line: str, key: str) -> None:
    text = HEAD + "\n[days.mon]\nnote = 'n'\n\n" + key_line + "\n"  # the key on line 9
    error = error_of(text)
    assert error.key == key
    assert error.line == 9


def test_a_quoted_header_with_escapes_gets_its_own_line() -> None:
    text = HEAD + '\n[days.mon]\n\n["days"."t\\u0075e"]\nsleep_hours = 20\n'
    error = error_of(text)
    assert (error.line, error.key) == (9, "days.tue.sleep_hours")


# --- errors as data --------------------------------------------------------------------------


def test_plan_error_problems_as_json() -> None:
    from planner.planfile import problems_to_json

    text = HEAD + 'level = "pro"\n[defaults]\nsleep_hours = 20\n'
    assert problems_to_json(error_of(text)) == [
        {
            "line": 5,
            "column": None,
            "key": "plan.level",
            "message": 'must be one of beginner, intermediate or advanced, got "pro"',
        },
        {
            "line": 7,
            "column": None,
            "key": "defaults.sleep_hours",
            "message": "must be between 0 and 14, got 20",
        },
    ]
    syntax = problems_to_json(error_of(HEAD + "level = = 3\n"))
    assert syntax == [
        {"line": 5, "column": 9, "key": None, "message": "invalid TOML: invalid value"}
    ]
