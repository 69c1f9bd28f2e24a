"""Edits applied to a commented plan file change only the tables they edit.

The file is cut into table blocks: a header line, the lines of its keys, and the
comments right under its last key that a blank line ends (the table's own comments).
Blank lines and the other comments between blocks are free trivia: they must stay
where they are, in order, whatever is edited around them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.catalogue import RULES_BY_ID, THRESHOLDS
from planner.editor import PlanEditor
from planner.edits import (
    AddSession,
    DeleteSession,
    Edit,
    MoveSession,
    ReplacePlan,
    SetDay,
    UpdateSession,
    apply_edit,
)
from planner.model import (
    DAY_KEYS,
    MAX_SESSIONS_PER_DAY,
    Activity,
    Focus,
    Kind,
    Level,
    Plan,
    Session,
)
from planner.planfile import PlanDocument, PlanError, canonical_toml, parse_plan, read_plan

PLANS_DIR = Path(__file__).resolve().parents[2] / "plans"

# --- cutting a file into blocks ----------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")


def _scan_value(value: str) -> tuple[int, str | None]:
    """Net open brackets of a TOML value outside strings and comments, and the quote
    of a multi-line string it leaves open."""
    depth = 0
    index = 0
    while index < len(value):
        char = value[index]
        if char == "#":
            break
        quote = value[index : index + 3]
        if quote in ('"""', "'''"):
            end = value.find(quote, index + 3)
            if end < 0:
                return depth, quote
            index = end + 3
            while value[index : index + 1] == quote[0]:  # up to two quotes inside
                index += 1
            continue
        if char in "\"'":
            index += 1
            while index < len(value) and value[index] != char:
                index += 2 if char == '"' and value[index] == "\\" else 1
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        index += 1
    return depth, None


def line_kinds(text: str) -> list[str]:
    """H header, K key (or a line of a multi-line value), C comment, B blank."""
    kinds: list[str] = []
    open_quote: str | None = None
    depth = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if open_quote is not None:
            kinds.append("K")
            if open_quote in line:
                change, open_quote = _scan_value(line.split(open_quote, 1)[1])
                depth += change
            continue
        if depth > 0:
            kinds.append("K")
            change, open_quote = _scan_value(line)
            depth += change
            continue
        if not stripped:
            kinds.append("B")
        elif stripped.startswith("#"):
            kinds.append("C")
        elif _HEADER.match(line):
            kinds.append("H")
        else:
            kinds.append("K")
            depth, open_quote = _scan_value(line.split("=", 1)[1] if "=" in line else "")
    return kinds


Identity = tuple[str, ...]


@dataclass
class Layout:
    """A file cut into table blocks (in file order) and the comments between them."""

    blocks: list[tuple[Identity, str]]
    free_comments: list[str]

    def block(self, identity: Identity) -> str | None:
        return next((text for ident, text in self.blocks if ident == identity), None)

    def sessions(self, day: str) -> list[str]:
        """A day's session blocks without their header line (which names the day)."""
        return [
            text.partition("\n")[2] for ident, text in self.blocks if ident[:2] == ("session", day)
        ]

    def others(self) -> list[tuple[Identity, str]]:
        """Blocks that are neither a day nor a session."""
        return [(i, t) for i, t in self.blocks if i[0] not in ("day", "session")]


def layout(text: str) -> Layout:
    lines = text.split("\n")
    kinds = line_kinds(text)
    starts = [n for n, kind in enumerate(kinds) if kind == "H"]
    first_key = next((n for n, kind in enumerate(kinds) if kind == "K"), None)
    spans: list[tuple[Identity, int, int]] = []
    if first_key is not None and (not starts or first_key < starts[0]):
        spans.append((("preamble",), 0, starts[0] if starts else len(lines)))
    session_counts: Counter[str] = Counter()
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        match = _HEADER.match(lines[start])
        assert match is not None
        name = re.sub(r"\s*\.\s*", ".", match[2]).replace('"', "")
        parts = name.split(".")
        if match[1] == "[[" and len(parts) == 3 and parts[0] == "days":
            identity: Identity = ("session", parts[1], str(session_counts[parts[1]]))
            session_counts[parts[1]] += 1
        elif len(parts) == 2 and parts[0] == "days":
            identity = ("day", parts[1])
        else:
            identity = ("table", name)
        spans.append((identity, start, end))
    blocks: list[tuple[Identity, str]] = []
    inside: set[int] = set()
    for identity, start, end in spans:
        last = max(n for n in range(start, end) if kinds[n] in "HK")
        stop = last + 1
        run = stop
        while run < end and kinds[run] == "C":
            run += 1
        if run < end and kinds[run] == "B":  # own comments, ended by a blank line
            stop = run
        if identity == ("preamble",):
            start = next(n for n in range(start, end) if kinds[n] == "K")
            # comments directly above the first key belong to the preamble
            while start > 0 and kinds[start - 1] == "C":
                start -= 1
        blocks.append((identity, "\n".join(lines[start:stop])))
        inside.update(range(start, stop))
    free = [lines[n] for n, kind in enumerate(kinds) if kind == "C" and n not in inside]
    return Layout(blocks, free)


def comment_lines(text: str) -> list[str]:
    return [
        line for line, kind in zip(text.split("\n"), line_kinds(text), strict=True) if kind == "C"
    ]


def is_subsequence(items: list[str], sequence: list[str]) -> bool:
    iterator = iter(sequence)
    return all(any(item == candidate for candidate in iterator) for item in items)


def test_layout_cuts_the_commented_plan_as_intended(commented_plan: str) -> None:
    cut = layout(commented_plan)
    identities = [identity for identity, _ in cut.blocks]
    assert identities == [
        ("preamble",),
        ("table", "plan"),
        ("table", "defaults"),
        ("day", "mon"),
        ("session", "mon", "0"),
        ("session", "mon", "1"),
        ("day", "tue"),
        ("session", "tue", "0"),
        ("day", "wed"),
        ("session", "wed", "0"),
        ("day", "fri"),
        ("session", "fri", "0"),
        ("day", "sun"),
        ("session", "sun", "0"),
        ("table", "history"),
        ("table", "rules"),
    ]
    squat = cut.block(("session", "mon", "0"))
    assert squat is not None
    assert squat.startswith("[[days.mon.sessions]]\n# Warm up well")
    assert cut.sessions("mon")[0] == squat.partition("\n")[2]
    assert squat.endswith("carbs_after = true\n# Stretch afterwards.")
    assert "# A short core finisher." in cut.free_comments
    assert "# The main lift of the week." in cut.free_comments
    plan_block = cut.block(("table", "plan"))
    assert plan_block is not None
    assert "[days.mon] inside a string is not a table." in plan_block


# --- the fixture's edits -------------------------------------------------------------

JOG = Session(title="Easy jog", kind=Kind.light, activity=Activity.run, minutes=30)


def editor_on(text: str) -> PlanEditor:
    return PlanEditor(PlanDocument.from_text(text), saved=True)


def assert_only_days_changed(before: str, after: str, days: set[str]) -> None:
    """Blocks of every other table are byte-identical and in order; no free comment is lost."""
    old, new = layout(before), layout(after)
    assert new.others() == old.others()
    for day in set(DAY_KEYS) - days:
        assert new.block(("day", day)) == old.block(("day", day)), day
        assert new.sessions(day) == old.sessions(day), day
    assert is_subsequence(old.free_comments, comment_lines(after))
    assert parse_plan(after) is not None


EDITS_AND_DAYS: list[tuple[Edit, set[str]]] = [
    (AddSession("mon", JOG), {"mon"}),
    (AddSession("mon", JOG, 0), {"mon"}),
    (AddSession("mon", JOG, 1), {"mon"}),
    (AddSession("tue", JOG, 0), {"tue"}),
    (AddSession("thu", JOG), {"thu"}),
    (AddSession("sat", JOG), {"sat"}),
    (AddSession("sun", JOG), {"sun"}),
    (
        UpdateSession(
            "mon",
            1,
            Session(
                title="Core circuit", kind="light", activity="strength", focus=("core",), minutes=20
            ),
        ),
        {"mon"},
    ),
    (DeleteSession("mon", 0), {"mon"}),
    (DeleteSession("mon", 1), {"mon"}),
    (DeleteSession("tue", 0), {"tue"}),
    (DeleteSession("sun", 0), {"sun"}),
    (MoveSession("mon", 0, "thu"), {"mon", "thu"}),
    (MoveSession("mon", 0, "tue", 0), {"mon", "tue"}),
    (MoveSession("mon", 0, "mon"), {"mon"}),
    (MoveSession("mon", 1, "mon", 0), {"mon"}),
    (MoveSession("sun", 0, "sat"), {"sun", "sat"}),
    (MoveSession("wed", 0, "fri", 0), {"wed", "fri"}),
    (SetDay("wed", None, None, None), {"wed"}),
    (SetDay("mon", 7.5, "23:00", 3, "Squat day"), {"mon"}),
    (SetDay("tue", 7.0, None, None), {"tue"}),
    (SetDay("thu", 9.0, "21:30", 5, "Rest, really"), {"thu"}),
    (SetDay("sat", None, "23:30", None), {"sat"}),
]


@pytest.mark.parametrize(
    ("edit", "days"), EDITS_AND_DAYS, ids=[edit.describe() for edit, _ in EDITS_AND_DAYS]
)
def test_each_edit_changes_only_its_days(commented_plan: str, edit: Edit, days: set[str]) -> None:
    editor = editor_on(commented_plan)
    editor.apply(edit)
    assert editor.text != commented_plan
    assert_only_days_changed(commented_plan, editor.text, days)
    assert editor.plan == parse_plan(editor.text)


@pytest.mark.parametrize(
    ("edit", "days"), EDITS_AND_DAYS, ids=[edit.describe() for edit, _ in EDITS_AND_DAYS]
)
def test_each_edit_keeps_the_other_sessions_of_its_days(
    commented_plan: str, edit: Edit, days: set[str]
) -> None:
    """Sessions of the edited days that the edit does not touch keep their block too."""
    editor = editor_on(commented_plan)
    before = layout(commented_plan)
    untouched: dict[str, list[str]] = {d: before.sessions(d) for d in days}
    if isinstance(edit, UpdateSession | DeleteSession):
        untouched[edit.day].pop(edit.index)
    if isinstance(edit, MoveSession):
        moved = untouched[edit.day].pop(edit.index)
    editor.apply(edit)
    after = layout(editor.text)
    for day in days:
        sessions = after.sessions(day)
        for block in untouched[day]:
            assert block in sessions
        # and in the same order
        assert [b for b in sessions if b in untouched[day]] == untouched[day]
    if isinstance(edit, MoveSession):
        # the moved session keeps its comments and keys, byte for byte
        assert moved in after.sessions(edit.to_day)


def test_delete_keeps_the_comment_above_the_next_session(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    editor.apply(DeleteSession("mon", 0))
    text = editor.text
    assert '# A short core finisher.\n[[days.mon.sessions]]\ntitle = "Core circuit"' in text
    assert "# The main lift of the week." in text
    assert "Warm up well" not in text
    assert "Stretch afterwards" not in text


def test_delete_of_a_last_session_keeps_the_previous_sessions_comments(
    commented_plan: str,
) -> None:
    editor = editor_on(commented_plan)
    editor.apply(DeleteSession("mon", 1))
    assert "carbs_after = true\n# Stretch afterwards.\n" in editor.text
    assert "Core circuit" not in editor.text
    assert "\n\n[days.tue]\n" in editor.text
    assert "\n\n\n" not in editor.text


def test_move_takes_the_sessions_comments_along(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    editor.apply(MoveSession("mon", 0, "thu"))
    text = editor.text
    squat = text[text.index("[[days.thu.sessions]]") :]
    assert squat.startswith(
        "[[days.thu.sessions]]\n"
        "# Warm up well: the bar is heavy today.\n"
        'title = "Squat, Romanian deadlift, lunges"\n'
        'kind = "heavy"                    # needs recovery after it\n'
    )
    assert "rpe = 8                           # CR-10\n" in squat
    assert "start = 17:30:00                  # a TOML local time\n" in squat
    assert "carbs_after = true\n# Stretch afterwards.\n" in squat
    assert editor.plan.days.thu.sessions[0].title == "Squat, Romanian deadlift, lunges"
    assert [s.title for s in editor.plan.days.mon.sessions] == ["Core circuit"]
    # the day appears in week order: after wed, before fri
    assert text.index("[days.wed]") < text.index("[days.thu]") < text.index("[days.fri]")


def test_set_day_with_none_removes_the_keys_and_falls_back_to_defaults(
    commented_plan: str,
) -> None:
    editor = editor_on(commented_plan)
    assert editor.plan.sleep_hours(editor.plan.days.wed) == 9
    editor.apply(SetDay("wed", None, None, None))
    wed = layout(editor.text).block(("day", "wed"))
    assert wed == "[days.wed]"
    assert editor.plan.days.wed.sleep_hours is None
    assert editor.plan.days.wed.bedtime is None
    assert editor.plan.sleep_hours(editor.plan.days.wed) == 8.0
    assert editor.plan.bedtime(editor.plan.days.wed) == "22:30"
    assert editor.plan.protein_meals(editor.plan.days.wed) == 4


def test_set_day_adds_keys_under_the_days_own_keys(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    editor.apply(SetDay("mon", 7.5, "23:00", None, "Squat day"))
    assert (
        '[days.mon]\nnote = "Squat day"                # free text\n'
        'sleep_hours = 7.5\nbedtime = "23:00"\n\n# The main lift of the week.\n'
        "[[days.mon.sessions]]\n"
    ) in editor.text


def test_set_day_leaves_unchanged_values_as_written(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    # 9 hours written as the integer 9; "22:00" unchanged; protein and note added
    editor.apply(SetDay("wed", 9.0, "22:00", 5, "Chest"))
    assert "sleep_hours = 9                   # overrides [defaults]\n" in editor.text
    assert 'bedtime = "22:00"\n' in editor.text
    assert editor.plan.days.wed.protein_meals == 5
    assert editor.plan.days.wed.note == "Chest"


def test_a_local_time_stays_a_local_time(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    squat = editor.plan.days.mon.sessions[0]
    assert squat.start == "17:30"
    editor.apply(UpdateSession("mon", 0, squat.model_copy(update={"minutes": 75})))
    assert "start = 17:30:00                  # a TOML local time\n" in editor.text
    assert "minutes = 75\n" in editor.text
    # and a changed local time is written in the same style
    changed = editor.plan.days.mon.sessions[0].model_copy(update={"start": "18:15"})
    editor.apply(UpdateSession("mon", 0, changed))
    assert "start = 18:15:00" in editor.text
    assert editor.plan.days.mon.sessions[0].start == "18:15"


def test_a_local_bedtime_stays_a_local_time() -> None:
    text = (
        'format = 1\n[plan]\nname = "T"\n'
        "[defaults]\nbedtime = 22:30:00\n[days.mon]\nbedtime = 23:00:00\n"
    )
    editor = editor_on(text)
    editor.apply(SetDay("mon", 8.0, "23:00", None))
    assert "bedtime = 23:00:00\n" in editor.text
    editor.apply(SetDay("mon", 8.0, "23:30", None))
    assert "bedtime = 23:30:00\n" in editor.text
    assert editor.plan.bedtime(editor.plan.days.mon) == "23:30"


def test_edits_on_missing_days_create_them_in_week_order(minimal_plan: str) -> None:
    editor = editor_on(minimal_plan + "\n[defaults]\nsleep_hours = 8\n")
    editor.apply(SetDay("fri", 7.0, None, None))
    editor.apply(AddSession("mon", JOG))
    editor.apply(SetDay("wed", None, "22:00", None))
    editor.apply(AddSession("sun", JOG))
    editor.apply(MoveSession("mon", 0, "tue"))
    text = editor.text
    headers = [line for line in text.split("\n") if line.startswith("[")]
    assert headers == [
        "[plan]",
        "[defaults]",
        "[days.mon]",
        "[days.tue]",
        "[[days.tue.sessions]]",
        "[days.wed]",
        "[days.fri]",
        "[days.sun]",
        "[[days.sun.sessions]]",
    ]
    assert editor.plan == parse_plan(text)
    assert editor.plan.days.tue.sessions == (JOG,)
    assert editor.plan.days.sun.sessions == (JOG,)
    assert editor.plan.days.fri.sleep_hours == 7.0
    assert editor.plan.days.wed.bedtime == "22:00"
    assert "\n\n\n" not in text


def test_a_ninth_session_is_refused_and_nothing_changes(minimal_plan: str) -> None:
    editor = editor_on(minimal_plan)
    for _ in range(MAX_SESSIONS_PER_DAY):
        editor.apply(AddSession("mon", JOG))
    text, plan = editor.text, editor.plan
    with pytest.raises(PlanError, match="8 sessions"):
        editor.apply(AddSession("mon", JOG))
    assert editor.text == text
    assert editor.plan == plan
    editor.apply(AddSession("tue", JOG))
    with pytest.raises(PlanError):
        editor.apply(MoveSession("tue", 0, "mon"))
    assert len(editor.plan.days.mon.sessions) == MAX_SESSIONS_PER_DAY
    assert len(editor.plan.days.tue.sessions) == 1
    # the failed edits are not on the undo stack
    assert editor.undo() == AddSession("tue", JOG)
    assert editor.text == text


def test_an_edit_that_makes_the_plan_invalid_is_refused(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    with pytest.raises(PlanError) as caught:
        editor.apply(SetDay("tue", 20.0, None, None))
    assert caught.value.key == "days.tue.sleep_hours"
    assert caught.value.reason == "must be between 0 and 14, got 20"
    assert caught.value.line is not None
    assert editor.text == commented_plan
    assert editor.plan == parse_plan(commented_plan)
    assert not editor.can_undo
    # the document still works after the refusal
    editor.apply(SetDay("tue", 7.0, None, None))
    assert editor.plan.days.tue.sleep_hours == 7.0


@pytest.mark.parametrize(
    "edit",
    [
        UpdateSession("mon", 5, JOG),
        DeleteSession("thu", 0),
        MoveSession("sun", 3, "mon"),
        MoveSession("mon", 0, "someday"),
        AddSession("funday", JOG),
        SetDay("Monday", 8.0, None, None),
    ],
)
def test_edits_that_name_what_is_not_there_are_refused(commented_plan: str, edit: Edit) -> None:
    editor = editor_on(commented_plan)
    with pytest.raises(PlanError):
        editor.apply(edit)
    assert editor.text == commented_plan


def test_replace_plan_replaces_the_text_and_undoes(commented_plan: str, minimal_plan: str) -> None:
    editor = editor_on(commented_plan)
    editor.apply(ReplacePlan(minimal_plan, "minimal"))
    assert editor.text == minimal_plan
    assert editor.plan.plan.name == "Minimal week"
    editor.undo()
    assert editor.text == commented_plan


def test_replace_plan_with_an_invalid_plan_is_refused(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    with pytest.raises(PlanError):
        editor.apply(ReplacePlan('format = 1\n[plan]\nname = "x"\nlevel = "pro"\n', "bad"))
    assert editor.text == commented_plan


def test_replace_plan_with_text_that_is_not_toml_is_refused(commented_plan: str) -> None:
    editor = editor_on(commented_plan)
    with pytest.raises(PlanError) as caught:
        editor.apply(ReplacePlan('format = 1\n[plan\nname = "x"\n', "broken.toml"))
    assert caught.value.line == 2
    assert caught.value.problems[0].column is not None
    assert str(caught.value).startswith("broken.toml:2:")
    assert editor.text == commented_plan
    assert not editor.can_undo


SPLIT_LAYOUTS = {
    "days split by another table": (
        'format = 1\n[plan]\nname = "W"\n[days.mon]\nnote = "m"\n'
        '[history]\nweekly_loads = [1]\n[days.fri]\nnote = "f"\n'
    ),
    "sessions before their day": (
        'format = 1\n[plan]\nname = "W"\n[[days.mon.sessions]]\ntitle = "a"\n'
        'kind = "heavy"\nminutes = 3\n[days.mon]\nnote = "late"\n'
    ),
    "sessions after the next day": (
        'format = 1\n[plan]\nname = "W"\n[days.mon]\nnote = "m"\n[days.tue]\nnote = "t"\n'
        '[[days.mon.sessions]]\ntitle = "a"\nkind = "heavy"\nminutes = 3\n'
    ),
}


@pytest.mark.parametrize("text", SPLIT_LAYOUTS.values(), ids=SPLIT_LAYOUTS.keys())
@pytest.mark.parametrize(
    "edit",
    [
        AddSession("mon", JOG),
        AddSession("thu", JOG),
        SetDay("tue", 6.0, None, None),
        SetDay("mon", 6.0, "22:00", 3, "n"),
        DeleteSession("mon", 0),
        MoveSession("mon", 0, "sun"),
    ],
    ids=lambda edit: edit.describe(),
)
def test_a_layout_the_editor_cannot_change_is_refused_not_crashed(text: str, edit: Edit) -> None:
    """Valid TOML whose tables are split up: an edit either works or is a PlanError."""
    editor = editor_on(text)
    try:
        editor.apply(edit)
    except PlanError:
        assert editor.text == text
        assert editor.plan == parse_plan(text)
        assert not editor.can_undo
    else:
        assert editor.plan == parse_plan(editor.text)


@pytest.mark.parametrize(
    ("text", "edit", "where"),
    [
        (SPLIT_LAYOUTS["days split by another table"], AddSession("thu", JOG), "days"),
        (SPLIT_LAYOUTS["sessions before their day"], SetDay("mon", 6.0, None, None), "days.mon"),
        (SPLIT_LAYOUTS["sessions after the next day"], DeleteSession("mon", 0), "days.mon"),
    ],
)
def test_a_split_layout_is_refused_with_its_reason(text: str, edit: Edit, where: str) -> None:
    editor = editor_on(text)
    with pytest.raises(PlanError) as caught:
        editor.apply(edit)
    assert caught.value.reason == (
        f"cannot {edit.describe()} in this file's layout: {where} is split up by other "
        "tables in this file; keep its lines together to edit it here"
    )
    assert editor.text == text
    assert not editor.can_undo


@pytest.mark.parametrize("bug", [KeyError("days"), AttributeError("x"), AssertionError()])
def test_a_bug_in_an_edit_goes_up_as_itself(
    commented_plan: str, monkeypatch: pytest.MonkeyPatch, bug: Exception
) -> None:
    """Only tomlkit's real layout limits become "cannot ... in this file's layout"."""
    editor = editor_on(commented_plan)

    def broken(document: Any, _plan: Any, _edit: Any) -> Any:
        document["plan"]["name"] = "half an edit"
        raise bug

    monkeypatch.setattr("planner.edits.apply_edit", broken)
    with pytest.raises(type(bug)):
        editor.apply(SetDay("thu", 7.0, None, None))
    monkeypatch.undo()
    assert editor.text == commented_plan
    assert editor.plan == parse_plan(commented_plan)
    assert not editor.can_undo
    editor.apply(SetDay("thu", 7.0, None, None))  # the document was restored, not left half-edited
    assert 'name = "Strength 3x + active recovery"' in editor.text


def test_inline_sessions_are_edited_in_place() -> None:
    text = (
        'format = 1\n[plan]\nname = "Inline"\n\n[days.mon]  # compact\nsessions = [\n'
        '  { title = "Run", kind = "moderate", activity = "run", minutes = 40 },\n]\n'
    )
    editor = editor_on(text)
    editor.apply(AddSession("mon", JOG))
    editor.apply(MoveSession("mon", 0, "tue"))
    assert "[days.mon]  # compact\n" in editor.text
    assert [s.title for s in editor.plan.days.mon.sessions] == ["Easy jog"]
    assert [s.title for s in editor.plan.days.tue.sessions] == ["Run"]
    assert editor.plan == parse_plan(editor.text)


def test_apply_edit_works_on_a_bare_document(commented_plan: str) -> None:
    document = tomlkit.parse(commented_plan)
    plan = parse_plan(commented_plan)
    result = apply_edit(document, plan, DeleteSession("sun", 0))
    assert parse_plan(result.as_string()).days.sun.sessions == ()


# --- the acceptance property: random edits on the commented file ---------------------

_TITLE_CHARS = st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs"))
titles = st.text(_TITLE_CHARS, min_size=1, max_size=60).filter(lambda t: t.strip() != "")
clock_times = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    values: dict[str, Any] = {
        "title": draw(titles),
        "kind": draw(st.sampled_from(Kind)),
        "minutes": draw(st.integers(1, 600)),
    }
    if draw(st.booleans()):
        values["activity"] = draw(st.sampled_from(Activity))
    if draw(st.booleans()):
        values["focus"] = draw(st.lists(st.sampled_from(Focus), unique=True, max_size=4))
    if draw(st.booleans()):
        values["rpe"] = draw(st.integers(1, 10))
    if draw(st.booleans()):
        values["start"] = draw(clock_times)
    if draw(st.booleans()):
        values["carbs_after"] = draw(st.booleans())
    return Session.model_validate(values)


notes = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs")) | st.sampled_from("\n\t"),
    max_size=80,
)
sleep_values = st.none() | st.floats(0, 14) | st.sampled_from([7.0, 7.5, 8.0, 9.0])


@st.composite
def edits(draw: st.DrawFn, plan: Plan) -> Edit:
    week = plan.week_list[0].days  # edits name week 0 unless told otherwise
    days_with_sessions = [d for d in DAY_KEYS if week[d].sessions]
    days_with_room = [d for d in DAY_KEYS if len(week[d].sessions) < MAX_SESSIONS_PER_DAY]
    kinds = ["set_day"]
    if days_with_room:
        kinds.append("add")
    if days_with_sessions:
        kinds += ["update", "delete", "move"]
    kind = draw(st.sampled_from(kinds))
    if kind == "set_day":
        return SetDay(
            draw(st.sampled_from(DAY_KEYS)),
            draw(sleep_values),
            draw(st.none() | clock_times),
            draw(st.none() | st.integers(0, 8)),
            draw(notes),
        )
    if kind == "add":
        day = draw(st.sampled_from(days_with_room))
        index = draw(st.none() | st.integers(0, len(week[day].sessions)))
        return AddSession(day, draw(sessions()), index)
    day = draw(st.sampled_from(days_with_sessions))
    index = draw(st.integers(0, len(week[day].sessions) - 1))
    if kind == "update":
        old = week[day].sessions[index]
        # change a few fields of the old session, or replace it outright
        new = draw(sessions())
        fields = draw(st.sets(st.sampled_from(list(Session.model_fields))))
        merged = {
            name: getattr(new if name in fields else old, name) for name in Session.model_fields
        }
        return UpdateSession(day, index, Session.model_validate(merged))
    if kind == "delete":
        return DeleteSession(day, index)
    targets = [d for d in DAY_KEYS if d == day or d in days_with_room]
    to_day = draw(st.sampled_from(targets))
    size = len(week[to_day].sessions) - (1 if to_day == day else 0)
    return MoveSession(day, index, to_day, draw(st.none() | st.integers(0, size)))


@dataclass
class Expected:
    """What the blocks of the file should be after the edits so far (None: not checked)."""

    others: list[tuple[Identity, str]]
    days: dict[str, str | None]
    sessions: dict[str, list[str | None]]
    # standalone comment lines that must still be in the file (with their counts)
    comments: Counter[str] = field(default_factory=Counter)
    session_comments: dict[str, list[list[str]]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Expected:
        cut = layout(text)
        sessions = {d: list[str | None](cut.sessions(d)) for d in DAY_KEYS}
        return cls(
            others=cut.others(),
            days={d: cut.block(("day", d)) or "" for d in DAY_KEYS},
            sessions=sessions,
            comments=Counter(comment_lines(text)),
            session_comments={
                d: [[ln for ln in (b or "").split("\n") if ln.startswith("#")] for b in sessions[d]]
                for d in DAY_KEYS
            },
        )

    def apply(self, edit: Edit) -> None:
        if isinstance(edit, SetDay):
            self.days[edit.day] = None
        elif isinstance(edit, AddSession):
            self.days[edit.day] = None if not self.days[edit.day] else self.days[edit.day]
            at = len(self.sessions[edit.day]) if edit.index is None else edit.index
            self.sessions[edit.day].insert(at, None)
            self.session_comments[edit.day].insert(at, [])
        elif isinstance(edit, UpdateSession):
            self.sessions[edit.day][edit.index] = None
        elif isinstance(edit, DeleteSession):
            self.sessions[edit.day].pop(edit.index)
            self.comments.subtract(self.session_comments[edit.day].pop(edit.index))
        elif isinstance(edit, MoveSession):
            block = self.sessions[edit.day].pop(edit.index)
            comments = self.session_comments[edit.day].pop(edit.index)
            target = self.sessions[edit.to_day]
            at = len(target) if edit.to_index is None else edit.to_index
            target.insert(at, block)
            self.session_comments[edit.to_day].insert(at, comments)
            if not self.days[edit.to_day]:
                self.days[edit.to_day] = None

    def check(self, text: str, original_free: list[str]) -> None:
        cut = layout(text)
        assert cut.others() == self.others
        for day in DAY_KEYS:
            expected_day = self.days[day]
            if expected_day is not None:
                assert _same_block(cut.block(("day", day)) or "", expected_day), day
            actual = cut.sessions(day)
            assert len(actual) == len(self.sessions[day]), day
            for index, block in enumerate(self.sessions[day]):
                if block is not None:
                    assert _same_block(actual[index], block), (day, index)
        present = Counter(comment_lines(text))
        for comment, count in self.comments.items():
            assert present[comment] >= count, comment
        assert is_subsequence(original_free, comment_lines(text))


def _same_block(actual: str, expected: str) -> bool:
    """The block as it was, but for comments it may have gained at its end.

    A comment that stood above a table that is now gone may end up right under the
    previous table's last key, which makes it that table's own by the cut; it did
    not move. Comments are counted on their own.
    """
    if actual == expected:
        return True
    gained = actual.removeprefix(expected + "\n")
    return gained != actual and all(line.startswith("#") for line in gained.split("\n"))


def expected_plan_after(plan: Plan, edit: Edit) -> dict[str, Any]:
    """The days of the plan as the edit should leave them (sessions and day values)."""
    days = {d: list(plan.week_list[0].days[d].sessions) for d in DAY_KEYS}
    if isinstance(edit, AddSession):
        at = len(days[edit.day]) if edit.index is None else edit.index
        days[edit.day].insert(at, edit.session)
    elif isinstance(edit, UpdateSession):
        days[edit.day][edit.index] = edit.session
    elif isinstance(edit, DeleteSession):
        days[edit.day].pop(edit.index)
    elif isinstance(edit, MoveSession):
        moving = days[edit.day].pop(edit.index)
        at = len(days[edit.to_day]) if edit.to_index is None else edit.to_index
        days[edit.to_day].insert(at, moving)
    return days


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_edits_keep_everything_else_and_undo_exactly(
    commented_plan: str, data: st.DataObject
) -> None:
    check_random_edits(commented_plan, data)


#: The week templates (format 1, `[days.*]` blocks, which this test's model of the file
#: follows); random edits of the block templates' weeks are in test_block_edits.py.
TEMPLATE_TEXTS = {
    path.stem: text
    for path in PLANS_DIR.glob("*.toml")
    if (text := path.read_text(encoding="utf-8")).count("\nformat = 1")
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edits_on_the_templates(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(TEMPLATE_TEXTS)), label="template")
    check_random_edits(TEMPLATE_TEXTS[name], data)


def check_random_edits(commented_plan: str, data: st.DataObject) -> None:
    """(a) plan == parse(text) after each edit, (b) the rest of the file unchanged,
    (c) undo all gives back the original text exactly, and redo replays the edits."""
    editor = editor_on(commented_plan)
    expected = Expected.of(commented_plan)
    original_free = layout(commented_plan).free_comments
    texts = [commented_plan]
    applied: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        plan = editor.plan
        edit = data.draw(edits(plan), label="edit")
        editor.apply(edit)
        applied.append(edit)
        texts.append(editor.text)
        # (a) the plan is what the text says
        assert editor.plan == parse_plan(editor.text)
        # the edit did what it says
        for day, day_sessions in expected_plan_after(plan, edit).items():
            assert list(editor.plan.week_list[0].days[day].sessions) == day_sessions, day
        if isinstance(edit, SetDay):
            edited = editor.plan.week_list[0].days[edit.day]
            assert (edited.sleep_hours, edited.bedtime, edited.protein_meals, edited.note) == (
                edit.sleep_hours,
                edit.bedtime,
                edit.protein_meals,
                edit.note,
            )
        # (b) everything outside the edited tables is as it was, in order
        expected.apply(edit)
        expected.check(editor.text, original_free)
    # (c) undo gives back every earlier text, and redo replays them
    for text in reversed(texts[:-1]):
        assert editor.undo() is not None
        assert editor.text == text
    assert editor.undo() is None
    assert editor.text == commented_plan
    assert editor.plan == parse_plan(commented_plan)
    for edit, text in zip(applied, texts[1:], strict=True):
        assert editor.redo() == edit
        assert editor.text == text
    assert editor.redo() is None


# --- canonical TOML round trip ----------------------------------------------------------

plan_names = st.text(_TITLE_CHARS, min_size=1, max_size=80).filter(lambda t: t.strip() != "")
mondays = st.dates(dt.date(2000, 1, 3), dt.date(2100, 12, 27)).map(
    lambda d: d - dt.timedelta(days=d.weekday())
)


def _some(draw: st.DrawFn, values: dict[str, st.SearchStrategy[Any]]) -> dict[str, Any]:
    """A random subset of the keys, each with a drawn value."""
    chosen = draw(st.sets(st.sampled_from(sorted(values))))
    return {key: draw(values[key]) for key in sorted(chosen)}


def _threshold_values(key: str) -> st.SearchStrategy[Any]:
    threshold = THRESHOLDS[key]
    if threshold.integer:
        return st.integers(int(threshold.minimum), int(threshold.maximum))
    return st.floats(threshold.minimum, threshold.maximum)


@st.composite
def plan_dicts(draw: st.DrawFn) -> dict[str, Any]:
    sleep = st.floats(0, 14)
    data: dict[str, Any] = {
        "format": 1,
        "plan": {
            "name": draw(plan_names),
            **_some(
                draw,
                {
                    "description": notes,
                    "level": st.sampled_from([level.value for level in Level]),
                    "week_start": mondays,
                    "body_mass_kg": st.floats(30, 250) | st.integers(30, 250),
                    "repeats": st.booleans(),
                },
            ),
        },
    }
    day_values = {
        "note": notes,
        "sleep_hours": sleep,
        "bedtime": clock_times,
        "protein_meals": st.integers(0, 8),
    }
    if defaults := _some(draw, {k: v for k, v in day_values.items() if k != "note"}):
        data["defaults"] = defaults
    days: dict[str, Any] = {}
    for day in draw(st.sets(st.sampled_from(DAY_KEYS))):
        values = _some(draw, day_values)
        session_list = draw(st.lists(sessions(), max_size=MAX_SESSIONS_PER_DAY))
        if session_list:
            values["sessions"] = [
                s.model_dump(mode="json", exclude_unset=True) for s in session_list
            ]
        days[day] = values
    if days:
        data["days"] = days
    history = _some(
        draw,
        {
            "weekly_loads": st.lists(st.floats(0, 100_000) | st.integers(0, 100_000), max_size=12),
            "longest_session_min": st.dictionaries(
                st.sampled_from([a.value for a in Activity]), st.integers(1, 1440)
            ),
        },
    )
    if history:
        data["history"] = history
    rules = _some(draw, {key: _threshold_values(key) for key in THRESHOLDS})
    if draw(st.booleans()):
        rules["disabled"] = draw(st.lists(st.sampled_from(sorted(RULES_BY_ID)), unique=True))
    if rules:
        data["rules"] = rules
    return data


@settings(max_examples=100, deadline=None)
@given(data=plan_dicts())
def test_canonical_toml_reads_back_equal(data: dict[str, Any]) -> None:
    plan = Plan.model_validate(data)
    text = canonical_toml(plan)
    assert parse_plan(text) == plan
    # and it is canonical: writing the re-read plan gives the same text
    assert canonical_toml(parse_plan(text)) == text


@pytest.mark.parametrize("path", sorted(PLANS_DIR.glob("*.toml")), ids=lambda p: p.name)
def test_canonical_toml_of_each_template_reads_back_equal(path: Path) -> None:
    plan = read_plan(path)
    text = canonical_toml(plan)
    assert parse_plan(text) == plan
    assert canonical_toml(parse_plan(text)) == text


def test_there_are_templates_to_round_trip() -> None:
    assert len(list(PLANS_DIR.glob("*.toml"))) >= 1
