"""The week grid as one widget: seven boxed day columns drawn with the Line API.

One widget instead of one per day and per card: each day's lines (Strips) are cached,
keyed by what the day shows, its selection, flag and focus state, its scroll offset and
the column size, so an edit re-draws only the days it changed and refreshes only their
regions, and a key press changes no CSS class (no restyle of dozens of widgets).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from rich.cells import cell_len, chop_cells, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import WHITE, Color, ColorParseError
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from planner.catalogue import ACTIVITY_WORDS, DAY_TYPE_WORDS, KIND_SHORT_WORDS, KIND_WORDS
from planner.model import DAY_KEYS, DAY_NAMES, Day, DayType, DoneStatus, Kind, Plan, Session
from planner.ui.commands import bindings_for
from planner.ui.messages import Selection, SelectionChanged
from planner.ui.styles import DAY_TYPE_STYLES, KIND_STYLES, compliance_style

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Short recovery guidance from the seed article, shown on rest and recovery days so an
# easy day reads as part of the plan. Days take turns so two easy days differ.
REST_GUIDANCE: tuple[str, ...] = (
    "A brisk walk or an easy ride keeps circulation going.",
    "Sleep is the strongest recovery aid: keep bedtime steady.",
    "Spread protein over whole-food meals: eggs, rice, yoghurt, nuts.",
    "A planned rest day is an investment in the next session.",
)
RECOVERY_GUIDANCE: tuple[str, ...] = (
    "Keep it easy: light movement speeds recovery.",
    "Easy movement keeps the blood flowing and eases stiffness.",
    "Low intensity helps the body settle into rest-and-digest.",
)


def day_heading(key: str, week_start: dt.date | None, *, short: bool = False) -> str:
    """`Mon 30 Nov` when the plan has a week start, else `Monday` (or `Mon` when short)."""
    name = DAY_NAMES[key]
    if week_start is None:
        return name[:3] if short else name
    date = week_start + dt.timedelta(days=DAY_KEYS.index(key))
    if short:
        return f"{name[:3]} {date.day}"
    return f"{name[:3]} {date.day} {_MONTHS[date.month - 1]}"


def recovery_guidance(key: str, day_type: DayType) -> str | None:
    """The piece of recovery guidance shown on an easy day; None on a training day."""
    position = DAY_KEYS.index(key)
    if day_type is DayType.rest:
        return REST_GUIDANCE[position % len(REST_GUIDANCE)]
    if day_type is DayType.recovery:
        return RECOVERY_GUIDANCE[position % len(RECOVERY_GUIDANCE)]
    return None


def clamp(plan: Plan, week: int, selection: Selection) -> Selection:
    """The nearest valid selection: a session that exists, or the day itself."""
    count = len(plan.week_list[week].days[selection.day].sessions)
    if selection.index is None or count == 0:
        return Selection(selection.day, None)
    return Selection(selection.day, min(max(selection.index, 0), count - 1))


def first_selection(plan: Plan, week: int = 0) -> Selection:
    """Where the editor starts: Monday's first session, or Monday itself."""
    return clamp(plan, week, Selection("mon", 0))


# ---------------------------------------------------------------------------- text


def printable(text: str) -> str:
    """Text safe to send to a terminal: tabs as spaces, other control, format and line
    separator characters as U+FFFD (the model forbids them; this is the last guard)."""
    if text.isprintable():
        return text
    chars = []
    for char in text:
        if char == "\t":
            chars.append(" ")
        elif char != "\u200d" and unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp"):
            chars.append("\ufffd")
        else:
            chars.append(char)
    return "".join(chars)


def fit(text: str, width: int) -> str:
    """`text` cut to `width` cells, with `…` where it was cut."""
    if cell_len(text) <= width:
        return text
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1).rstrip() + "…"


def _break_word(word: str, width: int) -> list[str]:
    """A word too long for a line, in pieces: after its hyphens where they fit, else
    wherever the width ends."""
    pieces: list[str] = []
    current = ""
    for part in word.replace("-", "-\0").split("\0"):
        if current and cell_len(current + part) > width:
            pieces.append(current)
            current = ""
        current += part
        while cell_len(current) > width:
            head, *_ = chop_cells(current, width)
            pieces.append(head)
            current = current[len(head) :]
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """`text` word-wrapped to `width` cells, at most `max_lines` lines (`…` when cut)."""
    if width <= 0 or max_lines <= 0:
        return []
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in printable(paragraph).split():
            candidate = f"{line} {word}" if line else word
            if cell_len(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            pieces = _break_word(word, width) if cell_len(word) > width else [word]
            lines.extend(pieces[:-1])
            line = pieces[-1]
        if line:
            lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        if cell_len(last) + 2 <= width:
            lines[-1] = last + " …"
        else:
            lines[-1] = set_cell_size(last, width - 1).rstrip() + "…"
    return lines


# ---------------------------------------------------------------------------- colours


class Ink(NamedTuple):
    """How a piece of text is drawn: a theme colour (None: the widget's text colour),
    text attributes, the contrast it needs on its background, whether it keeps its
    colour inside the focused selection (bars and marks), and whether it is a block
    rather than text (a bar keeps its colour even in ANSI themes)."""

    colour: str | None = None
    attrs: str = ""
    contrast: float = 4.5
    keep: bool = False
    block: bool = False


PLAIN = Ink()
TITLE = Ink(attrs="bold")
SKIPPED_TITLE = Ink("$foreground-muted", "strike", 3.0)
MUTED = Ink("$foreground-muted")
NOTE = Ink(attrs="italic")
GUIDANCE = Ink("$foreground-muted", "italic")
WARNING = Ink("$text-warning")
EXTRA = Ink("$text-accent", "bold")
CARBS = Ink("$text-success")
VALUE = Ink(attrs="bold")
BORDER = Ink("$foreground 30%", contrast=1.6)
BORDER_SELECTED = Ink("$border", "bold", 3.0)
BORDER_SELECTED_BLURRED = Ink("$primary 70%", contrast=2.2)
BORDER_FLAGGED = Ink("$warning", "bold", 3.0)
HEADING = Ink(attrs="bold")
HEADING_FLAGGED = Ink("$text-warning", "bold")
MARKER = Ink("$text-accent", "bold", 3.0, keep=True)

#: The bar at the left of a session card: a block, so full theme colours.
KIND_BARS: dict[Kind, Ink] = {
    Kind.heavy: Ink("$error", contrast=3.0, keep=True, block=True),
    Kind.moderate: Ink("$warning", contrast=3.0, keep=True, block=True),
    Kind.light: Ink("$primary", contrast=3.0, keep=True, block=True),
    Kind.active_recovery: Ink("$success", contrast=3.0, keep=True, block=True),
}
KIND_INKS: dict[Kind, Ink] = {kind: Ink(colour) for kind, colour in KIND_STYLES.items()}
DAY_TYPE_INKS: dict[DayType, Ink] = {
    day_type: Ink(colour, "bold") for day_type, colour in DAY_TYPE_STYLES.items()
}

#: How a row is highlighted: not at all, as the selection of an unfocused grid, or as
#: the selection of the focused grid (stronger).
NO_HIGHLIGHT, BLURRED, FOCUSED = 0, 1, 2

_BLACK = Color(0, 0, 0)


def _luminance(colour: Color) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = colour.normalized
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: Color, second: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable(colour: Color, background: Color, ratio: float) -> Color:
    """`colour`, moved towards white or black until it reaches `ratio` on `background`.

    ANSI colours are the terminal's to choose and are left alone.
    """
    if colour.ansi is not None or background.ansi is not None:
        return colour
    if contrast_ratio(colour, background) >= ratio:
        return colour
    target = (
        WHITE if contrast_ratio(WHITE, background) >= contrast_ratio(_BLACK, background) else _BLACK
    )
    for step in range(1, 11):
        mixed = colour.blend(target, step / 10)
        if contrast_ratio(mixed, background) >= ratio:
            return mixed
    return target


class Palette:
    """The theme's colours resolved into Rich styles for the grid, made readable.

    Built from `app.theme_variables` and the widget's own colours; rebuilt when the
    theme changes.
    """

    def __init__(
        self,
        variables: dict[str, str],
        base: Style,
        background: Color,
        foreground: Color,
        *,
        ansi: bool,
    ) -> None:
        self.variables = variables
        self.base = base
        self.ansi = ansi
        self.background = background if background.a else Color(0, 0, 0, ansi=-1)
        self.foreground = foreground
        cursor_background, _ = self.resolve("$block-cursor-background", self.background)
        self.cursor_foreground, _ = self.resolve("$block-cursor-foreground", cursor_background)
        # Textual's cursor colours can be under 4.5:1 (light text on a mid blue): keep
        # the text, deepen the background until it reads.
        self.cursor_background = readable(cursor_background, self.cursor_foreground, 4.5)
        self.blurred_background, _ = self.resolve(
            "$block-cursor-blurred-background", self.background
        )
        self._styles: dict[tuple[Ink, int], Style] = {}

    def resolve(self, expression: str, over: Color) -> tuple[Color, bool]:
        """A colour expression (`$text-error`, `$foreground 30%`, `#fff`, `auto 87%`)
        as an opaque colour over `over`, and whether it asked for transparency (drawn
        dim in ANSI themes, where colours cannot be blended)."""
        words = expression.split()
        name, alpha = words[0], 1.0
        if len(words) > 1 and words[1].endswith("%"):
            alpha *= float(words[1][:-1]) / 100
        for _ in range(8):
            if not name.startswith("$"):
                break
            value = self.variables.get(name[1:])
            if not value:
                return self.foreground, False
            words = value.split()
            name = words[0]
            if len(words) > 1 and words[1].endswith("%"):
                alpha *= float(words[1][:-1]) / 100
        if name == "auto":
            if over.ansi is not None:
                return self.foreground, False
            return over + over.get_contrast_text(alpha), False
        if name in ("transparent", "initial", "none"):
            return over, False
        try:
            colour = Color.parse(name)
        except ColorParseError:
            return self.foreground, False
        faded = alpha < 1 or colour.a < 1
        if colour.ansi is not None:
            return colour, faded
        if over.ansi is not None:
            return colour.with_alpha(1.0), faded
        return over + colour.multiply_alpha(alpha), faded

    def style(self, ink: Ink, highlight: int = NO_HIGHLIGHT) -> Style:
        """The Rich style of `ink` on a row with `highlight`."""
        key = (ink, highlight)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = self._make_style(ink, highlight)
        return style

    def _make_style(self, ink: Ink, highlight: int) -> Style:
        attributes: dict[str, Any] = dict.fromkeys(ink.attrs.split(), True)
        background = self.background
        colour: Color | None = None
        faded = False
        if ink.colour is not None:
            colour, faded = self.resolve(ink.colour, background)
        if self.ansi:
            if faded:
                attributes["dim"] = True
            if highlight == FOCUSED:
                if not (ink.block and ink.colour is not None):
                    colour = self.cursor_foreground
                attributes["dim"] = False
                return self.base + Style(
                    color=None if colour is None else colour.rich_color,
                    bgcolor=self.cursor_background.rich_color,
                    bold=True,
                    **{key: value for key, value in attributes.items() if key != "bold"},
                )
            if highlight == BLURRED:
                attributes["underline"] = True
            return self.base + Style(
                color=None if colour is None else colour.rich_color, **attributes
            )
        if highlight == FOCUSED:
            background = self.cursor_background
            if ink.keep and ink.colour is not None:
                colour, _ = self.resolve(ink.colour, background)
                colour = readable(colour, background, ink.contrast)
            else:
                colour = self.cursor_foreground
            attributes["bold"] = True
        elif highlight == BLURRED:
            background = self.blurred_background
            colour = readable(colour or self.foreground, background, ink.contrast)
        elif colour is not None:
            colour = readable(colour, background, ink.contrast)
        return self.base + Style(
            color=None if colour is None else colour.rich_color,
            bgcolor=background.rich_color if highlight else None,
            **attributes,
        )


# ---------------------------------------------------------------------------- layout


class DayContent(NamedTuple):
    """Everything a day column shows of the plan; equal contents draw the same lines."""

    key: str
    week_start: dt.date | None
    day: Day
    sleep_hours: float | None
    bedtime: str | None
    protein_meals: int | None


def day_contents(plan: Plan, week: int) -> dict[str, DayContent]:
    """The seven days of a week of a plan as the grid shows them, Monday first."""
    monday = plan.week_start(week)
    return {
        key: DayContent(
            key=key,
            week_start=monday,
            day=day,
            sleep_hours=plan.sleep_hours(day),
            bedtime=plan.bedtime(day),
            protein_meals=plan.protein_meals(day),
        )
        for key, day in plan.week_list[week].days.items()
    }


class Detail(NamedTuple):
    """How much each card and day shows, from the grid's size (the same for every day,
    so the columns line up)."""

    kind_line: bool
    timing_line: bool
    wide: bool
    note_lines: int
    guidance_lines: int


class Geometry(NamedTuple):
    """Where the columns are and how the lines of a column are shared out."""

    width: int
    height: int
    lefts: tuple[int, ...]
    widths: tuple[int, ...]
    #: The inside width of the narrowest column: every day lays its text out in it,
    #: so all days read alike (a column one cell wider only has a blank cell more).
    inner: int
    detail: Detail
    footer: tuple[tuple[str, ...], ...]
    body_height: int


Piece = tuple[str, Ink]
Line = tuple[Piece, ...]

_RULE = "rule"
_MARKS: dict[DoneStatus, str] = {
    DoneStatus.done: "✓",
    DoneStatus.partial: "◐",
    DoneStatus.skipped: "✗",
}
_FOOTER_LABELS: dict[str, tuple[str, str]] = {
    "load": ("load", "ld"),
    "sleep": ("sleep", "sl"),
    "bed": ("bed", "bed"),
    "protein": ("protein", "prot"),
}
#: What a footer item says when the plan has no value, longest first.
_MISSING: dict[str, tuple[str, ...]] = {
    "sleep": ("sleep not planned", "no sleep plan", "no sleep", "sl none"),
    "bed": ("bed not planned", "no bedtime", "bed none"),
    "protein": ("protein not planned", "no protein plan", "no protein", "prot none"),
}
#: The width from which an item has its whole label (room for a usual value).
_FOOTER_ROOM: dict[str, int] = {"load": 9, "sleep": 11, "bed": 0, "protein": 9}


def plan_geometry(width: int, height: int) -> Geometry:
    """Column positions, detail level, footer rows and body height for a grid size."""
    lefts = tuple(round(index * width / 7) for index in range(8))
    widths = tuple(lefts[index + 1] - lefts[index] for index in range(7))
    inner = min(widths) - 2
    detail = Detail(
        kind_line=height >= 14,
        timing_line=inner >= 12 and height >= 18,
        wide=inner >= 22 and height >= 24,
        note_lines=2 if height < 18 else (3 if inner < 22 else 5),
        guidance_lines=3 if height < 18 else 6,
    )
    card_height = 2 + detail.kind_line + detail.timing_line
    content_height = height - 2
    options: list[tuple[tuple[str, ...], ...]] = [
        ((_RULE,), ("load",), ("sleep",), ("bed",), ("protein",)),
        (("load",), ("sleep",), ("bed",), ("protein",)),
        (("load",), ("sleep",)),
        (("load",),),
    ]
    footer: tuple[tuple[str, ...], ...] = ()
    for option in options:
        if content_height - 1 - len(option) >= card_height + 1:
            footer = option
            break
    else:
        footer = options[-1] if content_height - 1 - len(options[-1]) >= 1 else ()
    body_height = max(0, content_height - 1 - len(footer))
    return Geometry(width, height, lefts[:7], widths, inner, detail, footer, body_height)


def fit_pieces(pieces: Iterable[Piece], width: int) -> Line:
    """Pieces cut to `width` cells, with `…` where they were cut."""
    line: list[Piece] = []
    room = width
    for text, ink in pieces:
        size = cell_len(text)
        if size <= room:
            line.append((text, ink))
            room -= size
            continue
        if room > 0:
            line.append((fit(text, room), ink))
        break
    return tuple(line)


def _first_fitting(candidates: Sequence[str], width: int) -> str:
    for candidate in candidates:
        if cell_len(candidate) <= width:
            return candidate
    return fit(candidates[-1], width)


def _minutes_and_rpe(minutes: int, rpe: int, width: int) -> str:
    return _first_fitting(
        (
            f"{minutes} min RPE {rpe}",
            f"{minutes}m RPE {rpe}",
            f"{minutes}m RPE{rpe}",
            f"{minutes}m R{rpe}",
            f"{minutes}m",
        ),
        width,
    )


def card_lines(session: Session, width: int, detail: Detail) -> list[Line]:
    """A session card: a bar of its kind's colour, its title (with the logged mark),
    minutes and RPE, kind and activity, and at wider sizes start, focus and carbs."""
    bar: Piece = ("▌", KIND_BARS[session.kind])
    room = width - 1
    lines: list[Line] = []
    done = session.done

    # Title, with the mark of a logged session at the right edge.
    title_ink = SKIPPED_TITLE if session.skipped else TITLE
    title = printable(session.title)
    if done is not None and room >= 4:
        mark = _MARKS[done.status]
        mark_ink = Ink(compliance_style(session.compliance_pct, session.skipped), "bold", keep=True)
        # Without a kind line (short grids) an extra session says so by a `+`.
        plus = session.extra and not detail.kind_line
        shown = fit(title, room - 2 - plus)
        gap = room - 1 - plus - cell_len(shown)
        marks: list[Piece] = [("+", EXTRA)] if plus else []
        lines.append((bar, (shown, title_ink), (" " * gap, PLAIN), *marks, (mark, mark_ink)))
    else:
        lines.append((bar, (fit(title, room), title_ink)))

    # Minutes and RPE: as done once logged; then, where they fit whole, the compliance
    # (or "skipped") and, at wide sizes, the session's load.
    extras: list[Piece] = []
    if done is not None and not session.skipped:
        numbers = _minutes_and_rpe(session.actual_minutes, session.actual_rpe, room)
        number_ink = PLAIN
        pct = session.compliance_pct
        if pct is not None:
            extras.append((f" {pct:.0f}%", Ink(compliance_style(pct, skipped=False))))
    else:
        numbers = _minutes_and_rpe(session.minutes, session.planned_rpe, room)
        number_ink = MUTED if session.skipped else PLAIN
        if session.skipped:
            extras.append((" skipped", Ink(compliance_style(None, skipped=True))))
    if detail.wide:
        extras.append((f" · load {session.load}", MUTED))
    number_pieces: list[Piece] = [(numbers, number_ink)]
    used = cell_len(numbers)
    for text, ink in extras:
        if used + cell_len(text) <= room:
            number_pieces.append((text, ink))
            used += cell_len(text)
    lines.append((bar, *number_pieces))

    if detail.kind_line:
        prefix: list[Piece] = [("extra ", EXTRA)] if session.extra else []
        activity = ACTIVITY_WORDS.get(session.activity.value, session.activity.value)
        kind = KIND_WORDS.get(session.kind.value, session.kind.value)
        used = sum(cell_len(text) for text, _ in prefix)
        if used + cell_len(kind) + 1 + cell_len(activity) > room:
            kind = KIND_SHORT_WORDS[session.kind.value]
        pieces = [*prefix, (kind, KIND_INKS[session.kind])]
        left = room - used - cell_len(kind)
        # An activity cut to one or two letters says nothing: leave it to the tooltip.
        if left >= min(cell_len(activity) + 1, 6):
            pieces.append((f" {activity}", MUTED))
        lines.append((bar, *fit_pieces(pieces, room)))

    if detail.timing_line:
        timing: list[Piece] = []
        if session.start:
            timing.append((session.start, PLAIN))
        for group in session.effective_focus:
            timing.append((f" {group.value.replace('_', ' ')}", MUTED))
        if session.carbs_after:
            timing.append((" +carbs", CARBS))
        if timing:
            first_text, first_ink = timing[0]
            timing[0] = (first_text.lstrip(), first_ink)
            lines.append((bar, *fit_pieces(timing, room)))

    if detail.wide and done is not None:
        if session.skipped or (
            session.actual_minutes,
            session.actual_rpe,
        ) != (session.minutes, session.planned_rpe):
            planned = f"plan {session.minutes} min RPE {session.planned_rpe}"
            lines.append((bar, *fit_pieces([(planned, MUTED)], room)))
        if done.note:
            lines.append((bar, *fit_pieces([(printable(done.note), GUIDANCE)], room)))
    return lines


class DayLayout(NamedTuple):
    """The scrolling part of a day: its lines, which session each line belongs to
    (None for the note and guidance), and each session's first and end line."""

    lines: tuple[Line, ...]
    owners: tuple[int | None, ...]
    spans: tuple[tuple[int, int], ...]


def day_layout(content: DayContent, width: int, detail: Detail) -> DayLayout:
    """The session cards, note and recovery guidance of a day, `width` cells wide."""
    lines: list[Line] = []
    owners: list[int | None] = []
    spans: list[tuple[int, int]] = []
    for index, session in enumerate(content.day.sessions):
        start = len(lines)
        card = card_lines(session, width, detail)
        lines.extend(card)
        owners.extend([index] * len(card))
        spans.append((start, len(lines)))
    note = wrap(content.day.note, width, detail.note_lines)
    lines.extend(((text, NOTE),) for text in note)
    owners.extend([None] * len(note))
    guidance = recovery_guidance(content.key, content.day.day_type)
    if guidance is not None:
        guidance_lines = wrap(guidance, width, detail.guidance_lines)
        lines.extend(((text, GUIDANCE),) for text in guidance_lines)
        owners.extend([None] * len(guidance_lines))
    return DayLayout(tuple(lines), tuple(owners), tuple(spans))


def footer_row(content: DayContent, items: tuple[str, ...], width: int) -> Line:
    """One footer row: `load 675`, `sleep 6.5h`, `bed 23:00`, `protein 3`, with "not
    planned" in the warning colour where the plan has none; shorter forms when narrow."""
    if items == (_RULE,):
        return (("─" * width, BORDER),)
    values: dict[str, str | None] = {
        "load": str(content.day.load),
        "sleep": None if content.sleep_hours is None else f"{content.sleep_hours:g}h",
        "bed": content.bedtime,
        "protein": None if content.protein_meals is None else str(content.protein_meals),
    }
    # Labels by the width alone (not by the values) so every day reads alike.
    room = (width - 2 * (len(items) - 1)) // len(items)
    pieces: list[Piece] = []
    for position, item in enumerate(items):
        if position:
            pieces.append(("  ", PLAIN))
        value = values[item]
        if value is None:
            pieces.append((_first_fitting(_MISSING[item], room), WARNING))
            continue
        label = _FOOTER_LABELS[item][0 if room >= _FOOTER_ROOM[item] else 1]
        pieces.append((label + " ", MUTED))
        pieces.append((value, VALUE if item == "load" else PLAIN))
    return fit_pieces(pieces, width)


def type_line(content: DayContent, width: int) -> Line:
    """The day type, in its colour: `heavy day`, or `heavy` when narrow."""
    day_type = content.day.day_type
    words = DAY_TYPE_WORDS.get(day_type.value, day_type.value)
    if width < max(cell_len(text) for text in DAY_TYPE_WORDS.values()):
        words = words.removesuffix(" day")
    return ((fit(words, width), DAY_TYPE_INKS[day_type]),)


def heading_border(key: str, week_start: dt.date | None, width: int) -> tuple[str, str, str]:
    """The top border's inside `width` cells: the text before the heading, the heading,
    and the text after it (`─ Mon 30 Nov ──`, `─ Mon 30 `, `Wednesday`)."""
    forms = (
        day_heading(key, week_start),
        day_heading(key, week_start, short=True),
        DAY_NAMES[key][:3],
    )
    # The form is chosen by the width alone (the longest name or date of its form
    # fits), so the seven headings read alike.
    longest = (10, 6, 3) if week_start is not None else (9, 3, 3)
    for heading, size in zip(forms, longest, strict=True):
        if size + 3 <= width:
            return "─ ", heading, " " + "─" * (width - cell_len(heading) - 3)
        if size + 1 <= width:
            return "─", heading, "─" * (width - cell_len(heading) - 1)
    heading = fit(forms[-1], width)
    return "", heading, "─" * (width - cell_len(heading))


# ---------------------------------------------------------------------------- widget


class WeekGrid(Widget, can_focus=True):
    """Seven day columns, Monday to Sunday, drawn as one widget; holds the selected day
    and session.

    Each day is drawn into cached strips; `day_renders` counts the days drawn (cache
    misses), for tests and benchmarks.
    """

    BINDINGS = bindings_for("week")

    DEFAULT_CSS = """
    WeekGrid {
        width: 1fr;
        height: 1fr;
        min-height: 10;
    }
    """

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, name: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self.plan: Plan | None = None
        self.week = 0
        self.selection = Selection("mon", None)
        self.day_renders: Counter[str] = Counter()
        self._contents: dict[str, DayContent] = {}
        self._flagged: frozenset[str] = frozenset()
        self._offsets: dict[str, int] = dict.fromkeys(DAY_KEYS, 0)
        self._reveal: str | None = None
        self._palette: Palette | None = None
        self._palette_generation = 0
        self._geometry: Geometry | None = None
        self._layouts: dict[str, tuple[tuple[DayContent, int, Detail], DayLayout]] = {}
        self._strips: dict[str, tuple[tuple[object, ...], list[Strip]]] = {}
        # What the grid shows changes only through the methods that bump `_state`; a
        # frame's lines are joined once per state (a frame may render several regions).
        self._state = 0
        self._day_stamps: dict[str, tuple[object, ...]] = {}
        self._joined: dict[int, Strip] = {}
        self._joined_stamp: tuple[object, ...] = ()
        self._tooltip_target: tuple[str, int | None] | None = None

    # -------------------------------------------------------------- public API

    def show_week(self, plan: Plan, week: int, selection: Selection | None = None) -> None:
        """Show week `week` (0-based) of `plan` and select `selection` (or keep the
        selection, clamped); only the days whose content changed are drawn again."""
        week = max(0, min(week, len(plan.week_list) - 1))
        contents = day_contents(plan, week)
        changed = [key for key in DAY_KEYS if self._contents.get(key) != contents[key]]
        if self.plan is None or week != self.week:
            # Another week starts at the top of every day.
            self._offsets = dict.fromkeys(DAY_KEYS, 0)
            changed = list(DAY_KEYS)
        self.plan = plan
        self._contents = contents
        self.week = week
        self._select(selection or self.selection, force=True, also=changed)

    def select(self, selection: Selection, *, force: bool = False) -> None:
        """Select a day or session (clamped to what exists), scroll it into view in its
        day, and say so with `SelectionChanged` when it moved (always when forced)."""
        self._select(selection, force=force)

    def _select(self, selection: Selection, *, force: bool, also: Iterable[str] = ()) -> None:
        """Select, and repaint the days it changes and the days in `also`."""
        if self.plan is None:
            return
        selection = clamp(self.plan, self.week, selection)
        if selection == self.selection and not force:
            return
        previous = self.selection
        self.selection = selection
        self._reveal = selection.day
        self._state += 1
        days = {previous.day, selection.day, *also}
        self._refresh_days(key for key in DAY_KEYS if key in days)
        self.post_message(SelectionChanged(selection))

    def flag_days(self, days: Iterable[str]) -> None:
        """Highlight the days a finding concerns (none: no day)."""
        flagged = frozenset(days) & frozenset(DAY_KEYS)
        changed = flagged ^ self._flagged
        self._flagged = flagged
        self._state += 1
        self._refresh_days(changed)

    @property
    def flagged_days(self) -> frozenset[str]:
        """The days highlighted for a finding."""
        return self._flagged

    @property
    def selected_session(self) -> Session | None:
        """The selected session, if a session (not only a day) is selected."""
        if self.plan is None or self.selection.index is None:
            return None
        sessions = self.plan.week_list[self.week].days[self.selection.day].sessions
        return sessions[self.selection.index]

    @property
    def palette(self) -> Palette:
        """The theme's colours as the grid draws them."""
        return self._get_palette()

    def day_offset(self, key: str) -> int:
        """How many lines day `key` is scrolled down."""
        return self._offsets[key]

    def action_select_day(self, delta: int) -> None:
        """Move to the day before or after, keeping the row where the day has one."""
        position = DAY_KEYS.index(self.selection.day) + delta
        if not 0 <= position < len(DAY_KEYS) or self.plan is None:
            return
        key = DAY_KEYS[position]
        index = self.selection.index
        # From an empty day, land on the next day's first session; from a day's own
        # line (above its sessions), stay on the day line.
        if index is None and not self._day(self.selection.day).sessions:
            index = 0
        self.select(Selection(key, index))

    def action_select_session(self, delta: int) -> None:
        """Move to the session above or below; above the first is the day itself."""
        if self.plan is None:
            return
        count = len(self._day(self.selection.day).sessions)
        index = self.selection.index
        if index is None:
            if delta > 0 and count:
                self.select(Selection(self.selection.day, 0))
            return
        target = index + delta
        if target < 0:
            self.select(Selection(self.selection.day, None))
        elif target < count:
            self.select(Selection(self.selection.day, target))

    # -------------------------------------------------------------- drawing

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """With `height: auto`: tall enough for the longest day without scrolling."""
        geometry = plan_geometry(width, 24)
        longest = max(
            (
                len(day_layout(content, geometry.inner, geometry.detail).lines)
                for content in self._contents.values()
            ),
            default=0,
        )
        return max(10, 2 + 1 + longest + 5)

    def render_line(self, y: int) -> Strip:
        """Line `y` of the grid: the same line of the seven day columns, side by side."""
        palette = self._get_palette()
        geometry = self._get_geometry()
        width = self.size.width
        if geometry is None or y >= geometry.height or not self._contents:
            return Strip.blank(width, palette.base)
        stamp = self._stamp(geometry)
        if stamp != self._joined_stamp:
            self._joined.clear()
            self._joined_stamp = stamp
        line = self._joined.get(y)
        if line is None:
            line = self._joined[y] = Strip.join(
                self._day_strips(key, geometry, stamp)[y] for key in DAY_KEYS
            )
        return line

    def _stamp(self, geometry: Geometry) -> tuple[object, ...]:
        return (self._state, geometry, self.has_focus, self._palette_generation)

    def _day(self, key: str) -> Day:
        return self._contents[key].day

    def _get_palette(self) -> Palette:
        if self._palette is None:
            app = self.app
            variables = app.theme_variables or app.get_css_variables()
            foreground = self.colors[3]
            self._palette = Palette(
                variables,
                self.rich_style,
                self.background_colors[1],
                foreground,
                ansi=app.current_theme.ansi,
            )
            self._palette_generation += 1
        return self._palette

    def _get_geometry(self) -> Geometry | None:
        width, height = self.size
        if width < 7 * 4 or height < 4:
            return None
        geometry = self._geometry
        if geometry is None or (geometry.width, geometry.height) != (width, height):
            geometry = self._geometry = plan_geometry(width, height)
        return geometry

    def _layout(self, key: str, geometry: Geometry) -> DayLayout:
        width = geometry.inner
        cache_key = (self._contents[key], width, geometry.detail)
        cached = self._layouts.get(key)
        if cached is not None and cached[0] == cache_key:
            return cached[1]
        layout = day_layout(self._contents[key], width, geometry.detail)
        self._layouts[key] = (cache_key, layout)
        return layout

    def _scroll_into_view(self, key: str, geometry: Geometry) -> None:
        """Scroll day `key` so its selected session (or its top) shows."""
        index = self.selection.index if self.selection.day == key else None
        if index is None:
            self._offsets[key] = 0
            return
        layout = self._layout(key, geometry)
        if index >= len(layout.spans):
            return
        start, end = layout.spans[index]
        offset = self._offsets[key]
        height = geometry.body_height
        if start < offset or end - start > height:
            offset = start
        elif end > offset + height:
            offset = end - height
        self._offsets[key] = offset

    def _clamped_offset(self, key: str, layout: DayLayout, geometry: Geometry) -> int:
        most = max(0, len(layout.lines) - geometry.body_height)
        offset = min(max(self._offsets[key], 0), most)
        self._offsets[key] = offset
        return offset

    def _day_strips(self, key: str, geometry: Geometry, stamp: tuple[object, ...]) -> list[Strip]:
        """The lines of day `key`'s column, drawn again only when what they show changed."""
        if self._day_stamps.get(key) == stamp:
            return self._strips[key][1]
        self._day_stamps[key] = stamp
        if self._reveal == key:
            self._reveal = None
            self._scroll_into_view(key, geometry)
        layout = self._layout(key, geometry)
        offset = self._clamped_offset(key, layout, geometry)
        selected = self.selection.day == key
        cache_key = (
            self._contents[key],
            geometry,
            self.selection.index if selected else -1,
            selected and self.has_focus,
            key in self._flagged,
            offset,
            self._palette_generation,
        )
        cached = self._strips.get(key)
        if cached is not None and cached[0] == cache_key:
            return cached[1]
        strips = self._draw_day(key, geometry, layout, offset)
        self._strips[key] = (cache_key, strips)
        self.day_renders[key] += 1
        return strips

    def _draw_day(
        self, key: str, geometry: Geometry, layout: DayLayout, offset: int
    ) -> list[Strip]:
        palette = self._get_palette()
        content = self._contents[key]
        width = geometry.widths[DAY_KEYS.index(key)]
        inner = width - 2
        selected = self.selection.day == key
        flagged = key in self._flagged
        highlight = FOCUSED if self.has_focus else BLURRED
        if flagged:
            border = BORDER_FLAGGED
        elif selected:
            border = BORDER_SELECTED if self.has_focus else BORDER_SELECTED_BLURRED
        else:
            border = BORDER
        border_style = palette.style(border)

        strips: list[Strip] = []
        before, heading, after = heading_border(key, content.week_start, geometry.inner)
        after += "─" * (inner - geometry.inner)
        if selected:
            heading_style = palette.style(TITLE, highlight)
        else:
            heading_style = palette.style(HEADING_FLAGGED if flagged else HEADING)
        strips.append(
            Strip(
                [
                    Segment("╭" + before, border_style),
                    Segment(heading, heading_style),
                    Segment(after + "╮", border_style),
                ],
                width,
            )
        )

        def row(line: Line, row_highlight: int, right: str = "│") -> Strip:
            segments = [Segment("│", border_style)]
            used = 0
            for text, ink in line:
                segments.append(Segment(text, palette.style(ink, row_highlight)))
                used += cell_len(text)
            if used < inner:
                segments.append(Segment(" " * (inner - used), palette.style(PLAIN, row_highlight)))
            right_style = border_style if right == "│" else palette.style(MARKER)
            segments.append(Segment(right, right_style))
            return Strip(segments, width)

        day_selected = selected and self.selection.index is None
        strips.append(
            row(
                type_line(content, geometry.inner),
                highlight if day_selected else NO_HIGHLIGHT,
            )
        )
        body_height = geometry.body_height
        total = len(layout.lines)
        more_above = offset > 0
        more_below = offset + body_height < total
        for position in range(body_height):
            number = offset + position
            line: Line = ()
            row_highlight = NO_HIGHLIGHT
            if number < total:
                line = layout.lines[number]
                owner = layout.owners[number]
                if selected and owner is not None and owner == self.selection.index:
                    row_highlight = highlight
            right = "│"
            if position == body_height - 1 and more_below:
                right = "▼"
            elif position == 0 and more_above:
                right = "▲"
            strips.append(row(line, row_highlight, right))
        for items in geometry.footer:
            text_width = inner if items == (_RULE,) else geometry.inner
            strips.append(row(footer_row(content, items, text_width), NO_HIGHLIGHT))
        strips.append(Strip([Segment("╰" + "─" * inner + "╯", border_style)], width))
        blank = Strip.blank(width, palette.base)
        strips.extend([blank] * (geometry.height - len(strips)))
        return strips[: geometry.height]

    def day_region(self, key: str) -> Region:
        """The region of day `key`'s column in the grid (empty before the first layout)."""
        geometry = self._get_geometry()
        if geometry is None:
            return Region()
        position = DAY_KEYS.index(key)
        return Region(geometry.lefts[position], 0, geometry.widths[position], geometry.height)

    def _refresh_days(self, keys: Iterable[str]) -> None:
        """Repaint the lines of some days that changed (the other days, and the lines
        of these days that stay as they were, are not rendered again)."""
        geometry = self._get_geometry() if self.is_mounted else None
        if geometry is None or not self._contents:
            self.refresh()
            return
        self._get_palette()
        stamp = self._stamp(geometry)
        for key in keys:
            region = self.day_region(key)
            cached = self._strips.get(key)
            if cached is None:
                self.refresh(region)
                continue
            before = cached[1]
            after = self._day_strips(key, geometry, stamp)
            if after is before:
                continue
            changed = [
                y for y, (old, new) in enumerate(zip(before, after, strict=True)) if old != new
            ]
            for start, end in _runs(changed):
                self.refresh(Region(region.x, start, region.width, end - start))

    # -------------------------------------------------------------- events

    def on_mount(self) -> None:
        """Draw again with the new colours when the theme changes."""
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        self._palette = None
        self._state += 1
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        """Keep the selected session in view at the new size."""
        self._reveal = self.selection.day
        self._state += 1
        self.refresh()

    def on_focus(self, _event: events.Focus) -> None:
        """The selection shows stronger while the grid has the focus."""
        self._refresh_days({self.selection.day})

    def on_blur(self, _event: events.Blur) -> None:
        """The selection shows quieter without the focus."""
        self._refresh_days({self.selection.day})

    def target_at(self, x: int, y: int) -> tuple[str, int | None] | None:
        """The day and session (None: the day itself) at a point of the grid."""
        geometry = self._get_geometry()
        if geometry is None or not self._contents or not 0 <= y < geometry.height:
            return None
        position = next(
            (
                index
                for index in range(7)
                if geometry.lefts[index] <= x < geometry.lefts[index] + geometry.widths[index]
            ),
            None,
        )
        if position is None:
            return None
        key = DAY_KEYS[position]
        body_row = y - 2
        if 0 <= body_row < geometry.body_height:
            layout = self._layout(key, geometry)
            number = self._offsets[key] + body_row
            if number < len(layout.owners):
                return key, layout.owners[number]
        return key, None

    def on_click(self, event: events.Click) -> None:
        """Select the clicked session, or the day when elsewhere in its column."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        target = self.target_at(offset.x, offset.y)
        if target is None:
            return
        event.stop()
        self.focus()
        self.select(Selection(*target))

    def _scroll_day(self, event: events.MouseEvent, delta: int) -> None:
        offset = event.get_content_offset(self)
        geometry = self._get_geometry()
        target = None if offset is None else self.target_at(offset.x, offset.y)
        if target is None or geometry is None:
            return
        key = target[0]
        layout = self._layout(key, geometry)
        before = self._offsets[key]
        self._offsets[key] = before + delta
        if self._clamped_offset(key, layout, geometry) != before:
            self._state += 1
            event.stop()
            self._refresh_days({key})

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        """Scroll the day under the pointer."""
        self._scroll_day(event, 1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        """Scroll the day under the pointer."""
        self._scroll_day(event, -1)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """A tooltip with the whole session under the pointer (titles may be cut)."""
        offset = event.get_content_offset(self)
        target = None if offset is None else self.target_at(offset.x, offset.y)
        if target is not None and target[1] is None:
            target = None
        if target == self._tooltip_target:
            return
        self._tooltip_target = target
        if target is None or self.plan is None:
            self.tooltip = None
            return
        key, index = target
        assert index is not None
        session = self._day(key).sessions[index]
        self.tooltip = Content(session_summary(session))


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs of sorted numbers as (start, end) pairs: [1, 2, 5] -> (1, 3), (5, 6)."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number:
            runs[-1] = (runs[-1][0], number + 1)
        else:
            runs.append((number, number + 1))
    return runs


def session_summary(session: Session) -> str:
    """A session in words, whole: the tooltip of its card."""
    kind = KIND_WORDS.get(session.kind.value, session.kind.value)
    activity = ACTIVITY_WORDS.get(session.activity.value, session.activity.value)
    text = (
        f"{printable(session.title)}\n{kind}, {activity}, {session.minutes} min, "
        f"RPE {session.planned_rpe}, load {session.load}"
    )
    if session.done is not None:
        text += (
            f"\n{session.done.status.value}: {session.actual_minutes} min, RPE {session.actual_rpe}"
        )
        if session.compliance_pct is not None:
            text += f" ({session.compliance_pct:.0f}% of plan)"
    return text
