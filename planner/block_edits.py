"""Edits of a plan's weeks (add, copy, delete, label), and the format 1 -> 2 conversion
a second week needs, applied to the tomlkit document so comments stay with their tables.

The edits are part of `planner.edits.Edit` and are applied by `planner.edits.apply_edit`.
This module builds on the table helpers of `planner.edits`, which it imports inside
its functions: `planner.edits` imports the edits defined here.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner import tomlkit_adapter as layout
from planner.model import MAX_WEEKS, Plan, Week, WeekType

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import Table

    from planner.tomlkit_adapter import Entry

#: Minutes a session may last (the model's range); a scaled copy stays inside it.
MIN_MINUTES = 1
MAX_MINUTES = 600


def _percent(value: float) -> str:
    """+5 %, -10 %, +2.5 %."""
    number = f"{value:+.2f}".rstrip("0").rstrip(".")
    return f"{number} %"


@dataclass(frozen=True, slots=True)
class AddWeek:
    """Add a week right after week `after` (0-based): empty, or a copy of week
    `copy_of` with each session's minutes scaled by `scale_pct` percent (rounded to
    whole minutes, kept within 1..600). A copy has not happened yet: its sessions lose
    their `done`, and its extra sessions are left out."""

    after: int
    label: str | None
    type: str
    copy_of: int | None = None
    scale_pct: float | None = None

    def describe(self, weeks: int = 1) -> str:
        """What the edit does, for undo labels and notifications."""
        new = f"week {self.after + 2}" + (f" {self.label!r}" if self.label else "")
        if self.copy_of is None:
            return f"add {new}, empty, after week {self.after + 1}"
        text = f"add {new}: a copy of week {self.copy_of + 1}"
        if self.scale_pct:
            text += f" with minutes {_percent(self.scale_pct)}"
        return text


@dataclass(frozen=True, slots=True)
class DuplicateWeek:
    """Add a copy of a week (0-based) right after it, label and type included."""

    week: int

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"duplicate week {self.week + 1}"


@dataclass(frozen=True, slots=True)
class DeleteWeek:
    """Delete a week (0-based) with its days; the last remaining week stays."""

    week: int

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"delete week {self.week + 1}"


@dataclass(frozen=True, slots=True)
class SetWeek:
    """Set a week's label (None or "" for none) and type."""

    week: int
    label: str | None
    type: str

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"set the label and type of week {self.week + 1}"


WeekEdit = AddWeek | DuplicateWeek | DeleteWeek | SetWeek


def apply_week_edit(
    document: tomlkit.TOMLDocument, plan: Plan, edit: WeekEdit
) -> tomlkit.TOMLDocument:
    """Apply a week edit and return the document: the same one, changed in place, or a
    new one when a format 1 file had to become format 2 for a second week."""
    from planner.edits import EditError

    weeks = len(plan.week_list)
    week = edit.after if isinstance(edit, AddWeek) else edit.week
    if not 0 <= week < weeks:
        raise EditError(f"the plan has no week {week + 1}; it has {weeks}")
    if isinstance(edit, SetWeek):
        _set_week(document, plan, edit)
        return document
    if isinstance(edit, DeleteWeek):
        if weeks == 1:
            raise EditError("a plan needs at least one week: its last week cannot be deleted")
        _delete_week(document, plan, edit.week)
        return document
    if isinstance(edit, DuplicateWeek):
        source = plan.week_list[edit.week]
        edit = AddWeek(edit.week, source.label, source.type.value, copy_of=edit.week)
    if weeks >= MAX_WEEKS:
        raise EditError(f"a plan holds at most {MAX_WEEKS} weeks; this one has {weeks}")
    _week_type(edit.type)
    if edit.copy_of is not None and not 0 <= edit.copy_of < weeks:
        raise EditError(f"the plan has no week {edit.copy_of + 1} to copy; it has {weeks}")
    if edit.scale_pct is not None and not (
        math.isfinite(edit.scale_pct) and -100 < edit.scale_pct <= 1000
    ):
        raise EditError(f"a week's minutes scale by more than -100 %, got {edit.scale_pct:g} %")
    if plan.format == 1:
        document, plan = convert_to_format_2(document, plan)
    _add_week(document, plan, edit)
    return document


def _week_type(value: str) -> WeekType:
    from planner.edits import EditError

    try:
        return WeekType(value)
    except ValueError:
        kinds = ", ".join(kind.value for kind in WeekType)
        raise EditError(f"unknown week type {value!r}; week types are {kinds}") from None


def _label(label: str | None) -> str | None:
    return label if label else None


def _weeks_aot(document: tomlkit.TOMLDocument) -> Any:
    from tomlkit.items import AoT

    from planner.edits import EditError

    weeks = document.get("weeks")
    if not isinstance(weeks, AoT):
        raise EditError("the weeks are not written as [[weeks]] tables; write them so to edit")
    return weeks


def _write_week(table: Any, old: Week, label: str | None, week_type: WeekType) -> None:
    """Set a week table's label and type where they change (in place, comments kept)."""
    from planner.edits import _set_key

    if label != old.label:
        _set_key(table, "label", label)
    if week_type != old.type:
        # `build` is the default: written only where the file already names a type.
        written = week_type is not WeekType.build or "type" in table
        _set_key(table, "type", week_type.value if written else None)


def _set_week(document: tomlkit.TOMLDocument, plan: Plan, edit: SetWeek) -> None:
    from planner.edits import EditError, _week_table

    label, week_type = _label(edit.label), _week_type(edit.type)
    old = plan.week_list[edit.week]
    if (label, week_type) == (old.label, old.type):
        return
    if plan.format == 1:
        raise EditError(
            "a format 1 plan's one week has no label or type; add a week (which makes "
            "the file format 2) to name its weeks"
        )
    _write_week(_week_table(document, edit.week), old, label, week_type)


def scaled_minutes(minutes: int, scale_pct: float | None) -> int:
    """Minutes scaled by a percentage, rounded half up to whole minutes, in 1..600."""
    if not scale_pct:
        return minutes
    scaled = math.floor(minutes * (1 + scale_pct / 100) + 0.5)
    return max(MIN_MINUTES, min(MAX_MINUTES, scaled))


def _add_week(document: tomlkit.TOMLDocument, plan: Plan, edit: AddWeek) -> None:
    from planner.edits import (
        _attach_tail,
        _delete_session,
        _detach_tail,
        _insert_into_aot,
        _make_room_after,
        _new_tail,
        _session_table,
        _set_key,
        _split_tail,
        _tail_owner,
    )
    from planner.planfile import toml_table

    weeks = _weeks_aot(document)
    position = edit.after + 1
    label, week_type = _label(edit.label), _week_type(edit.type)
    own: list[Entry] = []
    if edit.copy_of is None:
        values: dict[str, Any] = {}
        if label is not None:
            values["label"] = label
        if week_type is not WeekType.build:
            values["type"] = week_type.value
        table = toml_table(values)
    else:
        table = copy.deepcopy(weeks[edit.copy_of])
        # The copy keeps its own comments; what stood before the next week stays there.
        own, _ = _split_tail(_detach_tail(_tail_owner(table)))
        _write_week(table, plan.week_list[edit.copy_of], label, week_type)
    rest, blank = _make_room_after(_tail_owner(weeks[position - 1]))
    _insert_into_aot(weeks, position, table, "" if blank else "\n")
    _attach_tail(_tail_owner(table), _new_tail(own, rest))
    if edit.copy_of is not None:
        source = plan.week_list[edit.copy_of]
        for day, day_plan in source.days.items():
            for index in reversed(range(len(day_plan.sessions))):
                session = day_plan.sessions[index]
                if session.extra:
                    _drop_comments_above(document, day, index, position)
                    _delete_session(document, day, index, position)
                    continue
                session_table = _session_table(document, day, index, position)
                if session.done is not None:
                    _set_key(session_table, "done", None)
                minutes = scaled_minutes(session.minutes, edit.scale_pct)
                if minutes != session.minutes:
                    _set_key(session_table, "minutes", minutes)
    # [[accepted]] entries name weeks by number: the weeks after the new one move up.
    number = position + 1
    _renumber_accepted(
        document, plan, lambda week: week + 1 if number <= week <= len(plan.week_list) else week
    )


def _drop_comments_above(document: tomlkit.TOMLDocument, day: str, index: int, week: int) -> None:
    """In a copied week: the comments right above a session the copy leaves out go
    with it (a blank line stays where there was one)."""
    from tomlkit.items import Table

    from planner.edits import (
        _attach_tail,
        _detach_tail,
        _session_table,
        _split_tail,
        _tail_owner,
    )

    if index == 0:
        return
    previous = _session_table(document, day, index - 1, week)
    if not isinstance(previous, Table):
        return
    owner = _tail_owner(previous)
    own, above = _split_tail(_detach_tail(owner))
    _attach_tail(owner, own + [entry for entry in above if layout.is_blank(entry)][:1])


def _delete_week(document: tomlkit.TOMLDocument, plan: Plan, week: int) -> None:
    _weeks_aot(document)
    delete_element(document, "weeks", week)
    number = week + 1

    def renumbered(accepted_week: int) -> int | None:
        if accepted_week == number:
            return None  # accepted in the week that is gone
        if number < accepted_week <= len(plan.week_list):
            return accepted_week - 1
        return accepted_week

    _renumber_accepted(document, plan, renumbered)


def _renumber_accepted(
    document: tomlkit.TOMLDocument, plan: Plan, change: Callable[[int], int | None]
) -> None:
    """Give each `[[accepted]]` entry that names a week its week's new number, and
    remove those whose number becomes None."""
    from planner.edits import _set_key

    for index in reversed(range(len(plan.accepted))):
        old = plan.accepted[index].week
        if old is None:
            continue
        new = change(old)
        if new is None:
            delete_element(document, "accepted", index)
        elif new != old:
            _set_key(document["accepted"][index], "week", new)


# --- top-level arrays of tables ---------------------------------------------------


def previous_owner(document: tomlkit.TOMLDocument, key: str) -> Table | None:
    """The table whose text ends right before the top-level entry `key`, which holds
    the comments and blank lines that stand before it; None when keys come first."""
    from tomlkit.items import AoT, Table

    from planner.edits import _entry_index, _tail_owner

    body = layout.body(document)
    for entry in reversed(body[: _entry_index(document, key)]):
        if layout.is_trivia(entry):
            continue
        item = entry[1]
        if isinstance(item, AoT) and len(item) > 0:
            return _tail_owner(item[-1])
        if isinstance(item, Table):
            return _tail_owner(item)
        return None
    return None


def _put_before(document: tomlkit.TOMLDocument, key: str, trivia: list[Entry]) -> None:
    """Put comments and blank lines right before the top-level entry `key`."""
    from planner.edits import _attach_tail, _entry_index, _insert_trivia

    owner = previous_owner(document, key)
    if owner is not None:
        _attach_tail(owner, trivia)
    else:
        _insert_trivia(document, _entry_index(document, key), trivia)


def delete_element(document: tomlkit.TOMLDocument, key: str, index: int) -> None:
    """Remove an element of a top-level array of tables (`[[weeks]]`, `[[accepted]]`).

    It takes its own comments with it; the comments above it, and those after its own
    that stand before the next table, stay where they are.
    """
    from tomlkit.items import AoT, Array

    from planner.edits import (
        _attach_tail,
        _detach_tail,
        _split_tail,
        _tail_owner,
    )

    elements = document[key]
    if isinstance(elements, Array):
        del elements[index]
        if len(elements) == 0:
            del document[key]
        return
    assert isinstance(elements, AoT)
    removed = elements[index]
    _, rest = _split_tail(_detach_tail(_tail_owner(removed)))
    if index > 0:
        owner = _tail_owner(elements[index - 1])
        del elements[index]
        owner_own, between = _split_tail(_detach_tail(owner))
        if between and not layout.is_blank(between[0]) and rest and layout.is_blank(rest[0]):
            # Comments that stood right above the deleted table stay, set apart by a
            # blank line so they do not become the previous table's own.
            between = [layout.blank_line(), *between]
        _attach_tail(owner, [*owner_own, *between, *rest])
    elif len(elements) > 1:
        del elements[index]
        _put_before(document, key, rest)
    else:
        before = previous_owner(document, key)
        del document[key]
        if before is not None:
            _attach_tail(before, rest)


def insert_table_after(
    document: tomlkit.TOMLDocument, anchor: str, key: str, item: Table | Any
) -> None:
    """Add a new top-level table (or array of tables) right after the entry `anchor`:
    after its own lines, before the comments that stood before what followed it."""
    from tomlkit.items import AoT, Table

    from planner.edits import _attach_tail, _make_room_after, _tail_owner

    before = document[anchor]
    owner = _tail_owner(before[-1] if isinstance(before, AoT) else before)
    rest, blank = _make_room_after(owner)

    layout.insert_after(document, anchor, key, item)
    first = item[0] if isinstance(item, AoT) else item
    assert isinstance(first, Table)
    layout.set_indent(first, "" if blank else "\n")
    _attach_tail(_tail_owner(first), rest)


def last_table_key(document: tomlkit.TOMLDocument, before: str | None = None) -> str | None:
    """The key of the last top-level table or array of tables (before `before`)."""
    from tomlkit.items import AoT, Table

    last: str | None = None
    for entry in layout.body(document):
        key, item = layout.entry_key(entry), entry[1]
        if key is None:
            continue
        if key == before:
            break
        if isinstance(item, Table | AoT):
            last = key
    return last


# --- format 1 -> 2 -----------------------------------------------------------------

_FORMAT_1 = re.compile(r"1(?![0-9_.eExob:+-])")
_WEEK_START_KEY = re.compile(r"""(?:week_start|"week_start"|'week_start')\s*$""")
_DATE_AND_COMMENT = re.compile(r"(\S+)(\s+)(#.*)$")
_FOLLOWING_TABLES = ("history", "rules", "accepted")


def convert_to_format_2(
    document: tomlkit.TOMLDocument, plan: Plan
) -> tuple[tomlkit.TOMLDocument, Plan]:
    """A format 1 document as format 2, every comment kept; with the plan it holds."""
    import tomlkit

    from planner.edits import EditError
    from planner.planfile import PlanError, parse_plan

    text = format_2_text(document.as_string())
    try:
        converted = parse_plan(text, "<format 2>")
    except PlanError as error:
        raise EditError(
            f"cannot convert this file to format 2 ({error.reason}); "
            "write its days as [days.mon] tables to convert it"
        ) from None
    if not _same_plan(plan, converted):
        raise EditError(
            "cannot convert this file's layout to format 2; "
            "write its days as [days.mon] tables to convert it"
        )
    return tomlkit.parse(text), converted


def _same_plan(old: Plan, new: Plan) -> bool:
    """Whether a converted plan says what the format 1 plan said."""
    others = {"format", "plan", "days", "weeks"}
    dates = {"start", "week_start"}
    return (
        new.format == 2
        and new.start == old.start
        and new.week_list == (Week(days=old.week_list[0].days),)
        and new.plan.model_dump(exclude=dates) == old.plan.model_dump(exclude=dates)
        and new.model_dump(exclude=others) == old.model_dump(exclude=others)
    )


def format_2_text(text: str) -> str:
    """The text of a format 1 plan rewritten as format 2, line by line.

    `format = 1` becomes `format = 2` and `week_start` becomes `start` (value and
    comment kept); each `[days.X]` header becomes `[weeks.days.X]` and each
    `[[days.X.sessions]]` one `[[weeks.days.X.sessions]]`; a `[[weeks]]` header goes
    right before the first of them. Every other line, comments and blank lines
    included, stays as it was. Raises EditError for a layout this cannot rewrite.
    """
    from planner.edits import EditError
    from planner.planfile import scan_lines

    lines = text.split("\n")
    newline_end = "\r" if "\r\n" in text else ""
    headers: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] | None = None
    for number, line_info in enumerate(scan_lines(text)):
        line = lines[number]
        if line_info.kind == "header":
            header = line_info.path
            headers.append((number, header))
            if header[0] == "days":
                start, _ = line_info.key_span
                lines[number] = f"{line[:start]}weeks.{line[start:]}"
            continue
        if line_info.kind != "key":
            continue
        path = line_info.path
        if header is None and path[0] == "days":
            raise EditError(
                f"line {number + 1}: the days are written as keys (days... = ); "
                "write them as [days.mon] tables to convert the file to format 2"
            )
        if path == ("format",):
            value = line[line_info.value_start :]
            if not _FORMAT_1.match(value):
                raise EditError(f"line {number + 1}: cannot read `format` to convert it")
            lines[number] = f"{line[: line_info.value_start]}2{value[1:]}"
        elif path == ("plan", "week_start"):
            lines[number] = _renamed_week_start(line, line_info.key_span, line_info.value_start)
    days = [number for number, path in headers if path[0] == "days"]
    if days:
        split = next(
            (n for n, path in headers if days[0] < n < days[-1] and path[0] != "days"), None
        )
        if split is not None:
            raise EditError(
                f"line {split + 1}: the [days.*] tables are split up by another table; "
                "keep them together to convert the file to format 2"
            )
        lines.insert(days[0], "[[weeks]]" + newline_end)
        return "\n".join(lines)
    following = next((n for n, path in headers if path[0] in _FOLLOWING_TABLES), None)
    if following is not None:
        # A week without days: before the comments right above the next table.
        at = following
        while at > 0 and lines[at - 1].strip().startswith("#"):
            at -= 1
        added = ["[[weeks]]" + newline_end, newline_end]
        if at > 0 and lines[at - 1].strip():
            added.insert(0, newline_end)
        lines[at:at] = added
        return "\n".join(lines)
    # A week without days, and nothing after it: at the end.
    ends_with_newline = lines[-1] == ""
    if ends_with_newline:
        lines.pop()
    else:
        lines[-1] += newline_end
    if lines and lines[-1].strip():
        lines.append(newline_end)
    lines.append("[[weeks]]" + (newline_end if ends_with_newline else ""))
    if ends_with_newline:
        lines.append("")
    return "\n".join(lines)


def _renamed_week_start(line: str, key_span: tuple[int, int], value_start: int) -> str:
    """A `week_start = ...` line as `start = ...`, its comment kept in its column."""
    key_start, key_end = key_span
    key = line[key_start:key_end]
    match = _WEEK_START_KEY.search(key)
    assert match is not None
    renamed = key[: match.start()] + "start"
    shift = len(key) - len(renamed)
    between = line[key_end:value_start]
    value = line[value_start:]
    if comment := _DATE_AND_COMMENT.match(value):
        value = f"{comment[1]}{comment[2]}{' ' * shift}{comment[3]}"
    return f"{line[:key_start]}{renamed}{between}{value}"
