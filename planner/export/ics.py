"""A plan as an iCalendar file: one event per session on its date, for phone and desktop
calendars.

What cli.md leaves open is decided here, the way a calendar user would want it:

- Week 1 starts on the plan's `start`; without one, on the next Monday on or after
  today (today itself when it is a Monday). Every week of the plan is exported, each
  on its own dates; `week` exports one of them, on the same dates and with the same
  UIDs as in the whole export.
- A session with a `start` is a timed event in floating local time (no time zone): a
  training plan means "17:30 wherever I am". A session without one is an all-day event
  marked free (TRANSP:TRANSPARENT), so the export invents no time.
- The duration is the minutes as done where the session is logged, as planned
  elsewhere. A skipped session stays in the calendar as STATUS:CANCELLED (so a calendar
  that had it drops or strikes it); every other one is STATUS:CONFIRMED. Extra
  (unplanned, logged) sessions are events too: they happened.
- UIDs come from the plan name, the week and the session's title, with a counter for a
  title repeated in the week (the first "Brisk walk" of week 2 is 1, the next 2, in
  week order), never from the day: a session moved to another day keeps its UID, so
  importing the export again updates the event instead of duplicating it.
- No RRULE, even for a repeating plan: a recurrence would keep showing sessions the
  plan no longer has after an edit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

from icalendar import Calendar, Event

from planner.catalogue import ACTIVITY_WORDS, KIND_WORDS
from planner.model import DAY_KEYS, DAY_NAMES, Day, Plan, Session, Week

PRODID = "-//planner//training plan//EN"


def first_monday(plan: Plan, today: dt.date | None = None) -> dt.date:
    """The Monday of week 1: the plan's `start`, else the next Monday on or after `today`
    (the current date when not given)."""
    if plan.start is not None:
        return plan.start
    day = today if today is not None else dt.date.today()
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def session_uid(plan_name: str, week: int, title: str, occurrence: int) -> str:
    """A stable UID for the `occurrence`-th (1-based) session titled `title` in week
    `week` (1-based) of the plan named `plan_name`; it does not depend on the day."""
    return f"{_digest(plan_name, 16)}-w{week}-{_digest(title, 16)}-{occurrence}@planner"


def week_sessions(week: Week) -> Iterator[tuple[str, Day, Session, int]]:
    """(day key, day, session, occurrence of its title in the week) in week order."""
    seen: dict[str, int] = {}
    for key, day in week.days.items():
        for session in day.sessions:
            seen[session.title] = seen.get(session.title, 0) + 1
            yield key, day, session, seen[session.title]


def _description(plan: Plan, week: Week, number: int, key: str, day: Day, session: Session) -> str:
    """What the session is, its load, what was done, and the day's note."""
    rpe = str(session.planned_rpe)
    if session.rpe is None:
        rpe += f" (default for {KIND_WORDS[session.kind.value]})"
    focus = ", ".join(group.value.replace("_", " ") for group in session.effective_focus)
    lines = []
    if session.start is None:
        lines.append(f"Time: no start time planned; {session.minutes} min some time that day.")
    if session.extra:
        lines.append("Not planned: an extra session, logged after it was done.")
    else:
        lines += [
            f"Kind: {KIND_WORDS[session.kind.value]}",
            f"Planned: {session.minutes} min at RPE {rpe}, load {session.planned_load} AU",
        ]
    lines.append(f"Activity: {ACTIVITY_WORDS[session.activity.value]}")
    lines.append(f"Focus: {focus or 'none'}")
    done = session.done
    if done is not None:
        if done.skipped:
            lines.append("Done: skipped")
        else:
            lines.append(
                f"Done ({done.status.value}): {session.actual_minutes} min at RPE "
                f"{session.actual_rpe}, load {session.load} AU"
            )
        if done.note.strip():
            lines.append(f"How it went: {done.note.strip()}")
        if done.source:
            lines.append(f"Logged from: {done.source}")
    if session.carbs_after:
        lines.append("Afterwards: a carbohydrate-rich meal is planned.")
    if day.note.strip():
        lines.append(f"Note for {DAY_NAMES[key]}: {day.note.strip()}")
    where = f"week {number} of {len(plan.week_list)}"
    if week.label:
        where += f", {week.label}"
    lines.append(f"Plan: {plan.plan.name} ({where})")
    return "\n".join(lines)


def plan_to_ics(
    plan: Plan,
    *,
    week: int | None = None,
    today: dt.date | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The plan's sessions as iCalendar text (RFC 5545), one VEVENT per session.

    `week` (1-based) exports that week alone; `today` places week 1 when the plan has
    no `start`; `now` is the DTSTAMP of every event (the current time when not given).
    Text is escaped by icalendar.
    """
    monday = first_monday(plan, today)
    # DTSTAMP is in UTC; a naive `now` is local time, as Python reads it.
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", plan.plan.name)
    for index, entry in enumerate(plan.week_list):
        number = index + 1
        if week is not None and number != week:
            continue
        for key, day, session, occurrence in week_sessions(entry):
            date = monday + dt.timedelta(weeks=index, days=DAY_KEYS.index(key))
            event = Event()
            event.add("uid", session_uid(plan.plan.name, number, session.title, occurrence))
            event.add("dtstamp", stamp)
            event.add("summary", session.title)
            if session.start is None:
                event.add("dtstart", date)
                event.add("duration", dt.timedelta(days=1))
                event.add("transp", "TRANSPARENT")
            else:
                hours, minutes = (int(part) for part in session.start.split(":"))
                event.add("dtstart", dt.datetime.combine(date, dt.time(hours, minutes)))
                event.add("duration", dt.timedelta(minutes=session.actual_minutes))
            event.add("status", "CANCELLED" if session.skipped else "CONFIRMED")
            event.add("description", _description(plan, entry, number, key, day, session))
            event.add(
                "categories",
                [KIND_WORDS[session.kind.value], ACTIVITY_WORDS[session.activity.value]],
            )
            calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
