"""The load chart: seven daily loads as bars, and the week's metrics with their thresholds."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget

from planner.findings import Metrics
from planner.model import DAY_KEYS, DAY_NAMES, DayType, Plan
from planner.rules.catalogue import MAX_HEAVY_DAYS_BY_LEVEL, THRESHOLDS

DAY_TYPE_STYLES: dict[DayType, str] = {
    DayType.heavy: "$error",
    DayType.moderate: "$warning",
    DayType.recovery: "$success",
    DayType.rest: "$success",
}

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


@dataclass(frozen=True, slots=True)
class ChartData:
    """What the chart needs: the plan (for thresholds and day types) and its metrics."""

    plan: Plan
    metrics: Metrics
    disabled: frozenset[str]

    def threshold(self, key: str) -> float | None:
        """The plan's value of a threshold, or the catalogue default."""
        return self.plan.rules.threshold(key)

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
    plan = data.plan
    lines: list[Content] = []
    level = plan.plan.level.value
    max_heavy = data.threshold("max_heavy_days")
    allowed = int(max_heavy) if max_heavy is not None else MAX_HEAVY_DAYS_BY_LEVEL[level]
    heavy_days = sum(1 for key in DAY_KEYS if plan.day(key).day_type is DayType.heavy)
    min_easy = data.threshold("min_easy_days") or 0
    lines.append(_metric_line("Weekly load", _number(metrics.weekly_load, 0), "AU"))
    lines.append(
        _metric_line(
            "Heavy days",
            str(heavy_days),
            f"max {allowed}",
            over="$text-warning" if heavy_days > allowed else None,
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

    monotony_info = data.threshold("monotony_info") or 0
    monotony_max = data.threshold("monotony_max") or 0
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

    low = data.threshold("acwr_low") or 0
    caution = data.threshold("acwr_caution") or 0
    high = data.threshold("acwr_high") or 0
    acwr = metrics.acwr
    over = None
    if acwr is not None and acwr > high:
        over = "$text-warning"
    elif acwr is not None and (acwr > caution or acwr < low):
        over = "$text-primary"
    acwr_limit = f"{low:g}–{caution:g} warn {high:g}"
    if acwr is None:
        acwr_limit = f"{low:g}–{caution:g} (no history)"
    lines.append(_metric_line("ACWR", _number(acwr), acwr_limit, over=over))

    info_pct = data.threshold("load_change_info_pct") or 0
    max_pct = data.threshold("load_change_max_pct") or 0
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

    peak = max(metrics.daily_load, default=0)
    bar_width = max(4, width - 4 - 6)
    for key, load in zip(DAY_KEYS, metrics.daily_load, strict=True):
        day_type = plan.day(key).day_type
        lines.append(
            Content.assemble(
                (DAY_NAMES[key][:3] + " ", "$foreground-muted"),
                (bar(load, peak, bar_width), DAY_TYPE_STYLES[day_type]),
                (f" {load}", "bold" if load else "$foreground-muted"),
            )
        )
    return Content("\n").join(lines)


class ChartBody(Widget):
    """The chart's text, drawn to the width it is given."""

    DEFAULT_CSS = "ChartBody { height: auto; }"

    def __init__(self) -> None:
        super().__init__()
        self.data: ChartData | None = None

    def render(self) -> Content:
        """Bars and metrics for the current width."""
        if self.data is None:
            return Content("")
        return chart_lines(self.data, self.content_size.width or 40)


class LoadChart(VerticalScroll):
    """The week's load, day by day, and its metrics, each with its threshold."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.body = ChartBody()

    def compose(self) -> ComposeResult:
        yield self.body

    def show(self, plan: Plan, metrics: Metrics) -> None:
        """Show a plan's loads and metrics."""
        data = ChartData(plan, metrics, frozenset(plan.rules.disabled))
        if data == self.body.data:
            return
        self.body.data = data
        self.border_title = "Load (RPE × minutes)"
        self.body.refresh(layout=True)
