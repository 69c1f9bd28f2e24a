"""The vocabulary every part of planner shares: rule ids, groups, thresholds, sources.

The catalogue is data, version 2 of the rule catalogue. The plan model reads its
threshold keys (so an unknown key under `[rules]` is an error with its line), the
engine its ids, and the editor's help, settings, `planner check` and the README's
rules table its words. It imports nothing from the rest of planner, so every layer
can use it without a cycle. Adding a rule means one entry here and one function in
its group module under `planner/rules/`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class Group(StrEnum):
    """Which part of the plan a rule judges."""

    spacing = "spacing"
    load = "load"
    block = "block"
    sleep = "sleep"
    nutrition = "nutrition"
    movement = "movement"
    input = "input"


#: Groups whose findings make the overload risk (the load and its spacing).
OVERLOAD_GROUPS: frozenset[Group] = frozenset({Group.spacing, Group.load, Group.block})
#: Groups whose findings make the recovery word (the seed's pillars).
RECOVERY_GROUPS: frozenset[Group] = frozenset({Group.sleep, Group.nutrition, Group.movement})


class Evidence(StrEnum):
    """How strong the evidence behind a rule is, in the catalogue's words."""

    heuristic = "heuristic"
    consensus = "consensus"
    rct = "RCT"
    meta_analysis = "meta-analysis"
    cohort = "cohort"
    weak_cohort = "cohort, weak"
    disputed = "disputed"
    low_certainty = "low certainty"
    none = "—"


class Threshold(NamedTuple):
    """One tunable number of a rule, as written under `[rules]` in a plan."""

    key: str
    default: float | None
    minimum: float
    maximum: float
    unit: str
    description: str
    integer: bool = False

    def format(self, value: float | None) -> str:
        """The value with its unit, e.g. `48 h`, `2` or `10 %`."""
        if value is None:
            return "by level"
        return f"{value:g} {self.unit}".rstrip()


class RuleInfo(NamedTuple):
    """What the editor's help and `planner check` say about one rule."""

    id: str
    group: Group
    title: str
    severity: str
    fires_when: str
    source: str
    evidence: Evidence
    thresholds: tuple[Threshold, ...] = ()

    @property
    def overload_side(self) -> bool:
        """True for rules that make the overload risk."""
        return self.group in OVERLOAD_GROUPS

    @property
    def recovery_side(self) -> bool:
        """True for rules that make the recovery word."""
        return self.group in RECOVERY_GROUPS


#: How the editor and `planner check` name the recovery article the advice draws on.
ARTICLE = "recovery article (sleep, food, easy movement)"

_DELOAD_LOAD_PCT = Threshold(
    "deload_load_pct",
    70,
    0,
    100,
    "%",
    "share of the highest earlier week a lighter (deload or taper) week carries at most",
)

CATALOGUE: tuple[RuleInfo, ...] = (
    RuleInfo(
        id="back-to-back-heavy",
        group=Group.spacing,
        title="Heavy days back to back",
        severity="warning; info for a split (strength only, no shared muscle group)",
        fires_when="two consecutive days are both heavy days",
        source="Bowerman hard/easy principle",
        evidence=Evidence.heuristic,
    ),
    RuleInfo(
        id="heavy-streak",
        group=Group.spacing,
        title="Three or more heavy days in a row",
        severity="critical; warning for a split",
        fires_when="three or more consecutive heavy days",
        source="hard/easy principle",
        evidence=Evidence.heuristic,
    ),
    RuleInfo(
        id="muscle-recovery",
        group=Group.spacing,
        title="Same muscles loaded heavy again too soon",
        severity="warning; critical on the same day",
        fires_when="two heavy strength sessions load a common muscle group on days fewer "
        "than the threshold (in whole days) apart",
        source="ACSM 2009 progression models; Garber 2011 (the same group on non-consecutive days)",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold(
                "muscle_recovery_hours",
                48,
                1,
                168,
                "h",
                "time between heavy strength sessions on the same muscles (whole days)",
            ),
        ),
    ),
    RuleInfo(
        id="concurrent-interference",
        group=Group.spacing,
        title="Leg strength and hard endurance close together",
        severity="warning when both are heavy; info otherwise",
        fires_when="a leg strength session and a hard run, ride, row, HIIT or match are "
        "less than the threshold apart, start to start",
        source="Robineau 2016 (0 h and 6 h between strength and sprint intervals blunted "
        "strength gains, 24 h did not); Sporer & Wenger 2003; Wilson 2012 meta-analysis",
        evidence=Evidence.rct,
        thresholds=(
            Threshold(
                "interference_hours",
                24,
                0,
                168,
                "h",
                "time between leg strength and hard endurance work, start to start",
            ),
        ),
    ),
    RuleInfo(
        id="heavy-count",
        group=Group.spacing,
        title="Too many heavy sessions for the level",
        severity="warning above the limit; critical at twice the limit",
        fires_when="the week holds more heavy sessions than its level allows",
        source="ACSM 2009 training frequency (novice 2-3, intermediate 3-4, advanced 4-6 "
        "days); Seiler 2010 (about 80 % of endurance sessions easy)",
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "max_heavy_sessions",
                None,
                0,
                56,
                "sessions",
                "heavy sessions a week (default by level: beginner 3, intermediate 4, advanced 6)",
                integer=True,
            ),
        ),
    ),
    RuleInfo(
        id="too-few-easy-days",
        group=Group.spacing,
        title="Too few easy days",
        severity="critical with no easy day; warning with fewer than the threshold",
        fires_when="the week has too few rest or recovery days",
        source=ARTICLE,
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "min_easy_days", 2, 0, 7, "days", "rest or recovery days a week", integer=True
            ),
        ),
    ),
    RuleInfo(
        id="monotony",
        group=Group.load,
        title="Days too alike",
        severity="info above the info threshold; warning above the max, or when every "
        "day carries the same load",
        fires_when="the days are too alike to recover between",
        source="Foster 1998",
        evidence=Evidence.cohort,
        thresholds=(
            Threshold("monotony_info", 1.5, 0, 100, "", "monotony above which to mention it"),
            Threshold("monotony_max", 2.0, 0, 100, "", "monotony above which to warn"),
        ),
    ),
    RuleInfo(
        id="load-change",
        group=Group.load,
        title="Weekly load rises fast",
        severity="info above the info threshold; warning above the max",
        fires_when="the week's load rises against the highest of the last 3 weeks",
        source="Nielsen 2014 (novice runners: over 30 % a week, more distance-related "
        "injuries, HR 1.59, not statistically significant); Buist 2008 (RCT: the 10 % "
        "rule did no better)",
        evidence=Evidence.weak_cohort,
        thresholds=(
            Threshold("load_change_info_pct", 10, 0, 1000, "%", "rise to mention"),
            Threshold("load_change_max_pct", 30, 0, 1000, "%", "rise to warn about"),
        ),
    ),
    RuleInfo(
        id="acwr",
        group=Group.load,
        title="Acute:chronic load ratio out of range",
        severity="info",
        fires_when="the week's load against the mean of the last up-to-4 weeks is out of range",
        source="Gabbett 2016; Impellizzeri 2020 and Frandsen 2025 (no association in "
        "5,205 runners)",
        evidence=Evidence.disputed,
        thresholds=(
            Threshold("acwr_low", 0.8, 0, 10, "", "ratio under which load is dropping"),
            Threshold("acwr_caution", 1.3, 0, 10, "", "ratio above which to mention it"),
            Threshold("acwr_high", 1.5, 0, 10, "", "ratio the message calls high"),
        ),
    ),
    RuleInfo(
        id="session-spike",
        group=Group.load,
        title="Session much longer than recent ones",
        severity="run: warning above the threshold, critical above 200 %; other activities: info",
        fires_when="a session is longer than the threshold share of the longest session "
        "of its activity in the 30 days before it",
        source="Frandsen 2025 (5,205 runners; a run 10-30 % longer than the 30-day "
        "longest: HR 1.64, over 100 %: HR 2.28)",
        evidence=Evidence.cohort,
        thresholds=(
            Threshold(
                "session_spike_pct",
                110,
                100,
                1000,
                "%",
                "share of the longest session of the activity in the last 30 days",
            ),
        ),
    ),
    RuleInfo(
        id="deload-due",
        group=Group.block,
        title="No lighter week for too long",
        severity="warning",
        fires_when="more than the threshold of consecutive weeks without a lighter week",
        source="Bell 2023 and Rogerson 2024 (surveys of strength coaches: a deload every "
        "4-8 weeks, mean 5.6)",
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "deload_every_weeks",
                6,
                1,
                52,
                "weeks",
                "weeks in a row without a lighter week",
                integer=True,
            ),
            _DELOAD_LOAD_PCT,
        ),
    ),
    RuleInfo(
        id="deload-not-lighter",
        group=Group.block,
        title="Deload or taper week not lighter",
        severity="warning",
        fires_when="a week typed deload or taper carries more than the threshold share of "
        "the highest of the 3 weeks before it",
        source="Bosquet 2007 meta-analysis (tapers cut volume 41-60 %)",
        evidence=Evidence.heuristic,
        thresholds=(_DELOAD_LOAD_PCT,),
    ),
    RuleInfo(
        id="taper-missing",
        group=Group.block,
        title="No taper before the race",
        severity="info",
        fires_when="the week before a race week carries more than the threshold share of "
        "the highest earlier week",
        source="Bosquet 2007",
        evidence=Evidence.meta_analysis,
        thresholds=(_DELOAD_LOAD_PCT,),
    ),
    RuleInfo(
        id="short-sleep",
        group=Group.sleep,
        title="Short nights",
        severity="warning under the minimum; info under the heavy-day level after a heavy day",
        fires_when="planned sleep is short",
        source=f"Walsh 2021 consensus (adults 7-9 h; the effect of a few short nights is "
        f"unclear); {ARTICLE}",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold("sleep_min_hours", 7, 0, 14, "h", "sleep every night"),
            Threshold("sleep_after_heavy_hours", 8, 0, 14, "h", "sleep after a heavy day"),
        ),
    ),
    RuleInfo(
        id="irregular-sleep",
        group=Group.sleep,
        title="Bedtime or wake time moves around",
        severity="warning",
        fires_when="the week's bedtimes or wake times are more than the threshold apart",
        source=f"Phillips 2017 (sleep regularity); {ARTICLE} (a fixed sleep-wake rhythm)",
        evidence=Evidence.cohort,
        thresholds=(
            Threshold("sleep_spread_min", 60, 0, 720, "min", "spread of bedtimes or wake times"),
        ),
    ),
    RuleInfo(
        id="late-hard-session",
        group=Group.sleep,
        title="Hard session ends close to bedtime",
        severity="info",
        fires_when="a heavy session ends less than the threshold before that day's bedtime",
        source="Stutz 2019 meta-analysis (evening exercise in general did not hurt sleep; "
        "vigorous exercise ending within 1 h of bedtime did, in few small studies)",
        evidence=Evidence.low_certainty,
        thresholds=(
            Threshold("bedtime_gap_min", 60, 0, 720, "min", "time between a heavy session and bed"),
        ),
    ),
    RuleInfo(
        id="protein-spread",
        group=Group.nutrition,
        title="Too few protein meals",
        severity="info",
        fires_when="days that plan fewer protein meals than the threshold",
        source=f"Morton 2018 meta-analysis; Schoenfeld & Aragon 2018; ISSN 2017; {ARTICLE}",
        evidence=Evidence.meta_analysis,
        thresholds=(Threshold("protein_meals_min", 3, 0, 8, "meals", "protein meals a day", True),),
    ),
    RuleInfo(
        id="glycogen-refill",
        group=Group.nutrition,
        title="No carbohydrate refill after a long session or before the next hard one",
        severity="info",
        fires_when="a long session, or a hard session followed by another within the "
        "refill window, has no carbohydrate refill planned",
        source="ISSN 2017 nutrient timing (Kerksick); Burke 2011",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold(
                "long_session_min", 90, 1, 600, "min", "minutes from which a session is long", True
            ),
            Threshold(
                "refill_window_hours",
                8,
                1,
                48,
                "h",
                "time to the next hard session within which a refill matters",
            ),
        ),
    ),
    RuleInfo(
        id="no-active-recovery",
        group=Group.movement,
        title="Several heavy sessions and no easy movement",
        severity="info",
        fires_when="the week holds at least the threshold of heavy sessions and no active "
        "recovery or easy light session",
        source=f"{ARTICLE} (active rest for those who train hard several times a week); "
        "Dupuy 2018 (small effect on soreness)",
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "active_recovery_from_heavy",
                3,
                1,
                56,
                "sessions",
                "heavy sessions from which the week needs easy movement",
                integer=True,
            ),
        ),
    ),
    RuleInfo(
        id="intensity-mismatch",
        group=Group.input,
        title="RPE does not match the kind",
        severity="info",
        fires_when="rpe disagrees with kind on the CR-10 anchors: heavy under 6, moderate "
        "outside 3-6, light over 4, active recovery over 3",
        source="Foster 2001 CR-10",
        evidence=Evidence.heuristic,
    ),
    RuleInfo(
        id="unused-acceptance",
        group=Group.input,
        title="Accepted finding no longer found",
        severity="info",
        fires_when="an [[accepted]] entry matches no finding (the plan changed since)",
        source="—",
        evidence=Evidence.none,
    ),
)

RULES_BY_ID: dict[str, RuleInfo] = {rule.id: rule for rule in CATALOGUE}

THRESHOLDS: dict[str, Threshold] = {
    threshold.key: threshold for rule in CATALOGUE for threshold in rule.thresholds
}

#: The heavy sessions each level allows when `max_heavy_sessions` is not set.
MAX_HEAVY_SESSIONS_BY_LEVEL: dict[str, int] = {"beginner": 3, "intermediate": 4, "advanced": 6}

#: Version 1 names that version 2 renamed; plans of format 1 keep loading with them.
RENAMED_RULES: dict[str, str] = {"irregular-bedtime": "irregular-sleep"}
RENAMED_THRESHOLDS: dict[str, str] = {
    "max_heavy_days": "max_heavy_sessions",
    "bedtime_spread_min": "sleep_spread_min",
}


# --- words the faces share ------------------------------------------------------

#: The days of a week, Monday first, as the plan file writes them.
DAY_KEYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
#: Each day's name.
DAY_NAMES: dict[str, str] = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}

#: How a session kind reads in a sentence ("a heavy session", "active recovery").
KIND_WORDS: dict[str, str] = {
    "heavy": "heavy",
    "moderate": "moderate",
    "light": "light",
    "active_recovery": "active recovery",
}

#: A session kind in a word, where room is short (cards, previews).
KIND_SHORT_WORDS: dict[str, str] = {
    "heavy": "heavy",
    "moderate": "moderate",
    "light": "light",
    "active_recovery": "recovery",
}

#: What each session kind is for, as the help explains it.
KIND_MEANINGS: dict[str, str] = {
    "heavy": "hard work that needs recovery after it",
    "moderate": "solid but recoverable work",
    "light": "easy technique or skill work",
    "active_recovery": "active recovery: brisk walk, easy ride, mobility",
}

#: How a day type reads ("heavy day", "rest day").
DAY_TYPE_WORDS: dict[str, str] = {
    "heavy": "heavy day",
    "moderate": "moderate day",
    "recovery": "recovery day",
    "rest": "rest day",
}

#: What each day type means, as the help explains it.
DAY_TYPE_MEANINGS: dict[str, str] = {
    "heavy": "holds a heavy session; needs an easier day after it",
    "moderate": "a moderate session and no heavy one",
    "recovery": "only light or active-recovery sessions (an easy day)",
    "rest": "no sessions (an easy day); still part of the plan",
}

#: How an activity reads.
ACTIVITY_WORDS: dict[str, str] = {
    "strength": "strength",
    "run": "run",
    "cycle": "cycling",
    "swim": "swim",
    "row": "rowing",
    "hiit": "HIIT",
    "mobility": "mobility",
    "walk": "walk",
    "sport": "sport",
    "other": "other",
}

#: How a week type reads.
WEEK_TYPE_WORDS: dict[str, str] = {
    "build": "build",
    "deload": "deload",
    "taper": "taper",
    "race": "race",
}


def join_words(words: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def day_list(keys: list[str] | tuple[str, ...], *, none: str = "the whole week") -> str:
    """Days as people say them: "Monday, Tuesday and Friday"; "every day" for all
    seven; `none` for no day (a finding about the week as a whole)."""
    if not keys:
        return none
    if len(set(keys)) == len(DAY_KEYS):
        return "every day"
    return join_words([DAY_NAMES[key] for key in keys])


def format_number(value: float) -> str:
    """A number as people write it: 7, 7.5, 1.25 (no trailing zeros)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 night", "3 nights"."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


def severity_counts(criticals: int, warnings: int, infos: int = 0) -> str:
    """ "2 critical and 3 warnings": the one place this sentence is written."""
    parts = []
    if criticals:
        parts.append(f"{criticals} critical")
    if warnings:
        parts.append(plural(warnings, "warning"))
    if infos:
        parts.append(plural(infos, "note"))
    return join_words(parts) or "no findings"
