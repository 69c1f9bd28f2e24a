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
from planner.block_edits import AddWeek, DeleteWeek, DuplicateWeek, SetWeek
from planner.model import DAY_KEYS, DAY_NAMES, MAX_SESSIONS_PER_DAY, Done, Plan, Session
from planner.planfile import inline_table, load_toml, parse_document, to_toml_value, toml_table
from planner.settings_edits import AcceptFinding, RemoveAcceptance, SetPlanSettings
from planner.tomlkit_adapter import Entry

if TYPE_CHECKING:
    import tomlkit
    from tomlkit.items import Table


class EditError(ValueError):
    """An edit that cannot be applied to this plan (it is left as it was)."""


def where(day: str, week: int, weeks: int) -> str:
    """A day as an edit's description names it: "Monday", or "Monday (week 2)" when
    the plan has several weeks (`week` is 0-based, `weeks` the plan's count)."""
    return DAY_NAMES[day] if weeks <= 1 else f"{DAY_NAMES[day]} (week {week + 1})"


@dataclass(frozen=True, slots=True)
class AddSession:
    """Add a session to a day, at the end or at an index."""

    day: str
    session: Session
    index: int | None = None
    week: int = 0

    def describe(self, weeks: int = 1) -> str:
        """What the edit does, for undo labels and notifications; `weeks` is the
        plan's number of weeks (the week is named when there are several)."""
        return f"add {self.session.title!r} to {where(self.day, self.week, weeks)}"


@dataclass(frozen=True, slots=True)
class UpdateSession:
    """Replace a session's values; keys that did not change are left as written."""

    day: str
    index: int
    session: Session
    week: int = 0

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"edit {self.session.title!r} on {where(self.day, self.week, weeks)}"


@dataclass(frozen=True, slots=True)
class DeleteSession:
    """Delete a session."""

    day: str
    index: int
    week: int = 0

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"delete session {self.index + 1} of {where(self.day, self.week, weeks)}"


@dataclass(frozen=True, slots=True)
class MoveSession:
    """Move a session to another day (at the end, or at an index), of the same week or
    another one (`to_week`; None is the same week)."""

    day: str
    index: int
    to_day: str
    to_index: int | None = None
    week: int = 0
    to_week: int | None = None

    @property
    def target_week(self) -> int:
        """The week the session moves to (0-based)."""
        return self.week if self.to_week is None else self.to_week

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return (
            f"move a session from {where(self.day, self.week, weeks)} "
            f"to {where(self.to_day, self.target_week, weeks)}"
        )


@dataclass(frozen=True, slots=True)
class SetDay:
    """Set a day's sleep, bedtime, protein meals and note; None falls back to defaults."""

    day: str
    sleep_hours: float | None
    bedtime: str | None
    protein_meals: int | None
    note: str = ""
    week: int = 0

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"edit {where(self.day, self.week, weeks)}"


@dataclass(frozen=True, slots=True)
class LogSession:
    """Log what was done of a session (its `done`), or take the log back (None)."""

    week: int
    day: str
    index: int
    done: Done | None

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        place = f"session {self.index + 1} of {where(self.day, self.week, weeks)}"
        if self.done is None:
            return f"clear the log of {place}"
        return f"log {place} as {self.done.status.value}"


@dataclass(frozen=True, slots=True)
class AddExtraSession:
    """Log a session that was done but not planned: added at the end of its day, with
    `extra = true` and its `done`."""

    week: int
    day: str
    session: Session

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"log the extra {self.session.title!r} on {where(self.day, self.week, weeks)}"


@dataclass(frozen=True, slots=True)
class ReplacePlan:
    """Replace the whole plan with another plan's text (a template or a file)."""

    text: str
    label: str

    def describe(self, weeks: int = 1) -> str:
        """What the edit does."""
        return f"import {self.label}"


Edit = (
    AddSession
    | UpdateSession
    | DeleteSession
    | MoveSession
    | SetDay
    | LogSession
    | AddExtraSession
    | ReplacePlan
    | SetPlanSettings
    | AcceptFinding
    | RemoveAcceptance
    | AddWeek
    | DuplicateWeek
    | DeleteWeek
    | SetWeek
)


def apply_edit(document: tomlkit.TOMLDocument, plan: Plan, edit: Edit) -> tomlkit.TOMLDocument:
    """Apply an edit to the document (in place where possible) and return the document.

    `plan` is the plan the document describes before the edit; it is used to check
    indexes and to tell which session values really changed.
    """
    if isinstance(edit, ReplacePlan):
        # tomllib first: a syntax error becomes a PlanError with its line and column.
        load_toml(edit.text, edit.label)
        return parse_document(edit.text, edit.label)
    if isinstance(edit, AddWeek | DuplicateWeek | DeleteWeek | SetWeek):
        from planner.block_edits import apply_week_edit

        return apply_week_edit(document, plan, edit)
    if isinstance(edit, SetPlanSettings | AcceptFinding | RemoveAcceptance):
        from planner.settings_edits import apply_settings_edit

        return apply_settings_edit(document, plan, edit)
    _check_day(edit.day)
    _check_week(plan, edit.week)
    if isinstance(edit, AddSession | AddExtraSession):
        if isinstance(edit, AddExtraSession) and (
            not edit.session.extra or not edit.session.logged
        ):
            raise EditError("an extra session is logged: it needs extra = true and its done")
        _check_room(plan, edit.day, edit.week)
        index = edit.index if isinstance(edit, AddSession) else None
        _insert_session(document, edit.day, edit.session, index, week=edit.week)
    elif isinstance(edit, UpdateSession | LogSession):
        old = _session(plan, edit.day, edit.index, edit.week)
        if isinstance(edit, LogSession):
            if edit.done is None and old.extra:
                raise EditError("an extra session needs its log; delete the session instead")
            new = old.model_copy(update={"done": edit.done})
        else:
            new = edit.session
        table = _session_table(document, edit.day, edit.index, edit.week)
        _update_session(table, old, new)
    elif isinstance(edit, DeleteSession):
        _session(plan, edit.day, edit.index, edit.week)
        _delete_session(document, edit.day, edit.index, edit.week)
    elif isinstance(edit, MoveSession):
        _check_day(edit.to_day)
        _check_week(plan, edit.target_week)
        moving = _session(plan, edit.day, edit.index, edit.week)
        if (edit.to_day, edit.target_week) != (edit.day, edit.week):
            _check_room(plan, edit.to_day, edit.target_week)
        moved = _delete_session(document, edit.day, edit.index, edit.week)
        _insert_session(
            document, edit.to_day, moving, edit.to_index, table=moved, week=edit.target_week
        )
    elif isinstance(edit, SetDay):
        _set_day(document, edit)
    return document


# --- checks ----------------------------------------------------------------------


def _check_day(day: str) -> None:
    if day not in DAY_KEYS:
        raise EditError(f"unknown day {day!r}; days are {', '.join(DAY_KEYS)}")


def _check_week(plan: Plan, week: int) -> None:
    weeks = len(plan.week_list)
    if not 0 <= week < weeks:
        raise EditError(f"the plan has no week {week + 1}; it has {weeks}")


def _check_room(plan: Plan, day: str, week: int = 0) -> None:
    if len(plan.week_list[week].days[day].sessions) >= MAX_SESSIONS_PER_DAY:
        raise EditError(
            f"{DAY_NAMES[day]} already has {MAX_SESSIONS_PER_DAY} sessions, the most a day holds"
        )


def _session(plan: Plan, day: str, index: int, week: int = 0) -> Session:
    sessions = plan.week_list[week].days[day].sessions
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


def _insert_trivia(
    table: Table | tomlkit.TOMLDocument, position: int, entries: list[Entry]
) -> None:
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


def _is_format_2(document: tomlkit.TOMLDocument) -> bool:
    return bool(document.get("format") == 2)


def _week_table(document: tomlkit.TOMLDocument, week: int) -> Table:
    """The `[[weeks]]` table of a week (0-based) of a format 2 document."""
    from tomlkit.items import AoT, Table

    weeks = document.get("weeks")
    if not isinstance(weeks, AoT):
        raise EditError("the weeks are not written as [[weeks]] tables; write them so to edit")
    if not 0 <= week < len(weeks):
        raise EditError(f"the plan has no week {week + 1}; it has {len(weeks)}")
    table = weeks[week]
    assert isinstance(table, Table)
    return table


def _week_days(document: tomlkit.TOMLDocument, week: int) -> Any:
    """The `days` table of a week, or None when the week has none yet."""
    if _is_format_2(document):
        return _week_table(document, week).get("days")
    if week != 0:
        raise EditError(f"a format 1 plan has one week; there is no week {week + 1}")
    return document.get("days")


def _days_table(
    document: tomlkit.TOMLDocument, week: int = 0
) -> tuple[Any, Table | None, Table | None]:
    """The `days` table of a week, made when the week has none: in a format 1 file
    after [defaults] or [plan], in format 2 at the end of the week's `[[weeks]]` table.

    Also returns the table that ends where a new `days` table starts, so a first day
    can go after that table's own lines, and the week table a new format 2 `days`
    table still has to be added to once room is made (None when it is in place).
    An existing `days` is returned as tomlkit has it: a table, or the pieces of one
    split up by other tables.
    """
    import tomlkit
    from tomlkit.items import Table

    if _is_format_2(document):
        week_table = _week_table(document, week)
        if "days" in week_table:
            found: Table = week_table["days"]
            return found, None, None
        return tomlkit.table(is_super_table=True), week_table, week_table
    if week != 0:
        raise EditError(f"a format 1 plan has one week; there is no week {week + 1}")
    if "days" in document:
        return document["days"], None, None
    days = tomlkit.table(is_super_table=True)
    anchor = next((key for key in ("defaults", "plan", "format") if key in document), None)
    if anchor is None:
        document.add("days", days)
        return days, None, None
    layout.insert_after(document, anchor, "days", days)
    before = document[anchor]
    return days, before if isinstance(before, Table) else None, None


def _day_table(
    document: tomlkit.TOMLDocument, day: str, create: bool, week: int = 0
) -> Table | None:
    """The document's table for a day of a week; made in week order when `create` is set."""
    import tomlkit
    from tomlkit.items import InlineTable

    before: Table | None = None
    holder: Table | None = None
    days: Any
    if create:
        days, before, holder = _days_table(document, week)
    else:
        days = _week_days(document, week)
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
        if holder is not None:
            # A format 2 week's first day: its `days` goes under the week's own lines.
            holder.append("days", days)
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
        if name in ("carbs_after", "extra") and value is False:
            continue
        values[name] = _session_value(name, value)
    return values


def _session_value(name: str, value: Any) -> Any:
    """A session field's value as written: `done` as an inline table."""
    if name == "done":
        return inline_table(done_values(value))
    return to_toml_value(value)


def done_values(done: Done) -> dict[str, Any]:
    """A `done` record's keys as an edit writes them: those that differ from their
    defaults (`status` only when not "done", `note` and `source` only when given)."""
    values: dict[str, Any] = {}
    for name in Done.model_fields:
        value = getattr(done, name)
        if value is None or value == Done.model_fields[name].default:
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
    week: int = 0,
) -> None:
    import tomlkit
    from tomlkit.items import AoT, Array, Table

    day_table = _day_table(document, day, create=True, week=week)
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
        table = toml_table(_session_values(session) if table is None else _inline(table.unwrap()))
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


def _inline(values: dict[str, Any]) -> dict[str, Any]:
    """An inline session's values for a session table: a `done` stays inline."""
    return {key: inline_table(v) if isinstance(v, dict) else v for key, v in values.items()}


def _delete_session(document: tomlkit.TOMLDocument, day: str, index: int, week: int = 0) -> Any:
    """Remove a session from the document and return its table (or inline table).

    The session takes its own comments with it; the comments and blank lines after
    them stand before the next table and stay where they are.
    """
    from tomlkit.items import AoT, Array

    day_table = _day_table(document, day, create=False, week=week)
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


def _session_table(document: tomlkit.TOMLDocument, day: str, index: int, week: int = 0) -> Any:
    day_table = _day_table(document, day, create=False, week=week)
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
        if after is None or (name in ("carbs_after", "extra") and after is False):
            _set_key(table, name, None)
        elif name == "done":
            _set_done(table, after)
        else:
            _set_key(table, name, _styled(table.get(name), to_toml_value(after)))


def _set_done(table: Any, done: Done) -> None:
    """Write a session's `done`: an inline table, or in place where it is a table."""
    from tomlkit.items import InlineTable, Table

    current = table.get("done")
    if isinstance(current, Table) and not isinstance(current, InlineTable):
        values = done_values(done)
        for name in Done.model_fields:
            if current.get(name) is None or current[name].unwrap() != values.get(name):
                _set_key(current, name, values.get(name))
        return
    _set_key(table, "done", inline_table(done_values(done)))


def _set_day(document: tomlkit.TOMLDocument, edit: SetDay) -> None:
    values: dict[str, Any] = {
        "note": edit.note or None,
        "sleep_hours": edit.sleep_hours,
        "bedtime": edit.bedtime,
        "protein_meals": edit.protein_meals,
    }
    create = any(v is not None for v in values.values())
    table = _day_table(document, edit.day, create=create, week=edit.week)
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
