"""Edits of a plan, applied to its tomlkit document so a save changes only what was edited.

Each edit is a small frozen value; `apply_edit` writes it into the document in place.
Comments and blank lines that stand before the next table stay before it: tomlkit
files them at the end of the previous table, so new tables and keys go in front of
that tail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner import tomlkit_adapter as layout
from planner.model import DAY_KEYS, DAY_NAMES, MAX_SESSIONS_PER_DAY, Plan, Session
from planner.planfile import load_toml, parse_document, to_toml_value, toml_table
from planner.tomlkit_adapter import Entry

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import Table


class EditError(ValueError):
    """An edit that cannot be applied to this plan (it is left as it was)."""


@dataclass(frozen=True, slots=True)
class AddSession:
    """Add a session to a day, at the end or at an index."""

    day: str
    session: Session
    index: int | None = None

    def describe(self) -> str:
        """What the edit does, for undo labels and notifications."""
        return f"add {self.session.title!r} to {DAY_NAMES[self.day]}"


@dataclass(frozen=True, slots=True)
class UpdateSession:
    """Replace a session's values; keys that did not change are left as written."""

    day: str
    index: int
    session: Session

    def describe(self) -> str:
        """What the edit does."""
        return f"edit {self.session.title!r} on {DAY_NAMES[self.day]}"


@dataclass(frozen=True, slots=True)
class DeleteSession:
    """Delete a session."""

    day: str
    index: int

    def describe(self) -> str:
        """What the edit does."""
        return f"delete session {self.index + 1} of {DAY_NAMES[self.day]}"


@dataclass(frozen=True, slots=True)
class MoveSession:
    """Move a session to another day (at the end, or at an index)."""

    day: str
    index: int
    to_day: str
    to_index: int | None = None

    def describe(self) -> str:
        """What the edit does."""
        return f"move a session from {DAY_NAMES[self.day]} to {DAY_NAMES[self.to_day]}"


@dataclass(frozen=True, slots=True)
class SetDay:
    """Set a day's sleep, bedtime, protein meals and note; None falls back to defaults."""

    day: str
    sleep_hours: float | None
    bedtime: str | None
    protein_meals: int | None
    note: str = ""

    def describe(self) -> str:
        """What the edit does."""
        return f"edit {DAY_NAMES[self.day]}"


@dataclass(frozen=True, slots=True)
class ReplacePlan:
    """Replace the whole plan with another plan's text (a template or a file)."""

    text: str
    label: str

    def describe(self) -> str:
        """What the edit does."""
        return f"import {self.label}"


Edit = AddSession | UpdateSession | DeleteSession | MoveSession | SetDay | ReplacePlan


def apply_edit(document: tomlkit.TOMLDocument, plan: Plan, edit: Edit) -> tomlkit.TOMLDocument:
    """Apply an edit to the document (in place where possible) and return the document.

    `plan` is the plan the document describes before the edit; it is used to check
    indexes and to tell which session values really changed.
    """
    if isinstance(edit, ReplacePlan):
        # tomllib first: a syntax error becomes a PlanError with its line and column.
        load_toml(edit.text, edit.label)
        return parse_document(edit.text, edit.label)
    _check_day(edit.day)
    if isinstance(edit, AddSession):
        _check_room(plan, edit.day)
        _insert_session(document, edit.day, edit.session, edit.index)
    elif isinstance(edit, UpdateSession):
        old = _session(plan, edit.day, edit.index)
        _update_session(_session_table(document, edit.day, edit.index), old, edit.session)
    elif isinstance(edit, DeleteSession):
        _session(plan, edit.day, edit.index)
        _delete_session(document, edit.day, edit.index)
    elif isinstance(edit, MoveSession):
        _check_day(edit.to_day)
        moving = _session(plan, edit.day, edit.index)
        if edit.to_day != edit.day:
            _check_room(plan, edit.to_day)
        moved = _delete_session(document, edit.day, edit.index)
        _insert_session(document, edit.to_day, moving, edit.to_index, table=moved)
    elif isinstance(edit, SetDay):
        _set_day(document, edit)
    return document


# --- checks ----------------------------------------------------------------------


def _check_day(day: str) -> None:
    if day not in DAY_KEYS:
        raise EditError(f"unknown day {day!r}; days are {', '.join(DAY_KEYS)}")


def _check_room(plan: Plan, day: str) -> None:
    if len(plan.days[day].sessions) >= MAX_SESSIONS_PER_DAY:
        raise EditError(
            f"{DAY_NAMES[day]} already has {MAX_SESSIONS_PER_DAY} sessions, the most a day holds"
        )


def _session(plan: Plan, day: str, index: int) -> Session:
    sessions = plan.days[day].sessions
    if not 0 <= index < len(sessions):
        raise EditError(f"{DAY_NAMES[day]} has no session {index + 1}")
    return sessions[index]


# --- tomlkit structure -----------------------------------------------------------
#
# A table's body is a list of entries (see planner.tomlkit_adapter); the comments and
# blank lines at its end stand, in the text, before whatever table comes next.


def _tail_owner(table: Table) -> Table:
    """The table whose body ends where `table` ends in the text (its last sub-table)."""
    from tomlkit.items import AoT, Table

    owner = table
    while True:
        body = layout.body(owner)
        real = [entry for entry in body if not layout.is_trivia(entry)]
        if not real or (body and layout.is_trivia(body[-1])):
            return owner
        last = real[-1][1]
        if isinstance(last, AoT) and len(last) > 0:
            owner = last[-1]
        elif isinstance(last, Table):
            owner = last
        else:
            return owner


def _detach_tail(table: Table) -> list[Entry]:
    """Remove and return the comments and blank lines that end a table's text."""
    body = layout.body(table)
    tail: list[Entry] = []
    while body and layout.is_trivia(body[-1]):
        entry = body.pop()
        if not layout.is_deleted(entry):
            tail.insert(0, entry)
    return tail


def _attach_tail(table: Table, tail: list[Entry]) -> None:
    body = layout.body(table)
    for entry in tail:
        # One blank line where two runs of blank lines meet.
        last = next((e for e in reversed(body) if not layout.is_deleted(e)), None)
        if layout.is_blank(entry) and last is not None and layout.is_blank(last):
            continue
        body.append(entry)


def _split_tail(tail: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """A table's tail as (its own comments, the rest).

    Comments right under a table's last key, ended by a blank line, belong to the
    table and move with it. What follows the first blank line stands before the next
    table and stays where it is.
    """
    for index, entry in enumerate(tail):
        if layout.is_blank(entry):
            return tail[:index], tail[index:]
    return [], tail


def _make_room_after(owner: Table) -> tuple[list[Entry], bool]:
    """Detach owner's tail so a table can follow owner's own lines.

    Owner keeps its own comments and, when the tail had one, a blank line; the rest
    of the tail is returned to end the new table, so it still stands before what
    followed owner. The flag says whether the blank line is there.
    """
    own, rest = _split_tail(_detach_tail(owner))
    blank = bool(rest) and layout.is_blank(rest[0])
    _attach_tail(owner, own + ([layout.blank_line()] if blank else []))
    return rest, blank


def _new_tail(own: list[Entry], rest: list[Entry]) -> list[Entry]:
    """A moved table's own comments followed by the trivia that now comes after it.

    A blank line ends the own comments, so they stay the table's own.
    """
    if own and not (rest and layout.is_blank(rest[0])):
        return [*own, layout.blank_line(), *rest]
    return [*own, *rest]


def _insert_trivia(table: Table, position: int, entries: list[Entry]) -> None:
    """Insert comments and blank lines into a table's body before entry `position`."""
    body = layout.body(table)
    for entry in entries:
        if layout.is_blank(entry) and (
            (position > 0 and layout.is_blank(body[position - 1]))
            or (position < len(body) and layout.is_blank(body[position]))
        ):
            continue
        body.insert(position, entry)
        layout.shift_indexes(table, position, 1)
        position += 1


def _take_trivia_before(table: Table, position: int) -> list[Entry]:
    """Remove and return the comments and blank lines right before entry `position`."""
    body = layout.body(table)
    start = position
    while start > 0 and layout.is_trivia(body[start - 1]):
        start -= 1
    taken = [entry for entry in body[start:position] if not layout.is_deleted(entry)]
    del body[start:position]
    layout.shift_indexes(table, position, start - position)
    return taken


def _entry_index(table: Any, key: str) -> int:
    """Where the entry of a key is in a table's body."""
    return next(
        index for index, entry in enumerate(layout.body(table)) if layout.entry_key(entry) == key
    )


def _days_table(document: tomlkit.TOMLDocument) -> tuple[Any, Table | None]:
    """The `days` table, made after [defaults] or [plan] when the file has none.

    Also returns the table that ends where a new `days` table starts, so a first day
    can go after that table's own lines. An existing `days` is returned as tomlkit
    has it: a table, or the pieces of one split up by other tables.
    """
    import tomlkit
    from tomlkit.items import Table

    if "days" in document:
        return document["days"], None
    days = tomlkit.table(is_super_table=True)
    anchor = next((key for key in ("defaults", "plan", "format") if key in document), None)
    if anchor is None:
        document.add("days", days)
        return days, None
    layout.insert_after(document, anchor, "days", days)
    before = document[anchor]
    return days, before if isinstance(before, Table) else None


def _day_table(document: tomlkit.TOMLDocument, day: str, create: bool) -> Table | None:
    """The document's table for a day; made in week order when `create` is set."""
    import tomlkit
    from tomlkit.items import InlineTable

    before: Table | None = None
    days: Any
    if create:
        days, before = _days_table(document)
    else:
        days = document.get("days")
    if days is None:
        return None
    if day in days:
        table = days[day]
        if isinstance(table, InlineTable):
            raise EditError(f"days.{day} is an inline table; write it as [days.{day}] to edit it")
        return layout.require_table(table, f"days.{day}")
    if not create:
        return None
    days = layout.require_table(days, "days")  # a new day goes in among the others
    # Written as [days.xxx] even while it holds nothing but sessions, as people do.
    table = tomlkit.table(is_super_table=False)
    earlier = [key for key in DAY_KEYS[: DAY_KEYS.index(day)] if key in days]
    later = [key for key in DAY_KEYS[DAY_KEYS.index(day) + 1 :] if key in days]
    previous = layout.require_table(days[earlier[-1]], "days") if earlier else before
    if previous is not None:
        # After the earlier day's (or the table before [days]'s) own lines; what
        # stood before the next table stays before it.
        owner = _tail_owner(previous)
        rest, blank = _make_room_after(owner)
        if earlier:
            layout.insert_after(days, earlier[-1], day, table)
        else:
            days.append(day, table)
        layout.set_indent(table, "" if blank else "\n")
        _attach_tail(table, rest)
    elif later:
        # Before the later day, taking over the blank line above it.
        following = layout.require_table(days[later[0]], f"days.{later[0]}")
        above = layout.indent(following)
        layout.insert_at(days, _entry_index(days, later[0]), day, table)
        layout.set_indent(table, above if "\n" in above else "")
        layout.set_indent(following, above.replace("\n", ""))
        _attach_tail(table, [layout.blank_line()])
    else:
        days.append(day, table)
        layout.set_indent(table, "\n")
    return table


def _session_values(session: Session) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in Session.model_fields:
        value = getattr(session, name)
        # Defaults stay implicit: no `rpe`, `focus` or `carbs_after = false` unless chosen.
        if value is None or name not in session.model_fields_set:
            continue
        if name == "carbs_after" and value is False:
            continue
        values[name] = to_toml_value(value)
    return values


def _insert_into_aot(sessions: Any, position: int, table: Table, indent: str) -> None:
    """Insert a table into an array of tables without re-indenting its neighbours."""
    indents = [(other, layout.indent(other)) for other in sessions]
    sessions.insert(position, table)
    for other, other_indent in indents:
        layout.set_indent(other, other_indent)
    layout.set_indent(table, indent)


def _insert_session(
    document: tomlkit.TOMLDocument,
    day: str,
    session: Session,
    index: int | None,
    table: Any = None,
) -> None:
    import tomlkit
    from tomlkit.items import AoT, Array, Table

    day_table = _day_table(document, day, create=True)
    assert day_table is not None
    sessions = day_table.get("sessions")
    if isinstance(sessions, Array):
        inline = tomlkit.inline_table()
        inline.update(_session_values(session) if table is None else table.unwrap())
        sessions.insert(len(sessions) if index is None else index, inline)
        return
    own: list[Entry] = []
    if isinstance(table, Table):
        # A moved session: its tail is its own comments (see _delete_session).
        own = _detach_tail(table)
        layout.set_indent(table, "")
    else:
        table = toml_table(_session_values(session) if table is None else dict(table.unwrap()))
    if not isinstance(sessions, AoT) or len(sessions) == 0:
        owner = _tail_owner(day_table)
        keys = (layout.entry_key(entry) for entry in layout.body(day_table))
        if any(key is not None and key != "sessions" for key in keys):
            rest, blank = _make_room_after(owner)
            indent = "" if blank else "\n"
        else:
            # Right under the day's header (and the comments that follow it).
            day_own, rest = _split_tail(_detach_tail(owner))
            _attach_tail(owner, day_own)
            indent = ""
        if "sessions" in day_table:
            del day_table["sessions"]
        aot = tomlkit.aot()
        aot.append(table)
        day_table.append("sessions", aot)
        layout.set_indent(table, indent)
        _attach_tail(table, _new_tail(own, rest))
        return
    position = len(sessions) if index is None else max(0, min(index, len(sessions)))
    if position > 0:
        # After the previous session's own lines; what stood before the next table
        # (or the next session) stays before it.
        rest, blank = _make_room_after(_tail_owner(sessions[position - 1]))
        _insert_into_aot(sessions, position, table, "" if blank else "\n")
    else:
        # Before the first session: the comments above it stay above it.
        at = _entry_index(day_table, "sessions")
        day_own, rest = _split_tail(_take_trivia_before(day_table, at))
        blank = bool(rest) and layout.is_blank(rest[0])
        keep = day_own + ([layout.blank_line()] if blank else [])
        _insert_trivia(day_table, _entry_index(day_table, "sessions"), keep)
        _insert_into_aot(sessions, 0, table, "" if blank or not day_own else "\n")
    _attach_tail(table, _new_tail(own, rest))


def _delete_session(document: tomlkit.TOMLDocument, day: str, index: int) -> Any:
    """Remove a session from the document and return its table (or inline table).

    The session takes its own comments with it; the comments and blank lines after
    them stand before the next table and stay where they are.
    """
    from tomlkit.items import AoT, Array

    day_table = _day_table(document, day, create=False)
    if day_table is None or "sessions" not in day_table:
        raise EditError(f"{DAY_NAMES[day]} has no sessions in the file")
    sessions = day_table["sessions"]
    if isinstance(sessions, Array):
        inline = sessions[index]
        del sessions[index]
        if len(sessions) == 0:
            del day_table["sessions"]
        return inline
    assert isinstance(sessions, AoT)
    removed = sessions[index]
    own, rest = _split_tail(_detach_tail(_tail_owner(removed)))
    _attach_tail(removed, own)
    if index > 0:
        previous_owner = _tail_owner(sessions[index - 1])
        del sessions[index]
        before = _detach_tail(previous_owner)
        previous_own, between = _split_tail(before)
        if between and not layout.is_blank(between[0]) and rest and layout.is_blank(rest[0]):
            # Comments that stood right above the deleted session stay, set apart by a
            # blank line so they do not become the previous session's own.
            between = [layout.blank_line(), *between]
        _attach_tail(previous_owner, [*previous_own, *between, *rest])
    elif len(sessions) > 1:
        del sessions[index]
        _insert_trivia(day_table, _entry_index(day_table, "sessions"), rest)
    else:
        del day_table["sessions"]
        _attach_tail(_tail_owner(day_table), rest)
    return removed


def _session_table(document: tomlkit.TOMLDocument, day: str, index: int) -> Any:
    day_table = _day_table(document, day, create=False)
    if day_table is None or "sessions" not in day_table:
        raise EditError(f"{DAY_NAMES[day]} has no sessions in the file")
    return day_table["sessions"][index]


def _set_key(table: Any, key: str, value: Any) -> None:
    """Set or remove one key of a table, keeping the table's trailing comments last."""
    import tomlkit
    from tomlkit.items import AoT, InlineTable, Table

    if value is None:
        if key in table:
            del table[key]
        return
    if key in table or isinstance(table, InlineTable):
        table[key] = value
        return
    body = layout.body(table)
    first_table = next(
        (i for i, (_, item) in enumerate(body) if isinstance(item, Table | AoT)), None
    )
    if first_table is None:
        tail = _detach_tail(table)
        table[key] = value
        _attach_tail(table, tail)
        return
    # A day with sessions: the key goes under the day's own keys, not under the
    # comments that stand above its first session.
    keys = [i for i, entry in enumerate(body[:first_table]) if not layout.is_trivia(entry)]
    if keys:
        position = keys[-1] + 1
    else:
        position = 0
        while (
            position < first_table
            and layout.is_trivia(body[position])
            and not layout.is_blank(body[position])
        ):
            position += 1
    layout.insert_at(table, position, key, tomlkit.item(value))


def _styled(current: Any, value: Any) -> Any:
    """A new value written in the style of the one it replaces (17:30:00 stays a time)."""
    import datetime as dt

    written = current.unwrap() if hasattr(current, "unwrap") else current
    if isinstance(written, dt.time) and isinstance(value, str) and ":" in value:
        hours, minutes = value.split(":")
        return dt.time(int(hours), int(minutes))
    return value


def _update_session(table: Any, old: Session, new: Session) -> None:
    for name in Session.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if after is None or (name == "carbs_after" and after is False):
            _set_key(table, name, None)
        else:
            _set_key(table, name, _styled(table.get(name), to_toml_value(after)))


def _set_day(document: tomlkit.TOMLDocument, edit: SetDay) -> None:
    values: dict[str, Any] = {
        "note": edit.note or None,
        "sleep_hours": edit.sleep_hours,
        "bedtime": edit.bedtime,
        "protein_meals": edit.protein_meals,
    }
    table = _day_table(document, edit.day, create=any(v is not None for v in values.values()))
    if table is None:
        return
    for key, value in values.items():
        current = table.get(key)
        unwrapped = current.unwrap() if current is not None else None
        if value is not None and unwrapped is not None and _same(key, unwrapped, value):
            continue
        _set_key(table, key, _styled(current, value))


def _same(key: str, written: Any, value: Any) -> bool:
    """Whether a written value already means `value` (17:30:00 means "17:30")."""
    import datetime as dt

    if isinstance(written, dt.time):
        return bool(f"{written.hour:02d}:{written.minute:02d}" == value)
    if key == "sleep_hours":
        return bool(float(written) == float(value))
    return bool(written == value)
