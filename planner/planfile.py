"""Plan files in and out: reading with clear errors, the editable document, atomic saves.

Two ways in: `read_plan` (tomllib, fast, read-only; what `planner check` uses) and
`PlanDocument.load` (tomlkit, keeps every comment and blank line so the editor can
save a plan changed only where it was edited). Every error, syntax or schema, reads
`FILE:LINE: key.path: reason` on one line, with what the file holds escaped so it can
never break the line or drive the terminal. A save writes the bytes it was given
atomically, keeps a backup, and (for the editor) refuses to replace a file that
changed on disk since it was read (FileState, FileChangedOnDisk).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import stat
import threading
import tomllib
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pydantic import BaseModel, ValidationError

from planner.model import Days, Plan

if TYPE_CHECKING:
    import tomlkit

MAX_FILE_BYTES = 1024 * 1024
BACKUP_SUFFIX = ".bak"


_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escaped(text: str) -> str:
    """Text made safe to show on one line of a terminal, as plan-format.md asks.

    Control characters, line and paragraph separators and invisible format characters
    (bidi overrides) become escapes: `\\n`, `\\t`, `\\x1b`, `\\u2028`, `\\U000e0001`.
    Everything printable, spaces included, stays as it is; backslashes are not doubled,
    so escaping twice changes nothing.
    """
    if text.isprintable():
        return text
    return "".join(_escaped_char(char) for char in text)


def _escaped_char(char: str) -> str:
    if char.isprintable():
        return char
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    import unicodedata

    if unicodedata.category(char) == "Zs":  # no-break and other spaces: harmless
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


class _ProblemFields(NamedTuple):
    line: int | None
    key: str
    reason: str
    column: int | None = None


class Problem(_ProblemFields):
    """One thing wrong with a plan file, at a line and key.

    The key and the reason are kept escaped (see `escaped`), so whatever a file holds,
    a problem shows as one inert line, in the terminal and in the editor alike.
    """

    __slots__ = ()

    def __new__(cls, line: int | None, key: str, reason: str, column: int | None = None) -> Problem:
        return super().__new__(cls, line, escaped(key), escaped(reason), column)

    def format(self, source: str) -> str:
        """`FILE:LINE: key: reason`, with the column where TOML gives one."""
        where = escaped(source)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.key}: {self.reason}" if self.key else f"{where}: {self.reason}"


class PlanError(ValueError):
    """A plan that cannot be read or would not be valid; says where and why."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(problem.format(source) for problem in self.problems))

    @property
    def path(self) -> str:
        """The file (or other source name) the problem is in."""
        return self.source

    @property
    def line(self) -> int | None:
        """The line of the first problem."""
        return self.problems[0].line

    @property
    def key(self) -> str:
        """The key path of the first problem."""
        return self.problems[0].key

    @property
    def reason(self) -> str:
        """The reason of the first problem."""
        return self.problems[0].reason


def problems_to_json(error: PlanError) -> list[dict[str, object]]:
    """Every problem of a PlanError as data: `{"line", "column", "key", "message"}`.

    The `errors` list of `planner check --format json` (cli.md); key and message are
    escaped like the text output; a problem without a key has `null`.
    """
    return [
        {
            "line": problem.line,
            "column": problem.column,
            "key": problem.key or None,
            "message": problem.reason,
        }
        for problem in error.problems
    ]


class SaveError(OSError):
    """A save that did not happen; the file on disk is as it was."""


class FileChangedOnDisk(SaveError):  # noqa: N818 (a SaveError; the name says what happened)
    """The file changed (or was deleted) on disk since it was loaded or last saved.

    Raised instead of writing, so changes someone else made are never silently
    replaced; the caller asks whether to reload, overwrite or save elsewhere.
    """

    def __init__(self, path: Path, deleted: bool = False) -> None:
        self.path = path
        self.deleted = deleted
        what = "was deleted" if deleted else "changed on disk"
        super().__init__(
            f"{escaped(str(path))} {what} since it was opened or last saved; not saved"
        )


class FileState(NamedTuple):
    """What a file held when it was last read or written: enough to tell it changed.

    `digest` is the SHA-256 of its bytes and decides; size and modification time are
    kept to say what changed. All None: there was no file.
    """

    digest: str | None
    size: int | None = None
    mtime_ns: int | None = None

    @property
    def exists(self) -> bool:
        """Whether there was a file."""
        return self.digest is not None

    @classmethod
    def of(cls, data: bytes, info: os.stat_result | None) -> FileState:
        """The state of a file that holds `data` (with `info` from its stat)."""
        import hashlib

        return cls(
            hashlib.sha256(data).hexdigest(),
            len(data),
            info.st_mtime_ns if info is not None else None,
        )


#: The state of a file that does not exist.
NO_FILE = FileState(None)


def file_state(path: Path) -> FileState:
    """What is at `path` now; NO_FILE when nothing is. Other OSErrors propagate."""
    import hashlib

    try:
        with Path(path).open("rb") as handle:
            info = os.fstat(handle.fileno())
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
    except FileNotFoundError:
        return NO_FILE
    return FileState(digest, info.st_size, info.st_mtime_ns)


def check_unchanged(path: Path, expected: FileState) -> None:
    """Raise FileChangedOnDisk unless the file at `path` is still as `expected` says.

    A file that cannot be looked at is a SaveError (nothing is written).
    """
    try:
        now = file_state(path)
    except (OSError, RuntimeError) as error:
        reason = _os_reason(error)
        raise SaveError(
            f"cannot save {escaped(str(path))}: {reason}; the file on disk is unchanged"
        ) from None
    if now.digest != expected.digest:
        raise FileChangedOnDisk(path, deleted=expected.exists and not now.exists)


def _os_reason(error: BaseException) -> str:
    """Why a file operation failed, in a few words."""
    if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
        # Path.resolve raises RuntimeError on a loop (Python 3.11); open gives ELOOP.
        return "it is a symbolic link that loops back on itself"
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


# --- reading ---------------------------------------------------------------------

UTF8_BOM = b"\xef\xbb\xbf"


def read_file(path: Path) -> tuple[bytes, FileState]:
    """The bytes of a plan file and their state, refusing huge files and folders."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlanError(
                name, [Problem(None, "", f"file is {size:,} bytes; plans are at most 1 MiB")]
            )
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            data = handle.read(MAX_FILE_BYTES + 1)
    except PlanError:
        raise
    except IsADirectoryError:
        raise PlanError(name, [Problem(None, "", "is a directory, not a plan file")]) from None
    except FileNotFoundError:
        raise PlanError(name, [Problem(None, "", "no such file")]) from None
    except (OSError, RuntimeError) as error:
        reason = _os_reason(error)
        raise PlanError(name, [Problem(None, "", f"cannot read: {reason}")]) from None
    if len(data) > MAX_FILE_BYTES:
        raise PlanError(name, [Problem(None, "", "file is over 1 MiB; plans are at most 1 MiB")])
    return data, FileState.of(data, info)


def read_source(path: Path) -> str:
    """The text of a plan file, refusing huge, binary, non-UTF-8 and empty files."""
    return decode_source(read_file(path)[0], str(path))


_EMPTY = re.compile(r"(?:[ \t]|\r?\n)*")


def decode_source(data: bytes, name: str) -> str:
    """Bytes of a plan file as text, or a PlanError saying why they are not a plan.

    A UTF-8 byte order mark is dropped (PlanDocument.load keeps note of it). A file of
    nothing but spaces, tabs and newlines is empty; other whitespace (form feed,
    vertical tab, no-break space) is not TOML and gets TOML's error with its line.
    """
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise PlanError(name, [Problem(line, "", "binary file (NUL byte), not a TOML plan")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PlanError(
            name,
            [Problem(line, "", f"not UTF-8 text (byte 0x{data[error.start]:02x})")],
        ) from None
    text = text.removeprefix("\ufeff")
    if _EMPTY.fullmatch(text):
        raise PlanError(
            name, [Problem(None, "", "file is empty; a plan needs format = 1 and [plan]")]
        )
    return text


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_TOML_END = re.compile(r"\s*\(at end of document\)$")
_TOML_TUPLE = re.compile(r"\(((?:'[^']*'(?:, ?)?)+)\)")


#: How deep `[` and `{` may nest in a plan file. A plan itself nests four levels at
#: most (`history.longest_session_min`, `days.mon.sessions[0].focus`); the limit keeps
#: the recursive parsers (tomllib, tomlkit, pydantic) far from Python's recursion limit.
MAX_NESTING = 16

_NESTING_TOKENS = re.compile(
    r"#[^\n]*"  # a comment
    r'|"""(?:[^"\\]|\\.|""?(?!"))*(?:"{3,5}|\Z)'  # a multi-line basic string
    r"|'''(?:[^']|''?(?!'))*(?:'{3,5}|\Z)"  # a multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"'  # a basic string
    r"|'[^'\n]*'"  # a literal string
    r"|[\"'][^\n]*"  # a string never closed: to the end of its line
    r"|(?P<open>[\[{])|(?P<close>[\]}])",
    re.DOTALL,
)


def check_nesting(text: str, source: str) -> None:
    """Refuse `[` and `{` nested deeper than MAX_NESTING, outside strings and comments.

    Runs before any parser, so a file like `a = [[[[...]]]]` is one clear error at its
    line rather than a RecursionError deep in a parser.
    """
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return
    depth = 0
    for token in _NESTING_TOKENS.finditer(text):
        if token["open"] is not None:
            depth += 1
            if depth > MAX_NESTING:
                position = token.start()
                line = text.count("\n", 0, position) + 1
                column = position - text.rfind("\n", 0, position)
                reason = (
                    f"values nested deeper than {MAX_NESTING} levels of [ and {{; "
                    "a plan never nests that deep"
                )
                raise PlanError(source, [Problem(line, "", reason, column)])
        elif token["close"] is not None:
            depth = max(depth - 1, 0)


def _too_deep(source: str) -> PlanError:
    """The error for a RecursionError in a parser or the model."""
    return PlanError(
        source, [Problem(None, "", "values nested too deeply to read; a plan never nests so deep")]
    )


def load_toml(text: str, source: str) -> dict[str, Any]:
    """Parse TOML with tomllib; a syntax error becomes a PlanError with line and column."""
    check_nesting(text, source)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise _too_deep(source) from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = column = None
        key = ""
        if match := _TOML_POSITION.search(message):
            line, column = int(match[1]), int(match[2])
            message = message[: match.start()]
        elif match := _TOML_END.search(message):
            # tomllib points past the end of the file; the line where the value that
            # is never closed starts is more useful.
            message = message[: match.start()] + "; the value that starts here is never closed"
            line = _unclosed_value_line(text)
        if match := _TOML_TUPLE.search(message):
            # "Cannot declare ('days', 'mon') twice": the key path goes where keys go.
            key = _dotted_tuple(match)
            message = _TOML_TUPLE.sub(_dotted_tuple, message)
        reason = "invalid TOML: " + message[:1].lower() + message[1:]
        raise PlanError(source, [Problem(line, key, reason, column)]) from None


def _dotted_tuple(match: re.Match[str]) -> str:
    """`days.mon` from tomllib's `('days', 'mon')` (or `('plan',)`)."""
    return ".".join(part.strip().strip("'") for part in match[1].split(",") if part.strip())


def _unclosed_value_line(text: str) -> int:
    """The line where a multi-line value that runs to the end of the text starts."""
    lines = text.split("\n")
    start = len(lines)
    open_quote: str | None = None
    depth = 0
    for number, line in enumerate(lines, start=1):
        if open_quote is not None:
            if open_quote in line:
                change, open_quote = _bracket_depth(line.split(open_quote, 1)[1])
                depth += change
            continue
        if depth > 0:
            change, open_quote = _bracket_depth(line)
            depth += change
            continue
        if key := _KEY_LINE.match(line):
            depth, open_quote = _bracket_depth(key[2])
            if depth > 0 or open_quote is not None:
                start = number
    return start


def validate_plan(data: dict[str, Any], text: str, source: str) -> Plan:
    """Check parsed TOML against the plan model; errors name their line and key."""
    if "format" not in data and "plan" not in data:
        raise PlanError(
            source,
            [Problem(1, "", "not a planner plan: it has neither `format = 1` nor a [plan] table")],
        )
    try:
        return Plan.model_validate(data)
    except RecursionError:
        raise _too_deep(source) from None
    except ValidationError as error:
        raise plan_error_from_validation(error, text, source) from None


def parse_plan(text: str, source: str = "<plan>") -> Plan:
    """A validated plan from TOML text."""
    return validate_plan(load_toml(text, source), text, source)


def read_plan(path: Path) -> Plan:
    """The fast, read-only path: the validated plan in a file (tomllib)."""
    return parse_plan(read_source(path), str(path))


# --- error locations -------------------------------------------------------------

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_DOTTED = rf"{_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*"
_HEADER_LINE = re.compile(rf"^\s*(\[\[|\[)\s*({_DOTTED})\s*\]\]?")
_KEY_LINE = re.compile(rf"^\s*({_DOTTED})\s*=\s*(.*)$")
_PART = re.compile(_BARE_OR_QUOTED)

KeyPath = tuple[str | int, ...]


_BASIC_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.DOTALL)
_SIMPLE_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}


def _unescape_basic(body: str) -> str:
    """The text a TOML basic string's body stands for (`\\"` -> `"`, `\\u00e9` -> é)."""

    def one(match: re.Match[str]) -> str:
        if match[1] or match[2]:
            code = int(match[1] or match[2], 16)
            valid = code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF
            return chr(code) if valid else match[0]
        return _SIMPLE_ESCAPES.get(match[3], match[0])

    return _BASIC_ESCAPE.sub(one, body) if "\\" in body else body


def _key_part(part: str) -> str:
    """A key as TOML reads it: quotes off, a basic string's escapes resolved."""
    if part.startswith('"'):
        return _unescape_basic(part[1:-1])
    if part.startswith("'"):
        return part[1:-1]
    return part


def _split_dotted(dotted: str) -> list[str]:
    """`a."b.c".'d'` -> ["a", "b.c", "d"]: dots inside quoted keys stay in the key."""
    return [_key_part(part) for part in _PART.findall(dotted)]


def _bracket_depth(value: str) -> tuple[int, str | None]:
    """Net open brackets of a value, ignoring strings; and an unclosed multi-line quote."""
    depth = 0
    index = 0
    while index < len(value):
        char = value[index]
        if char == "#":
            break
        for quote in ('"""', "'''"):
            if value.startswith(quote, index):
                end = value.find(quote, index + 3)
                if end < 0:
                    return depth, quote
                index = end + 3
                break
        else:
            if char in "\"'":
                end = index + 1
                while end < len(value) and value[end] != char:
                    end += 2 if char == '"' and value[end] == "\\" else 1
                index = end + 1
                continue
            if char in "[{":
                depth += 1
            elif char in "]}":
                depth -= 1
            index += 1
            continue
    return depth, None


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map every table and key path in TOML text to its 1-based line.

    tomllib gives no positions for values, so schema errors find their line here.
    Array-of-tables elements are numbered, as pydantic numbers them in `loc`.
    """
    lines: dict[KeyPath, int] = {}
    current: KeyPath = ()
    aot_count: dict[KeyPath, int] = {}
    open_quote: str | None = None
    depth = 0
    # TOML ends lines with "\n" only; str.splitlines would also split at U+2028,
    # U+0085 and other characters that may stand in comments and strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if open_quote is not None:
            if open_quote in line:
                _, rest = line.split(open_quote, 1)
                change, open_quote = _bracket_depth(rest)
                depth += change
            continue
        if depth > 0:
            change, open_quote = _bracket_depth(line)
            depth += change
            continue
        if header := _HEADER_LINE.match(line):
            path: KeyPath = _in_arrays(tuple(_split_dotted(header[2])), aot_count)
            if header[1] == "[[":
                index = aot_count.get(path, 0)
                aot_count[path] = index + 1
                lines.setdefault(path, number)
                path = (*path, index)
            for size in range(1, len(path) + 1):
                lines.setdefault(path[:size], number)
            current = path
            continue
        if key := _KEY_LINE.match(line):
            full = current + tuple(_split_dotted(key[1]))
            for size in range(len(current) + 1, len(full) + 1):
                lines.setdefault(full[:size], number)
            depth, open_quote = _bracket_depth(key[2])
    return lines


def _in_arrays(path: tuple[str, ...], aot_count: dict[KeyPath, int]) -> KeyPath:
    """A header's path with the index of the array-of-tables element it belongs to
    after each array's name: `[weeks.days.mon]` under the second `[[weeks]]` is
    ("weeks", 1, "days", "mon"), as pydantic numbers it in `loc`."""
    indexed: KeyPath = ()
    for position, part in enumerate(path):
        indexed = (*indexed, part)
        last = position == len(path) - 1
        if not last and indexed in aot_count:
            indexed = (*indexed, aot_count[indexed] - 1)
    return indexed


class TomlLine(NamedTuple):
    """One line of TOML text as `scan_lines` sees it."""

    #: "header" ([table] or [[array]]), "key" (a key's first line), "value" (a later
    #: line of a multi-line value), or "other" (blank or comment).
    kind: str
    #: A header's table path, a key's full path (its table's path, then the key).
    path: tuple[str, ...] = ()
    #: Where the (dotted) key of a header or key line starts and ends in the line.
    key_span: tuple[int, int] = (0, 0)
    #: Where a key line's value starts.
    value_start: int = 0
    #: A `[[header]]`.
    array: bool = False


def scan_lines(text: str) -> list[TomlLine]:
    """Each line of TOML text (split at "\n") with what it holds, as `key_lines`
    reads it: lines inside multi-line strings and arrays are values, never headers."""
    scanned: list[TomlLine] = []
    current: tuple[str, ...] = ()
    open_quote: str | None = None
    depth = 0
    for line in text.split("\n"):
        if open_quote is not None:
            scanned.append(TomlLine("value"))
            if open_quote in line:
                change, open_quote = _bracket_depth(line.split(open_quote, 1)[1])
                depth += change
            continue
        if depth > 0:
            scanned.append(TomlLine("value"))
            change, open_quote = _bracket_depth(line)
            depth += change
            continue
        if header := _HEADER_LINE.match(line):
            current = tuple(_split_dotted(header[2]))
            scanned.append(TomlLine("header", current, header.span(2), array=header[1] == "[["))
            continue
        if key := _KEY_LINE.match(line):
            path = current + tuple(_split_dotted(key[1]))
            scanned.append(TomlLine("key", path, key.span(1), key.start(2)))
            depth, open_quote = _bracket_depth(key[2])
            continue
        scanned.append(TomlLine("other"))
    return scanned


def line_of(path: KeyPath, lines: dict[KeyPath, int]) -> int:
    """The line of a key path, or of its nearest enclosing key that the file has."""
    for size in range(len(path), 0, -1):
        if path[:size] in lines:
            return lines[path[:size]]
    return 1


def format_key_path(path: Iterable[str | int]) -> str:
    """`days.mon.sessions[0].rpe` from ("days", "mon", "sessions", 0, "rpe")."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Optional/Union/Annotated."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        found: list[Any] = []
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                found.extend(_unwrap(arg))
        return found
    return [annotation]


def _field_at(path: KeyPath, root: type[BaseModel] = Plan) -> tuple[type[BaseModel] | None, Any]:
    """The model that holds the last key of a path, and that key's field info."""
    model: Any = root
    info: Any = None
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None, None
        info = model.model_fields.get(part)
        if info is None:
            return model, None
        if part == path[-1]:
            return model, info
        nxt: Any = None
        for candidate in _unwrap(info.annotation):
            inner = candidate
            while typing.get_origin(inner) in (tuple, list, dict):
                inner = typing.get_args(inner)[-1 if typing.get_origin(inner) is dict else 0]
                inner = _unwrap(inner)[0]
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                nxt = inner
        model = nxt
    return None, info


def _bounds(info: Any) -> tuple[Any, Any]:
    lower = upper = None
    metadata: list[Any] = list(getattr(info, "metadata", []))
    for candidate in [getattr(info, "annotation", None)]:
        stack = [candidate]
        while stack:
            item = stack.pop()
            if typing.get_origin(item) is typing.Annotated:
                args = typing.get_args(item)
                stack.append(args[0])
                metadata.extend(args[1:])
            elif typing.get_origin(item) in (typing.Union, types.UnionType, tuple, dict):
                stack.extend(typing.get_args(item))
    for entry in metadata:
        for sub in [entry, *getattr(entry, "metadata", [])]:
            lower = getattr(sub, "ge", None) if getattr(sub, "ge", None) is not None else lower
            upper = getattr(sub, "le", None) if getattr(sub, "le", None) is not None else upper
    return lower, upper


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _shown(value: Any) -> str:
    """A value echoed in an error: short, quoted when text, escaped (one safe line)."""
    if isinstance(value, str):
        return escaped(f'"{value}"' if len(value) <= 40 else f'"{value[:37]}..."')
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return _number(value)


_TYPE_WORDS = {
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "string": "text in quotes",
    "date": "a date like 2026-11-30",
    "tuple": "a list",
    "list": "a list",
    "dict": "a table",
    "model": "a table",
}


def describe_error(
    error: Any, path: KeyPath, *, root: type[BaseModel] = Plan, typed: bool = False
) -> str:
    """One pydantic error in plain words ("must be between 1 and 10, got 12").

    `path` is the key path below `root`; `typed` says the value was typed into a form,
    so a number out of range is shown as typed rather than quoted. The file errors
    and the editor's forms both word their checks with this.
    """
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "required, but missing"
    if kind == "extra_forbidden":
        model, _ = _field_at((*path[:-1], "__none__"), root)
        if model is not None:
            known = list(model.model_fields)
            from difflib import get_close_matches

            close = get_close_matches(str(path[-1]), known, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            return f"unknown key (known keys: {', '.join(known)}){hint}"
        return "unknown key"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        # A number typed into a form arrives as text: show it as typed, unquoted.
        got = escaped(value.strip()) if typed and isinstance(value, str) else _shown(value)
        _, info = _field_at(path, root)
        lower, upper = _bounds(info)
        if lower is not None and upper is not None:
            return f"must be between {_number(lower)} and {_number(upper)}, got {got}"
        bound = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        word = "at least" if kind.startswith("greater") else "at most"
        return f"must be {word} {_number(bound)}, got {got}"
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace("'", "")
        return f"must be one of {expected}, got {_shown(value)}"
    if kind == "literal_error" and path == ("format",):
        return f"must be 1 or 2 (the plan format versions this planner reads), got {_shown(value)}"
    if kind == "int_from_float":
        return f"must be a whole number, got {_shown(value)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters, got {len(str(value))}"
    if kind == "too_long":
        return f"must have at most {ctx.get('max_length')} items, got {ctx.get('actual_length')}"
    if kind == "string_pattern_mismatch":
        return f'must be a 24-hour time "HH:MM", got {_shown(value)}'
    if kind.endswith(("_type", "_parsing")):
        expected = _TYPE_WORDS.get(kind.split("_")[0], kind.split("_")[0])
        return f"must be {expected}, got {_shown(value)}"
    message: str = error["msg"]
    return message[:1].lower() + message[1:]


def plan_error_from_validation(error: ValidationError, text: str, source: str) -> PlanError:
    """Turn pydantic's errors into problems with line numbers and key paths."""
    lines = key_lines(text)
    problems = []
    items = error.errors(include_url=False)
    for item in items:
        path: KeyPath = tuple(part for part in item["loc"] if part != "[key]")
        if item["type"] == "too_short" and any(
            len(other["loc"]) > len(path) and tuple(other["loc"][: len(path)]) == path
            for other in items
        ):
            # pydantic counts only the valid items of a list whose items failed: the
            # failing items say what is wrong, "should have at least 1 item" does not.
            continue
        if item["loc"] and item["loc"][-1] == "[key]":
            reason = describe_error(item, path).replace("must be one of", "key must be one of")
        else:
            reason = describe_error(item, path)
        line = line_of(path, lines)
        if path == ("weeks",) and path not in lines:
            line = line_of(("format",), lines)  # format 2 asks for [[weeks]]: say so there
        problems.append(Problem(line, format_key_path(path), reason))
    problems.sort(key=lambda problem: problem.line or 0)
    return PlanError(source, problems)


# --- saving ----------------------------------------------------------------------


def _read_umask() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


#: The process umask, read once at import: reading it means setting it, which is not
#: safe later, while another thread (the editor saves in a worker) creates files.
_UMASK = _read_umask()


def backup_path(path: Path) -> Path:
    """Where the previous version of a saved file is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def write_atomic(path: Path, text: str | bytes, *, backup: bool = True) -> FileState:
    """Write text (UTF-8) or bytes to path atomically; the previous version is kept as
    `path.bak`. Returns the state of the file as written.

    The data goes to a temporary file in the same folder, is flushed and fsynced, and
    renamed over the target, so a reader sees the old file or the new one and never
    half of one. Permissions of an existing file are kept. Temporary files an earlier,
    killed save of the same file left behind are removed first. On failure the old
    file (and its backup) are as they were and SaveError says why, in one line.
    """
    path = Path(path)
    shown = escaped(str(path))
    try:
        if path.is_symlink():
            # Replace the file the link points to, not the link (plans kept in a
            # dotfiles repository are often linked into place).
            path = path.resolve()
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (3.11)
        raise SaveError(
            f"cannot save {shown}: {_os_reason(error)}; the file on disk is unchanged"
        ) from None
    directory = path.parent if str(path.parent) else Path()
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        existed = True
    except FileNotFoundError:
        mode = 0o666 & ~_UMASK
        existed = False
    except (OSError, RuntimeError) as error:
        raise SaveError(
            f"cannot save {shown}: {_os_reason(error)}; the file on disk is unchanged"
        ) from None
    _remove_leftovers(path)
    temporary: str | None = None
    staging: str | None = None
    try:
        import tempfile  # only saves need it; `planner check` starts faster without

        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if backup and existed:
            staging = _stage_backup(path)
        os.replace(temporary, path)
        temporary = None
    except (OSError, RuntimeError) as error:
        raise SaveError(
            f"cannot save {shown}: {_os_reason(error)}; the file on disk is unchanged"
        ) from None
    finally:
        if temporary is not None:  # the save failed: leave nothing of it behind
            for leftover in (temporary, staging):
                if leftover is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(leftover)
    # The new version is in place; only now does the old one become the backup, so a
    # save that fails leaves the backup as it was too.
    if staging is not None:
        try:
            os.replace(staging, backup_path(path))
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(staging)
    _fsync_directory(directory)
    try:
        info: os.stat_result | None = path.stat()
    except OSError:
        info = None
    return FileState.of(data, info)


def leftover_pattern(name: str) -> re.Pattern[str]:
    """The names of the temporary files a save of the file `name` makes beside it.

    `.NAME.XXXXXXXX.tmp` (the new text) and `.NAME.bak.XXXXXXXX.tmp` (the backup being
    staged), with tempfile's eight random characters: nothing else matches.
    """
    return re.compile(re.escape(f".{name}.") + r"(?:bak\.)?[a-z0-9_]{8}\.tmp")


def _remove_leftovers(path: Path) -> None:
    """Remove the temporary files of an earlier save of `path` that was killed midway."""
    directory = path.parent if str(path.parent) else Path()
    pattern = leftover_pattern(path.name)
    try:
        names = [name for name in os.listdir(directory) if pattern.fullmatch(name)]
    except OSError:
        return
    for name in names:
        leftover = directory / name
        with contextlib.suppress(OSError):
            if stat.S_ISREG(os.lstat(leftover).st_mode):  # never a link or a folder
                os.unlink(leftover)


def _stage_backup(path: Path) -> str:
    """A hidden copy (a hard link where possible) of path, to become `path.bak`."""
    import tempfile

    handle, staging = tempfile.mkstemp(prefix=f".{path.name}.bak.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        os.unlink(staging)
        try:
            os.link(path, staging)
        except OSError:
            with path.open("rb") as source, open(staging, "wb") as copy:
                copy.write(source.read())
                copy.flush()
                os.fsync(copy.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(staging)
        raise
    return staging


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


# --- the editable document -------------------------------------------------------


def dominant_newline(text: str) -> str:
    """`\\r\\n` when most lines of text end so, else `\\n`."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf > text.count("\n") - crlf else "\n"


_BARE_NEWLINE = re.compile(r"(?<!\r)\n")


def with_newline(text: str, newline: str) -> str:
    """Text with every line ending in `newline` (tomlkit writes new lines with `\\n`)."""
    if newline == "\r\n":
        return _BARE_NEWLINE.sub("\r\n", text)
    return text


def parse_document(text: str, source: str) -> tomlkit.TOMLDocument:
    """The tomlkit document of TOML text that tomllib already read without error."""
    import tomlkit

    try:
        return tomlkit.parse(text)
    except RecursionError:
        raise _too_deep(source) from None


class PlanDocument:
    """A plan with the tomlkit document it came from, so saves keep the layout.

    Only files that loaded cleanly become documents, so a file that failed to load
    is never written over. It remembers what a save must keep that the text does not
    show: a UTF-8 byte order mark, the line ending most lines use, and the state of
    the file it was read from.

    The tomlkit document is parsed from the text at its first use (`document`, the
    first edit), so opening a plan needs only tomllib and pydantic; `prepare` parses it
    ahead, and is safe to call from a background thread.
    """

    def __init__(
        self,
        document: tomlkit.TOMLDocument | None,
        plan: Plan,
        path: Path | None,
        *,
        bom: bool = False,
        newline: str = "\n",
        disk: FileState = NO_FILE,
        text: str = "",
        source: str = "<plan>",
    ) -> None:
        # Without a document, `_text` is what it holds until it is parsed; `_version`
        # counts the changes, so a parse that finishes late never replaces newer content.
        self._document = document
        self._text = text
        self._version = 0
        self._source = source
        self._parsing = threading.Lock()
        self._swapping = threading.Lock()
        self.plan = plan
        self.path = path
        self.bom = bom
        self.newline = newline
        self.disk = disk

    @property
    def document(self) -> tomlkit.TOMLDocument:
        """The tomlkit document (parsed now if it has not been yet)."""
        with self._parsing:
            while (document := self._document) is None:
                text, version = self._text, self._version
                parsed = parse_document(text, self._source)
                with self._swapping:
                    if self._version == version:
                        self._document = parsed
            return document

    @document.setter
    def document(self, document: tomlkit.TOMLDocument) -> None:
        with self._swapping:
            self._document = document
            self._version += 1

    @property
    def prepared(self) -> bool:
        """Whether the tomlkit document is parsed."""
        return self._document is not None

    def prepare(self) -> None:
        """Parse the tomlkit document now, so the next edit does not wait for it."""
        _ = self.document

    def set_text(self, text: str) -> None:
        """Hold `text` from now on (a state to go back to); parsed when next needed."""
        with self._swapping:
            self._document = None
            self._text = text
            self._version += 1

    @classmethod
    def from_text(
        cls, text: str, path: Path | None = None, source: str | None = None, *, bom: bool = False
    ) -> PlanDocument:
        """A document from TOML text; raises PlanError when it is not a valid plan."""
        name = source or (str(path) if path is not None else "<plan>")
        plan = parse_plan(text, name)
        newline = dominant_newline(text)
        return cls(None, plan, path, bom=bom, newline=newline, text=text, source=name)

    @classmethod
    def load(cls, path: Path) -> PlanDocument:
        """Read and check a plan file, keeping its document for editing."""
        data, state = read_file(path)
        document = cls.from_text(
            decode_source(data, str(path)), path, bom=data.startswith(UTF8_BOM)
        )
        document.disk = state
        return document

    def text(self) -> str:
        """The document as TOML text, comments and layout included."""
        document = self._document
        return self._text if document is None else document.as_string()

    def file_bytes(self, text: str) -> bytes:
        """The bytes a save of `text` writes: UTF-8, with the byte order mark if the file
        had one."""
        return (UTF8_BOM if self.bom else b"") + text.encode("utf-8")

    def revalidate(self, source: str = "<edit>") -> Plan:
        """The plan the document now describes; raises PlanError if it is not valid.

        Read from the text the document writes, not from the document itself, so the
        plan is always what a save would write and a layout tomlkit renders wrongly is
        caught here rather than in the next load.
        """
        return parse_plan(self.text(), source)


def canonical_toml(plan: Plan) -> str:
    """The plan written out in the canonical layout of plan-format.md.

    Format 1 keeps its one week under `[days.*]`, format 2 writes each week as a
    `[[weeks]]` table with its `[weeks.days.*]`; `done` is an inline table. Values the
    source file did not set are left out, so defaults stay defaults; re-reading the
    text gives an equal plan.
    """
    import tomlkit

    document = tomlkit.document()
    document.add("format", plan.format)
    for section in ("plan", "defaults"):
        values = _set_values(getattr(plan, section))
        if section == "plan" or values:
            document.add(tomlkit.nl())
            document.add(section, toml_table(values))
    if plan.weeks is None:
        if plan.days is not None:
            for day_key, table in _day_tables(plan.days):
                document.add(tomlkit.nl())
                days = document.setdefault("days", tomlkit.table(is_super_table=True))
                days.add(day_key, table)
    else:
        weeks = tomlkit.aot()
        for week in plan.weeks:
            week_table = toml_table(_set_values(week, exclude={"days"}))
            week_days = tomlkit.table(is_super_table=True)
            for day_key, table in _day_tables(week.days):
                week_days.add(day_key, table)
            if week_days:
                week_table.add("days", week_days)
            weeks.append(week_table)
        document.add(tomlkit.nl())
        document.add("weeks", weeks)
    for section in ("history", "rules"):
        values = _set_values(getattr(plan, section))
        if values:
            document.add(tomlkit.nl())
            document.add(section, toml_table(values))
    if plan.accepted:
        accepted = tomlkit.aot()
        for entry in plan.accepted:
            accepted.append(toml_table(_set_values(entry)))
        document.add(tomlkit.nl())
        document.add("accepted", accepted)
    return document.as_string()


def _day_tables(days: Days) -> Iterator[tuple[str, Any]]:
    """(day key, table) for each day a week's days set or fill, Monday first."""
    import tomlkit

    for day_key, day in days.items():
        if day_key not in days.model_fields_set and day == type(day)():
            continue
        table = toml_table(_set_values(day, exclude={"sessions"}))
        if day.sessions:
            sessions = tomlkit.aot()
            for session in day.sessions:
                sessions.append(toml_table(_set_values(session)))
            table.add("sessions", sessions)
        yield day_key, table


def _set_values(model: BaseModel, exclude: set[str] | None = None) -> dict[str, Any]:
    """The fields a model was given, in declaration order, as TOML-ready values;
    tables inside (a session's `done`, `longest_session_min`) as inline tables."""
    values: dict[str, Any] = {}
    for name in type(model).model_fields:
        if name not in model.model_fields_set or (exclude and name in exclude):
            continue
        value = getattr(model, name)
        if value is None:
            continue
        if isinstance(value, BaseModel):
            values[name] = inline_table(_set_values(value))
        elif isinstance(value, dict):
            values[name] = inline_table(to_toml_value(value))
        else:
            values[name] = to_toml_value(value)
    return values


def inline_table(values: dict[str, Any]) -> Any:
    """A tomlkit inline table holding the values, written `{ key = value, ... }`."""
    import tomlkit

    # Parsed rather than built: a built inline table is written without the spaces
    # inside its braces that people (and plan-format.md) write.
    pairs = ", ".join(
        f"{_toml_key(key)} = {tomlkit.item(value).as_string()}" for key, value in values.items()
    )
    return tomlkit.parse(f"x = {{ {pairs} }}\n" if pairs else "x = {}\n")["x"]


def _toml_key(key: str) -> str:
    """A key as TOML writes it: bare where it can be, quoted otherwise."""
    import tomlkit

    return tomlkit.key(key).as_string()


def to_toml_value(value: Any) -> Any:
    """A model value as a TOML-ready Python value (enums to strings, tuples to lists)."""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, tuple | list):
        return [to_toml_value(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_toml_value(item) for key, item in value.items()}
    return value


def toml_table(values: dict[str, Any]) -> Any:
    """A new tomlkit table holding the values, in order."""
    import tomlkit

    table = tomlkit.table()
    for key, value in values.items():
        table.add(key, value)
    return table
