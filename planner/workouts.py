"""Workout logs exported by Strong and Hevy (CSV), read into workouts `planner log` can record."""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum

#: Without a duration in the export, a working set is taken as this many minutes of the
#: session, rest between sets included (a lifter's usual 1-3 minutes of rest plus the set).
MINUTES_PER_WORKING_SET = 3
#: ... and a session estimated that way is never shorter than this.
MIN_ESTIMATED_MINUTES = 10

#: Values echoed in error messages are cut to this many characters.
_SHOWN_LIMIT = 40


@dataclass(frozen=True, slots=True)
class Workout:
    """One workout of an export: its sets grouped by start time and title."""

    app: str
    """The app that exported it: "Strong" or "Hevy"."""
    title: str
    """The workout's name (Strong) or title (Hevy)."""
    start: datetime.datetime
    """When it started, naive local time as the export gives it."""
    minutes: int | None
    """Its duration in whole minutes (rounded, at least 1); None when the export has none."""
    rpe: int | None
    """Session RPE 1..10: the rounded mean of its working sets' RPE; None when none has one."""
    exercises: tuple[str, ...]
    """Distinct exercise names in the order first done (warm-up only exercises included)."""
    working_sets: int
    """Sets that are not warm-ups (Strong's rest-timer rows are not sets at all)."""
    notes: str
    """The workout's notes ('' when it has none)."""

    @property
    def source(self) -> str:
        """The name `planner log` writes as `done.source`, e.g. "Strong 2026-12-01 18:05"."""
        return f"{self.app} {self.start:%Y-%m-%d %H:%M}"

    @property
    def estimated_minutes(self) -> int:
        """The duration, or without one `MINUTES_PER_WORKING_SET` a working set (at least
        `MIN_ESTIMATED_MINUTES`), so a workout without a duration still has a load."""
        if self.minutes is not None:
            return self.minutes
        return max(MIN_ESTIMATED_MINUTES, MINUTES_PER_WORKING_SET * self.working_sets)


class WorkoutLogError(ValueError):
    """A workout log that cannot be read; its message is one line: "FILE: row N: reason"."""

    def __init__(self, source: str, row: int | None, reason: str) -> None:
        self.source = source
        self.row = row
        self.reason = reason
        where = f"{_escaped(source)}: " if row is None else f"{_escaped(source)}: row {row}: "
        super().__init__(where + reason)


# --- reading ----------------------------------------------------------------------------


def read_workouts(text: str, source: str) -> list[Workout]:
    """Read a Strong or Hevy CSV export into its workouts, sorted by start.

    The header row decides the shape (see `_KNOWN_SHAPES`); the delimiter (`,` or `;`) is
    taken from it. Rows are grouped into workouts by start time and title. A row that
    cannot be read refuses the whole file: raises `WorkoutLogError` naming `source` and
    the row (the 1-based line of the file where the row starts; the header is row 1).
    """
    text = text.removeprefix("\ufeff")
    header_line = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    if not header_line.strip():
        raise WorkoutLogError(source, 1, f"has no header row; expected {_KNOWN_SHAPES}")
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    records = _records(text, delimiter, source)
    _, header = next(records)
    columns = _recognise(header, source)
    logged_sets: list[_LoggedSet] = []
    for row, fields in records:
        if not any(field.strip() for field in fields):
            continue  # a blank line, or a line of empty fields
        if len(fields) != len(header):
            raise WorkoutLogError(
                source, row, f"has {len(fields)} columns, the header has {len(header)}"
            )
        try:
            logged_sets.append(_read_set(fields, columns))
        except _FieldError as field_error:
            raise WorkoutLogError(source, row, str(field_error)) from None
    return _workouts(logged_sets)


def _records(text: str, delimiter: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """The CSV records of `text` with the line each starts on; CRLF, CR and LF alike."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    while True:
        row = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise WorkoutLogError(source, row, f"is not valid CSV: {error}") from None
        yield row, fields


class _FieldError(ValueError):
    """A field that cannot be read; `read_workouts` adds the file and row."""


class _Role(Enum):
    """What a row of an export is to the session."""

    working = "working"
    warm_up = "warm-up"
    rest = "rest"  # Strong's "Rest Timer" rows: the rest between sets, not a set


@dataclass(frozen=True, slots=True)
class _LoggedSet:
    """One row of an export with what the session needs from it."""

    app: str
    start: datetime.datetime
    title: str
    seconds: float | None  # the whole workout's duration, repeated on each of its rows
    exercise: str
    role: _Role
    rpe: float | None
    notes: str


# --- the shapes of the exports ------------------------------------------------------------

_KNOWN_SHAPES = (
    "the header row of a Strong export "
    "('Date,Workout Name,Duration,Exercise Name,Set Order,...,RPE'; its ';' form with "
    "Weight Unit and Workout Duration; or its quoted ';' form with Workout # and "
    "Duration (sec)) or of a Hevy export "
    "('title,start_time,end_time,description,exercise_title,...,set_type,...,rpe')"
)

_STRONG_NEEDS = ("Date", "Workout Name", "Exercise Name", "Set Order")
_HEVY_NEEDS = ("title", "start_time", "end_time", "exercise_title", "set_type")

#: Columns holding numbers, checked so a damaged file is refused rather than half read.
_STRONG_NUMBERS = frozenset(
    {
        "weight",
        "weight (kg)",
        "weight (lbs)",
        "weight (lb)",
        "reps",
        "distance",
        "distance (meters)",
        "distance (km)",
        "distance (miles)",
        "seconds",
    }
)
_HEVY_NUMBERS = frozenset(
    {
        "set_index",
        "weight_kg",
        "weight_lbs",
        "reps",
        "distance_km",
        "distance_miles",
        "duration_seconds",
    }
)


@dataclass(frozen=True, slots=True)
class _Columns:
    """Where an export keeps each field: indexes into its rows, None when it lacks one."""

    app: str
    names: tuple[str, ...]  # the header as written, for messages
    start: int
    end: int | None  # Hevy: the duration is end - start
    title: int
    exercise: int
    set_role: int  # Strong's Set Order, Hevy's set_type
    rpe: int | None
    duration: int | None  # Strong: "1h 5m", or seconds when `duration_in_seconds`
    duration_in_seconds: bool
    notes: int | None
    numbers: tuple[int, ...]


def _recognise(header: Sequence[str], source: str) -> _Columns:
    """The shape of an export from its header row, or a WorkoutLogError naming the known ones."""
    names = tuple(name.strip() for name in header)
    index = {name.casefold(): at for at, name in reversed(list(enumerate(names)))}

    def missing(needs: Sequence[str]) -> list[str]:
        return [need for need in needs if need.casefold() not in index]

    def first(*candidates: str) -> int | None:
        return next((index[name] for name in candidates if name in index), None)

    if not missing(_STRONG_NEEDS):
        seconds = first("duration (sec)")
        return _Columns(
            app="Strong",
            names=names,
            start=index["date"],
            end=None,
            title=index["workout name"],
            exercise=index["exercise name"],
            set_role=index["set order"],
            rpe=first("rpe"),
            duration=seconds if seconds is not None else first("duration", "workout duration"),
            duration_in_seconds=seconds is not None,
            notes=first("workout notes"),
            numbers=tuple(at for name, at in index.items() if name in _STRONG_NUMBERS),
        )
    if not missing(_HEVY_NEEDS):
        return _Columns(
            app="Hevy",
            names=names,
            start=index["start_time"],
            end=index["end_time"],
            title=index["title"],
            exercise=index["exercise_title"],
            set_role=index["set_type"],
            rpe=first("rpe"),
            duration=None,
            duration_in_seconds=False,
            notes=first("description"),
            numbers=tuple(at for name, at in index.items() if name in _HEVY_NUMBERS),
        )
    found = _shown(",".join(names))
    for app, needs in (("Strong", _STRONG_NEEDS), ("Hevy", _HEVY_NEEDS)):
        lacking = missing(needs)
        if len(lacking) < len(needs) / 2:  # close enough to say what is missing
            absent = ", ".join(lacking)
            reason = f"looks like a {app} export but lacks the column {absent} (header {found})"
            raise WorkoutLogError(source, 1, reason)
    raise WorkoutLogError(
        source, 1, f"not a Strong or Hevy workout export (header {found}); expected {_KNOWN_SHAPES}"
    )


# --- one row --------------------------------------------------------------------------------


def _read_set(fields: Sequence[str], columns: _Columns) -> _LoggedSet:
    """One row of an export, or _FieldError saying which field is wrong and why."""
    names = columns.names
    for at in columns.numbers:
        _number(fields[at], names[at])
    start = _date_time(fields[columns.start], names[columns.start])
    seconds: float | None = None
    if columns.end is not None:
        seconds = _seconds_between(start, fields[columns.end], names[columns.end])
    elif columns.duration is not None:
        seconds = _duration(
            fields[columns.duration], names[columns.duration], columns.duration_in_seconds
        )
    role = (
        _strong_role(fields[columns.set_role], names[columns.set_role])
        if columns.app == "Strong"
        else _hevy_role(fields[columns.set_role], names[columns.set_role])
    )
    rpe = None if columns.rpe is None else _rpe(fields[columns.rpe], names[columns.rpe])
    return _LoggedSet(
        app=columns.app,
        start=start,
        title=fields[columns.title].strip(),
        seconds=seconds,
        exercise=fields[columns.exercise].strip(),
        role=role,
        rpe=rpe,
        notes="" if columns.notes is None else fields[columns.notes].strip(),
    )


_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")


def _number(value: str, column: str) -> float | None:
    """A number as the exports write it (`82.5`, or `82,5` with a decimal comma); None if empty."""
    text = value.strip()
    if not text:
        return None
    if not _NUMBER.fullmatch(text):
        raise _FieldError(f"{column} {_shown(value)} is not a number")
    return float(text.replace(",", "."))


def _rpe(value: str, column: str) -> float | None:
    """A set's RPE, 1..10 in any step (Strong and Hevy offer 6..10 in half steps); None if empty."""
    rpe = _number(value, column)
    if rpe is not None and not 1 <= rpe <= 10:
        raise _FieldError(f"{column} {_shown(value)} is not between 1 and 10")
    return rpe


def _strong_role(value: str, column: str) -> _Role:
    """Strong's Set Order: a number, W (warm-up), D (drop set), F (failure) or Rest Timer."""
    text = value.strip().casefold()
    if text.isdigit() or text in ("d", "f"):
        return _Role.working
    if text == "w":
        return _Role.warm_up
    if text == "rest timer":
        return _Role.rest
    raise _FieldError(f"{column} {_shown(value)} is not a number, W, D, F or Rest Timer")


_HEVY_ROLES = {
    "normal": _Role.working,
    "dropset": _Role.working,
    "failure": _Role.working,
    "warmup": _Role.warm_up,
}


def _hevy_role(value: str, column: str) -> _Role:
    """Hevy's set_type: warmup, normal, dropset or failure."""
    role = _HEVY_ROLES.get(value.strip().casefold())
    if role is None:
        raise _FieldError(f"{column} {_shown(value)} is not warmup, normal, dropset or failure")
    return role


# --- durations ----------------------------------------------------------------------------

_DURATION = re.compile(r"(?:\d+(?:[.,]\d+)?\s*[a-z]+\s*)+")
_DURATION_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z]+)")
_SECONDS_PER_UNIT = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), 3600),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
}


def _duration(value: str, column: str, in_seconds: bool) -> float | None:
    """A workout's duration in seconds: Strong's `1h 5m`, `38min`, `45s`, or a number of
    seconds in its `Duration (sec)` column; None if empty."""
    text = value.strip().casefold()
    if not text:
        return None
    if in_seconds:
        seconds = _number(value, column)
        if seconds is not None and seconds < 0:
            raise _FieldError(f"{column} {_shown(value)} is negative")
        return seconds
    if text.startswith("-"):
        raise _FieldError(f"{column} {_shown(value)} is negative")
    if not _DURATION.fullmatch(text):
        raise _FieldError(f"{column} {_shown(value)} is not a duration like 1h 5m, 38m or 45s")
    total = 0.0
    for amount, unit in _DURATION_PART.findall(text):
        if unit not in _SECONDS_PER_UNIT:
            raise _FieldError(f"{column} {_shown(value)} has an unknown unit {_shown(unit)}")
        total += float(amount.replace(",", ".")) * _SECONDS_PER_UNIT[unit]
    return total


def _seconds_between(start: datetime.datetime, value: str, column: str) -> float | None:
    """Hevy's duration: from the start to `value` (its end_time); None if it has no end."""
    if not value.strip():
        return None
    seconds = (_date_time(value, column) - start).total_seconds()
    if seconds < 0:
        raise _FieldError(f"{column} {_shown(value)} is before the start")
    return seconds


# --- dates and times ------------------------------------------------------------------------

_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))? ?(?:(?P<half>[ap])\.?m\.?)?"
_DATE_TIMES = (
    # Strong, and Hevy in some locales: 2026-12-01 18:05:00, 2026-12-01 6:05:00 pm
    re.compile(rf"(?P<year>\d{{4}})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})[ T]{_TIME}", re.I),
    # Hevy: 2 Mar 2026, 19:59
    re.compile(rf"(?P<day>\d{{1,2}}) (?P<name>[a-z]+)\.? (?P<year>\d{{4}}),? {_TIME}", re.I),
    # Hevy in US English: Mar 2, 2026, 7:59 PM
    re.compile(rf"(?P<name>[a-z]+)\.? (?P<day>\d{{1,2}}),? (?P<year>\d{{4}}),? {_TIME}", re.I),
)
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)


def _date_time(value: str, column: str) -> datetime.datetime:
    """A start or end as the exports write it: `2026-12-01 18:05:00` (Strong, also with a
    12-hour clock and am/pm), `2 Mar 2026, 19:59` or `Mar 2, 2026, 7:59 PM` (Hevy)."""
    # iOS writes a narrow no-break space before AM/PM; other locales a no-break space.
    text = " ".join(value.replace("\u202f", " ").replace("\xa0", " ").split())
    for pattern in _DATE_TIMES:
        match = pattern.fullmatch(text)
        if match is not None:
            break
    else:
        raise _FieldError(
            f"{column} {_shown(value)} is not a date and time like 2026-12-01 18:05:00"
        )
    parts = match.groupdict()
    month = int(parts["month"]) if parts.get("month") else _month(parts["name"], value, column)
    hour = int(parts["hour"])
    if parts["half"]:
        if not 1 <= hour <= 12:
            raise _FieldError(f"{column} {_shown(value)} has hour {hour} on a 12-hour clock")
        hour = hour % 12 + (12 if parts["half"].casefold() == "p" else 0)
    try:
        return datetime.datetime(
            int(parts["year"]),
            month,
            int(parts["day"]),
            hour,
            int(parts["minute"]),
            int(parts["second"] or 0),
        )
    except ValueError as error:
        raise _FieldError(f"{column} {_shown(value)} is not a real date: {error}") from None


def _month(name: str, value: str, column: str) -> int:
    """The number of an English month name or its abbreviation (`Mar`, `Sept`, `March`)."""
    word = name.casefold()
    for number, month in enumerate(_MONTHS, start=1):
        if len(word) >= 3 and month.startswith(word):
            return number
    raise _FieldError(f"{column} {_shown(value)} has an unknown month {_shown(name)}")


# --- workouts from rows ---------------------------------------------------------------------


def _workouts(logged_sets: Sequence[_LoggedSet]) -> list[Workout]:
    """The rows grouped into workouts by start and title, sorted by start (then title)."""
    by_workout: dict[tuple[datetime.datetime, str], list[_LoggedSet]] = {}
    for logged in logged_sets:
        by_workout.setdefault((logged.start, logged.title), []).append(logged)
    workouts = [_workout(rows) for rows in by_workout.values()]
    return sorted(workouts, key=lambda workout: (workout.start, workout.title))


def _workout(rows: Sequence[_LoggedSet]) -> Workout:
    """One workout from its rows (all with the same start and title)."""
    sets = [row for row in rows if row.role is not _Role.rest]
    working = [row for row in sets if row.role is _Role.working]
    seconds = next((row.seconds for row in rows if row.seconds is not None), None)
    return Workout(
        app=rows[0].app,
        title=rows[0].title,
        start=rows[0].start,
        minutes=None if seconds is None else max(1, _round_half_up(seconds / 60)),
        rpe=_session_rpe([row.rpe for row in working if row.rpe is not None]),
        exercises=tuple(dict.fromkeys(row.exercise for row in sets)),
        working_sets=len(working),
        notes=next((row.notes for row in rows if row.notes), ""),
    )


def _session_rpe(set_rpes: Sequence[float]) -> int | None:
    """Session RPE from the working sets' RPE: their mean, rounded half up (8.5 -> 9).

    The exports give RPE per set only, on the sets the lifter rated; their mean is the
    best stand-in for how hard the session was. None when no working set was rated."""
    if not set_rpes:
        return None
    return _round_half_up(sum(set_rpes) / len(set_rpes))


def _round_half_up(number: float) -> int:
    """`number` rounded to the nearest whole number, halves up (not to even like `round`)."""
    return int(number + 0.5)


# --- messages -----------------------------------------------------------------------------


def _escaped(text: str) -> str:
    """`text` with control and other unprintable characters escaped as `repr` does."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _shown(value: str, limit: int = _SHOWN_LIMIT) -> str:
    """`value` quoted for a message: escaped, and cut to `limit` characters (marked `...`),
    so a value can neither break the message's line nor drive the terminal."""
    shown = ""
    for char in value:
        piece = "\\\\" if char == "\\" else _escaped(char)
        if len(shown) + len(piece) > limit:
            return f"'{shown}...'"
        shown += piece
    return f"'{shown}'"
