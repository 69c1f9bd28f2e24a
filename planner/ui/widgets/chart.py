"""The load chart: seven daily loads as bars, and the week's metrics with their thresholds."""

from __future__ import annotations

from typing import Any, NamedTuple

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from planner.catalogue import THRESHOLDS
from planner.model import DAY_KEYS, DAY_NAMES
from planner.report import Metrics
from planner.ui.styles import BAR_STYLES

_EIGHTHS = " ▏▎▍▌▋▊▉"
_LABEL = 12
_VALUE = 5


def bar(value: float, maximum: float, width: int) -> str:
    """A horizontal bar of `width` cells for `value` out of `maximum`, in eighths."""
    if maximum <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = max(1, round(value / maximum * width * 8))
    full, part = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def _number(value: float | None, digits: int = 2) -> str:
    """A metric as shown: `—` when undefined, else with `digits` decimals."""
    if value is None:
        return "—"
    return f"{value:.{digits}f}"


class ChartData(NamedTuple):
    """What the chart needs: a week's metrics, its day types and the resolved thresholds."""

    metrics: Metrics
    day_types: tuple[str, ...]
    thresholds: tuple[tuple[str, float], ...]

    def threshold(self, key: str) -> float:
        """A threshold as the report resolved it."""
        return dict(self.thresholds)[key]

    def shown(self, key: str) -> str:
        """A threshold with its unit, e.g. `2 days`."""
        return THRESHOLDS[key].format(self.threshold(key))


def _metric_line(label: str, value: str, limit: str, *, over: str | None = None) -> Content:
    value_style = f"{over} bold" if over else "bold"
    return Content.assemble(
        (label.ljust(_LABEL), "$foreground-muted"),
        (value.rjust(_VALUE), value_style),
        " ",
        (limit, "$foreground-muted"),
    )


def chart_lines(data: ChartData, width: int) -> Content:
    """The bars and the metric lines, fitted to `width` cells."""
    metrics = data.metrics
    lines: list[Content] = []
    allowed = int(data.threshold("max_heavy_sessions"))
    heavy = metrics.heavy_sessions
    min_easy = data.threshold("min_easy_days")
    lines.append(_metric_line("Weekly load", _number(metrics.weekly_load, 0), "AU"))
    lines.append(
        _metric_line(
            "Heavy",
            str(heavy),
            f"max {allowed} sessions",
            over="$text-warning" if heavy > allowed else None,
        )
    )
    lines.append(
        _metric_line(
            "Easy days",
            str(metrics.easy_days),
            f"min {min_easy:g}",
            over="$text-warning" if metrics.easy_days < min_easy else None,
        )
    )

    monotony_info = data.threshold("monotony_info")
    monotony_max = data.threshold("monotony_max")
    monotony = metrics.monotony
    over = None
    if monotony is not None and monotony > monotony_max:
        over = "$text-warning"
    elif monotony is not None and monotony > monotony_info:
        over = "$text-primary"
    lines.append(
        _metric_line(
            "Monotony",
            _number(monotony),
            f"info {monotony_info:g} warn {monotony_max:g}",
            over=over,
        )
    )
    lines.append(_metric_line("Strain", _number(metrics.strain, 0), "load × monotony"))

    low = data.threshold("acwr_low")
    caution = data.threshold("acwr_caution")
    high = data.threshold("acwr_high")
    acwr = metrics.acwr
    over = None
    # v2: the ratio only ever informs (it describes a change in load; it does not
    # predict injury), so it never takes the warning colour.
    if acwr is not None and (acwr > caution or acwr < low):
        over = "$text-primary"
    acwr_limit = f"{low:g}–{caution:g} high {high:g}"
    if acwr is None:
        acwr_limit = "no history"
    lines.append(_metric_line("ACWR", _number(acwr), acwr_limit, over=over))

    info_pct = data.threshold("load_change_info_pct")
    max_pct = data.threshold("load_change_max_pct")
    change = metrics.load_change_pct
    over = None
    if change is not None and change > max_pct:
        over = "$text-warning"
    elif change is not None and change > info_pct:
        over = "$text-primary"
    change_text = "—" if change is None else f"{change:+.0f}%"
    change_limit = f"info {info_pct:g}% warn {max_pct:g}%"
    if change is None:
        change_limit = "no history"
    lines.append(_metric_line("Load change", change_text, change_limit, over=over))

    debt = metrics.sleep_debt_hours
    lines.append(
        _metric_line(
            "Sleep debt",
            f"{debt:g}h",
            f"under {data.shown('sleep_min_hours')} a night",
            over="$text-warning" if debt >= 7 else ("$text-primary" if debt else None),
        )
    )
    logged = metrics.done_load is not None
    if logged:
        compliance = metrics.compliance_pct
        lines.append(
            _metric_line(
                "Done",
                _number(metrics.done_load, 0),
                "AU" + ("" if compliance is None else f", {compliance:.0f}% of plan"),
            )
        )
        lines.append(Content.styled("Bars: as done; planned below in grey", "$foreground-muted"))
    planned = metrics.planned_daily_load or metrics.daily_load
    peak = max((*metrics.daily_load, *planned), default=0)
    bar_width = max(4, width - 4 - 6)
    for position, key in enumerate(DAY_KEYS):
        load = metrics.daily_load[position]
        style = BAR_STYLES[data.day_types[position]]
        lines.append(
            Content.assemble(
                (DAY_NAMES[key][:3] + " ", "$foreground-muted"),
                (bar(load, peak, bar_width), style),
                (f" {load}", "bold" if load else "$foreground-muted"),
            )
        )
        if logged and planned[position] != load:
            lines.append(
                Content.assemble(
                    ("    ", ""),
                    (bar(planned[position], peak, bar_width), "$foreground-muted"),
                    (f" {planned[position]}", "$foreground-muted"),
                )
            )
    return Content("\n").join(lines)


class ChartBody(Widget):
    """The chart's text, drawn to the width it is given."""

    DEFAULT_CSS = "ChartBody { height: auto; }"

    def __init__(self) -> None:
        super().__init__()
        self.data: ChartData | None = None
        # Textual renders for the height and again to draw: the lines are made once.
        self._drawn: tuple[ChartData, int, Content] | None = None

    def _lines(self, width: int) -> Content:
        if self.data is None:
            return Content("")
        if self._drawn is None or self._drawn[:2] != (self.data, width):
            self._drawn = (self.data, width, chart_lines(self.data, width))
        return self._drawn[2]

    def render(self) -> Content:
        """Bars and metrics for the current width."""
        return self._lines(self.content_size.width or 40)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The height of the lines drawn for `width` (the width being laid out, which
        the content size does not have yet)."""
        # As Textual's own widgets measure: by the widget's styles (wrap, overflow).
        rules: Any = self.styles
        return self._lines(width).get_height(rules, width)


class LoadChart(VerticalScroll):
    """The week's load, day by day, and its metrics, each with its threshold."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = ChartBody()

    def compose(self) -> ComposeResult:
        yield self.body

    def show(
        self, metrics: Metrics, day_types: tuple[str, ...], thresholds: dict[str, float]
    ) -> None:
        """Show a week's loads and metrics against the report's thresholds."""
        data = ChartData(metrics, day_types, tuple(sorted(thresholds.items())))
        if data == self.body.data:
            return
        self.body.data = data
        self.border_title = "Load (RPE × minutes)"
        self.body.refresh(layout=True)
