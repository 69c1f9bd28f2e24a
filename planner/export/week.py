"""One week of a plan as a plan of its own, for `planner export --week N`.

The week keeps what the block gave it, so the rules judge it about as they judged it
inside the block:

- A format 1 plan has one week: its week 1 is the plan itself. Otherwise the result
  is a format 2 plan with that one `[[weeks]]` entry (label, type and days as written,
  `done` and `extra` included).
- `start` moves to that week's Monday (none without a `start`).
- `[history].weekly_loads` gains the loads of the weeks before it (as the rules count
  them: done values where logged), keeping the last 12 as the format allows.
- `[history].longest_session_min` becomes the longest session of each activity in the
  30 days before the week's Monday: the block's earlier sessions that happened, and
  the old value while those 30 days reach before week 1.
- `repeats` is written as the block had it (a block of several weeks does not repeat
  unless it says so), so a week taken out of a block is not judged as wrapping onto
  itself.
- `[defaults]`, `[rules]` stay; `[[accepted]]` keeps the entries for every week and
  those for this week, renumbered to week 1.
"""

from __future__ import annotations

from typing import Any

from planner.model import Plan

#: The weeks `[history].weekly_loads` holds at most (plan-format.md).
MAX_HISTORY_WEEKS = 12
#: Days of look-back of `longest_session_min` (rules.md, session-spike).
LOOK_BACK_DAYS = 30


class WeekOutOfRange(ValueError):  # noqa: N818 (reads as the condition it reports)
    """A week number the plan does not have."""

    def __init__(self, week: int, weeks: int) -> None:
        self.week = week
        self.weeks = weeks
        have = "1 week" if weeks == 1 else f"{weeks} weeks (1-{weeks})"
        super().__init__(f"week {week} is out of range: the plan has {have}")


def check_week(plan: Plan, week: int) -> None:
    """Raise WeekOutOfRange unless `week` (1-based) is one of the plan's weeks."""
    count = len(plan.week_list)
    if not 1 <= week <= count:
        raise WeekOutOfRange(week, count)


def week_plan(plan: Plan, week: int) -> Plan:
    """Week `week` (1-based) of the plan as a plan of one week (see the module doc)."""
    check_week(plan, week)
    if plan.format == 1:
        return plan
    index = week - 1
    data: dict[str, Any] = plan.model_dump(exclude_unset=True)
    info = data["plan"]
    if plan.start is not None:
        info["start"] = plan.week_start(index)
    if plan.plan.repeats is None and not plan.repeats:
        info["repeats"] = False
    data["weeks"] = [data["weeks"][index]]
    history = data.setdefault("history", {})
    loads = [*plan.history.weekly_loads, *(w.load for w in plan.week_list[:index])]
    if loads:
        history["weekly_loads"] = loads[-MAX_HISTORY_WEEKS:]
    longest = _longest_sessions(plan, index)
    if longest:
        history["longest_session_min"] = longest
    else:
        history.pop("longest_session_min", None)
    if not history:
        del data["history"]
    accepted = []
    for entry in data.get("accepted", ()):
        if entry.get("week") is None:
            accepted.append(entry)
        elif entry["week"] == week:
            accepted.append({**entry, "week": 1})
    if accepted:
        data["accepted"] = accepted
    else:
        data.pop("accepted", None)
    return Plan.model_validate(data)


def _longest_sessions(plan: Plan, index: int) -> dict[str, int]:
    """The longest session of each activity in the 30 days before week `index`'s
    Monday: earlier weeks' sessions that happened, and `[history]` while the look-back
    reaches before week 1."""
    first_day = index * 7 - LOOK_BACK_DAYS  # day number the look-back starts on
    longest: dict[str, int] = {}
    if first_day < 0:
        longest = {
            activity.value: minutes
            for activity, minutes in plan.history.longest_session_min.items()
        }
    for number, week in enumerate(plan.week_list[:index]):
        for offset, (_, day) in enumerate(week.days.items()):
            if number * 7 + offset < first_day:
                continue
            for session in day.sessions:
                if session.skipped:
                    continue
                key = session.activity.value
                longest[key] = max(longest.get(key, 0), session.actual_minutes)
    return longest
