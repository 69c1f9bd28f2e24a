"""The rule catalogue as data: ids, groups, titles, thresholds, sources and evidence.

This module imports nothing from the rest of planner, so the plan model can read the
threshold keys from it (to reject unknown keys under `[rules]`) without a cycle.
Adding a rule means adding one entry here and one function in its group module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Group(StrEnum):
    """Which part of the week a rule judges."""

    spacing = "spacing"
    load = "load"
    sleep = "sleep"
    nutrition = "nutrition"
    input = "input"


class Evidence(StrEnum):
    """How strong the evidence behind a rule's threshold is."""

    rct = "RCT"
    cohort = "cohort"
    consensus = "consensus"
    heuristic = "heuristic"
    disputed = "cohort, disputed"


#: Groups whose warnings and criticals raise the overload risk.
RISK_GROUPS: frozenset[Group] = frozenset({Group.spacing, Group.load, Group.sleep})


@dataclass(frozen=True, slots=True)
class Threshold:
    """One tunable number of a rule, as written under `[rules]` in a plan."""

    key: str
    default: float | None
    minimum: float
    maximum: float
    unit: str
    description: str
    integer: bool = False

    def format(self, value: float | None) -> str:
        """The value with its unit, e.g. `48 h` or `2.0`."""
        if value is None:
            return "by level"
        return f"{value:g} {self.unit}".rstrip()


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What the editor's help and `planner check` say about one rule."""

    id: str
    group: Group
    title: str
    severity: str
    fires_when: str
    source: str
    evidence: Evidence
    thresholds: tuple[Threshold, ...] = field(default=())


CATALOGUE: tuple[RuleInfo, ...] = (
    RuleInfo(
        id="back-to-back-heavy",
        group=Group.spacing,
        title="Heavy days back to back",
        severity="warning",
        fires_when="two consecutive days are both heavy days",
        source="Bowerman hard/easy principle",
        evidence=Evidence.heuristic,
    ),
    RuleInfo(
        id="heavy-streak",
        group=Group.spacing,
        title="Three or more heavy days in a row",
        severity="critical",
        fires_when="three or more consecutive heavy days",
        source="hard/easy principle; Meeusen 2013 overtraining consensus",
        evidence=Evidence.consensus,
    ),
    RuleInfo(
        id="muscle-recovery",
        group=Group.spacing,
        title="Same muscles loaded again too soon",
        severity="warning; critical under 24 h",
        fires_when="two heavy sessions load the same focus group less than the threshold apart",
        source="ACSM 2009 resistance-training position stand",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold(
                "muscle_recovery_hours",
                48,
                1,
                168,
                "h",
                "hours between heavy sessions on the same muscle group, start to start",
            ),
        ),
    ),
    RuleInfo(
        id="heavy-count",
        group=Group.spacing,
        title="Too many heavy days for the level",
        severity="warning",
        fires_when="more heavy days than the level allows",
        source="Seiler 2010 intensity distribution",
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "max_heavy_days",
                None,
                0,
                7,
                "days",
                "heavy days allowed (default by level: beginner 3, intermediate 4, advanced 5)",
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
        source="the seed; Meeusen 2013",
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "min_easy_days", 2, 0, 7, "days", "rest or recovery days a week", integer=True
            ),
        ),
    ),
    RuleInfo(
        id="no-active-recovery",
        group=Group.spacing,
        title="Several heavy sessions and no active recovery",
        severity="warning",
        fires_when="the week holds at least the threshold of heavy sessions "
        "and no active_recovery session",
        source="the seed: active rest is essential for those who train hard several times a week",
        evidence=Evidence.heuristic,
        thresholds=(
            Threshold(
                "active_recovery_from_heavy",
                3,
                1,
                56,
                "sessions",
                "heavy sessions from which the week needs active recovery",
                integer=True,
            ),
        ),
    ),
    RuleInfo(
        id="monotony",
        group=Group.load,
        title="Days too alike",
        severity="info above the info threshold; warning above the max "
        "or when every day carries the same load",
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
        fires_when="this week's load rises against the last history week",
        source="Nielsen 2014 (novice runners); Buist 2008 RCT found the 10 % rule no better",
        evidence=Evidence.cohort,
        thresholds=(
            Threshold("load_change_info_pct", 10, 0, 1000, "%", "rise to mention"),
            Threshold("load_change_max_pct", 30, 0, 1000, "%", "rise to warn about"),
        ),
    ),
    RuleInfo(
        id="acwr",
        group=Group.load,
        title="Acute:chronic load ratio out of range",
        severity="info below the low or above the caution threshold; warning above the high",
        fires_when="this week's load against the mean of the last up-to-4 weeks is out of range",
        source="Gabbett 2016; Impellizzeri 2020 critique",
        evidence=Evidence.disputed,
        thresholds=(
            Threshold("acwr_low", 0.8, 0, 10, "", "ratio under which load is dropping"),
            Threshold("acwr_caution", 1.3, 0, 10, "", "ratio above which to mention it"),
            Threshold("acwr_high", 1.5, 0, 10, "", "ratio above which to warn"),
        ),
    ),
    RuleInfo(
        id="session-spike",
        group=Group.load,
        title="Session much longer than recent ones",
        severity="warning above the threshold; critical above 200 %",
        fires_when="a session is longer than the threshold share of the longest recent "
        "session of its activity",
        source="Frandsen 2025 (5,205 runners)",
        evidence=Evidence.cohort,
        thresholds=(
            Threshold(
                "session_spike_pct",
                110,
                100,
                1000,
                "%",
                "share of the longest session in the last 30 days",
            ),
        ),
    ),
    RuleInfo(
        id="short-sleep",
        group=Group.sleep,
        title="Short night",
        severity="warning under the minimum; info under the heavy-day level after a heavy day",
        fires_when="planned sleep is short",
        source="Walsh 2021 consensus; Milewski 2014 cohort; the seed",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold("sleep_min_hours", 7, 0, 14, "h", "sleep every night"),
            Threshold("sleep_after_heavy_hours", 8, 0, 14, "h", "sleep after a heavy day"),
        ),
    ),
    RuleInfo(
        id="irregular-bedtime",
        group=Group.sleep,
        title="Bedtime moves around",
        severity="warning",
        fires_when="the latest and earliest planned bedtimes are more than the threshold apart",
        source="the seed (melatonin rhythm); sleep-regularity research",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold("bedtime_spread_min", 60, 0, 720, "min", "spread of bedtimes over the week"),
        ),
    ),
    RuleInfo(
        id="late-hard-session",
        group=Group.sleep,
        title="Hard session ends close to bedtime",
        severity="warning",
        fires_when="a heavy session ends less than the threshold before that day's bedtime",
        source="Stutz 2019 meta-analysis; the seed",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold("bedtime_gap_min", 60, 0, 720, "min", "time between a heavy session and bed"),
        ),
    ),
    RuleInfo(
        id="protein-spread",
        group=Group.nutrition,
        title="Too few protein meals on a training day",
        severity="info",
        fires_when="a training day plans fewer protein meals than the threshold",
        source="ISSN 2017 protein position stand; the seed",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold(
                "protein_meals_min", 3, 0, 8, "meals", "protein meals on a training day", True
            ),
        ),
    ),
    RuleInfo(
        id="glycogen-refill",
        group=Group.nutrition,
        title="No carbohydrate refill after a hard or long session",
        severity="info",
        fires_when="a heavy session, or one of at least the threshold in minutes, "
        "has no carbs_after = true",
        source="ISSN 2017 nutrient timing; the seed",
        evidence=Evidence.consensus,
        thresholds=(
            Threshold(
                "long_session_min", 90, 1, 600, "min", "minutes from which a session is long", True
            ),
        ),
    ),
    RuleInfo(
        id="intensity-mismatch",
        group=Group.input,
        title="RPE does not match the kind",
        severity="info",
        fires_when="rpe disagrees with kind: heavy under 6, moderate outside 4-7, "
        "light over 5, active_recovery over 3",
        source="Foster 2001 CR-10 anchors",
        evidence=Evidence.heuristic,
    ),
)

RULES_BY_ID: dict[str, RuleInfo] = {rule.id: rule for rule in CATALOGUE}

THRESHOLDS: dict[str, Threshold] = {
    threshold.key: threshold for rule in CATALOGUE for threshold in rule.thresholds
}

#: The heavy days each level allows when `max_heavy_days` is not set.
MAX_HEAVY_DAYS_BY_LEVEL: dict[str, int] = {"beginner": 3, "intermediate": 4, "advanced": 5}
