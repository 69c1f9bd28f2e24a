"""Block rules: lighter weeks over a block, deloads that are lighter, a taper before a race.

Each week sees the loads of the weeks before it, oldest first: `[history]` (which has
no types), then the plan's own earlier weeks (`WeekView.history`, `history_types`).
"""

from __future__ import annotations

from planner.catalogue import WEEK_TYPE_WORDS, format_number, plural
from planner.model import WeekType
from planner.report import Finding, Metrics, Severity
from planner.rules.context import WeekView

#: Week types that make a week lighter whatever its load.
LIGHTER_TYPES = frozenset({"deload", "taper"})
#: Weeks before a deload or taper week it is compared with (rules.md).
DELOAD_REFERENCE_WEEKS = 3

_WHY_LIGHTER = (
    "A lighter week gives the body room to catch up on the recovery that hard weeks leave "
    "incomplete (the recovery article)."
)


def _weeks_without_lighter(view: WeekView, share_pct: float) -> int:
    """How many weeks in a row, ending with this one, hold no lighter week: one typed
    deload or taper, or with at most `share_pct` of the highest of all weeks before it
    (the first week of all never is)."""
    run = 0
    highest: float | None = None
    loads = (*view.history, float(view.load))
    types = (*view.history_types, view.week.type)
    for load, week_type in zip(loads, types, strict=False):  # str and StrEnum alike
        lighter = week_type in LIGHTER_TYPES or (
            highest is not None and 100 * load <= share_pct * highest
        )
        run = 0 if lighter else run + 1
        highest = load if highest is None else max(highest, load)
    return run


def deload_due(view: WeekView, metrics: Metrics) -> list[Finding]:
    """More than the threshold of consecutive weeks (history and plan) without a lighter
    week: fires in every plan week that ends such a run. Source: Bell 2023 and Rogerson
    2024 (surveys of strength coaches: a deload every 4-8 weeks, mean 5.6). Evidence:
    heuristic."""
    every = int(view.threshold("deload_every_weeks"))
    if len(view.history) < every:
        return []  # the run, this week included, cannot be longer than the threshold
    share = view.threshold("deload_load_pct")
    run = _weeks_without_lighter(view, share)
    if run <= every:
        return []
    in_plan = min(run, view.number)
    before = run - in_plan
    if in_plan == 1:
        span = "this week"
    else:
        span = f"weeks {view.number - in_plan + 1}-{view.number} of the plan"
    if before:
        span = f"{plural(before, 'week')} before the plan and {span}"
    return [
        Finding(
            rule="deload-due",
            severity=Severity.warning,
            week=view.number,
            days=(),
            message=f"{plural(run, 'week')} in a row without a lighter week ({span}), more "
            f"than {every}.",
            advice="Plan a lighter week soon: set its type to deload in the week menu (W), "
            f"and keep its load at most {format_number(share)} % of your highest week, for "
            "example by shortening the sessions by a third to a half and keeping some "
            f"intensity. {_WHY_LIGHTER} Strength coaches asked in surveys (Bell 2023, "
            "Rogerson 2024) put in a deload every 4-8 weeks, 5.6 on average: common "
            "practice, not a tested limit.",
        )
    ]


def deload_not_lighter(view: WeekView, metrics: Metrics) -> list[Finding]:
    """A week typed deload or taper carries more than the threshold share of the highest
    of the 3 weeks before it (history included); no finding without one or when that is
    0. Source: Bosquet 2007 meta-analysis (tapers cut volume 41-60 %). Evidence:
    heuristic."""
    week_type = view.week.type
    if week_type not in LIGHTER_TYPES or not view.history:
        return []
    recent = view.history[-DELOAD_REFERENCE_WEEKS:]
    reference = max(recent)
    share = view.threshold("deload_load_pct")
    load = view.load
    if reference <= 0 or 100 * load <= share * reference:
        return []
    target = share * reference / 100
    return [
        Finding(
            rule="deload-not-lighter",
            severity=Severity.warning,
            week=view.number,
            days=(),
            message=f"This {WEEK_TYPE_WORDS[week_type]} week carries {load} AU, "
            f"{format_number(100 * load / reference)} % of "
            f"{format_number(round(reference))} AU (the highest of the "
            f"{plural(len(recent), 'week')} before it); a lighter week carries at most "
            f"{format_number(share)} %.",
            advice=f"Bring this week down to about {format_number(round(target))} AU or less: "
            "shorten the sessions or turn a hard one into easy movement, and keep some "
            f"intensity. {_WHY_LIGHTER} A meta-analysis of taper studies (Bosquet 2007) "
            "found cutting the volume by about 41-60 % while keeping the intensity worked "
            "best; a lighter week that is as heavy as a build week gives none of that.",
        )
    ]


def taper_missing(view: WeekView, metrics: Metrics) -> list[Finding]:
    """The week before a week typed race carries more than the threshold share of the
    highest week before that one; the finding belongs to the race week. Source: Bosquet
    2007. Evidence: meta-analysis."""
    if view.week.type is not WeekType.race or len(view.history) < 2:
        return []
    before = view.history[-1]
    reference = max(view.history[:-1])
    share = view.threshold("deload_load_pct")
    if reference <= 0 or 100 * before <= share * reference:
        return []
    which = "the week before the plan" if view.index == 0 else f"week {view.index}"
    return [
        Finding(
            rule="taper-missing",
            severity=Severity.info,
            week=view.number,
            days=(),
            message=f"The week before this race week ({which}) carries "
            f"{format_number(round(before))} AU, {format_number(100 * before / reference)} % "
            f"of your highest earlier week ({format_number(round(reference))} AU); a taper "
            f"carries at most {format_number(share)} %.",
            advice="Plan a taper before the race: set the week before it to taper in the "
            "week menu (W) and cut its volume by about 40-60 %, keeping some short, sharp "
            "efforts, so you arrive rested. A meta-analysis of taper studies (Bosquet 2007) "
            "found that cutting the volume by 41-60 % over about two weeks, keeping the "
            "intensity, improved performance most; the gain is modest but consistent.",
        )
    ]
