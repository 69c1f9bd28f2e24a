"""Reading Strong and Hevy workout-log CSV exports: every shape, session RPE and errors."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.workouts import (
    MIN_ESTIMATED_MINUTES,
    MINUTES_PER_WORKING_SET,
    Workout,
    WorkoutLogError,
    read_workouts,
)

DATA = Path(__file__).parents[1] / "data" / "workouts"

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,"
    "Notes,Workout Notes,RPE"
)
HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe"
)


def sample(name: str) -> str:
    """The text of a sample export, as `planner log` reads it."""
    return (DATA / name).read_text(encoding="utf-8")


def read(name: str) -> list[Workout]:
    """The workouts of a sample export."""
    return read_workouts(sample(name), name)


def strong(*rows: str) -> str:
    """A classic Strong export holding `rows`."""
    return "\n".join((STRONG_HEADER, *rows)) + "\n"


def strong_set(
    set_order: str = "1",
    rpe: str = "",
    duration: str = "1h 5m",
    date: str = "2026-12-01 18:05:00",
    exercise: str = "Bench Press (Barbell)",
) -> str:
    """One row of a classic Strong export."""
    return f'{date},"Upper A",{duration},"{exercise}",{set_order},80.0,5,0,0,"","",{rpe}'


def hevy_set(set_type: str = "normal", rpe: str = "", end: str = "1 Dec 2026, 19:12") -> str:
    """One row of a Hevy export (kg)."""
    return (
        f'"Upper A","1 Dec 2026, 18:05","{end}","","Bench Press (Barbell)",,"",0,'
        f'"{set_type}",80,5,,,{rpe}'
    )


def only(text: str) -> Workout:
    """The one workout `text` holds."""
    (workout,) = read_workouts(text, "test.csv")
    return workout


def error_of(text: str, source: str = "test.csv") -> WorkoutLogError:
    """The error reading `text` raises."""
    with pytest.raises(WorkoutLogError) as caught:
        read_workouts(text, source)
    return caught.value


# --- each shape ----------------------------------------------------------------------------


def test_strong_classic_sample() -> None:
    workouts = read("strong.csv")
    assert [(w.start, w.title) for w in workouts] == [
        (datetime.datetime(2026, 11, 30, 18, 5), "Upper A"),
        (datetime.datetime(2026, 12, 2, 7, 30), "Legs"),
        (datetime.datetime(2026, 12, 4, 18, 10), "Upper B"),
        (datetime.datetime(2026, 12, 5, 10, 0), "Football"),
        (datetime.datetime(2026, 12, 7, 18, 0), "Upper A"),
        (datetime.datetime(2026, 12, 9, 7, 25), "Legs"),
        (datetime.datetime(2026, 12, 11, 18, 15), "Upper B"),
        (datetime.datetime(2027, 1, 4, 18, 0), "Upper A"),
    ]
    assert {w.app for w in workouts} == {"Strong"}
    # 1h 5m, 58m, 52min, 1h 30m, 1h, 1h 2m, 47m, 1h 8m
    assert [w.minutes for w in workouts] == [65, 58, 52, 90, 60, 62, 47, 68]
    assert [w.rpe for w in workouts] == [9, None, 8, 7, 8, 9, 8, 9]
    assert [w.working_sets for w in workouts] == [8, 9, 9, 1, 8, 9, 5, 4]
    upper_a = workouts[0]
    assert upper_a.exercises == (
        "Bench Press (Barbell)",
        "Bent Over Row (Barbell)",
        "Overhead Press (Barbell)",
    )
    assert upper_a.notes == "Felt strong, bench moving well"
    # a quoted workout note over two lines stays one note
    assert workouts[2].notes == "Shoulder a bit tight.\nSkipped face pulls."


def test_strong_semicolon_sample_with_lbs_and_decimal_commas() -> None:
    workouts = read("strong_semicolon.csv")
    assert [(w.start, w.title) for w in workouts] == [
        (datetime.datetime(2026, 11, 30, 17, 45), "Push"),
        (datetime.datetime(2026, 12, 2, 17, 50), "Pull"),
        (datetime.datetime(2026, 12, 4, 7, 10), "Legs"),
        (datetime.datetime(2026, 12, 8, 17, 45), "Push"),
    ]
    # Workout Duration 1h 2m, 55m, 1h 10m, 58m
    assert [w.minutes for w in workouts] == [62, 55, 70, 58]
    # RPE 8, 8,5, 9 -> 8.5 -> 9; 8, 8,5, 8 -> 8.17 -> 8; none; 8,5, 9, 9,5 -> 9
    assert [w.rpe for w in workouts] == [9, 8, None, 9]
    assert [w.working_sets for w in workouts] == [7, 6, 6, 5]
    assert workouts[1].notes == "Hook grip on the last set"
    assert workouts[2].exercises[0] == "Cycling (Indoor)"


def test_decimal_comma_rpe_counts_as_a_half_step() -> None:
    text = (
        "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
        "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n"
        '2026-12-01 18:05:00;"Push";"Bench Press (Barbell)";1;182,5;lbs;5;7,5;;;0;"";"";38m\n'
    )
    workout = only(text)
    assert workout.rpe == 8  # 7.5 rounded half up; "7" or a lost value would not give 8
    assert workout.minutes == 38


def test_strong_quoted_sample() -> None:
    workouts = read("strong_quoted.csv")
    assert [(w.start, w.title) for w in workouts] == [
        (datetime.datetime(2026, 12, 1, 18, 5), "Upper A"),
        (datetime.datetime(2026, 12, 3, 7, 30), "Legs"),
        (datetime.datetime(2026, 12, 8, 18, 0), "Upper A"),
    ]
    # Duration (sec) 3900, 3510 (58.5 min, rounded half up), 3720
    assert [w.minutes for w in workouts] == [65, 59, 62]
    # working RPE 9, 9, 8.5 -> 9 (the warm-up's 6 would make it 8); 8, 10 -> 9; 8.5, 9 -> 9
    assert [w.rpe for w in workouts] == [9, 9, 9]
    # W sets and Rest Timer rows are not working sets; D (drop) and F (failure) are
    assert [w.working_sets for w in workouts] == [7, 6, 4]
    assert workouts[1].notes == "Early one before work"


def test_strong_without_duration_has_no_minutes_but_an_estimate() -> None:
    workouts = read("strong_12h.csv")
    assert [w.minutes for w in workouts] == [None] * 5
    assert [w.working_sets for w in workouts] == [5, 3, 2, 2, 2]
    assert workouts[0].estimated_minutes == 5 * MINUTES_PER_WORKING_SET
    assert workouts[1].estimated_minutes == MIN_ESTIMATED_MINUTES


def test_strong_12_hour_clock() -> None:
    workouts = read("strong_12h.csv")
    assert [(w.start, w.title) for w in workouts] == [
        (datetime.datetime(2026, 12, 1, 18, 5), "Upper A"),  # 6:05:00 pm
        (datetime.datetime(2026, 12, 3, 6, 30), "Legs"),  # 06:30 AM
        (datetime.datetime(2026, 12, 5, 12, 15), "Full Body"),  # 12:15:00 pm is noon
        (datetime.datetime(2026, 12, 8, 19, 10), "Upper A"),  # 7:10:00<U+202F>PM from iOS
        (datetime.datetime(2026, 12, 10, 0, 40), "Night Shift Legs"),  # 12:40 am
    ]
    assert [w.rpe for w in workouts] == [8, None, 9, 9, 7]  # 8, 8.5 -> 8.25 -> 8


def test_hevy_sample() -> None:
    workouts = read("hevy.csv")
    # Hevy lists the newest workout first; the reader sorts by start
    assert [(w.start, w.title) for w in workouts] == [
        (datetime.datetime(2026, 12, 1, 18, 5), "Upper A"),
        (datetime.datetime(2026, 12, 3, 7, 30), "Legs"),
        (datetime.datetime(2026, 12, 5, 10, 0), "Football"),
        (datetime.datetime(2026, 12, 10, 23, 35), "Upper B"),
        (datetime.datetime(2027, 1, 5, 18, 10), "Upper A"),
    ]
    assert {w.app for w in workouts} == {"Hevy"}
    # end - start; Upper B runs past midnight (23:35 to 00:20)
    assert [w.minutes for w in workouts] == [67, 54, 90, 45, 65]
    assert [w.rpe for w in workouts] == [9, None, 7, 7, 8]
    assert [w.working_sets for w in workouts] == [7, 7, 1, 4, 3]
    assert workouts[0].exercises == (
        "Bench Press (Barbell)",
        "Pull Up",
        "Lateral Raise (Dumbbell)",
        "Face Pull (Cable)",
    )
    assert workouts[2].notes == '5-a-side, "friendly" they said'


def test_hevy_lbs_sample_with_us_dates() -> None:
    workouts = read("hevy_lbs.csv")
    assert [(w.start, w.title) for w in workouts] == [
        (datetime.datetime(2026, 12, 1, 18, 5), "Push Day"),
        (datetime.datetime(2026, 12, 2, 6, 30), "Morning Run"),
        (datetime.datetime(2026, 12, 3, 12, 0), "Pull Day"),
    ]
    assert [w.minutes for w in workouts] == [56, 32, 48]
    assert [w.rpe for w in workouts] == [9, None, 9]
    assert [w.working_sets for w in workouts] == [4, 1, 3]


@pytest.mark.parametrize(
    "written",
    ["2 Mar 2026, 19:59", "2026-03-02 19:59", "Mar 2, 2026, 7:59 PM", "2 March 2026, 19:59"],
)
def test_hevy_time_forms(written: str) -> None:
    row = f'"Legs","{written}","{written}","","Squat (Barbell)",,"",0,"normal",100,5,,,'
    assert only(f"{HEVY_HEADER}\n{row}\n").start == datetime.datetime(2026, 3, 2, 19, 59)


# --- sets and session RPE ----------------------------------------------------------------


def test_hevy_warm_ups_are_not_working_sets_and_their_rpe_is_ignored() -> None:
    workout = only(
        "\n".join(
            (
                HEVY_HEADER,
                hevy_set("warmup", rpe="6"),
                hevy_set("normal", rpe="9"),
                hevy_set("failure", rpe="10"),
                hevy_set("dropset"),
            )
        )
    )
    assert workout.working_sets == 3
    assert workout.rpe == 10  # (9 + 10) / 2 = 9.5 -> 10; with the warm-up's 6 it would be 8


def test_strong_warm_ups_are_not_working_sets_and_their_rpe_is_ignored() -> None:
    workout = only(strong(strong_set("W", rpe="6"), strong_set("1", rpe="9")))
    assert workout.working_sets == 1
    assert workout.rpe == 9


def test_rest_timer_rows_are_skipped() -> None:
    text = sample("strong.csv")
    without_rest = "\n".join(line for line in text.split("\n") if ",Rest Timer," not in line)
    assert without_rest != text
    assert read_workouts(text, "strong.csv") == read_workouts(without_rest, "strong.csv")
    rest_only = strong(strong_set("1"), strong_set("Rest Timer", exercise="Pull Up"))
    workout = only(rest_only)
    assert workout.exercises == ("Bench Press (Barbell)",)
    assert workout.working_sets == 1


def test_no_rpe_on_any_set_gives_none() -> None:
    assert only(strong(strong_set("1"), strong_set("2"))).rpe is None
    assert only(f"{HEVY_HEADER}\n{hevy_set('warmup', rpe='7')}\n{hevy_set()}\n").rpe is None


@pytest.mark.parametrize(
    ("rpes", "session_rpe"),
    [(["8"], 8), (["8", "9"], 9), (["7", "7.5", "8"], 8), (["6", "6.5"], 6), (["10", "9.5"], 10)],
)
def test_session_rpe_is_the_rounded_mean_of_rated_sets(rpes: list[str], session_rpe: int) -> None:
    rows = [strong_set(str(n), rpe=rpe) for n, rpe in enumerate(rpes, start=1)]
    assert only(strong(*rows, strong_set("9"))).rpe == session_rpe


@pytest.mark.parametrize(
    ("duration", "minutes"),
    [
        ("1h 5m", 65),
        ("1h5m", 65),
        ("38m", 38),
        ("38min", 38),
        ("45s", 1),
        ("90s", 2),
        ("1h", 60),
        ("2h 0m 30s", 121),
        ("", None),
    ],
)
def test_strong_durations(duration: str, minutes: int | None) -> None:
    assert only(strong(strong_set(duration=duration))).minutes == minutes


def test_groups_by_start_and_title() -> None:
    other_title = '2026-12-01 18:05:00,"Cardio",1h 5m,"Rowing (Machine)",1,0,0,2000,480,"","",'
    workouts = read_workouts(strong(strong_set(), other_title, strong_set("2")), "test.csv")
    assert [(w.title, w.working_sets) for w in workouts] == [("Cardio", 1), ("Upper A", 2)]


def test_source_names_app_and_start() -> None:
    assert read("strong.csv")[0].source == "Strong 2026-11-30 18:05"
    assert read("hevy.csv")[-1].source == "Hevy 2027-01-05 18:10"


def test_estimated_minutes_prefers_the_duration() -> None:
    workout = only(strong(strong_set(duration="20m"), *(strong_set(str(n)) for n in range(2, 12))))
    assert workout.working_sets == 11
    assert workout.estimated_minutes == 20


# --- file-level forms ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["strong_quoted.csv", "hevy.csv", "strong_semicolon.csv"])
def test_bom_and_crlf_read_like_the_plain_file(name: str) -> None:
    text = sample(name)
    windows = "\ufeff" + text.replace("\n", "\r\n")
    assert read_workouts(windows, name) == read_workouts(text, name)
    assert read_workouts(windows, name)  # not two empty lists


def test_blank_lines_are_ignored() -> None:
    text = strong(strong_set("1"), "", strong_set("2")) + "\n\n"
    assert only(text).working_sets == 2


def test_header_only_has_no_workouts() -> None:
    assert read_workouts(STRONG_HEADER + "\n", "test.csv") == []


# --- errors --------------------------------------------------------------------------------


def test_broken_sample_names_file_and_row() -> None:
    error = error_of(sample("broken.csv"), "exports/broken.csv")
    assert error.row == 7
    assert error.source == "exports/broken.csv"
    assert str(error).startswith("exports/broken.csv: row 7: Date '2026-13-45 07:30:00'")
    assert "\n" not in str(error)


def test_row_numbers_are_lines_of_the_file_even_after_multiline_notes() -> None:
    text = sample("strong.csv") + strong_set(date="2026-12-32 18:00:00") + "\n"
    error = error_of(text)
    assert error.row == text.count("\n")  # the file's last line
    records = list(csv.reader(io.StringIO(text)))
    assert error.row > len(records)  # the notes over two lines put lines ahead of records


def test_unknown_header_lists_the_known_shapes() -> None:
    error = error_of("date,activity,minutes\n2026-12-01,run,30\n")
    assert error.row == 1
    message = str(error)
    assert message.startswith("test.csv: row 1: not a Strong or Hevy workout export")
    for shape in ("Workout Name", "Weight Unit", "Duration (sec)", "start_time", "set_type"):
        assert shape in message
    assert "'date,activity,minutes'" in message


def test_near_miss_header_says_what_is_missing() -> None:
    header = STRONG_HEADER.replace("Set Order,", "")
    error = error_of(header + "\n")
    assert "looks like a Strong export but lacks the column Set Order" in str(error)


def test_empty_file_is_refused() -> None:
    assert error_of("").row == 1
    assert "no header row" in str(error_of("\ufeff\r\n"))


def test_wrong_column_count() -> None:
    error = error_of(strong(strong_set(), strong_set() + ",extra"))
    assert (error.row, error.reason) == (3, "has 13 columns, the header has 12")


@pytest.mark.parametrize(
    ("rpe", "reason"),
    [
        ("hard", "RPE 'hard' is not a number"),
        ("nan", "RPE 'nan' is not a number"),
        ("1e1", "RPE '1e1' is not a number"),
        ("11", "RPE '11' is not between 1 and 10"),
        ("0", "RPE '0' is not between 1 and 10"),
        ("-8", "RPE '-8' is not between 1 and 10"),
    ],
)
def test_bad_rpe_refuses_the_file(rpe: str, reason: str) -> None:
    error = error_of(strong(strong_set(rpe="8"), strong_set("2", rpe=rpe)))
    assert (error.row, error.reason) == (3, reason)


@pytest.mark.parametrize(
    ("duration", "reason"),
    [
        ("-5m", "Duration '-5m' is negative"),
        ("soon", "Duration 'soon' is not a duration like 1h 5m, 38m or 45s"),
        ("65", "Duration '65' is not a duration like 1h 5m, 38m or 45s"),
        ("5 days", "Duration '5 days' has an unknown unit 'days'"),
    ],
)
def test_bad_strong_duration(duration: str, reason: str) -> None:
    assert error_of(strong(strong_set(duration=duration))).reason == reason


def test_negative_duration_in_seconds() -> None:
    text = sample("strong_quoted.csv").replace('"3510"', '"-3510"', 1)
    error = error_of(text)
    assert error.row == 13  # the first row of workout 2
    assert error.reason == "Duration (sec) '-3510' is negative"


def test_hevy_end_before_start() -> None:
    error = error_of(f"{HEVY_HEADER}\n{hevy_set(end='1 Dec 2026, 17:00')}\n")
    assert (error.row, error.reason) == (2, "end_time '1 Dec 2026, 17:00' is before the start")


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2026-12-01 13:05:00 pm", "has hour 13 on a 12-hour clock"),
        ("01/12/2026 18:05", "is not a date and time like 2026-12-01 18:05:00"),
        ("2026-02-30 18:05:00", "is not a real date: day is out of range for month"),
    ],
)
def test_bad_strong_dates(date: str, reason: str) -> None:
    assert error_of(strong(strong_set(date=date))).reason == f"Date '{date}' {reason}"


def test_unknown_hevy_month() -> None:
    row = '"Legs","2 Foo 2026, 19:59","","","Squat (Barbell)",,"",0,"normal",100,5,,,'
    assert error_of(f"{HEVY_HEADER}\n{row}\n").reason == (
        "start_time '2 Foo 2026, 19:59' has an unknown month 'Foo'"
    )


def test_unknown_set_kinds() -> None:
    assert error_of(strong(strong_set("X"))).reason == (
        "Set Order 'X' is not a number, W, D, F or Rest Timer"
    )
    assert error_of(f"{HEVY_HEADER}\n{hevy_set('superset')}\n").reason == (
        "set_type 'superset' is not warmup, normal, dropset or failure"
    )


def test_bad_weight_refuses_the_file() -> None:
    row = strong_set().replace(",80.0,", ",eighty,")
    assert error_of(strong(row)).reason == "Weight 'eighty' is not a number"


def test_broken_quoting_is_a_row_error() -> None:
    error = error_of(strong(strong_set(), '2026-12-01 18:05:00,"Upper A"x,1h,"Bench",1,0,0,0,0,,,'))
    assert error.row == 3
    assert error.reason.startswith("is not valid CSV")


def test_values_in_errors_are_escaped_and_cut() -> None:
    # a quoted field may hold a newline; an unquoted escape sequence reaches the parser as is
    error = error_of(strong(strong_set(rpe='"\x1b[2J\x1b[31mhard\nmore"')))
    message = str(error)
    assert "\x1b" not in message
    assert "\n" not in message
    assert r"RPE '\x1b[2J\x1b[31mhard\nmore' is not a number" in message
    long_value = "x" * 100
    reason = error_of(strong(strong_set(rpe=long_value))).reason
    assert reason == f"RPE '{'x' * 40}...' is not a number"


def test_file_name_in_errors_is_escaped() -> None:
    message = str(error_of("nonsense\n", source="evil\n\x1b[2Jname.csv"))
    assert message.startswith(r"evil\n\x1b[2Jname.csv: row 1: ")
    assert "\n" not in message


@given(st.text(max_size=300))
def test_any_rows_read_or_give_one_clean_line(rows: str) -> None:
    for header in (STRONG_HEADER, HEVY_HEADER):
        try:
            workouts = read_workouts(f"{header}\n{rows}", "fuzz.csv")
        except WorkoutLogError as error:
            message = str(error)
            assert message.startswith("fuzz.csv: row ")
            assert message.isprintable(), message
        else:
            assert [w.start for w in workouts] == sorted(w.start for w in workouts)
