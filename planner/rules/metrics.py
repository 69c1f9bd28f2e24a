"""A week's metrics as rules.md defines them (Foster 1998, Gabbett 2016)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from planner.model import DayType, Kind
from planner.report import Metrics
from planner.rules.context import WeekView

#: Weeks of history the chronic load of the ACWR averages over, and the fewest it needs.
ACWR_WEEKS = 4
ACWR_MIN_WEEKS = 3
#: Weeks of history the load change compares with (the highest of them).
LOAD_CHANGE_WEEKS = 3


def compute_metrics(view: WeekView) -> Metrics:
    """Every metric of one week, at full precision (one pass over its days)."""
    days = view.days
    sleep_min = view.threshold("sleep_min_hours")
    daily: list[int] = []
    planned_daily: list[int] = []
    heavy_sessions = easy_days = rest_days = 0
    done_load = 0
    compared_planned = 0
    logged = False
    sleep_debt: float = 0
    for day in days:
        daily.append(day.load)
        planned_daily.append(day.planned_load)
        day_type = day.day_type
        if day_type is DayType.rest:
            rest_days += 1
            easy_days += 1
        elif day_type is DayType.recovery:
            easy_days += 1
        elif day_type is DayType.heavy:
            heavy_sessions += sum(1 for bout in day.bouts if bout.kind is Kind.heavy)
        for session in day.sessions:
            if session.done is None:
                continue
            logged = True
            done_load += session.load
            if not session.extra:
                compared_planned += session.planned_load
        if day.sleep_hours is not None:
            sleep_debt += max(0.0, sleep_min - day.sleep_hours)
    daily_load = tuple(daily)
    weekly_load = sum(daily)
    monotony = weekly_monotony(daily_load)
    history = view.history
    return Metrics(
        daily_load=daily_load,
        weekly_load=weekly_load,
        planned_load=sum(planned_daily),
        done_load=done_load if logged else None,
        compliance_pct=(100 * done_load / compared_planned) if compared_planned else None,
        heavy_sessions=heavy_sessions,
        easy_days=easy_days,
        rest_days=rest_days,
        monotony=monotony,
        strain=None if monotony is None else weekly_load * monotony,
        acwr=acute_chronic_ratio(weekly_load, history),
        load_change_pct=load_change_pct(weekly_load, history),
        sleep_debt_hours=sleep_debt,
        planned_daily_load=tuple(planned_daily),
        logged_planned_load=compared_planned,
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
    """The week's load over the mean of the last up-to-4 history weeks (uncoupled);
    None with fewer than 3 history weeks or a zero mean (Gabbett 2016)."""
    if len(history) < ACWR_MIN_WEEKS:
        return None
    recent = history[-ACWR_WEEKS:]
    chronic = sum(recent) / len(recent)
    if chronic <= 0:  # also a mean too small to tell from 0
        return None
    return weekly_load / chronic


def load_change_pct(weekly_load: float, history: tuple[float, ...]) -> float | None:
    """The rise of the week's load over the highest of the last up-to-3 history weeks,
    in percent (so coming back from an easy week is not a rise); None without history
    or when that reference is 0."""
    if not history:
        return None
    reference = max(history[-LOAD_CHANGE_WEEKS:])
    if reference <= 0:
        return None
    # The difference first, then one division: a rise of exactly 30 % comes out as 30.0
    # (100 * (1300 / 1000 - 1) would be 30.000000000000004, above 30).
    return 100 * (weekly_load - reference) / reference
