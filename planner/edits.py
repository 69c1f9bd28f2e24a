"""Edits of a plan, applied to its tomlkit document so a save changes only what was edited.

Each edit is a small frozen value; `apply_edit` writes it into the document in place.
Comments and blank lines that stand before the next table stay before it: tomlkit
files them at the end of the previous table, so new tables and keys go in front of
that tail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planner.model import DAY_KEYS, DAY_NAMES, MAX_SESSIONS_PER_DAY, Plan, Session
from planner.planfile import to_toml_value

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.container import Container
    from tomlkit.items import Item, Key, Table


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
        import tomlkit

        return tomlkit.parse(edit.text)
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


def _is_trivia(entry: tuple[Key | None, Item]) -> bool:
    from tomlkit.items import Comment, Whitespace

    return entry[0] is None and isinstance(entry[1], Comment | Whitespace)


def _tail_owner(table: Table) -> Table:
    """The table whose body ends where `table` ends in the text (its last sub-table)."""
    from tomlkit.items import AoT, Table

    owner = table
    while True:
        body = owner.value.body
        real = [entry for entry in body if not _is_trivia(entry)]
        if not real or (body and _is_trivia(body[-1])):
            return owner
        last = real[-1][1]
        if isinstance(last, AoT) and len(last) > 0:
            owner = last[-1]
        elif isinstance(last, Table):
            owner = last
        else:
            return owner


def _detach_tail(table: Table) -> list[tuple[Key | None, Item]]:
    """Remove and return the comments and blank lines that end a table's text."""
    body = table.value.body
    tail: list[tuple[Key | None, Item]] = []
    while body and _is_trivia(body[-1]):
        tail.insert(0, body.pop())
    return tail


def _attach_tail(table: Table, tail: list[tuple[Key | None, Item]]) -> None:
    table.value.body.extend(tail)


def _starts_blank(tail: list[tuple[Key | None, Item]]) -> bool:
    from tomlkit.items import Whitespace

    return bool(tail) and isinstance(tail[0][1], Whitespace)


def _days_table(document: tomlkit.TOMLDocument) -> Table:
    import tomlkit

    if "days" not in document:
        days = tomlkit.table(is_super_table=True)
        anchor = next(
            (key for key in ("defaults", "plan", "format") if key in document), None
        )
        container: Container = document
        if anchor is None:
            document.add("days", days)
        else:
            container._insert_after(anchor, "days", days)
    days_table: Table = document["days"]
    return days_table


def _day_table(document: tomlkit.TOMLDocument, day: str, create: bool) -> Table | None:
    """The document's table for a day; made in week order when `create` is set."""
    import tomlkit
    from tomlkit.items import InlineTable, Table

    days = _days_table(document) if create else document.get("days")
    if days is None:
        return None
    if day in days:
        table = days[day]
        if isinstance(table, InlineTable):
            raise EditError(f"days.{day} is an inline table; write it as [days.{day}] to edit it")
        assert isinstance(table, Table)
        return table
    if not create:
        return None
    table = tomlkit.table()
    earlier = [key for key in DAY_KEYS[: DAY_KEYS.index(day)] if key in days]
    later = [key for key in DAY_KEYS[DAY_KEYS.index(day) + 1 :] if key in days]
    if earlier:
        previous = days[earlier[-1]]
        owner = _tail_owner(previous)
        tail = _detach_tail(owner)
        days.value._insert_after(earlier[-1], day, table)
        table.trivia.indent = "\n"
        _attach_tail(table, tail)
    elif later:
        index = next(
            i for i, (key, _) in enumerate(days.value.body) if key is not None and key.key == later[0]
        )
        days.value._insert_at(index, day, table)
        table.trivia.indent = "\n"
        _attach_tail(table, [(None, tomlkit.ws("\n"))])
    else:
        days.append(day, table)
        table.trivia.indent = "\n"
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


def _new_session_table(values: dict[str, Any]) -> Table:
    import tomlkit

    table = tomlkit.table()
    for key, value in values.items():
        table.add(key, value)
    return table


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
    if isinstance(table, Table):
        _detach_tail(table)
        table.trivia.indent = ""
    else:
        table = _new_session_table(
            _session_values(session) if table is None else dict(table.unwrap())
        )
    if not isinstance(sessions, AoT) or len(sessions) == 0:
        owner = _tail_owner(day_table)
        tail = _detach_tail(owner)
        if "sessions" in day_table:
            del day_table["sessions"]
        aot = tomlkit.aot()
        aot.append(table)
        day_table.append("sessions", aot)
        _attach_tail(table, tail)
        return
    position = len(sessions) if index is None else max(0, min(index, len(sessions)))
    if position == len(sessions):
        previous = sessions[-1]
        owner = _tail_owner(previous)
        tail = _detach_tail(owner)
        blank = _starts_blank(tail)
        if blank:
            owner.value.body.append(tail[0])
        _attach_tail(table, tail)
        sessions.append(table)
        # tomlkit indents appended tables itself; the blank line is already there.
        table.trivia.indent = "" if blank else "\n"
    else:
        _attach_tail(table, [(None, tomlkit.ws("\n"))])
        sessions.insert(position, table)
        table.trivia.indent = sessions[position + 1].trivia.indent


def _delete_session(document: tomlkit.TOMLDocument, day: str, index: int) -> Any:
    """Remove a session from the document and return its table (or inline table)."""
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
    is_last = index == len(sessions) - 1
    tail = _detach_tail(_tail_owner(removed)) if is_last else []
    del sessions[index]
    if len(sessions) == 0:
        del day_table["sessions"]
        _attach_tail(_tail_owner(day_table), tail)
    elif is_last:
        previous_owner = _tail_owner(sessions[-1])
        _detach_tail(previous_owner)
        _attach_tail(previous_owner, tail)
    return removed


def _session_table(document: tomlkit.TOMLDocument, day: str, index: int) -> Any:
    day_table = _day_table(document, day, create=False)
    if day_table is None or "sessions" not in day_table:
        raise EditError(f"{DAY_NAMES[day]} has no sessions in the file")
    return day_table["sessions"][index]


def _set_key(table: Any, key: str, value: Any) -> None:
    """Set or remove one key of a table, keeping the table's trailing comments last."""
    from tomlkit.items import InlineTable

    if value is None:
        if key in table:
            del table[key]
        return
    if key in table or isinstance(table, InlineTable):
        table[key] = value
        return
    tail = _detach_tail(table)
    table[key] = value
    _attach_tail(table, tail)


def _update_session(table: Any, old: Session, new: Session) -> None:
    for name in Session.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if after is None or (name == "carbs_after" and after is False):
            _set_key(table, name, None)
        else:
            _set_key(table, name, to_toml_value(after))


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
        unwrapped = current.unwrap() if hasattr(current, "unwrap") else current
        if value is not None and unwrapped is not None and _same(key, unwrapped, value):
            continue
        _set_key(table, key, value)


def _same(key: str, written: Any, value: Any) -> bool:
    """Whether a written value already means `value` (17:30:00 means "17:30")."""
    import datetime as dt

    if isinstance(written, dt.time):
        return f"{written.hour:02d}:{written.minute:02d}" == value
    if key == "sleep_hours":
        return float(written) == float(value)
    return bool(written == value)
