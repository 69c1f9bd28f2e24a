"""The findings list (most severe first, the selected day's first) and a finding's detail."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from planner.catalogue import day_list
from planner.model import DAY_KEYS, DAY_NAMES
from planner.report import Finding, Severity
from planner.ui.messages import FindingChosen, FindingHighlighted
from planner.ui.styles import SEVERITY_STYLES

SEVERITY_TAGS: dict[Severity, tuple[str, str]] = {
    Severity.critical: ("CRIT", "$text-error bold"),
    Severity.warning: ("WARN", "$text-warning bold"),
    Severity.info: ("info", "$text-primary"),
}


def short_days(days: Sequence[str]) -> str:
    """`Thu Fri` for a finding's days; `week` when it concerns the whole week."""
    if not days:
        return "week"
    if len(days) == len(DAY_KEYS):
        return "every day"
    return " ".join(DAY_NAMES[day][:3] for day in days)


def order_findings(findings: Sequence[Finding], day: str | None) -> tuple[list[Finding], int]:
    """The findings of `day` first (each group most severe first) and how many those are."""
    if day is None:
        return list(findings), 0
    of_day = [f for f in findings if day in f.days and not f.accepted]
    others = [f for f in findings if day not in f.days or f.accepted]
    return of_day + others, len(of_day)


def finding_prompt(finding: Finding) -> Content:
    """One finding as a line of the list: severity, days and message; an accepted
    one dimmed, with its reason."""
    tag, style = SEVERITY_TAGS[finding.severity]
    if finding.accepted:
        return Content.assemble(
            ("ok  ", "$text-muted"),
            (short_days(finding.days), "$text-muted"),
            " ",
            (finding.message, "$text-muted"),
            (f" (accepted: {finding.reason})", "$text-muted italic"),
        )
    return Content.assemble(
        (tag, style), " ", (short_days(finding.days), "$text-accent"), " ", finding.message
    )


class FindingsList(OptionList):
    """Every finding of the plan; highlighting one shows it, enter goes to its day."""

    BINDINGS = [  # noqa: RUF012 (Textual reads it from the class)
        Binding(
            "enter",
            "choose",
            "Go to day",
            id="findings.choose",
            tooltip="Select the finding's first day in the week",
        ),
        Binding("j", "cursor_down", show=False),
        Binding("k", "cursor_up", show=False),
        Binding(
            "escape",
            "screen.focus_week",
            "Back to week",
            id="findings.back",
            tooltip="Move the focus back to the week",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []
        self.day: str | None = None
        self._announced: Finding | None = None
        self._announced_once = False

    def show(self, findings: Sequence[Finding], day: str | None, *, day_changed: bool) -> None:
        """Show findings, the selected day's first; keep the highlighted one if it stays."""
        ordered, of_day = order_findings(findings, day)
        if ordered == self.findings and day == self.day and self.option_count:
            return
        current = self.current
        self.findings = ordered
        self.day = day
        options: list[Option | None] = []
        for position, finding in enumerate(ordered):
            if position == of_day and 0 < of_day < len(ordered):
                options.append(None)
            options.append(Option(finding_prompt(finding), id=f"finding-{position}"))
        if not ordered:
            options.append(
                Option(
                    Content.styled("No findings for this week.", "$foreground-muted"),
                    id="no-findings",
                    disabled=True,
                )
            )
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            if ordered:
                keep = current in ordered and not day_changed
                self.highlighted = ordered.index(current) if keep and current else 0
        raising = sum(1 for finding in findings if finding.raises_risk)
        self.border_title = f"Findings ({len(findings)})"
        subtitle = []
        if raising:
            subtitle.append(f"{raising} raise{'s' if raising == 1 else ''} the risk")
        if day is not None and of_day:
            subtitle.append(f"{DAY_NAMES[day][:3]} first")
        self.border_subtitle = " · ".join(subtitle)
        self._announce()

    @property
    def current(self) -> Finding | None:
        """The highlighted finding."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.findings):
            return None
        return self.findings[index]

    def _announce(self) -> None:
        finding = self.current
        if finding != self._announced or not self._announced_once:
            self._announced = finding
            self._announced_once = True
            self.post_message(FindingHighlighted(finding))

    def on_option_list_option_highlighted(self, message: OptionList.OptionHighlighted) -> None:
        """Tell the screen which finding to show and which days to highlight."""
        message.stop()
        self._announce()

    def on_option_list_option_selected(self, message: OptionList.OptionSelected) -> None:
        """A click highlights the finding (and shows it); it does not leave the list."""
        message.stop()

    def action_choose(self) -> None:
        """Enter on a finding: go to its first day in the week."""
        finding = self.current
        if finding is not None:
            self.post_message(FindingChosen(finding))


def finding_detail(finding: Finding | None, total: int) -> Content:
    """What a finding says, what to do, its source and evidence level."""
    if finding is None:
        if total:
            return Content.styled("Highlight a finding to read about it.", "$foreground-muted")
        return Content.assemble(
            ("No findings. ", "$text-success bold"),
            "This week alternates hard work and recovery within every rule's thresholds.",
        )
    info = finding.info
    severity = Content.styled(finding.severity.value.upper(), SEVERITY_STYLES[finding.severity])
    days = day_list(finding.days)
    if finding.accepted:
        effect = (
            f"Accepted: {finding.reason}. Shown, counted nowhere (A takes it back).",
            "$text-muted",
        )
    elif finding.raises_risk:
        effect = ("Raises the overload risk.", "$text-warning")
    elif finding.info.recovery_side:
        effect = ("Counts toward the recovery word.", "$text-warning")
    else:
        effect = ("Informs; raises neither word. A accepts it.", "$foreground-muted")
    return Content("\n").join(
        [
            Content.assemble(severity, (f" · {info.group.value} · {days}", "$foreground-muted")),
            Content.styled(info.title, "bold"),
            Content(finding.message),
            Content(""),
            Content.assemble(("What to do: ", "bold"), finding.advice),
            Content(""),
            Content.assemble(("Source: ", "$foreground-muted"), info.source),
            Content.assemble(("Evidence: ", "$foreground-muted"), info.evidence.value),
            Content.assemble(*[effect]),
        ]
    )


class FindingDetail(VerticalScroll):
    """The highlighted finding in full: message, advice, source and evidence."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Static(classes="finding-text", markup=False)
        self.finding: Finding | None = None

    def compose(self) -> ComposeResult:
        yield self._text

    def show(self, finding: Finding | None, total: int) -> None:
        """Show a finding (or say there are none)."""
        self.finding = finding
        self.border_title = "Finding"
        self._text.update(finding_detail(finding, total))
        self.scroll_home(animate=False)
