"""The help screen: every key, the day types and session kinds, and every rule."""

from __future__ import annotations

from typing import Self

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget

from planner.catalogue import (
    CATALOGUE,
    DAY_TYPE_MEANINGS,
    DAY_TYPE_WORDS,
    KIND_MEANINGS,
    KIND_SHORT_WORDS,
    MAX_HEAVY_SESSIONS_BY_LEVEL,
    RuleInfo,
)
from planner.model import DEFAULT_RPE, DayType, Kind, Plan, RuleSettings
from planner.ui.commands import COMMANDS
from planner.ui.screens.kept import Kept
from planner.ui.screens.modal import PlannerModal
from planner.ui.styles import DAY_TYPE_STYLES, KIND_STYLES

_KEY_WIDTH = 14

DAY_TYPES = tuple(
    (DAY_TYPE_WORDS[day_type.value], DAY_TYPE_STYLES[day_type], DAY_TYPE_MEANINGS[day_type.value])
    for day_type in DayType
)

KINDS = tuple(
    (
        KIND_SHORT_WORDS[kind.value],
        KIND_STYLES[kind],
        f"{KIND_MEANINGS[kind.value]} (RPE {DEFAULT_RPE[kind]} when none is given)",
    )
    for kind in Kind
)

EXTRA_KEYS = (
    ("ctrl+p", "Command palette: every action by name"),
    ("tab", "Next panel (week, findings)"),
    ("escape", "Close any form or dialog without changes; in the findings, back to the week"),
    ("enter", "In a form: save it; on a select: open it. In the findings: go to its day"),
)


def _heading(text: str) -> Content:
    return Content.styled(text, "bold $text-accent")


def _key_line(keys: str, text: str) -> Content:
    return Content.assemble((keys.ljust(_KEY_WIDTH), "bold $text-accent"), text)


def _keys_of(command_keys: str) -> str:
    names = {
        "question_mark": "?",
        "delete": "del",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
    }
    return " / ".join(names.get(key, key) for key in command_keys.split(","))


def _rule_lines(rule: RuleInfo, plan: Plan | None) -> list[Content]:
    lines = [
        Content.assemble(
            (rule.title, "bold"), (f"  {rule.id} · {rule.group.value}", "$foreground-muted")
        ),
        Content.assemble(("  fires when ", "$foreground-muted"), rule.fires_when),
        Content.assemble(("  severity ", "$foreground-muted"), rule.severity),
    ]
    for threshold in rule.thresholds:
        if threshold.key == "max_heavy_sessions" and threshold.default is None:
            default = ", ".join(f"{level} {n}" for level, n in MAX_HEAVY_SESSIONS_BY_LEVEL.items())
        else:
            default = threshold.format(threshold.default)
        own = plan.rules.overrides().get(threshold.key) if plan is not None else None
        this_plan = f"; this plan: {threshold.format(own)}" if own is not None else ""
        lines.append(
            Content.assemble(
                ("  threshold ", "$foreground-muted"),
                (f"{threshold.key} = {default}", "bold"),
                f" ({threshold.description}){this_plan}",
            )
        )
    if plan is not None and rule.id in plan.rules.disabled:
        lines.append(Content.styled("  switched off in this plan", "$text-warning"))
    lines.append(
        Content.assemble(
            ("  source ", "$foreground-muted"),
            rule.source,
            ("  evidence ", "$foreground-muted"),
            (rule.evidence.value, "italic"),
        )
    )
    return lines


def _hanging(line: Content, indent: int, width: int) -> list[Content]:
    """A line wrapped to `width`, its later lines starting under column `indent` (the
    description, not the key column)."""
    if width <= indent + 8 or line.cell_length <= width:
        return [line] if line.cell_length <= width or width <= 0 else line.wrap(width)
    head, body = line.divide([indent])
    wrapped = body.wrap(width - indent)
    pad = Content(" " * indent)
    return [head + wrapped[0], *(pad + rest for rest in wrapped[1:])]


#: The labels of a rule's lines in the help, each followed by its text.
_RULE_LABELS = ("  fires when ", "  severity ", "  threshold ", "  source ")


def _indent_of(line: Content) -> int:
    """Where a help line's text starts: after its key column or label."""
    plain = line.plain
    for label in _RULE_LABELS:
        if plain.startswith(label):
            return len(label)  # "  fires when ...": under the text after the label
    if plain.startswith("  "):
        return 2
    if len(plain) > _KEY_WIDTH and plain[_KEY_WIDTH - 1] == " " and plain[_KEY_WIDTH] != " ":
        return _KEY_WIDTH
    return 0


def help_text(plan: Plan | None = None, width: int = 0) -> Content:
    """The whole help page; with a width, long lines wrap under their description."""
    lines = help_lines(plan)
    if width > 0:
        lines = [part for line in lines for part in _hanging(line, _indent_of(line), width)]
    return Content("\n").join(lines)


def help_lines(plan: Plan | None = None) -> list[Content]:
    """The help page's lines, unwrapped."""
    lines: list[Content] = [_heading("Keys")]
    for command in COMMANDS:
        if command.keys:
            lines.append(_key_line(_keys_of(command.keys), command.help))
    for keys, text in EXTRA_KEYS:
        lines.append(_key_line(keys, text))
    lines.append(
        Content.styled(
            "  Mouse: click a session or a day to select it; click a finding.", "$foreground-muted"
        )
    )
    lines += [Content(""), _heading("Day types")]
    for label, style, text in DAY_TYPES:
        lines.append(Content.assemble((label.ljust(_KEY_WIDTH), f"bold {style}"), text))
    lines += [Content(""), _heading("Session kinds")]
    for label, style, text in KINDS:
        lines.append(Content.assemble((label.ljust(_KEY_WIDTH), f"bold {style}"), text))
    lines.append(
        Content.styled(
            "  Load = RPE × minutes (session-RPE, Foster 2001); "
            "a blank RPE takes the kind's default.",
            "$foreground-muted",
        )
    )
    lines += [
        Content(""),
        _heading("Overload and recovery"),
        Content(
            "Each rule counts once a week; accepted findings count nowhere. Recovery (sleep, "
            "nutrition and movement rules): good with none firing, fair with one or two, "
            "poor with three or more or a sleep debt of 7 h. Overload (spacing, load and "
            "block rules): high with a critical finding, warnings from three or more rules, "
            "or a moderate week on poor recovery; moderate with warnings from one or two "
            "rules; low otherwise. Info findings never raise it."
        ),
        Content(""),
        _heading("Rules"),
    ]
    for rule in CATALOGUE:
        lines += _rule_lines(rule, plan)
    lines += [
        Content(""),
        Content.styled(
            "Change a threshold or switch a rule off for one plan in the settings (s), "
            'or under [rules] in its file (disabled = ["rule-id"]).',
            "$foreground-muted",
        ),
    ]
    return lines


class HelpBody(Widget):
    """The help text, wrapped to the width it is given."""

    DEFAULT_CSS = "HelpBody { height: auto; }"

    def __init__(self, plan: Plan | None) -> None:
        super().__init__(id="help-text")
        self.plan = plan
        #: The page last made: for which rule settings, at which width.
        self._page: tuple[RuleSettings | None, int, Content] | None = None

    def show(self, plan: Plan | None) -> None:
        """The help for `plan`; the page changes only with the plan's rule settings."""
        changed = _rules_of(plan) != _rules_of(self.plan)
        self.plan = plan
        if changed:
            self.refresh(layout=True)

    def render(self) -> Content:
        """The help page at this width (made again only when the width or the plan's
        rule settings change)."""
        rules = _rules_of(self.plan)
        width = self.content_size.width
        page = self._page
        if page is None or page[0] != rules or page[1] != width:
            page = self._page = (rules, width, help_text(self.plan, width))
        return page[2]


def _rules_of(plan: Plan | None) -> RuleSettings | None:
    """What of a plan the help shows: its thresholds and the rules switched off."""
    return plan.rules if plan is not None else None


class HelpScreen(Kept, PlannerModal[None]):
    """Every binding, the day types and every rule with thresholds, source and evidence."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("j", "scroll('down')", show=False),
        Binding("k", "scroll('up')", show=False),
    ]

    def __init__(self, plan: Plan | None = None) -> None:
        super().__init__()
        self.plan = plan

    def load(self, plan: Plan | None) -> Self:
        """Show the help for `plan` from its top."""
        self.plan = plan
        self._unfilled = True
        return self

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as scroll:
            scroll.border_title = "Help"
            scroll.border_subtitle = "escape closes"
            yield HelpBody(self.plan)

    def _fill(self) -> None:
        """The page for the plan, from its top, the text focused so the arrows scroll it."""
        self.query_one(HelpBody).show(self.plan)
        scroll = self.query_one("#help", VerticalScroll)
        scroll.scroll_home(animate=False, immediate=True)
        scroll.focus(scroll_visible=False)

    def action_scroll(self, direction: str) -> None:
        """Scroll with j and k as with the arrows."""
        scroll = self.query_one("#help", VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
