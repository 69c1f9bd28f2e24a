"""Small wording and timing helpers the rule modules share.

The general wording helpers (`join_words`, `format_number`, `plural`) live in
`planner.catalogue`; these are the ones only rules need: days in week order, day names
relative to the week a finding belongs to, clock times, and the days that follow a week
(the next week's, or the first week's when the plan repeats).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TypeVar

from planner.catalogue import format_number, join_words
from planner.model import DAY_KEYS, DAY_NAMES, MUSCLE_GROUPS, Focus
from planner.report import DAY_ORDER
from planner.rules.context import MINUTES_PER_DAY, NOON, Bout, DayView, WeekView

V = TypeVar("V", bound=Hashable)

#: A bedtime before 12:00 is after midnight (rules.md, `irregular-sleep`).
_EARLY = NOON


def in_week_order(keys: Iterable[str]) -> tuple[str, ...]:
    """Day keys Monday first, each once (rules.md, fine points)."""
    return tuple(sorted(set(keys), key=DAY_ORDER.__getitem__))


def clock(minute: int) -> str:
    """The clock time "HH:MM" of a minute count after some midnight (wraps past 24:00)."""
    minute %= MINUTES_PER_DAY
    return f"{minute // 60:02d}:{minute % 60:02d}"


def hours(minutes: float) -> str:
    """A span of minutes in hours as people write it: "13.5 h", "24 h"."""
    return f"{format_number(minutes / 60)} h"


def night_minute(clock_minute: int) -> int:
    """A bedtime's minute after its day's midnight: times before 12:00 are after
    midnight, so 00:30 comes after 23:30."""
    return clock_minute + MINUTES_PER_DAY if clock_minute < _EARLY else clock_minute


def days_ahead(view: WeekView, extra: int) -> list[tuple[int, DayView]]:
    """The week's days and up to `extra` days after its Sunday, each with its offset in
    days from the week's Monday. The days after Sunday are the next week's, or the first
    week's when the plan repeats; none when nothing follows."""
    placed = list(enumerate(view.days))
    timeline = view.timeline
    number = placed[-1][1].number
    for offset in range(7, 7 + extra):
        following = timeline.after(number)
        if following is None:
            break
        placed.append((offset, following))
        number = following.number
    return placed


def day_name(view: WeekView, offset: int) -> str:
    """A day by its offset from the week's Monday, as the week's finding names it:
    "Sunday", "next week's Monday", "Monday of week 3", "Monday of week 1 (the plan
    starts again)"."""
    name = DAY_NAMES[DAY_KEYS[offset % 7]]
    weeks_on = offset // 7
    if weeks_on == 0:
        return name
    count = view.timeline.week_count
    target = view.index + weeks_on
    if target < count:
        return f"next week's {name}" if weeks_on == 1 else f"{name} of week {target + 1}"
    if count == 1:
        return f"next week's {name}" if weeks_on == 1 else f"{name} {weeks_on} weeks on"
    return f"{name} of week {target % count + 1} (the plan starts again)"


def when(view: WeekView, offset: int, bout: Bout) -> str:
    """When a session starts: "Monday 17:30", or "Monday (no start, counted as 12:00)"."""
    name = day_name(view, offset)
    if bout.has_start:
        return f"{name} {clock(bout.start_minute)}"
    return f"{name} (no start, counted as 12:00)"


def muscle_words(groups: frozenset[Focus]) -> str:
    """A set of muscle groups in words: "Legs", "Legs and back", "Every muscle group"."""
    if len(groups) >= len(MUSCLE_GROUPS):
        return "Every muscle group"
    text = join_words([str(group) for group in MUSCLE_GROUPS if group in groups])
    return text[:1].upper() + text[1:]


def by_value(items: list[tuple[str, V]]) -> list[tuple[V, list[str]]]:
    """(day key, value) pairs grouped by value, in order of first appearance:
    [("mon", 6), ("tue", 6), ("fri", 5)] -> [(6, ["mon", "tue"]), (5, ["fri"])]."""
    groups: dict[V, list[str]] = {}
    for key, value in items:
        groups.setdefault(value, []).append(key)
    return list(groups.items())


def title(bout: Bout) -> str:
    """The session's title in quotes."""
    return f'"{bout.session.title}"'
