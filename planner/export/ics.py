"""The week plan as an iCalendar file: one event per session, for phone and desktop calendars.

What cli.md leaves open is decided here, the way a calendar user would want it:

- The week is the plan's `week_start`; without one, the next Monday on or after today
  (today itself when it is a Monday).
- A session with a `start` is a timed event in floating local time (no time zone): a
  training plan means "17:30 wherever I am", and a calendar shows it at 17:30 in its own
  zone. Its duration is the session's minutes.
- A session without a `start` is an all-day event, marked free (TRANSP:TRANSPARENT):
  the plan does not say when it happens, so the export does not invent a time that
  would block someone's lunch hour. The description gives its minutes.
- One week of events and no RRULE, even for a repeating plan. A recurrence would keep
  showing sessions the plan no longer has after an edit; export again (with the next
  `week_start`) for another week.
- UIDs come from the plan name, the week's Monday, the day and the session's place on
  that day, so exporting the same plan again updates its events in a calendar instead
  of duplicating them. Moving a session to another place on its day moves its UID too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from enum import StrEnum

from icalendar import Calendar, Event

from planner.model import DAY_KEYS, DAY_NAMES, Plan, Session

PRODID = "-//planner//week plan//EN"


def week_monday(plan: Plan, today: dt.date | None = None) -> dt.date:
    """The Monday the exported week starts on: `week_start`, else the next Monday on or
    after `today` (the current date when not given)."""
    if plan.plan.week_start is not None:
        return plan.plan.week_start
    day = today if today is not None else dt.date.today()
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def session_uid(plan_name: str, monday: dt.date, day_key: str, index: int) -> str:
    """A stable UID for the session at `index` on `day_key` of the week from `monday`."""
    digest = hashlib.sha256(plan_name.encode("utf-8")).hexdigest()[:16]
    return f"{digest}-{monday:%Y%m%d}-{day_key}-{index}@planner"


def _words(value: StrEnum) -> str:
    """An enum value as words: `active_recovery` -> `active recovery`."""
    return value.value.replace("_", " ")


def _description(plan: Plan, day_key: str, session: Session) -> str:
    """The event's description: what the session is, its load, and the day's note."""
    rpe = f"{session.effective_rpe}"
    if session.rpe is None:
        rpe += f" (default for {_words(session.kind)})"
    focus = ", ".join(_words(group) for group in session.effective_focus) or "none"
    lines = []
    if session.start is None:
        lines.append(
            f"Time: no start time planned; {session.minutes} min some time on {DAY_NAMES[day_key]}."
        )
    lines += [
        f"Kind: {_words(session.kind)}",
        f"Activity: {_words(session.activity)}",
        f"RPE: {rpe}",
        f"Load: {session.load} AU (RPE {session.effective_rpe} x {session.minutes} min)",
        f"Focus: {focus}",
    ]
    if session.carbs_after:
        lines.append("Afterwards: a carbohydrate-rich meal is planned.")
    note = plan.day(day_key).note.strip()
    if note:
        lines.append(f"Note for {DAY_NAMES[day_key]}: {note}")
    lines.append(f"Plan: {plan.plan.name}")
    return "\n".join(lines)


def plan_to_ics(plan: Plan, *, today: dt.date | None = None, now: dt.datetime | None = None) -> str:
    """The plan's week as iCalendar text (RFC 5545), one VEVENT per session.

    `today` picks the week when the plan has no `week_start`; `now` is the DTSTAMP of
    every event (the current time when not given). Text is escaped by icalendar.
    """
    monday = week_monday(plan, today)
    # DTSTAMP is in UTC; a naive `now` is local time, as Python reads it.
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", plan.plan.name)
    for offset, day_key in enumerate(DAY_KEYS):
        date = monday + dt.timedelta(days=offset)
        for index, session in enumerate(plan.day(day_key).sessions):
            event = Event()
            event.add("uid", session_uid(plan.plan.name, monday, day_key, index))
            event.add("dtstamp", stamp)
            event.add("summary", session.title)
            if session.start is None:
                event.add("dtstart", date)
                event.add("duration", dt.timedelta(days=1))
                event.add("transp", "TRANSPARENT")
            else:
                hours, minutes = (int(part) for part in session.start.split(":"))
                event.add("dtstart", dt.datetime.combine(date, dt.time(hours, minutes)))
                event.add("duration", dt.timedelta(minutes=session.minutes))
            event.add("description", _description(plan, day_key, session))
            event.add("categories", [_words(session.kind), _words(session.activity)])
            calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
