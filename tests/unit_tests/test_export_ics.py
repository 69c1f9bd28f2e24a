"""iCalendar export: parsed back with icalendar, one event per session of every week at
the right time, UIDs stable when a session moves day, skipped sessions cancelled, and
user text that survives the escaping."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event

from planner.export.ics import PRODID, first_monday, plan_to_ics, session_uid
from planner.model import DAY_KEYS, DAY_NAMES, Plan

PLANS = Path(__file__).resolve().parents[2] / "plans"
NOW = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)

WEEK: dict[str, Any] = {
    "format": 1,
    "plan": {"name": "Calendar week", "week_start": dt.date(2026, 11, 30)},
    "days": {
        "mon": {
            "note": "Squat day",
            "sessions": [
                {
                    "title": "Squat, Romanian deadlift; lunges",
                    "kind": "heavy",
                    "activity": "strength",
                    "focus": ["legs", "back"],
                    "minutes": 70,
                    "rpe": 8,
                    "start": "17:30",
                    "carbs_after": True,
                },
                {
                    "title": "Brisk walk",
                    "kind": "active_recovery",
                    "activity": "walk",
                    "minutes": 40,
                },
            ],
        },
        "thu": {
            "sessions": [
                {"title": "Late ride", "kind": "moderate", "minutes": 150, "start": "22:45"}
            ]
        },
        "sun": {
            "sessions": [
                {
                    "title": "Long run",
                    "kind": "heavy",
                    "activity": "run",
                    "minutes": 95,
                    "start": "09:00",
                }
            ]
        },
    },
}


def plan_of(data: dict[str, Any]) -> Plan:
    return Plan.model_validate(data)


def events(text: str) -> list[Event]:
    calendar = Calendar.from_ical(text)
    found = calendar.walk("VEVENT")
    assert all(isinstance(event, Event) for event in found)
    return [event for event in found if isinstance(event, Event)]


def by_summary(text: str) -> dict[str, Event]:
    return {str(event["SUMMARY"]): event for event in events(text)}


def with_changes(**days: Any) -> dict[str, Any]:
    data: dict[str, Any] = {**WEEK, "days": {**WEEK["days"], **days}}
    return data


# --- the calendar ----------------------------------------------------------------------


def test_the_calendar_names_the_product_and_the_plan() -> None:
    calendar = Calendar.from_ical(plan_to_ics(plan_of(WEEK), now=NOW))
    assert str(calendar["PRODID"]) == PRODID == "-//planner//training plan//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Calendar week"


def test_one_event_per_session_and_no_recurrence() -> None:
    found = events(plan_to_ics(plan_of(WEEK), now=NOW))
    assert len(found) == 4
    assert all("RRULE" not in event for event in found)


def test_a_timed_session_starts_on_its_day_in_floating_local_time() -> None:
    squat = by_summary(plan_to_ics(plan_of(WEEK), now=NOW))["Squat, Romanian deadlift; lunges"]
    start = squat.decoded("DTSTART")
    assert start == dt.datetime(2026, 11, 30, 17, 30)
    assert start.tzinfo is None  # floating: 17:30 wherever the calendar is
    assert squat.decoded("DURATION") == dt.timedelta(minutes=70)
    assert "TRANSP" not in squat


def test_sunday_is_six_days_after_the_monday_and_a_late_session_may_pass_midnight() -> None:
    found = by_summary(plan_to_ics(plan_of(WEEK), now=NOW))
    assert found["Long run"].decoded("DTSTART") == dt.datetime(2026, 12, 6, 9, 0)
    ride = found["Late ride"]
    assert ride.decoded("DTSTART") == dt.datetime(2026, 12, 3, 22, 45)
    assert ride.decoded("DTSTART") + ride.decoded("DURATION") == dt.datetime(2026, 12, 4, 1, 15)


def test_a_session_without_a_start_is_a_free_all_day_event() -> None:
    walk = by_summary(plan_to_ics(plan_of(WEEK), now=NOW))["Brisk walk"]
    start = walk.decoded("DTSTART")
    assert type(start) is dt.date
    assert start == dt.date(2026, 11, 30)
    assert walk.decoded("DURATION") == dt.timedelta(days=1)
    assert str(walk["TRANSP"]) == "TRANSPARENT"
    assert "no start time planned; 40 min" in str(walk["DESCRIPTION"])


def test_the_description_says_what_the_session_is() -> None:
    squat = by_summary(plan_to_ics(plan_of(WEEK), now=NOW))["Squat, Romanian deadlift; lunges"]
    description = str(squat["DESCRIPTION"])
    assert description.splitlines() == [
        "Kind: heavy",
        "Planned: 70 min at RPE 8, load 560 AU",
        "Activity: strength",
        "Focus: legs, back",
        "Afterwards: a carbohydrate-rich meal is planned.",
        "Note for Monday: Squat day",
        "Plan: Calendar week (week 1 of 1)",
    ]


def test_a_default_rpe_and_focus_are_named_as_such() -> None:
    walk = by_summary(plan_to_ics(plan_of(WEEK), now=NOW))["Brisk walk"]
    description = str(walk["DESCRIPTION"])
    assert "Planned: 40 min at RPE 2 (default for active recovery), load 80 AU" in description
    assert "Kind: active recovery" in description
    assert "Focus: legs" in description


def test_every_event_has_a_utc_stamp() -> None:
    for event in events(plan_to_ics(plan_of(WEEK), now=NOW)):
        assert event.decoded("DTSTAMP") == NOW


# --- the weeks without a start ---------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "monday"),
    [
        (dt.date(2026, 12, 7), dt.date(2026, 12, 7)),  # a Monday: that week
        (dt.date(2026, 12, 2), dt.date(2026, 12, 7)),  # a Wednesday: the coming Monday
        (dt.date(2026, 12, 6), dt.date(2026, 12, 7)),  # a Sunday: tomorrow
        (dt.date(2026, 12, 29), dt.date(2027, 1, 4)),  # across the new year
    ],
)
def test_without_a_start_week_1_is_the_next_monday_on_or_after_today(
    today: dt.date, monday: dt.date
) -> None:
    data = {**WEEK, "plan": {"name": "No date"}}
    plan = plan_of(data)
    assert first_monday(plan, today) == monday
    squat = by_summary(plan_to_ics(plan, today=today, now=NOW))["Squat, Romanian deadlift; lunges"]
    assert squat.decoded("DTSTART") == dt.datetime.combine(monday, dt.time(17, 30))


def test_the_start_wins_over_today() -> None:
    assert first_monday(plan_of(WEEK), dt.date(2030, 1, 1)) == dt.date(2026, 11, 30)


# --- UIDs ------------------------------------------------------------------------------


def uids(text: str) -> list[str]:
    return [str(event["UID"]) for event in events(text)]


def test_uids_are_unique_and_name_the_week_and_title() -> None:
    found = uids(plan_to_ics(plan_of(WEEK), now=NOW))
    assert len(set(found)) == len(found) == 4
    assert found[0] == session_uid("Calendar week", 1, "Squat, Romanian deadlift; lunges", 1)
    assert "-w1-" in found[0]
    assert found[0].endswith("-1@planner")
    assert "mon" not in found[0]


def test_uids_are_stable_across_exports_and_edits() -> None:
    first = uids(plan_to_ics(plan_of(WEEK), now=NOW))
    later = uids(plan_to_ics(plan_of(WEEK), now=NOW + dt.timedelta(days=3)))
    assert first == later
    edited = with_changes(
        mon={
            "note": "Changed note",
            "sessions": [
                {**WEEK["days"]["mon"]["sessions"][0], "minutes": 50, "start": "18:00"},
                WEEK["days"]["mon"]["sessions"][1],
            ],
        }
    )
    # Same sessions: a re-import updates the events in place.
    assert uids(plan_to_ics(plan_of(edited), now=NOW)) == first


def test_a_session_moved_to_another_day_keeps_its_uid() -> None:
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in events(plan_to_ics(plan_of(WEEK), now=NOW))}
    squat = WEEK["days"]["mon"]["sessions"][0]
    moved = with_changes(
        mon={"sessions": [WEEK["days"]["mon"]["sessions"][1]]},
        wed={"sessions": [squat]},
    )
    found = by_summary(plan_to_ics(plan_of(moved), now=NOW))
    after = {summary: str(event["UID"]) for summary, event in found.items()}
    assert after == before
    assert found[squat["title"]].decoded("DTSTART") == dt.datetime(2026, 12, 2, 17, 30)


def test_repeated_titles_are_counted_in_week_order() -> None:
    walk = {"title": "Walk", "kind": "active_recovery", "minutes": 30}
    data = with_changes(tue={"sessions": [walk]}, wed={"sessions": [walk, walk]})
    found = [e for e in events(plan_to_ics(plan_of(data), now=NOW)) if str(e["SUMMARY"]) == "Walk"]
    assert [str(e["UID"]) for e in found] == [
        session_uid("Calendar week", 1, "Walk", occurrence) for occurrence in (1, 2, 3)
    ]


def test_another_plan_or_week_gets_other_uids() -> None:
    first = set(uids(plan_to_ics(plan_of(WEEK), now=NOW)))
    renamed = {**WEEK, "plan": {**WEEK["plan"], "name": "Another plan"}}
    assert first.isdisjoint(uids(plan_to_ics(plan_of(renamed), now=NOW)))
    two_weeks = plan_of(BLOCK)
    week1, week2 = (
        {str(e["SUMMARY"]): str(e["UID"]) for e in events(plan_to_ics(two_weeks, week=n, now=NOW))}
        for n in (1, 2)
    )
    assert week1["Squat"] != week2["Squat"]


# --- every week, one week, what was done -------------------------------------------------

BLOCK: dict[str, Any] = {
    "format": 2,
    "plan": {"name": "Block", "start": dt.date(2026, 11, 30)},
    "weeks": [
        {
            "label": "Build 1",
            "days": {
                "mon": {
                    "sessions": [
                        {
                            "title": "Squat",
                            "kind": "heavy",
                            "activity": "strength",
                            "minutes": 60,
                            "start": "18:00",
                            "done": {"minutes": 75, "rpe": 9, "source": "Strong 2026-11-30 18:05"},
                        }
                    ]
                },
                "wed": {
                    "sessions": [
                        {
                            "title": "Run",
                            "kind": "moderate",
                            "activity": "run",
                            "minutes": 40,
                            "done": {"status": "skipped", "note": "rain"},
                        },
                        {
                            "title": "Football",
                            "kind": "moderate",
                            "activity": "sport",
                            "minutes": 60,
                            "extra": True,
                            "done": {"rpe": 6},
                        },
                    ]
                },
            },
        },
        {
            "label": "Build 2",
            "days": {
                "tue": {"sessions": [{"title": "Squat", "kind": "heavy", "minutes": 60}]},
                "sun": {"sessions": [{"title": "Run", "kind": "light", "minutes": 30}]},
            },
        },
        {"type": "deload"},
    ],
}


def test_every_week_is_exported_on_its_dates() -> None:
    found = events(plan_to_ics(plan_of(BLOCK), now=NOW))
    starts = [(str(e["SUMMARY"]), e.decoded("DTSTART")) for e in found]
    assert starts == [
        ("Squat", dt.datetime(2026, 11, 30, 18, 0)),
        ("Run", dt.date(2026, 12, 2)),
        ("Football", dt.date(2026, 12, 2)),
        ("Squat", dt.date(2026, 12, 8)),
        ("Run", dt.date(2026, 12, 13)),
    ]
    assert len({str(e["UID"]) for e in found}) == 5


def test_one_week_alone_has_the_same_dates_and_uids_as_in_the_whole() -> None:
    whole = events(plan_to_ics(plan_of(BLOCK), now=NOW))
    alone = events(plan_to_ics(plan_of(BLOCK), week=2, now=NOW))
    assert [str(e["UID"]) for e in alone] == [str(e["UID"]) for e in whole[3:]]
    assert [e.decoded("DTSTART") for e in alone] == [e.decoded("DTSTART") for e in whole[3:]]
    assert events(plan_to_ics(plan_of(BLOCK), week=3, now=NOW)) == []


def test_a_skipped_session_is_cancelled_and_the_others_confirmed() -> None:
    found = events(plan_to_ics(plan_of(BLOCK), week=1, now=NOW))
    status = {str(e["SUMMARY"]): str(e["STATUS"]) for e in found}
    assert status == {"Squat": "CONFIRMED", "Run": "CANCELLED", "Football": "CONFIRMED"}
    run = next(e for e in found if str(e["SUMMARY"]) == "Run")
    assert "Done: skipped" in str(run["DESCRIPTION"])
    assert "How it went: rain" in str(run["DESCRIPTION"])


def test_a_logged_session_lasts_as_long_as_it_was_done() -> None:
    squat = events(plan_to_ics(plan_of(BLOCK), week=1, now=NOW))[0]
    assert squat.decoded("DURATION") == dt.timedelta(minutes=75)
    description = str(squat["DESCRIPTION"])
    assert "Planned: 60 min at RPE 8 (default for heavy), load 480 AU" in description
    assert "Done (done): 75 min at RPE 9, load 675 AU" in description
    assert "Logged from: Strong 2026-11-30 18:05" in description
    assert "Plan: Block (week 1 of 3, Build 1)" in description


def test_an_extra_session_is_an_event_that_says_so() -> None:
    football = events(plan_to_ics(plan_of(BLOCK), week=1, now=NOW))[2]
    description = str(football["DESCRIPTION"])
    assert description.startswith("Time: no start time planned; 60 min some time that day.\n")
    assert "Not planned: an extra session" in description
    assert "Done (done): 60 min at RPE 6, load 360 AU" in description


# --- escaping --------------------------------------------------------------------------


def test_commas_semicolons_backslashes_and_newlines_survive_escaping() -> None:
    title = r"Sets, reps; rest \ tempo"
    note = "Line one, with a comma;\nline two; with a semicolon\\backslash"
    data = with_changes(
        tue={
            "note": note,
            "sessions": [{"title": title, "kind": "light", "minutes": 30, "start": "07:00"}],
        }
    )
    text = plan_to_ics(plan_of(data), now=NOW)
    event = by_summary(text)[title]
    assert str(event["SUMMARY"]) == title
    assert f"Note for Tuesday: {note}\n" in str(event["DESCRIPTION"])
    # On the wire the text is escaped as RFC 5545 wants, not written raw.
    unfolded = text.replace("\r\n ", "")
    assert r"SUMMARY:Sets\, reps\; rest \\ tempo" in unfolded
    assert r"Line one\, with a comma\;\nline two\; with a semicolon\\backslash" in unfolded


def test_lines_end_in_crlf_and_fold_at_75_octets() -> None:
    data = with_changes(
        tue={"note": "x" * 400, "sessions": [{"title": "é" * 60, "kind": "light", "minutes": 30}]}
    )
    text = plan_to_ics(plan_of(data), now=NOW)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


@pytest.mark.parametrize("name", sorted(path.stem for path in PLANS.glob("*.toml")))
def test_every_template_exports_one_event_per_session(name: str) -> None:
    with (PLANS / f"{name}.toml").open("rb") as file:
        plan = Plan.model_validate(tomllib.load(file))
    found = events(plan_to_ics(plan, now=NOW))
    sessions = [s for week in plan.week_list for _, _, s in week.sessions()]
    assert len(found) == len(sessions)
    assert [str(event["SUMMARY"]) for event in found] == [s.title for s in sessions]


# --- any plan --------------------------------------------------------------------------

#: Text the model accepts in a title: no control or format characters, not blank.
TITLES = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cf", "Cs")), min_size=1, max_size=60
).filter(lambda text: text.strip() != "")
NOTES = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cc", "Cf", "Cs")), st.sampled_from("\n\t,;\\")
    ),
    max_size=80,
)
TIMES = st.none() | st.builds(
    lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59)
)
SESSIONS = st.fixed_dictionaries(
    {
        "title": TITLES,
        "kind": st.sampled_from(["heavy", "moderate", "light", "active_recovery"]),
        "minutes": st.integers(1, 600),
    },
    optional={"start": TIMES.filter(lambda time: time is not None)},
)
DAYS = st.fixed_dictionaries({"sessions": st.lists(SESSIONS, max_size=3)}, optional={"note": NOTES})
PLANS_STRATEGY = st.builds(
    lambda name, days: {"format": 1, "plan": {"name": name}, "days": days},
    TITLES,
    st.dictionaries(st.sampled_from(DAY_KEYS), DAYS, max_size=7),
)


@settings(max_examples=150, deadline=None)
@given(data=PLANS_STRATEGY, today=st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 31)))
def test_any_plan_exports_exactly_its_sessions_as_events(
    data: dict[str, Any], today: dt.date
) -> None:
    plan = plan_of(data)
    found = events(plan_to_ics(plan, today=today, now=NOW))
    sessions = list(plan.week_list[0].sessions())
    assert len(found) == len(sessions)
    assert len({str(event["UID"]) for event in found}) == len(sessions)
    monday = first_monday(plan, today)
    assert monday.weekday() == 0
    assert monday - today < dt.timedelta(days=7)
    for event, (key, _index, session) in zip(found, sessions, strict=True):
        assert str(event["SUMMARY"]) == session.title
        start = event.decoded("DTSTART")
        day = start.date() if isinstance(start, dt.datetime) else start
        assert day == monday + dt.timedelta(days=DAY_KEYS.index(key))
        if session.start is None:
            assert event.decoded("DURATION") == dt.timedelta(days=1)
        else:
            assert f"{start:%H:%M}" == session.start
            assert event.decoded("DURATION") == dt.timedelta(minutes=session.minutes)
        note = plan.week_list[0].days[key].note.strip()
        if note:
            assert f"Note for {DAY_NAMES[key]}: {note}" in str(event["DESCRIPTION"])
