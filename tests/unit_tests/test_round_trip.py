"""A plan file loaded and saved comes back byte for byte; an edit keeps its line ends.

Generated valid plan files with comments everywhere, blank lines, tabs, CRLF, LF or
both, with or without a byte order mark and a final newline: loading one and saving
it with no edit writes exactly the bytes that were read. An edit of a CRLF file adds
no bare LF.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.editor import PlanEditor
from planner.edits import AddSession, SetDay
from planner.model import DAY_KEYS, Kind, Session
from planner.planfile import PlanDocument, parse_plan, read_plan

BOM = b"\xef\xbb\xbf"
_ASCII_CONTROL = "".join(chr(code) for code in range(32) if code != 9) + "\x7f"

# Anything TOML allows in a comment: every character but ASCII control characters
# (tab excepted) and lone surrogates.
comment_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters=_ASCII_CONTROL),
    max_size=24,
)
# Text for names and titles: letters, digits, spaces, quotes, backslashes, accents.
title_text = st.text(st.sampled_from("abcXYZ019 -_+.,'\"\\éß🏃"), min_size=1, max_size=30).filter(
    lambda text: text.strip() != ""
)
space = st.sampled_from(["", " ", "\t", "  ", " \t"])


def basic_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def string_value(draw: st.DrawFn, text: str) -> str:
    """The text as a basic string, or as a literal string when it can be one."""
    if "'" not in text and draw(st.booleans()):
        return f"'{text}'"
    return basic_string(text)


@st.composite
def plan_lines(draw: st.DrawFn) -> list[str]:
    """The lines of a valid plan, comments and blank lines between everything."""
    lines: list[str] = []

    def comments() -> None:
        for _ in range(draw(st.integers(0, 2))):
            lines.append(draw(space) + "#" + draw(comment_text))

    def blanks() -> None:
        for _ in range(draw(st.integers(0, 2))):
            lines.append(draw(space))

    def trailing() -> str:
        return draw(st.sampled_from(["", "  # " + draw(comment_text)])) + draw(space)

    def key(name: str, value: str) -> None:
        comments()
        lines.append(f"{draw(space)}{name}{draw(space)}={draw(space)}{value}{trailing()}")

    def header(name: str, array: bool = False) -> None:
        blanks()
        comments()
        open_, close = ("[[", "]]") if array else ("[", "]")
        lines.append(f"{draw(space)}{open_}{name}{close}{trailing()}")

    comments()
    blanks()
    key("format", "1")
    header("plan")
    key("name", draw(string_value(draw(title_text))))
    if draw(st.booleans()):
        key("level", draw(st.sampled_from(['"beginner"', "'advanced'"])))
    if draw(st.booleans()):
        # A multi-line string: its lines keep their own line ends.
        body = draw(st.lists(title_text.filter(lambda t: "\\" not in t), max_size=2))
        lines.append('description = """')
        lines.extend(text.replace('"', "'") for text in body)
        lines.append('"""')
    if draw(st.booleans()):
        header("defaults")
        key("sleep_hours", draw(st.sampled_from(["8.0", "7", "7.5"])))
        if draw(st.booleans()):
            key("bedtime", draw(st.sampled_from(['"22:30"', "22:45:00"])))
    for day in draw(st.lists(st.sampled_from(DAY_KEYS), unique=True, max_size=3)):
        header(f"days.{day}")
        if draw(st.booleans()):
            key("note", draw(string_value(draw(title_text))))
        for _ in range(draw(st.integers(0, 2))):
            header(f"days.{day}.sessions", array=True)
            key("title", draw(string_value(draw(title_text))))
            key("kind", draw(st.sampled_from(['"heavy"', '"light"', "'moderate'"])))
            key("minutes", str(draw(st.integers(1, 600))))
    if draw(st.booleans()):
        header("history")
        lines.append("weekly_loads = [" + trailing())
        for load in draw(st.lists(st.integers(0, 5000), max_size=3)):
            lines.append(f"{draw(space)}{load},{trailing()}")
        lines.append("]" + trailing())
    comments()
    blanks()
    return lines


@st.composite
def plan_files(draw: st.DrawFn, newline: str | None = None) -> bytes:
    """A valid plan file's bytes: LF, CRLF or mixed line ends, maybe a BOM, maybe no
    final newline."""
    lines = draw(plan_lines())
    style = newline or draw(st.sampled_from(["\n", "\r\n", "mixed"]))
    ends = [draw(st.sampled_from(["\n", "\r\n"])) if style == "mixed" else style for _ in lines]
    if draw(st.booleans()):
        ends[-1] = ""  # no newline at the end of the file
    text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    data = text.encode("utf-8")
    return (BOM + data) if draw(st.booleans()) else data


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_files())
def test_load_and_save_without_an_edit_is_byte_identical(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.toml"
        path.write_bytes(data)
        document = PlanDocument.load(path)
        assert document.file_bytes(document.text()) == data
        editor = PlanEditor.open(path)
        assert not editor.dirty
        editor.save()
        assert path.read_bytes() == data
        assert read_plan(path) == parse_plan(data.decode("utf-8-sig"))


WALK = Session(title="Walk", kind=Kind.active_recovery, activity="walk", minutes=30)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan_files(newline="\r\n"),
    st.sampled_from(DAY_KEYS),
    st.sampled_from([None, 6.5, 9.0]),
    st.sampled_from([None, "22:00"]),
    st.sampled_from(["", "a note"]),
    st.booleans(),
)
def test_an_edit_of_a_crlf_file_adds_no_bare_lf(
    data: bytes, day: str, sleep: float | None, bedtime: str | None, note: str, add: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "week.toml"
        path.write_bytes(data)
        editor = PlanEditor.open(path)
        editor.apply(SetDay(day, sleep, bedtime, 4, note))
        if add:
            editor.apply(AddSession(day, WALK))
        editor.save()
        saved = path.read_bytes()
        assert b"\n" not in saved.replace(b"\r\n", b""), saved
        assert saved.startswith(BOM) == data.startswith(BOM)
        assert read_plan(path) == editor.plan
