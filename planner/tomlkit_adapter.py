"""tomlkit's private corners in one small place: what edits need of a document's layout.

The editor changes a plan file in place so that every comment and blank line stays
where it was (planner.edits). tomlkit's public API edits values; moving a table's
trailing comments, inserting a key at a position, or setting the blank lines in
front of a table needs its internals: a table's body (a list of `(Key | None, Item)`
entries), `Whitespace`, `Comment` and `Null` items, the key index of a container,
and an item's `trivia`. Only this module touches them. tomlkit is pinned to
TOMLKIT_VERSION (pyproject.toml); tests/unit_tests/test_tomlkit_adapter.py runs every
function here on a real commented document and names the one an upgrade breaks.

Where tomlkit cannot edit a layout in place (a table split up by other tables, which
tomlkit reads as an out-of-order proxy rather than a table), these functions raise
LayoutError; the editor refuses such an edit and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias

if TYPE_CHECKING:
    from tomlkit.items import Table

#: The tomlkit version this adapter was written for and is tested against.
TOMLKIT_VERSION = "0.15.2"

#: One entry of a table's body: `(Key, Item)` for a key, `(None, Item)` for a comment,
#: a run of blank lines, or the Null tomlkit leaves where a key was deleted.
Entry: TypeAlias = tuple[Any, Any]


class LayoutError(ValueError):
    """tomlkit cannot edit this part of the file in place (the file is left as it was)."""


def _container(table: Any) -> Any:
    """The Container behind a table (or the document itself, which is one)."""
    from tomlkit.container import Container
    from tomlkit.items import AoT, InlineTable, Table

    if isinstance(table, Container):
        return table
    if isinstance(table, Table | InlineTable):
        return table.value
    if isinstance(table, AoT):
        raise LayoutError("an array of tables has no body of its own")
    raise LayoutError(
        "a table split up by other tables (tomlkit keeps it as pieces, "
        f"{type(table).__name__}); keep each table's lines together to edit it here"
    )


def require_table(value: Any, where: str) -> Table:
    """`value` as a tomlkit Table, or LayoutError saying that `where` is split up.

    A table whose parts stand apart in the file (say `[days.mon]` after its own
    `[[days.mon.sessions]]`) reads as an out-of-order proxy, which cannot be edited
    in place.
    """
    from tomlkit.items import Table

    if isinstance(value, Table):
        return value
    raise LayoutError(
        f"{where} is split up by other tables in this file; keep its lines together to edit it here"
    )


def body(table: Any) -> list[Entry]:
    """The live list of a table's (or the document's) entries, in file order.

    Changing the list changes the document; after inserting or removing entries
    other than through `insert_at` / `insert_after`, call `shift_indexes`.
    """
    entries: list[Entry] = _container(table).body
    return entries


def entry_key(entry: Entry) -> str | None:
    """The key of a body entry, None for a comment, blank lines or a deleted key."""
    key = entry[0]
    return None if key is None else str(key.key)


def is_trivia(entry: Entry) -> bool:
    """Whether an entry is a comment, blank lines, or what a deleted key left (Null)."""
    from tomlkit.items import Comment, Null, Whitespace

    return entry[0] is None and isinstance(entry[1], Comment | Whitespace | Null)


def is_blank(entry: Entry) -> bool:
    """Whether an entry is a run of blank lines (whitespace)."""
    from tomlkit.items import Whitespace

    return isinstance(entry[1], Whitespace)


def is_deleted(entry: Entry) -> bool:
    """Whether an entry is the Null tomlkit leaves where a key was deleted (renders
    as nothing)."""
    from tomlkit.items import Null

    return isinstance(entry[1], Null)


def blank_line() -> Entry:
    """A new body entry holding one blank line."""
    import tomlkit

    return (None, tomlkit.ws("\n"))


def shift_indexes(table: Any, start: int, delta: int) -> None:
    """Move a container's key index past `delta` entries inserted (or removed, when
    negative) at position `start` of its body, so lookups by key stay right."""
    container = _container(table)
    for key, index in list(container._map.items()):
        if isinstance(index, tuple):
            container._map[key] = tuple(i + delta if i >= start else i for i in index)
        elif index >= start:
            container._map[key] = index + delta
    container._validation_cache.clear()


def _sync(table: Any, key: str) -> None:
    """Mirror a key just inserted into a table's container in the table's own dict,
    as tomlkit's `Table.append` does."""
    from tomlkit.items import Table

    if isinstance(table, Table):
        dict.__setitem__(table, key, table.value[key])


def insert_at(table: Any, position: int, key: str, item: Any) -> None:
    """Insert `key = item` (a value or a table) at entry `position` of a table's body."""
    container = _container(table)
    if not 0 <= position < len(container.body):
        raise LayoutError(f"cannot insert {key!r} at entry {position} of this table")
    container._insert_at(position, key, item)
    _sync(table, key)


def insert_after(table: Any, anchor: str, key: str, item: Any) -> None:
    """Insert `key = item` right after the entry of key `anchor` (its last part, when
    the anchor is split up) in a table's (or the document's) body."""
    container = _container(table)
    if anchor not in container:
        raise LayoutError(f"cannot insert {key!r}: {anchor!r} is not in this table")
    container._insert_after(anchor, key, item)
    _sync(table, key)


def indent(item: Any) -> str:
    """The whitespace (blank lines included) in front of a table's header."""
    text: str = item.trivia.indent
    return text


def set_indent(item: Any, text: str) -> None:
    """Set the whitespace in front of a table's header (`"\\n"`: one blank line)."""
    item.trivia.indent = text
