"""The week grid: seven day columns of session cards, with each day's load, sleep and food."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from planner.model import DAY_KEYS, DAY_NAMES, Day, DayType, Kind, Plan, Session
from planner.ui.commands import bindings_for
from planner.ui.messages import Selection, SelectionChanged
from planner.ui.styles import KIND_STYLES

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

KIND_LABELS: dict[Kind, str] = {
    Kind.heavy: "heavy",
    Kind.moderate: "moderate",
    Kind.light: "light",
    Kind.active_recovery: "recovery",
}

DAY_TYPE_LABELS: dict[DayType, str] = {
    DayType.heavy: "heavy day",
    DayType.moderate: "moderate day",
    DayType.recovery: "recovery day",
    DayType.rest: "rest day",
}

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
    "Easy movement clears stress hormones and stiffness.",
    "Low intensity switches on rest-and-digest.",
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


def _hours(value: float) -> str:
    return f"{value:g}h"


@dataclass(frozen=True, slots=True)
class DayView:
    """One day as the grid shows it, with the defaults already applied."""

    key: str
    week_start: dt.date | None
    day: Day
    sleep_hours: float | None
    bedtime: str | None
    protein_meals: int | None

    @property
    def day_type(self) -> DayType:
        """The day's derived type."""
        return self.day.day_type


def day_views(plan: Plan, week: int) -> list[DayView]:
    """The seven days of a week of a plan as the grid shows them, Monday first."""
    return [
        DayView(
            key=key,
            week_start=plan.week_start(week),
            day=day,
            sleep_hours=plan.sleep_hours(day),
            bedtime=plan.bedtime(day),
            protein_meals=plan.protein_meals(day),
        )
        for key, day in plan.week_list[week].days.items()
    ]


def session_details(session: Session) -> Content:
    """A session card's lines under the title: minutes and RPE, kind and activity, start
    and focus."""
    focus = " ".join(group.value.replace("_", " ") for group in session.effective_focus)
    timing = [part for part in (session.start, focus) if part]
    if session.carbs_after:
        timing.append("+carbs")
    lines = [
        Content(f"{session.minutes} min RPE {session.actual_rpe}"),
        Content.assemble(
            (KIND_LABELS[session.kind], KIND_STYLES[session.kind]),
            (f" {session.activity.value}", "$foreground-muted"),
        ),
    ]
    if timing:
        lines.append(Content.styled(" ".join(timing), "$foreground-muted"))
    return Content("\n").join(lines)


KIND_CLASSES = frozenset(f"-{kind.value}" for kind in Kind)
DAY_TYPE_CLASSES = frozenset(f"-{day_type.value}" for day_type in DayType)
DAY_CLASSES = frozenset(f"-{day_type.value}-day" for day_type in DayType)


def swap_class(widget: Widget, family: frozenset[str], wanted: str) -> None:
    """Give a widget one class of a family in a single change.

    Removing the old class and adding the new one one by one restyles the widget and
    everything in it twice.
    """
    current = set(widget.classes)
    if current & family == {wanted}:
        return
    widget.set_classes((current - family) | {wanted})


class SessionCard(Vertical):
    """One session, coloured by its kind; click it to select it."""

    class Clicked(Message):
        """The card was clicked."""

        def __init__(self, day: str, index: int) -> None:
            super().__init__()
            self.day = day
            self.index = index

    def __init__(self, day: str, index: int, session: Session) -> None:
        super().__init__(classes="session-card")
        self.day = day
        self.index = index
        self.session = session
        self._title = Static(classes="card-title", markup=False)
        self._details = Static(classes="card-details", markup=False)
        self._apply()

    def compose(self) -> ComposeResult:
        yield self._title
        yield self._details

    def _apply(self) -> None:
        session = self.session
        swap_class(self, KIND_CLASSES, f"-{session.kind.value}")
        self._title.update(Content(session.title))
        self._details.update(session_details(session))
        self.tooltip = Content(
            f"{session.title}\n{KIND_LABELS[session.kind]}, {session.activity.value}, "
            f"{session.minutes} min, RPE {session.actual_rpe}, load {session.load}"
        )

    def show(self, session: Session) -> None:
        """Show another session in this card."""
        if session != self.session:
            self.session = session
            self._apply()

    def on_click(self, event: events.Click) -> None:
        """Select this session."""
        event.stop()
        self.post_message(self.Clicked(self.day, self.index))


class DaySummary(Static):
    """A day's load, sleep and protein plan, at the foot of its column."""

    def __init__(self) -> None:
        super().__init__(classes="day-summary", markup=False)

    def show(self, view: DayView) -> None:
        """Show a day's numbers; "not planned" where the plan has none."""
        missing = ("not planned", "$text-warning")
        muted = "$foreground-muted"

        def value(text: str | None) -> str | tuple[str, str]:
            return missing if text is None else text

        sleep = None if view.sleep_hours is None else _hours(view.sleep_hours)
        protein = None if view.protein_meals is None else str(view.protein_meals)
        self.update(
            Content("\n").join(
                [
                    Content.assemble(("load ", muted), (str(view.day.load), "bold")),
                    Content.assemble(("sleep ", muted), value(sleep)),
                    Content.assemble(("bed ", muted), value(view.bedtime)),
                    Content.assemble(("protein ", muted), value(protein)),
                ]
            )
        )


class DayColumn(Vertical):
    """One day: its type, session cards, recovery guidance, note, load, sleep and protein."""

    class Clicked(Message):
        """The day (not one of its cards) was clicked."""

        def __init__(self, day: str) -> None:
            super().__init__()
            self.day = day

    def __init__(self, key: str) -> None:
        super().__init__(id=f"day-{key}", classes="day-column")
        self.key = key
        self.view: DayView | None = None
        self.cards: list[SessionCard] = []
        self._selected_index: int | None = None
        self._type_line = Static(classes="day-type", markup=False)
        self._sessions = VerticalScroll(classes="day-sessions")
        self._sessions.can_focus = False
        self._guidance = Static(classes="day-guidance", markup=False)
        self._note = Static(classes="day-note", markup=False)
        self._summary = DaySummary()

    def compose(self) -> ComposeResult:
        yield self._type_line
        with self._sessions:
            yield self._note
            yield self._guidance
        yield self._summary

    def on_resize(self) -> None:
        """Shorten the heading in a narrow column."""
        self._set_heading()

    def _set_heading(self) -> None:
        if self.view is None:
            return
        short = self.size.width < 14
        self.border_title = day_heading(self.key, self.view.week_start, short=short)
        label = DAY_TYPE_LABELS[self.view.day_type]
        self._type_line.update(label.removesuffix(" day") if short else label)

    def show(self, view: DayView) -> None:
        """Show the day; only the cards that changed are touched."""
        if view == self.view:
            # An edit touches one or two days; leaving the others alone spares their
            # restyle and re-render, most of what an edit costs on screen.
            return
        self.view = view
        day_type = view.day_type
        self._set_heading()
        swap_class(self._type_line, DAY_TYPE_CLASSES, f"-{day_type.value}")
        swap_class(self, DAY_CLASSES, f"-{day_type.value}-day")
        sessions = view.day.sessions
        for index, session in enumerate(sessions):
            if index < len(self.cards):
                self.cards[index].show(session)
            else:
                card = SessionCard(self.key, index, session)
                self.cards.append(card)
                if self.is_mounted:
                    self._sessions.mount(card, before=self._note)
        for card in self.cards[len(sessions) :]:
            card.remove()
        del self.cards[len(sessions) :]
        guidance = recovery_guidance(self.key, day_type)
        self._guidance.update(Content(guidance or ""))
        self._guidance.display = guidance is not None
        self._note.update(Content(view.day.note))
        self._note.display = bool(view.day.note)
        self._summary.show(view)
        self._mark_selected()

    def on_mount(self) -> None:
        """Mount the cards made before the column was on screen."""
        pending = [card for card in self.cards if not card.is_mounted]
        if pending:
            self._sessions.mount_all(pending, before=self._note)

    def select(self, selected: bool, index: int | None) -> None:
        """Mark the column (and one of its cards) as selected."""
        self.set_class(selected, "-selected")
        self._selected_index = index if selected else None
        self._mark_selected()

    def _mark_selected(self) -> None:
        for position, card in enumerate(self.cards):
            card.set_class(position == self._selected_index, "-selected")

    def scroll_to_selected(self) -> None:
        """Bring the selected card into view."""
        index = self._selected_index
        if index is not None and index < len(self.cards) and self.cards[index].is_mounted:
            self._sessions.scroll_to_widget(self.cards[index], animate=False)
        elif index is None:
            self._sessions.scroll_home(animate=False)

    def on_click(self, event: events.Click) -> None:
        """Select the day."""
        event.stop()
        self.post_message(self.Clicked(self.key))


def clamp(plan: Plan, week: int, selection: Selection) -> Selection:
    """The nearest valid selection: a session that exists, or the day itself."""
    count = len(plan.week_list[week].days[selection.day].sessions)
    if selection.index is None or count == 0:
        return Selection(selection.day, None)
    return Selection(selection.day, min(max(selection.index, 0), count - 1))


def first_selection(plan: Plan, week: int = 0) -> Selection:
    """Where the editor starts: Monday's first session, or Monday itself."""
    return clamp(plan, week, Selection("mon", 0))


class WeekGrid(Horizontal, can_focus=True):
    """Seven day columns, Monday to Sunday; holds the selected day and session."""

    BINDINGS = bindings_for("week")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan: Plan | None = None
        self.week = 0
        self.selection = Selection("mon", None)
        self.columns = {key: DayColumn(key) for key in DAY_KEYS}

    def compose(self) -> ComposeResult:
        yield from self.columns.values()

    def show_week(self, plan: Plan, week: int, selection: Selection | None = None) -> None:
        """Show a week of a plan and select `selection` (or keep the selection, clamped)."""
        self.plan = plan
        self.week = week
        for view in day_views(plan, week):
            self.columns[view.key].show(view)
        self.select(selection or self.selection, force=True)

    def select(self, selection: Selection, *, force: bool = False) -> None:
        """Select a day or session; says so with `SelectionChanged` when it moved."""
        if self.plan is None:
            return
        selection = clamp(self.plan, self.week, selection)
        if selection == self.selection and not force:
            return
        self.selection = selection
        for key, column in self.columns.items():
            column.select(key == selection.day, selection.index)
        self.call_after_refresh(self.columns[selection.day].scroll_to_selected)
        self.post_message(SelectionChanged(selection))

    def flag_days(self, days: Iterable[str]) -> None:
        """Highlight the days a finding concerns."""
        flagged = set(days)
        for key, column in self.columns.items():
            column.set_class(key in flagged, "-flagged")

    @property
    def selected_session(self) -> Session | None:
        """The selected session, if a session (not only a day) is selected."""
        if self.plan is None or self.selection.index is None:
            return None
        return self.plan.week_list[self.week].days[self.selection.day].sessions[self.selection.index]

    def action_select_day(self, delta: int) -> None:
        """Move to the day before or after, keeping the row where the day has one."""
        position = DAY_KEYS.index(self.selection.day) + delta
        if not 0 <= position < len(DAY_KEYS) or self.plan is None:
            return
        key = DAY_KEYS[position]
        index = self.selection.index
        # From an empty day, land on the next day's first session; from a day's own
        # line (above its sessions), stay on the day line.
        if index is None and not self.plan.week_list[self.week].days[self.selection.day].sessions:
            index = 0
        self.select(Selection(key, index))

    def action_select_session(self, delta: int) -> None:
        """Move to the session above or below; above the first is the day itself."""
        if self.plan is None:
            return
        count = len(self.plan.week_list[self.week].days[self.selection.day].sessions)
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

    def on_session_card_clicked(self, message: SessionCard.Clicked) -> None:
        """Select the clicked session."""
        message.stop()
        self.focus()
        self.select(Selection(message.day, message.index))

    def on_day_column_clicked(self, message: DayColumn.Clicked) -> None:
        """Select the clicked day."""
        message.stop()
        self.focus()
        self.select(Selection(message.day, None))
