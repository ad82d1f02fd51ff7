"""The KPI detail's chart as data: the weekly line, the running week apart, daily points, target
and stop threshold, and their axes (the screen hands them to plotext as they are)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from mkhats.domain.models import Kpi
from mkhats.domain.running import Verdict, spark_value
from mkhats.domain.weeks import add_days, week_start
from mkhats.i18n import t
from mkhats.present.labels import format_number, format_span, format_value, run_text

DAILY_WEEKS = 4
"""Daily points are drawn for the last 4 weeks only: 91 points would blur into the weekly line."""


@dataclass(frozen=True)
class Line:
    """One series of the chart: x are day offsets from the window's first day."""

    label: str
    x: list[float]
    y: list[float]
    right: bool = False
    """Drawn against the right-hand (daily) axis."""


@dataclass(frozen=True)
class Axis:
    """Tick positions and their labels for one y axis."""

    ticks: list[float]
    labels: list[str]
    title: str


@dataclass
class ChartData:
    """Everything the chart draws; ``empty`` means there is nothing to draw."""

    weekly: list[Line] = field(default_factory=list)
    """The weekly line, split where a week has no value."""
    daily: Line | None = None
    target: Line | None = None
    threshold: Line | None = None
    partial: Line | None = None
    """The running week: from the last full week to its projection (or its value so far), dimmed."""
    x_ticks: list[float] = field(default_factory=list)
    x_labels: list[str] = field(default_factory=list)
    x_title: str = ""
    x_max: float = 0
    left: Axis | None = None
    right: Axis | None = None
    """Only when daily values live on another scale than weekly ones (a summed KPI)."""
    empty: bool = True


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round tick values covering ``low``..``high`` (steps of 1, 2, 2.5 or 5 × 10ⁿ)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return []
    if high < low:
        low, high = high, low
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / max(1, count - 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    first = math.floor(low / step) * step
    ticks: list[float] = []
    value = first
    while value <= high + step * 0.999 and len(ticks) < count + 3:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _axis(values: list[float], title: str) -> Axis | None:
    if not values:
        return None
    ticks = nice_ticks(min(values), max(values))
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    # As many decimals as the step needs: 0, 50, 100 rather than 0.00, 50.00, 100.00.
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if decimals == 0 and any(not float(v).is_integer() for v in ticks):
        decimals = 1
    return Axis(ticks, [format_number(v, decimals) for v in ticks], title)


def _segments(x: Sequence[float], y: Sequence[float | None], label: str) -> list[Line]:
    """The weekly line split where a week has no value (plotext cannot draw gaps)."""
    lines: list[Line] = []
    xs: list[float] = []
    ys: list[float] = []
    for xv, yv in zip(x, y, strict=False):
        if yv is None:
            if xs:
                lines.append(Line(label if not lines else "", xs, ys))
            xs, ys = [], []
        else:
            xs.append(xv)
            ys.append(yv)
    if xs:
        lines.append(Line(label if not lines else "", xs, ys))
    return lines


def chart_data(
    kpi: Kpi, weeks: list[str], weekly: dict[str, float | None], daily: dict[date, float], verdict: Verdict
) -> ChartData:
    first = week_start(weeks[0])
    shared = kpi.formula is not None or kpi.aggregate != "sum"
    x_week = [(week_start(w) - first).days + 3 for w in weeks]  # Thursday: the middle of the week
    y_week = [weekly.get(w) for w in weeks]
    running = spark_value(kpi, verdict) if verdict.partial else None
    if verdict.partial:
        y_week[-1] = None  # drawn apart, dimmed: a week so far is not a drop
    daily_first = week_start(weeks[-DAILY_WEEKS])
    recent = sorted((d, v) for d, v in daily.items() if d >= daily_first)
    chart = ChartData(
        weekly=_segments(x_week, y_week, t("detail.chart.weekly")),
        x_ticks=[float((week_start(w) - first).days) for w in weeks],
        x_labels=[w.split("-")[1] for w in weeks],
        x_title=format_span(first, add_days(week_start(weeks[-1]), 6)),
        x_max=float(len(weeks) * 7 - 1),
    )
    if running is not None:
        key = "detail.chart.projected" if verdict.basis == "pace" else "detail.chart.so_far"
        label = t(key, run=run_text(verdict))
        xs, ys = [float(x_week[-1])], [running]
        if len(y_week) > 1 and y_week[-2] is not None:
            xs, ys = [float(x_week[-2]), *xs], [y_week[-2], *ys]
        chart.partial = Line(label, xs, ys)
    if recent:
        chart.daily = Line(
            t("detail.chart.daily"),
            [float((d - first).days) for d, _ in recent],
            [v for _, v in recent],
            right=not shared,
        )
    chart.empty = not chart.weekly and chart.daily is None and chart.partial is None
    if chart.empty:
        return chart
    span = [0.0, chart.x_max]
    rule = kpi.stop
    left_values = [v for v in y_week if v is not None] + ([running] if running is not None else [])
    right_values = [v for _, v in recent]
    if kpi.target is not None:
        label = t("detail.chart.target", value=format_value(kpi, kpi.target))
        chart.target = Line(label, span, [kpi.target] * 2)
        left_values.append(kpi.target)
    if rule is not None and rule.threshold is not None:
        label = t("detail.chart.threshold", value=format_value(kpi, rule.threshold))
        chart.threshold = Line(label, span, [rule.threshold] * 2, right=not shared)
        right_values.append(rule.threshold)
    if shared:
        chart.left = _axis(left_values + right_values, "")
    else:
        chart.left = _axis(left_values, t("detail.chart.per_week"))
        chart.right = _axis(right_values, t("detail.chart.per_day"))
    return chart
