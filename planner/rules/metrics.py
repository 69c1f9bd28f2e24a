"""The week's metrics as rules.md defines them, and the number wording the rules share."""

from __future__ import annotations

import math
from collections.abc import Iterable

from planner.findings import Metrics
from planner.model import DAY_KEYS, DEFAULT_RPE, Kind, Plan

#: Weeks of history the chronic load of the ACWR averages over, and the fewest it needs.
ACWR_WEEKS = 4
ACWR_MIN_WEEKS = 3

_EASY_KINDS = frozenset({Kind.light, Kind.active_recovery})

#: Minutes after midnight of every "HH:MM" a plan can hold: the rules look times up here
#: instead of parsing the same strings in every loop.
CLOCK_MINUTES: dict[str, int] = {
    f"{hour:02d}:{minute:02d}": hour * 60 + minute for hour in range(24) for minute in range(60)
}


def compute_metrics(plan: Plan) -> Metrics:
    """Daily and weekly load, heavy sessions, easy and rest days, monotony, strain, ACWR
    and load change of a plan (Foster 1998, Gabbett 2016), at full precision."""
    daily_load: list[int] = []
    heavy_sessions = easy_days = rest_days = 0
    days = plan.days
    for key in DAY_KEYS:
        sessions = getattr(days, key).sessions
        load = 0
        easy = True
        for session in sessions:
            rpe = session.rpe if session.rpe is not None else DEFAULT_RPE[session.kind]
            load += rpe * session.minutes
            if session.kind is Kind.heavy:
                heavy_sessions += 1
            if session.kind not in _EASY_KINDS:
                easy = False
        daily_load.append(load)
        if not sessions:
            rest_days += 1
        if easy:
            easy_days += 1
    weekly_load = sum(daily_load)
    monotony = weekly_monotony(daily_load)
    history = plan.history.weekly_loads
    return Metrics(
        daily_load=tuple(daily_load),
        weekly_load=weekly_load,
        heavy_sessions=heavy_sessions,
        easy_days=easy_days,
        rest_days=rest_days,
        monotony=monotony,
        strain=None if monotony is None else weekly_load * monotony,
        acwr=acute_chronic_ratio(weekly_load, history),
        load_change_pct=load_change_pct(weekly_load, history),
    )


def weekly_monotony(daily_load: Iterable[int]) -> float | None:
    """Mean daily load over its population standard deviation; None when that is 0.

    With n days, mean / pstdev = sum / sqrt(n * sum of squares - sum**2), which stays in
    integers until the last step, so a deviation of exactly 0 is found exactly and a
    monotony on a threshold (2.0) comes out on it.
    """
    loads = tuple(daily_load)
    total = sum(loads)
    spread = len(loads) * sum(load * load for load in loads) - total * total
    if spread <= 0:
        return None
    return total / math.sqrt(spread)


def acute_chronic_ratio(weekly_load: float, history: tuple[float, ...]) -> float | None:
    """This week's load over the mean of the last up-to-4 history weeks (uncoupled);
    None with fewer than 3 history weeks or a zero mean (Gabbett 2016)."""
    if len(history) < ACWR_MIN_WEEKS:
        return None
    recent = history[-ACWR_WEEKS:]
    total = sum(recent)
    if total <= 0:
        return None
    return weekly_load * len(recent) / total


def load_change_pct(weekly_load: float, history: tuple[float, ...]) -> float | None:
    """The rise of this week's load over the last history week, in percent; None without
    history or when that week is 0."""
    if not history or history[-1] == 0:
        return None
    last = history[-1]
    return 100 * (weekly_load - last) / last


# --- per-day plan values: the day's own, else [defaults] ---------------------------


def planned_sleep(plan: Plan) -> list[float | None]:
    """Planned sleep for the night after each day, Monday first; None where unplanned."""
    return [plan.sleep_hours(key) for key in DAY_KEYS]


def planned_bedtimes(plan: Plan) -> list[str | None]:
    """Planned bedtime of each day ("HH:MM"), Monday first; None where unplanned."""
    return [plan.bedtime(key) for key in DAY_KEYS]


def planned_protein_meals(plan: Plan) -> list[int | None]:
    """Planned protein meals of each day, Monday first; None where unplanned."""
    return [plan.protein_meals(key) for key in DAY_KEYS]


# --- wording the rules share --------------------------------------------------------


def format_number(value: float, digits: int = 1) -> str:
    """A number rounded to `digits` decimals without trailing zeros: 13, 13.5, 2.25."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_hours(minutes: int) -> str:
    """Whole minutes as hours, cut (never rounded up) to tenths: 810 -> "13.5 h".

    Cutting keeps a time just under a limit from reading as the limit itself.
    """
    tenths = minutes // 6
    whole, tenth = divmod(tenths, 10)
    return f"{whole} h" if tenth == 0 else f"{whole}.{tenth} h"


def clock(minute: int) -> str:
    """Minutes after a midnight as "HH:MM", wrapping past 24:00."""
    hours, minutes = divmod(minute % 1440, 60)
    return f"{hours:02d}:{minutes:02d}"


def join_words(words: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    items = list(words)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(count: int, singular: str, many: str | None = None) -> str:
    """`1 heavy day`, `2 heavy days`."""
    word = singular if count == 1 else (many or singular + "s")
    return f"{count} {word}"


def in_week_order(keys: Iterable[str]) -> tuple[str, ...]:
    """Day keys without repeats, Monday first."""
    wanted = set(keys)
    return tuple(key for key in DAY_KEYS if key in wanted)
