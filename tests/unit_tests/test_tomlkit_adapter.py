"""Every function of planner.tomlkit_adapter, on a real commented plan.

The adapter is the only code that touches tomlkit's internals. When a tomlkit upgrade
changes them, these tests say which adapter function broke and under which tomlkit
version, rather than an edit failing somewhere far away.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import tomlkit

from planner import tomlkit_adapter as layout
from planner.planfile import parse_plan

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def adapter(function: str) -> Iterator[None]:
    """Turn any failure inside into one loud message naming the adapter function."""
    try:
        yield
    except Exception as error:  # the point is to name what broke
        pytest.fail(
            f"planner.tomlkit_adapter.{function} no longer works with tomlkit "
            f"{tomlkit.__version__} (written for {layout.TOMLKIT_VERSION}): "
            f"{type(error).__name__}: {error}. Fix the adapter (or pin tomlkit back).",
            pytrace=True,
        )


@pytest.fixture
def document(commented_plan: str) -> Any:
    return tomlkit.parse(commented_plan)


def still_valid(document: Any) -> str:
    text: str = document.as_string()
    parse_plan(text)
    return text


def test_the_installed_tomlkit_is_the_pinned_one() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [dep for dep in pyproject["project"]["dependencies"] if dep.startswith("tomlkit")]
    assert pins == [f"tomlkit=={layout.TOMLKIT_VERSION}"], (
        "pin tomlkit to the version planner.tomlkit_adapter is written for"
    )
    assert tomlkit.__version__ == layout.TOMLKIT_VERSION, (
        f"tomlkit {tomlkit.__version__} is installed; planner.tomlkit_adapter is tested "
        f"with {layout.TOMLKIT_VERSION}: run tests/unit_tests/test_tomlkit_adapter.py "
        "and update TOMLKIT_VERSION and the pin once it passes"
    )


def test_body_and_entry_key(document: Any) -> None:
    with adapter("body"), adapter("entry_key"):
        keys = [layout.entry_key(entry) for entry in layout.body(document)]
        assert [key for key in keys if key is not None] == [
            "format",
            "plan",
            "defaults",
            "days",
            "history",
            "rules",
        ]
        assert keys[0] is None  # the opening comment
        plan_keys = [layout.entry_key(entry) for entry in layout.body(document["plan"])]
        assert [key for key in plan_keys if key] == [
            "name",
            "description",
            "level",
            "week_start",
            "body_mass_kg",
        ]
        session = document["days"]["mon"]["sessions"][0]
        assert "title" in [layout.entry_key(entry) for entry in layout.body(session)]
        body = layout.body(document["plan"])
        assert body is layout.body(document["plan"])  # the live list, not a copy


def test_is_trivia_is_blank_and_is_deleted(document: Any) -> None:
    with adapter("is_trivia"), adapter("is_blank"), adapter("is_deleted"):
        top = layout.body(document)
        assert layout.is_trivia(top[0]) and not layout.is_blank(top[0])  # a comment
        blanks = [entry for entry in top if layout.is_blank(entry)]
        assert blanks and all(layout.is_trivia(entry) for entry in blanks)
        format_entry = next(e for e in top if layout.entry_key(e) == "format")
        assert not layout.is_trivia(format_entry) and not layout.is_blank(format_entry)
        # The comment and blank line at the end of [days.mon]'s first session (before
        # the second) are its tail.
        first = layout.body(document["days"]["mon"]["sessions"][0])
        assert layout.is_trivia(first[-1])
        plan = document["plan"]
        assert not any(layout.is_deleted(entry) for entry in layout.body(plan))
        del plan["level"]
        deleted = [entry for entry in layout.body(plan) if layout.is_deleted(entry)]
        assert len(deleted) == 1 and layout.is_trivia(deleted[0])
        assert "level" not in still_valid(document)


def test_blank_line(document: Any) -> None:
    with adapter("blank_line"):
        defaults = document["defaults"]
        before = document.as_string()
        entry = layout.blank_line()
        assert layout.is_blank(entry) and layout.is_trivia(entry)
        layout.body(defaults).append(entry)
        after = still_valid(document)
        assert len(after) == len(before) + 1
        assert after.count("\n") == before.count("\n") + 1


def test_shift_indexes(document: Any) -> None:
    with adapter("shift_indexes"):
        plan = document["plan"]
        comment = layout.body(document)[0]  # "# Strength three times a week, ..."
        layout.body(plan).insert(0, comment)
        layout.shift_indexes(plan, 0, 1)
        assert plan["name"] == "Strength 3x + active recovery"
        assert plan["level"] == "intermediate"
        plan["level"] = "advanced"  # a write through the index lands on the right entry
        text = still_valid(document)
        assert 'level = "advanced"' in text
        assert "[plan]\n# Strength three times a week" in text
        del layout.body(plan)[0]
        layout.shift_indexes(plan, 0, -1)
        assert plan["body_mass_kg"] == 80
        plan["body_mass_kg"] = 81
        assert "body_mass_kg = 81" in still_valid(document)


def test_insert_at(document: Any) -> None:
    with adapter("insert_at"):
        wed = document["days"]["wed"]
        position = next(
            i for i, entry in enumerate(layout.body(wed)) if layout.entry_key(entry) == "bedtime"
        )
        layout.insert_at(wed, position, "protein_meals", tomlkit.item(6))
        assert wed["protein_meals"] == 6
        assert "protein_meals" in wed
        assert dict.__getitem__(wed, "protein_meals") == 6  # the table's own dict too
        text = still_valid(document)
        assert "sleep_hours = 9                   # overrides [defaults]\nprotein_meals = 6\n" in (
            text
        )
        assert parse_plan(text).days.wed.protein_meals == 6
        with pytest.raises(layout.LayoutError):
            layout.insert_at(wed, 999, "note", tomlkit.item("x"))


def test_insert_after(document: Any) -> None:
    with adapter("insert_after"):
        days = document["days"]
        thu = tomlkit.table()
        thu.add("note", "Rest")
        layout.insert_after(days, "wed", "thu", thu)
        assert days["thu"]["note"] == "Rest"
        text = still_valid(document)
        assert text.index("[days.wed]") < text.index("[days.thu]") < text.index("[days.fri]")
        assert parse_plan(text).days.thu.note == "Rest"
        extra = tomlkit.table()
        extra.add("monotony_max", 2.0)
        layout.insert_after(document, "plan", "rules_copy", extra)
        assert document["rules_copy"]["monotony_max"] == 2.0
        with pytest.raises(layout.LayoutError):
            layout.insert_after(days, "nope", "sat", tomlkit.table())


def test_indent_and_set_indent(document: Any) -> None:
    with adapter("indent"), adapter("set_indent"):
        tue = document["days"]["tue"]
        assert layout.indent(tue) == ""
        layout.set_indent(tue, "\n")
        assert layout.indent(tue) == "\n"
        text = still_valid(document)
        assert "\n\n[days.tue]\n" in text
        second = document["days"]["mon"]["sessions"][1]
        assert "\n" not in layout.indent(second)


SPLIT = 'format = 1\n[plan]\nname = "W"\n[days.mon]\nnote = "m"\n[history]\n[days.fri]\n'


def test_require_table_and_layout_errors(document: Any) -> None:
    with adapter("require_table"):
        assert layout.require_table(document["plan"], "plan") is document["plan"]
        split = tomlkit.parse(SPLIT)
        with pytest.raises(layout.LayoutError, match="days is split up"):
            layout.require_table(split["days"], "days")
        with pytest.raises(layout.LayoutError):
            layout.require_table(document["format"], "format")
        with pytest.raises(layout.LayoutError):
            layout.body(split["days"])  # tomlkit's pieces of a split table have no body
        assert issubclass(layout.LayoutError, ValueError)


def test_every_adapter_function_is_tested() -> None:
    """A new adapter function needs its test here."""
    source = (ROOT / "planner" / "tomlkit_adapter.py").read_text(encoding="utf-8")
    public = {
        node.name
        for node in ast.parse(source).body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    }
    tested = set(re.findall(r'adapter\("(\w+)"\)', Path(__file__).read_text(encoding="utf-8")))
    assert public <= tested, f"adapter functions without a test: {sorted(public - tested)}"


# tomlkit's internals, as the code would name them.
PRIVATE = re.compile(
    r"tomlkit\.container|\._body\b|(?<!layout)\.body\b|\.trivia\b|\._map\b|_validation_cache|"
    r"\._insert_(?:at|after)\b|dict\.__setitem__|\bWhitespace\b|\bComment\b|\bNull\b|"
    r"from tomlkit\.items import[^\n]*\bKey\b|OutOfOrderTableProxy"
)


def test_only_the_adapter_touches_tomlkit_internals() -> None:
    offenders = []
    for path in sorted((ROOT / "planner").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if path.name == "tomlkit_adapter.py" or "tomlkit" not in source:
            continue
        for number, line in enumerate(source.split("\n"), 1):
            code = line.split("#", 1)[0]
            if PRIVATE.search(code) and '"""' not in code:
                offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not offenders, "tomlkit internals outside planner/tomlkit_adapter.py:\n" + "\n".join(
        offenders
    )
