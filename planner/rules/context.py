"""What the rules see of a plan: every day of every week in order, sessions as judged.

A session is judged as it happened: done minutes and RPE where it is logged, planned
ones elsewhere, and not at all when skipped (rules.md, fine points). The engine builds
one `Timeline` per plan and hands each rule a `WeekView`: one week, with the days
before it (history) and the days after it (the next week's, or the first week's when
the plan repeats).
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from planner.model import (
    DAY_KEYS,
    DEFAULT_RPE,
    Activity,
    Day,
    DayType,
    DoneStatus,
    Focus,
    Kind,
    Plan,
    Session,
    Week,
)

MINUTES_PER_DAY = 24 * 60
_DAYS = tuple(dt.timedelta(days=weekday) for weekday in range(7))
#: A session without `start` starts at 12:00 (rules.md, fine points).
NOON = 12 * 60


def clock_minutes(clock: str) -> int:
    """Minutes after midnight of an "HH:MM" the model has checked (`07:30` is 450)."""
    return int(clock[:2]) * 60 + int(clock[3:5])


# A plain class with slots: built once per session on every evaluation, and defined at
# start-up for less than a dataclass costs. Rules treat it as read-only.
class Bout:
    """A session that happened (or is planned), as the rules judge it."""

    __slots__ = (
        "activity",
        "day_number",
        "focus",
        "has_start",
        "index",
        "kind",
        "load",
        "minutes",
        "rpe",
        "session",
        "start_minute",
    )

    def __init__(
        self,
        session: Session,
        day_number: int,
        index: int,
        kind: Kind,
        activity: Activity,
        minutes: int,
        rpe: int,
        load: int,
        start_minute: int,
        has_start: bool,
        focus: frozenset[Focus],
    ) -> None:
        self.session = session
        #: 0-based position of its day in the plan: week * 7 + weekday.
        self.day_number = day_number
        #: Its index among the day's sessions as listed (skipped ones included).
        self.index = index
        self.kind = kind
        self.activity = activity
        self.minutes = minutes
        self.rpe = rpe
        self.load = load
        #: Minutes after its day's midnight it starts (12:00 without a start).
        self.start_minute = start_minute
        self.has_start = has_start
        self.focus = focus

    def __repr__(self) -> str:
        return f"Bout({self.session.title!r}, day {self.day_number}, load {self.load})"

    @property
    def week(self) -> int:
        """0-based week of the plan."""
        return self.day_number // 7

    @property
    def day(self) -> str:
        """Its day key."""
        return DAY_KEYS[self.day_number % 7]

    @property
    def title(self) -> str:
        """The session's title."""
        return self.session.title

    @property
    def heavy(self) -> bool:
        """True for a heavy session."""
        return self.kind is Kind.heavy

    @property
    def hard(self) -> bool:
        """True for a heavy or moderate session."""
        return self.kind is Kind.heavy or self.kind is Kind.moderate


#: The muscle groups of each (activity, focus as written), `full_body` spread.
_FOCUS_GROUPS: dict[tuple[Activity, tuple[Focus, ...] | None], frozenset[Focus]] = {}


def _focus_groups(session: Session) -> frozenset[Focus]:
    key = (session.activity, session.focus)
    groups = _FOCUS_GROUPS.get(key)
    if groups is None:
        groups = _FOCUS_GROUPS[key] = session.focus_groups
    return groups


# A plain class with slots, as Bout. Rules treat it as read-only.
class DayView:
    """One day of the plan as the rules see it."""

    __slots__ = (
        "bedtime",
        "bouts",
        "date",
        "day_type",
        "key",
        "load",
        "number",
        "planned_load",
        "protein_meals",
        "sessions",
        "sleep_hours",
    )

    def __init__(
        self,
        *,
        number: int,
        key: str,
        date: dt.date | None,
        bouts: tuple[Bout, ...],
        day_type: DayType,
        load: int,
        planned_load: int,
        sleep_hours: float | None,
        bedtime: str | None,
        protein_meals: int | None,
        sessions: tuple[Session, ...],
    ) -> None:
        self.number = number
        self.key = key
        self.date = date
        self.bouts = bouts
        self.day_type = day_type
        self.load = load
        self.planned_load = planned_load
        self.sleep_hours = sleep_hours
        self.bedtime = bedtime
        self.protein_meals = protein_meals
        #: Sessions listed on the day, skipped ones included (for planned metrics).
        self.sessions = sessions

    def __repr__(self) -> str:
        return f"DayView({self.key}, week {self.number // 7 + 1}, load {self.load})"

    @property
    def heavy(self) -> bool:
        """True for a heavy day."""
        return self.day_type is DayType.heavy

    @property
    def easy(self) -> bool:
        """True for a recovery or rest day."""
        return self.day_type is DayType.recovery or self.day_type is DayType.rest

    @property
    def week(self) -> int:
        """0-based week of the plan."""
        return self.number // 7


def _week_days(plan: Plan, week_index: int, week: Week) -> list[DayView]:
    days: list[DayView] = []
    defaults = plan.defaults
    sleep_default = defaults.sleep_hours
    bedtime_default = defaults.bedtime
    protein_default = defaults.protein_meals
    monday = plan.week_start(week_index)
    week_days = week.days
    for weekday, key in enumerate(DAY_KEYS):
        day: Day = getattr(week_days, key)
        number = week_index * 7 + weekday
        sessions = day.sessions
        day_type = DayType.rest
        load = planned_load = 0
        if sessions:
            judged: list[Bout] = []
            for index, session in enumerate(sessions):
                # `judge` inlined (the engine's hot loop): the same values, each pydantic
                # attribute read once, and the planned load from the same reads.
                kind = session.kind
                rpe = session.rpe
                if rpe is None:
                    rpe = DEFAULT_RPE[kind]
                minutes = session.minutes
                if not session.extra:
                    planned_load += rpe * minutes
                done = session.done
                if done is not None:
                    if done.status is DoneStatus.skipped:
                        continue
                    if done.rpe is not None:
                        rpe = done.rpe
                    if done.minutes is not None:
                        minutes = done.minutes
                start = session.start
                bout = Bout(
                    session,
                    number,
                    index,
                    kind,
                    session.activity,
                    minutes,
                    rpe,
                    rpe * minutes,
                    NOON if start is None else clock_minutes(start),
                    start is not None,
                    _focus_groups(session),
                )
                judged.append(bout)
                load += bout.load
                if kind is Kind.heavy:
                    day_type = DayType.heavy
                elif kind is Kind.moderate:
                    if day_type is not DayType.heavy:
                        day_type = DayType.moderate
                elif day_type is DayType.rest:
                    day_type = DayType.recovery
            bouts = tuple(judged)
        else:
            bouts = ()
        sleep_hours = day.sleep_hours
        bedtime = day.bedtime
        protein_meals = day.protein_meals
        days.append(
            DayView(
                number=number,
                key=key,
                date=None if monday is None else monday + _DAYS[weekday],
                bouts=bouts,
                day_type=day_type,
                load=load,
                planned_load=planned_load,
                sleep_hours=sleep_default if sleep_hours is None else sleep_hours,
                bedtime=bedtime_default if bedtime is None else bedtime,
                protein_meals=protein_default if protein_meals is None else protein_meals,
                sessions=sessions,
            )
        )
    return days


# No slots: `week_loads` is a cached property, which needs the instance's __dict__.
class Timeline:
    """Every day of a plan in order, with what comes before week 1 (read-only)."""

    def __init__(
        self, plan: Plan, days: tuple[DayView, ...], wraps: bool, thresholds: dict[str, float]
    ) -> None:
        self.plan = plan
        self.days = days
        #: Does the first week's Monday follow the last week's Sunday?
        self.wraps = wraps
        #: Resolved thresholds by key.
        self.thresholds = thresholds

    @property
    def week_count(self) -> int:
        """How many weeks the plan holds."""
        return len(self.days) // 7

    def week_days(self, week: int) -> tuple[DayView, ...]:
        """The seven days of a 0-based week."""
        return self.days[week * 7 : week * 7 + 7]

    def after(self, number: int) -> DayView | None:
        """The day after a day number: the next week's Monday after a Sunday, the first
        week's Monday after the last Sunday when the plan repeats, else None."""
        if number + 1 < len(self.days):
            return self.days[number + 1]
        return self.days[0] if self.wraps else None

    def before(self, number: int) -> DayView | None:
        """The day before a day number, wrapping like `after`."""
        if number > 0:
            return self.days[number - 1]
        return self.days[-1] if self.wraps else None

    def week_load(self, week: int) -> int:
        """A 0-based week's effective load."""
        return sum(day.load for day in self.week_days(week))

    @cached_property
    def week_loads(self) -> tuple[int, ...]:
        """Every week's effective load, week 1 first."""
        return tuple(self.week_load(week) for week in range(self.week_count))


def build_timeline(plan: Plan, thresholds: dict[str, float]) -> Timeline:
    """The timeline the rules judge a plan on."""
    days: list[DayView] = []
    for index, week in enumerate(plan.week_list):
        days.extend(_week_days(plan, index, week))
    return Timeline(plan=plan, days=tuple(days), wraps=plan.repeats, thresholds=thresholds)


class WeekView:
    """One week as a rule sees it: its days, its history and what follows it (read-only)."""

    __slots__ = ("days", "history", "history_types", "index", "timeline")

    def __init__(
        self,
        timeline: Timeline,
        index: int,
        history: tuple[float, ...],
        history_types: tuple[str | None, ...],
    ) -> None:
        self.timeline = timeline
        #: 0-based index of the week in the plan.
        self.index = index
        #: The loads of the weeks before it, oldest first: `[history]`, then the plan's.
        self.history = history
        #: The types of those weeks (None for `[history]` weeks, which have none).
        self.history_types = history_types
        #: Its seven days, Monday first (taken from the timeline once: rules read it often).
        self.days = timeline.week_days(index)

    @property
    def number(self) -> int:
        """1-based week number."""
        return self.index + 1

    @property
    def plan(self) -> Plan:
        """The plan the week belongs to."""
        return self.timeline.plan

    @property
    def week(self) -> Week:
        """The week itself."""
        return self.timeline.plan.week_list[self.index]

    @property
    def bouts(self) -> tuple[Bout, ...]:
        """Every session of the week that happened, in order."""
        return tuple(bout for day in self.days for bout in day.bouts)

    @property
    def load(self) -> int:
        """The week's effective load."""
        return self.timeline.week_loads[self.index]

    @property
    def last(self) -> bool:
        """True for the plan's last week."""
        return self.index == self.timeline.week_count - 1

    def threshold(self, key: str) -> float:
        """A resolved threshold."""
        return self.timeline.thresholds[key]
