"""Workouts from a log export matched to a plan (`planner log`): what to record, and where.

`match_workouts` is pure: it takes the plan and the workouts and returns a `LogPlan`,
the decision for every workout, from which `LogPlan.edits()` makes the plan edits and
`describe` the lines `planner log` prints. Nothing here reads or writes a file.

Per workout, in start order (cli.md):

- its `source` ("Strong 2026-12-01 18:05") is already a `done.source` in the plan, or
  an earlier workout of the same export had it: **already logged**, left alone;
- its date is outside the plan's weeks: **left out**;
- its day has a planned (not extra) `strength` session with no `done` yet, not taken
  by an earlier workout of this export: **matched**, logged as that session's `done`
  (the first such session in the day's order). Minutes are the workout's duration
  (none in the export: the planned minutes stand), RPE the workout's (none: the planned
  RPE stands), the note the workout's notes on one line;
- otherwise: **added** as an `extra` strength session at the end of its day, its
  kind from the RPE (heavy from 7, moderate 4-6, light up to 3, moderate without one),
  minutes the workout's estimated minutes, the title the workout's, cut to 60
  characters; a day that already holds 8 sessions is full and the workout is left out.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from planner.model import (
    DAY_KEYS,
    DAY_NAMES,
    MAX_SESSIONS_PER_DAY,
    Activity,
    Done,
    Kind,
    Plan,
    Session,
)

if TYPE_CHECKING:
    from planner.edits import Edit
    from planner.workouts import Workout

#: RPE from which a workout is a heavy session, and up to which it is a light one.
HEAVY_FROM_RPE = 7
LIGHT_UP_TO_RPE = 3
#: Limits of the plan format (plan-format.md).
MAX_TITLE = 60
MAX_NOTE = 200
MAX_MINUTES = 600
#: What an added session is called when the workout has no usable title.
UNTITLED = "Workout"


class NoStartDate(ValueError):  # noqa: N818 (reads as the condition it reports)
    """The plan has no `start`, so its days have no dates to match workouts to."""


@dataclass(frozen=True, slots=True)
class Matched:
    """A workout logged as a planned session's `done`."""

    workout: Workout
    #: 0-based week of the plan (as `Plan.day_date` counts), the day and the session's
    #: index on that day.
    week: int
    day: str
    index: int
    session: Session
    done: Done


@dataclass(frozen=True, slots=True)
class Added:
    """A workout added as an extra session at the end of its day."""

    workout: Workout
    week: int
    day: str
    session: Session


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A workout not recorded, and why."""

    workout: Workout
    reason: str


@dataclass(frozen=True, slots=True)
class LogPlan:
    """What `planner log` does with each workout of an export."""

    matched: tuple[Matched, ...]
    added: tuple[Added, ...]
    already_logged: tuple[Workout, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def changes(self) -> bool:
        """True when there is anything to write."""
        return bool(self.matched or self.added)

    def edits(self) -> list[Edit]:
        """The plan edits that record the matched and added workouts.

        Logging a session changes no index, and added sessions go at the end of their
        day, so every index stays as `match_workouts` found it in any order.
        """
        from planner.edits import AddExtraSession, LogSession

        edits: list[Edit] = [
            LogSession(week=entry.week, day=entry.day, index=entry.index, done=entry.done)
            for entry in self.matched
        ]
        edits += [
            AddExtraSession(week=entry.week, day=entry.day, session=entry.session)
            for entry in self.added
        ]
        return edits


def plan_dates(plan: Plan) -> tuple[dt.date, dt.date]:
    """The first Monday and the last Sunday of the plan; raises NoStartDate without one."""
    start = plan.start
    if start is None:
        raise NoStartDate(
            "the plan has no start date, so its days have no dates to log workouts on; "
            "add `start = YYYY-MM-DD` (a Monday) under [plan]"
            + (" (`week_start` in a format 1 plan)" if plan.format == 1 else "")
        )
    return start, start + dt.timedelta(weeks=len(plan.week_list), days=-1)


def logged_sources(plan: Plan) -> set[str]:
    """Every `done.source` the plan already holds."""
    return {
        session.done.source
        for week in plan.week_list
        for _, _, session in week.sessions()
        if session.done is not None and session.done.source
    }


def kind_of(rpe: int | None) -> Kind:
    """An added session's kind from its RPE: heavy from 7, light up to 3, else moderate."""
    if rpe is None:
        return Kind.moderate
    if rpe >= HEAVY_FROM_RPE:
        return Kind.heavy
    if rpe <= LIGHT_UP_TO_RPE:
        return Kind.light
    return Kind.moderate


def one_line(text: str, limit: int) -> str:
    """Text as the plan format takes it on one line: control characters and line breaks
    as spaces, runs of spaces as one, cut to `limit` characters (marked with "…")."""
    cleaned = "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") else char for char in text
    )
    words = " ".join(cleaned.split())
    if len(words) <= limit:
        return words
    return words[: limit - 1].rstrip() + "…"


def _minutes(minutes: int) -> int:
    return max(1, min(MAX_MINUTES, minutes))


def _done(workout: Workout, *, minutes: int | None) -> Done:
    return Done(
        minutes=None if minutes is None else _minutes(minutes),
        rpe=workout.rpe,
        note=one_line(workout.notes, MAX_NOTE),
        source=workout.source,
    )


def extra_session(workout: Workout) -> Session:
    """The extra session an unplanned workout becomes."""
    return Session(
        title=one_line(workout.title, MAX_TITLE) or UNTITLED,
        kind=kind_of(workout.rpe),
        activity=Activity.strength,
        minutes=_minutes(workout.estimated_minutes),
        extra=True,
        done=_done(workout, minutes=None),
    )


def match_workouts(plan: Plan, workouts: Sequence[Workout]) -> LogPlan:
    """Decide for each workout (in start order) whether it is matched to a planned
    session, added as an extra one, already logged, or left out (see the module doc).

    Raises NoStartDate when the plan has no `start`.
    """
    first, last = plan_dates(plan)
    known = logged_sources(plan)
    taken: set[tuple[int, str, int]] = set()
    added_per_day: dict[tuple[int, str], int] = {}
    matched: list[Matched] = []
    added: list[Added] = []
    already: list[Workout] = []
    left_out: list[LeftOut] = []
    for workout in sorted(workouts, key=lambda w: w.start):
        if workout.source in known:
            already.append(workout)
            continue
        date = workout.start.date()
        if date < first:
            left_out.append(LeftOut(workout, f"before the plan's first day ({first})"))
            continue
        if date > last:
            left_out.append(LeftOut(workout, f"after the plan's last day ({last})"))
            continue
        known.add(workout.source)
        week = (date - first).days // 7
        day_key = DAY_KEYS[date.weekday()]
        day = plan.week_list[week].days[day_key]
        planned = next(
            (
                (index, session)
                for index, session in enumerate(day.sessions)
                if session.activity is Activity.strength
                and not session.extra
                and session.done is None
                and (week, day_key, index) not in taken
            ),
            None,
        )
        if planned is not None:
            index, session = planned
            taken.add((week, day_key, index))
            done = _done(workout, minutes=workout.minutes)
            matched.append(Matched(workout, week, day_key, index, session, done))
            continue
        count = len(day.sessions) + added_per_day.get((week, day_key), 0)
        if count >= MAX_SESSIONS_PER_DAY:
            left_out.append(
                LeftOut(workout, f"{DAY_NAMES[day_key]} already holds {count} sessions")
            )
            continue
        added_per_day[(week, day_key)] = added_per_day.get((week, day_key), 0) + 1
        added.append(Added(workout, week, day_key, extra_session(workout)))
    return LogPlan(tuple(matched), tuple(added), tuple(already), tuple(left_out))


# --- what `planner log` prints -----------------------------------------------------


def shown(text: str) -> str:
    """User text for a terminal line: control and unprintable characters escaped."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _when(workout: Workout) -> str:
    return f"{workout.app} {workout.start:%Y-%m-%d %H:%M} '{shown(workout.title)}'"


def _where(plan: Plan, week: int, day: str) -> str:
    where = f"week {week + 1} {DAY_NAMES[day]}"
    date = plan.day_date(week, day)
    return f"{where} {date}" if date is not None else where


def _effort(minutes: int | None, rpe: int | None) -> str:
    parts = []
    if minutes is not None:
        parts.append(f"{minutes} min")
    if rpe is not None:
        parts.append(f"RPE {rpe}")
    return ", ".join(parts) or "planned minutes and RPE"


def describe(plan: Plan, log: LogPlan) -> list[str]:
    """One line per workout, grouped as matched, added, already logged and left out,
    then a line of counts."""
    lines = []
    for entry in log.matched:
        lines.append(
            f"matched         {_when(entry.workout)} -> {_where(plan, entry.week, entry.day)}: "
            f"'{shown(entry.session.title)}' ({_effort(entry.done.minutes, entry.done.rpe)})"
        )
    for added in log.added:
        session = added.session
        lines.append(
            f"added           {_when(added.workout)} -> {_where(plan, added.week, added.day)}: "
            f"extra {session.kind.value.replace('_', ' ')} strength session "
            f"({_effort(session.minutes, added.workout.rpe)})"
        )
    for workout in log.already_logged:
        lines.append(f"already logged  {_when(workout)}")
    for left in log.left_out:
        lines.append(f"left out        {_when(left.workout)}: {left.reason}")
    lines.append(
        f"{len(log.matched)} matched, {len(log.added)} added, "
        f"{len(log.already_logged)} already logged, {len(log.left_out)} left out"
    )
    return lines
