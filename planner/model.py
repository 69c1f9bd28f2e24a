"""The week plan as pydantic models, with the values derived from it (load, day types)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError

from planner.rules.catalogue import RULES_BY_ID, THRESHOLDS

FORMAT_VERSION = 1

DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES: dict[str, str] = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}
MAX_SESSIONS_PER_DAY = 8


class Kind(StrEnum):
    """What a session is for."""

    heavy = "heavy"
    moderate = "moderate"
    light = "light"
    active_recovery = "active_recovery"


class Activity(StrEnum):
    """What a session does."""

    strength = "strength"
    run = "run"
    cycle = "cycle"
    swim = "swim"
    row = "row"
    hiit = "hiit"
    mobility = "mobility"
    walk = "walk"
    sport = "sport"
    other = "other"


class Focus(StrEnum):
    """A muscle group a session loads."""

    legs = "legs"
    back = "back"
    chest = "chest"
    shoulders = "shoulders"
    arms = "arms"
    core = "core"
    full_body = "full_body"


class Level(StrEnum):
    """How trained the person is; sets how many heavy days a week allows."""

    beginner = "beginner"
    intermediate = "intermediate"
    advanced = "advanced"


class DayType(StrEnum):
    """A day's type, derived from its sessions and never stored."""

    heavy = "heavy"
    moderate = "moderate"
    recovery = "recovery"
    rest = "rest"


DEFAULT_RPE: dict[Kind, int] = {
    Kind.heavy: 8,
    Kind.moderate: 6,
    Kind.light: 4,
    Kind.active_recovery: 2,
}

DEFAULT_FOCUS: dict[Activity, tuple[Focus, ...]] = {
    Activity.run: (Focus.legs,),
    Activity.cycle: (Focus.legs,),
    Activity.walk: (Focus.legs,),
    Activity.swim: (Focus.shoulders, Focus.back),
    Activity.row: (Focus.back, Focus.legs),
    Activity.strength: (Focus.full_body,),
    Activity.hiit: (Focus.full_body,),
    Activity.sport: (Focus.full_body,),
    Activity.other: (Focus.full_body,),
    Activity.mobility: (),
}

#: The muscle groups `full_body` stands for.
MUSCLE_GROUPS: tuple[Focus, ...] = tuple(f for f in Focus if f is not Focus.full_body)

_HHMM = re.compile(r"([01]\d|2[0-3]):([0-5]\d)")


def _no_control_characters(allow_newlines: bool) -> AfterValidator:
    def check(text: str) -> str:
        for index, char in enumerate(text):
            if allow_newlines and char in "\n\t":
                continue
            if unicodedata.category(char) in ("Cc", "Cf") and char != "\u200d":
                raise PydanticCustomError(
                    "control_character",
                    "must not contain control characters (found {char} at position {position})",
                    {"char": f"U+{ord(char):04X}", "position": index + 1},
                )
        return text

    return AfterValidator(check)


def _not_blank(text: str) -> str:
    if not text.strip():
        raise PydanticCustomError("blank", "must not be blank")
    return text


def _clock_time(value: Any) -> Any:
    """Accept "HH:MM" strings and TOML local times (seconds zero) as "HH:MM"."""
    if isinstance(value, dt.time):
        if value.second or value.microsecond:
            raise PydanticCustomError(
                "clock_time", "must be a time in whole minutes, got {value}", {"value": str(value)}
            )
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, str) and not _HHMM.fullmatch(value):
        raise PydanticCustomError(
            "clock_time",
            'must be a 24-hour time "HH:MM", got "{value}"',
            {"value": value},
        )
    return value


ClockTime = Annotated[str, BeforeValidator(_clock_time), Field(pattern=r"^\d\d:\d\d$")]
Title = Annotated[
    str,
    Field(min_length=1, max_length=60),
    AfterValidator(_not_blank),
    _no_control_characters(allow_newlines=False),
]
PlanName = Annotated[
    str,
    Field(min_length=1, max_length=80),
    AfterValidator(_not_blank),
    _no_control_characters(allow_newlines=False),
]
FreeText = Annotated[str, Field(max_length=500), _no_control_characters(allow_newlines=True)]


def _not_a_boolean(value: Any) -> Any:
    """TOML `true` is not a number, though Python counts it as 1."""
    if isinstance(value, bool):
        raise PydanticCustomError(
            "bool_not_number", "must be a number, got {value}", {"value": str(value).lower()}
        )
    return value


NotBool = BeforeValidator(_not_a_boolean)
SleepHours = Annotated[float, Field(ge=0, le=14), NotBool]
ProteinMeals = Annotated[int, Field(ge=0, le=8), NotBool]


def minutes_of_day(clock: str) -> int:
    """Minutes since midnight of an "HH:MM" time."""
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


class Session(BaseModel):
    """One training session on a day."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    title: Title
    kind: Kind
    activity: Activity = Activity.other
    focus: tuple[Focus, ...] | None = Field(
        default=None, description="muscle groups loaded; default by activity"
    )
    minutes: Annotated[int, Field(ge=1, le=600), NotBool]
    rpe: Annotated[int, Field(ge=1, le=10), NotBool] | None = Field(
        default=None, description="CR-10 session RPE; default by kind"
    )
    start: ClockTime | None = None
    carbs_after: bool = False

    @field_validator("focus")
    @classmethod
    def _unique_focus(cls, focus: tuple[Focus, ...] | None) -> tuple[Focus, ...] | None:
        if focus is not None and len(set(focus)) != len(focus):
            raise PydanticCustomError("duplicate_focus", "lists a muscle group twice")
        return focus

    @property
    def effective_rpe(self) -> int:
        """The RPE, or the default of its kind when none is written."""
        return self.rpe if self.rpe is not None else DEFAULT_RPE[self.kind]

    @property
    def load(self) -> int:
        """Session-RPE load in arbitrary units (Foster 2001)."""
        return self.effective_rpe * self.minutes

    @property
    def focus_groups(self) -> frozenset[Focus]:
        """The muscle groups this session loads, `full_body` spread over every group."""
        focus = self.focus if self.focus is not None else DEFAULT_FOCUS[self.activity]
        if Focus.full_body in focus:
            return frozenset(MUSCLE_GROUPS)
        return frozenset(focus)

    @property
    def effective_focus(self) -> tuple[Focus, ...]:
        """The focus as written, or the default of its activity."""
        return self.focus if self.focus is not None else DEFAULT_FOCUS[self.activity]

    @property
    def end_minute(self) -> int | None:
        """Minutes after the day's midnight when the session ends, if it has a start."""
        if self.start is None:
            return None
        return minutes_of_day(self.start) + self.minutes


class Day(BaseModel):
    """One day of the week: its sessions and its sleep and nutrition plan."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    note: FreeText = ""
    sleep_hours: SleepHours | None = None
    bedtime: ClockTime | None = None
    protein_meals: ProteinMeals | None = None
    sessions: Annotated[tuple[Session, ...], Field(max_length=MAX_SESSIONS_PER_DAY)] = ()

    @property
    def load(self) -> int:
        """The sum of the day's session loads; 0 for a rest day."""
        return sum(session.load for session in self.sessions)

    @property
    def day_type(self) -> DayType:
        """Heavy, moderate, recovery or rest, from the kinds of its sessions."""
        kinds = {session.kind for session in self.sessions}
        if not kinds:
            return DayType.rest
        if Kind.heavy in kinds:
            return DayType.heavy
        if Kind.moderate in kinds:
            return DayType.moderate
        return DayType.recovery


def _monday(value: dt.date | None) -> dt.date | None:
    if value is not None and value.weekday() != 0:
        raise PydanticCustomError(
            "not_monday",
            "must be a Monday, got {value} (a {weekday})",
            {"value": value.isoformat(), "weekday": value.strftime("%A")},
        )
    return value


def _local_date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        raise PydanticCustomError("date_type", "must be a date like 2026-11-30, without a time", {})
    return value


class PlanInfo(BaseModel):
    """The `[plan]` table: what the week is and who it is for."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: PlanName
    description: FreeText = ""
    level: Level = Level.intermediate
    week_start: Annotated[dt.date | None, BeforeValidator(_local_date), AfterValidator(_monday)] = (
        None
    )
    body_mass_kg: Annotated[float, Field(ge=30, le=250), NotBool] | None = None
    repeats: bool = True


class Defaults(BaseModel):
    """The `[defaults]` table: what every day has unless it says otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sleep_hours: SleepHours | None = None
    bedtime: ClockTime | None = None
    protein_meals: ProteinMeals | None = None


class Days(BaseModel):
    """The `[days]` table: Monday to Sunday; a missing day is a rest day."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    mon: Day = Field(default_factory=Day)
    tue: Day = Field(default_factory=Day)
    wed: Day = Field(default_factory=Day)
    thu: Day = Field(default_factory=Day)
    fri: Day = Field(default_factory=Day)
    sat: Day = Field(default_factory=Day)
    sun: Day = Field(default_factory=Day)

    def __getitem__(self, key: str) -> Day:
        if key not in DAY_KEYS:
            raise KeyError(key)
        day: Day = getattr(self, key)
        return day

    def items(self) -> Iterator[tuple[str, Day]]:
        """(day key, day) pairs, Monday first."""
        for key in DAY_KEYS:
            yield key, self[key]


class History(BaseModel):
    """The `[history]` table: the weeks before this one."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    weekly_loads: Annotated[
        tuple[Annotated[float, Field(ge=0, le=100_000), NotBool], ...], Field(max_length=12)
    ] = ()
    longest_session_min: dict[Activity, Annotated[int, Field(ge=1, le=1440), NotBool]] = Field(
        default_factory=dict
    )


def _known_rule_ids(ids: tuple[str, ...]) -> tuple[str, ...]:
    for rule_id in ids:
        if rule_id not in RULES_BY_ID:
            raise PydanticCustomError(
                "unknown_rule",
                'unknown rule id "{rule}" (see `planner check --help` for the ids)',
                {"rule": rule_id},
            )
    return ids


class _RuleSettingsBase(BaseModel):
    """The `[rules]` table: per-plan thresholds and rules switched off."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    disabled: Annotated[tuple[str, ...], AfterValidator(_known_rule_ids)] = ()

    def threshold(self, key: str) -> float | None:
        """The plan's value for a threshold key, else the catalogue's default."""
        value: float | None = getattr(self, key)
        return THRESHOLDS[key].default if value is None else value

    def overrides(self) -> dict[str, float]:
        """Thresholds the plan sets itself."""
        return {key: value for key in THRESHOLDS if (value := getattr(self, key)) is not None}


def _threshold_field(key: str) -> tuple[Any, Any]:
    threshold = THRESHOLDS[key]
    number: Any = int if threshold.integer else float
    return (
        Annotated[number, Field(ge=threshold.minimum, le=threshold.maximum), NotBool] | None,
        Field(default=None, description=f"{threshold.description} ({threshold.unit})"),
    )


if TYPE_CHECKING:
    RuleSettings = _RuleSettingsBase
else:
    # One optional field per threshold key of the catalogue, so an unknown key is an
    # error with its location and the JSON Schema lists every key.
    RuleSettings = create_model(
        "RuleSettings",
        __base__=_RuleSettingsBase,
        **{key: _threshold_field(key) for key in THRESHOLDS},
    )


class Plan(BaseModel):
    """A week plan, as one TOML file holds it."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="planner week plan, format 1")

    format: Annotated[Literal[1], NotBool]
    plan: PlanInfo
    defaults: Defaults = Field(default_factory=Defaults)
    days: Days = Field(default_factory=Days)
    history: History = Field(default_factory=History)
    rules: RuleSettings = Field(default_factory=RuleSettings)

    def day(self, key: str) -> Day:
        """The day with this key (mon..sun)."""
        return self.days[key]

    def sleep_hours(self, key: str) -> float | None:
        """Planned sleep for the night after the day: its own, else the default."""
        own = self.days[key].sleep_hours
        return own if own is not None else self.defaults.sleep_hours

    def bedtime(self, key: str) -> str | None:
        """Planned bedtime of the day: its own, else the default."""
        own = self.days[key].bedtime
        return own if own is not None else self.defaults.bedtime

    def protein_meals(self, key: str) -> int | None:
        """Planned protein meals of the day: its own, else the default."""
        own = self.days[key].protein_meals
        return own if own is not None else self.defaults.protein_meals

    def sessions(self) -> Iterator[tuple[str, int, Session]]:
        """(day key, index, session) for every session, in week order."""
        for key, day in self.days.items():
            for index, session in enumerate(day.sessions):
                yield key, index, session

    @property
    def daily_loads(self) -> tuple[int, ...]:
        """The seven daily loads, Monday first."""
        return tuple(day.load for _, day in self.days.items())

    @property
    def heavy_sessions(self) -> int:
        """How many heavy sessions the week holds."""
        return sum(1 for _, _, s in self.sessions() if s.kind is Kind.heavy)

    def day_types(self) -> dict[str, DayType]:
        """Every day's derived type."""
        return {key: day.day_type for key, day in self.days.items()}
