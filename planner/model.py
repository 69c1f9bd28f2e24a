"""The plan as pydantic models: weeks, days, sessions and what was done, with the values
derived from them (load, day types, dates)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    create_model,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from planner.catalogue import DAY_KEYS as DAY_KEYS  # re-exported: the model's days
from planner.catalogue import DAY_NAMES as DAY_NAMES
from planner.catalogue import (
    RENAMED_RULES,
    RENAMED_THRESHOLDS,
    RULES_BY_ID,
    THRESHOLDS,
)
from planner.pydantic_plugins import skip_plugin_lookup

skip_plugin_lookup()  # before the first model below is built

MAX_SESSIONS_PER_DAY = 8
MAX_WEEKS = 16


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


class WeekType(StrEnum):
    """What a week of a block is for."""

    build = "build"
    deload = "deload"
    taper = "taper"
    race = "race"


class DoneStatus(StrEnum):
    """How a logged session went."""

    done = "done"
    partial = "partial"
    skipped = "skipped"


class DayType(StrEnum):
    """A day's type, derived from its sessions and never stored."""

    heavy = "heavy"
    moderate = "moderate"
    recovery = "recovery"
    rest = "rest"


DEFAULT_RPE: dict[Kind, int] = {
    Kind.heavy: 8,
    Kind.moderate: 5,
    Kind.light: 3,
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
        if text.isprintable():  # no Cc or Cf (nor any other unprintable) character
            return text
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
ShortText = Annotated[str, Field(max_length=200), _no_control_characters(allow_newlines=False)]
WeekLabel = Annotated[
    str,
    Field(min_length=1, max_length=40),
    AfterValidator(_not_blank),
    _no_control_characters(allow_newlines=False),
]


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


class Done(BaseModel):
    """What was done of a session, logged after it."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    status: DoneStatus = DoneStatus.done
    minutes: Annotated[int, Field(ge=1, le=600), NotBool] | None = Field(
        default=None, description="minutes done; default the planned minutes"
    )
    rpe: Annotated[int, Field(ge=1, le=10), NotBool] | None = Field(
        default=None, description="session RPE done; default the planned RPE"
    )
    note: ShortText = ""
    source: Annotated[str, Field(max_length=80), _no_control_characters(allow_newlines=False)] = (
        Field(default="", description="the logged workout it came from (planner log)")
    )

    @property
    def skipped(self) -> bool:
        """True when the session did not happen."""
        return self.status is DoneStatus.skipped


class Session(BaseModel):
    """One training session on a day, as planned and, once logged, as done."""

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
    done: Done | None = Field(default=None, description="what was done, once logged")
    extra: bool = Field(default=False, description="done but not planned; needs done")

    @field_validator("focus")
    @classmethod
    def _unique_focus(cls, focus: tuple[Focus, ...] | None) -> tuple[Focus, ...] | None:
        if focus is not None and len(set(focus)) != len(focus):
            raise PydanticCustomError("duplicate_focus", "lists a muscle group twice")
        return focus

    @field_validator("extra")
    @classmethod
    def _extra_needs_done(cls, extra: bool, info: ValidationInfo) -> bool:
        if extra and info.data.get("done") is None:
            raise PydanticCustomError(
                "extra_without_done",
                "an extra session was done, not planned: it needs `done` too",
            )
        return extra

    @property
    def planned_rpe(self) -> int:
        """The RPE as planned, or the default of its kind when none is written."""
        return self.rpe if self.rpe is not None else DEFAULT_RPE[self.kind]

    @property
    def skipped(self) -> bool:
        """True when the session is logged as skipped: it did not happen."""
        return self.done is not None and self.done.skipped

    @property
    def logged(self) -> bool:
        """True once the session has a `done` record."""
        return self.done is not None

    @property
    def actual_minutes(self) -> int:
        """Minutes as done where logged, as planned elsewhere."""
        if self.done is not None and self.done.minutes is not None:
            return self.done.minutes
        return self.minutes

    @property
    def actual_rpe(self) -> int:
        """RPE as done where logged, as planned elsewhere."""
        if self.done is not None and self.done.rpe is not None:
            return self.done.rpe
        return self.planned_rpe

    @property
    def load(self) -> int:
        """The session's effective load (Foster 2001 session-RPE, arbitrary units):
        done values where logged, planned ones elsewhere, 0 when skipped."""
        if self.skipped:
            return 0
        return self.actual_rpe * self.actual_minutes

    @property
    def planned_load(self) -> int:
        """The load as planned; 0 for an extra session, which was never planned."""
        return 0 if self.extra else self.planned_rpe * self.minutes

    @property
    def done_load(self) -> int | None:
        """The load as done (0 when skipped); None while not logged."""
        return None if self.done is None else self.load

    @property
    def compliance_pct(self) -> float | None:
        """Done load as a share of the planned load; None when not logged or extra."""
        if self.done is None or self.extra or self.planned_load == 0:
            return None
        return 100 * self.load / self.planned_load

    @property
    def focus_groups(self) -> frozenset[Focus]:
        """The muscle groups this session loads, `full_body` spread over every group."""
        focus = self.effective_focus
        if Focus.full_body in focus:
            return frozenset(MUSCLE_GROUPS)
        return frozenset(focus)

    @property
    def effective_focus(self) -> tuple[Focus, ...]:
        """The focus as written, or the default of its activity."""
        return self.focus if self.focus is not None else DEFAULT_FOCUS[self.activity]


class Day(BaseModel):
    """One day of a week: its sessions and its sleep and nutrition plan."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    note: FreeText = ""
    sleep_hours: SleepHours | None = None
    bedtime: ClockTime | None = None
    protein_meals: ProteinMeals | None = None
    sessions: Annotated[tuple[Session, ...], Field(max_length=MAX_SESSIONS_PER_DAY)] = ()

    @property
    def load(self) -> int:
        """The sum of the day's effective session loads; 0 for a rest day."""
        return sum(session.load for session in self.sessions)

    @property
    def planned_load(self) -> int:
        """The sum of the day's planned session loads."""
        return sum(session.planned_load for session in self.sessions)

    @property
    def day_type(self) -> DayType:
        """Heavy, moderate, recovery or rest, from the kinds of the sessions that
        happened (a skipped session makes no day's type)."""
        kinds = {session.kind for session in self.sessions if not session.skipped}
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


MondayDate = Annotated[dt.date | None, BeforeValidator(_local_date), AfterValidator(_monday)]


class PlanInfo(BaseModel):
    """The `[plan]` table: what the plan is and who it is for."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: PlanName
    description: FreeText = ""
    level: Level = Level.intermediate
    start: MondayDate = Field(default=None, description="Monday of week 1 (format 2)")
    week_start: MondayDate = Field(default=None, description="Monday of the week (format 1)")
    body_mass_kg: Annotated[float, Field(ge=30, le=250), NotBool] | None = None
    repeats: bool | None = Field(
        default=None, description="the plan repeats; default true for one week, false for more"
    )


class Defaults(BaseModel):
    """The `[defaults]` table: what every day has unless it says otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    sleep_hours: SleepHours | None = None
    bedtime: ClockTime | None = None
    protein_meals: ProteinMeals | None = None


class Days(BaseModel):
    """A week's days, Monday to Sunday; a missing day is a rest day."""

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


class Week(BaseModel):
    """One week of a plan: a `[[weeks]]` entry (format 2), or format 1's `[days]`."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    label: WeekLabel | None = None
    type: WeekType = WeekType.build
    days: Days = Field(default_factory=Days)

    def sessions(self) -> Iterator[tuple[str, int, Session]]:
        """(day key, index, session) for every session, in week order."""
        for key, day in self.days.items():
            for index, session in enumerate(day.sessions):
                yield key, index, session

    @property
    def load(self) -> int:
        """The week's effective load."""
        return sum(day.load for _, day in self.days.items())


class History(BaseModel):
    """The `[history]` table: the weeks before week 1."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    weekly_loads: Annotated[
        tuple[Annotated[float, Field(ge=0, le=100_000), NotBool], ...], Field(max_length=12)
    ] = ()
    longest_session_min: dict[Activity, Annotated[int, Field(ge=1, le=1440), NotBool]] = Field(
        default_factory=dict
    )


def _known_rule_id(rule_id: str) -> str:
    if rule_id in RENAMED_RULES:
        return RENAMED_RULES[rule_id]
    if rule_id not in RULES_BY_ID:
        raise PydanticCustomError(
            "unknown_rule",
            'unknown rule id "{rule}" (see `planner check --help` for the ids)',
            {"rule": rule_id},
        )
    return rule_id


RuleId = Annotated[str, AfterValidator(_known_rule_id)]


def _renamed_thresholds(data: Any) -> Any:
    """Version 1's threshold names, read as their version 2 keys."""
    if isinstance(data, dict) and any(old in data for old in RENAMED_THRESHOLDS):
        return {RENAMED_THRESHOLDS.get(key, key): value for key, value in data.items()}
    return data


class _RuleSettingsBase(BaseModel):
    """The `[rules]` table: per-plan thresholds and rules switched off."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    disabled: tuple[RuleId, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _version_1_names(cls, data: Any) -> Any:
        return _renamed_thresholds(data)

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


class Accepted(BaseModel):
    """An `[[accepted]]` entry: a finding accepted on purpose, with the reason."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    rule: RuleId
    week: Annotated[int, Field(ge=1, le=MAX_WEEKS), NotBool] | None = None
    days: tuple[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], ...] | None = None
    reason: Annotated[
        str,
        Field(min_length=1, max_length=200),
        AfterValidator(_not_blank),
        _no_control_characters(allow_newlines=False),
    ]

    def matches(self, rule: str, week: int | None, days: tuple[str, ...]) -> bool:
        """Does this entry accept a finding of `rule` in `week` on `days` (as a set)?"""
        if rule != self.rule:
            return False
        if self.week is not None and week != self.week:
            return False
        return self.days is None or set(self.days) == set(days)


class Plan(BaseModel):
    """A plan of one or more weeks, as one TOML file holds it (format 1 or 2)."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="planner plan, format 1 or 2")

    format: Annotated[Literal[1, 2], NotBool]
    plan: PlanInfo
    defaults: Defaults = Field(default_factory=Defaults)
    days: Days | None = Field(default=None, description="format 1: the one week's days")
    weeks: Annotated[tuple[Week, ...], Field(min_length=1, max_length=MAX_WEEKS)] | None = Field(
        default=None, validate_default=True, description="format 2: the weeks of the plan, 1 to 16"
    )
    history: History = Field(default_factory=History)
    rules: RuleSettings = Field(default_factory=RuleSettings)
    accepted: tuple[Accepted, ...] = ()

    @field_validator("plan")
    @classmethod
    def _start_key_of_format(cls, info_table: PlanInfo, info: ValidationInfo) -> PlanInfo:
        version = info.data.get("format")
        if version == 1 and info_table.start is not None:
            raise PydanticCustomError(
                "start_in_format_1",
                "a format 1 plan names its Monday `week_start` (`start` is format 2's)",
            )
        if version == 2 and info_table.week_start is not None:
            raise PydanticCustomError(
                "week_start_in_format_2",
                "a format 2 plan names its first Monday `start` (`week_start` is format 1's)",
            )
        return info_table

    @field_validator("days")
    @classmethod
    def _days_of_format_1(cls, days: Days | None, info: ValidationInfo) -> Days | None:
        if days is not None and info.data.get("format") == 2:
            raise PydanticCustomError(
                "days_in_format_2",
                "a format 2 plan keeps its days under [[weeks]] ([weeks.days.mon])",
            )
        return days

    @field_validator("weeks", mode="after")
    @classmethod
    def _weeks_of_format_2(
        cls, weeks: tuple[Week, ...] | None, info: ValidationInfo
    ) -> tuple[Week, ...] | None:
        version = info.data.get("format")
        if weeks is not None and version == 1:
            raise PydanticCustomError(
                "weeks_in_format_1",
                "a format 1 plan holds one week under [days]; write format = 2 for [[weeks]]",
            )
        if weeks is None and version == 2:
            raise PydanticCustomError(
                "weeks_missing",
                "a format 2 plan needs at least one [[weeks]] (or write format = 1)",
            )
        return weeks

    @cached_property
    def week_list(self) -> tuple[Week, ...]:
        """The plan's weeks in order; a format 1 plan is one week."""
        if self.weeks is not None:
            return self.weeks
        return (Week(days=self.days if self.days is not None else Days()),)

    @property
    def start(self) -> dt.date | None:
        """Monday of week 1, when the plan has one."""
        return self.plan.start if self.format == 2 else self.plan.week_start

    @property
    def repeats(self) -> bool:
        """Whether the plan repeats after its last week (default: only one-week plans)."""
        if self.plan.repeats is not None:
            return self.plan.repeats
        return len(self.week_list) == 1

    def week_start(self, week: int) -> dt.date | None:
        """Monday of a week (0-based index), when the plan has a start."""
        start = self.start
        return None if start is None else start + dt.timedelta(weeks=week)

    def day_date(self, week: int, day: str) -> dt.date | None:
        """The date of a day of a week (0-based index), when the plan has a start."""
        monday = self.week_start(week)
        return None if monday is None else monday + dt.timedelta(days=DAY_KEYS.index(day))

    def sleep_hours(self, day: Day) -> float | None:
        """Planned sleep for the night after the day: its own, else the default."""
        return day.sleep_hours if day.sleep_hours is not None else self.defaults.sleep_hours

    def bedtime(self, day: Day) -> str | None:
        """Planned bedtime of the day: its own, else the default."""
        return day.bedtime if day.bedtime is not None else self.defaults.bedtime

    def protein_meals(self, day: Day) -> int | None:
        """Planned protein meals of the day: its own, else the default."""
        return day.protein_meals if day.protein_meals is not None else self.defaults.protein_meals
