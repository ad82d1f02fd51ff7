"""The deck's 13-week KPI charts as inline SVG, drawn from the KPI detail's chart view model.

``chart_data`` (``present.kpi_chart``) decides what a chart shows — the weekly line, the running
week apart, the last four weeks' daily points, the target and the stop threshold, and their axes;
this module only places them. Colours and line styles live in the deck's CSS (``deck_css``), by
class. Every text (tick labels, the window) is escaped: a KPI's numbers are ours, but nothing
reaches the markup unescaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from mkhats.present.kpi_chart import Axis, ChartData, Line

WIDTH, HEIGHT = 240.0, 132.0
"""The drawing's own units; the SVG scales to its cell, so these only set the text's proportion."""
TOP, BOTTOM = 8.0, 18.0
"""Room above the plot and below it (the week labels)."""
LEFT, RIGHT = 34.0, 8.0
"""Room for the left axis's labels, and on the right when there is no right axis."""


def _f(value: float) -> str:
    """A coordinate, short: ``12.3``."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Scale:
    """Maps one axis's values onto the plot's height (the range its ticks span)."""

    def __init__(self, axis: Axis | None, top: float, bottom: float) -> None:
        ticks = axis.ticks if axis is not None else []
        low, high = (ticks[0], ticks[-1]) if len(ticks) > 1 else (0.0, 1.0)
        if high == low:
            low, high = low - 1, high + 1
        self.low, self.high, self.top, self.bottom = low, high, top, bottom

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return self.bottom - min(1.0, max(0.0, share)) * (self.bottom - self.top)


def chart_svg(chart: ChartData, label: str) -> str:
    """The chart as one ``<svg>`` element; ``label`` names it for screen readers (escaped here)."""
    right_axis = chart.right is not None
    x0, x1 = LEFT, WIDTH - (LEFT if right_axis else RIGHT)
    y0, y1 = TOP, HEIGHT - BOTTOM
    left = _Scale(chart.left, y0, y1)
    right = _Scale(chart.right, y0, y1) if right_axis else left
    span = chart.x_max or 1.0

    def x(day: float) -> float:
        return x0 + day / span * (x1 - x0)

    def scale(line: Line) -> _Scale:
        return right if line.right else left

    parts = [
        f'<svg class="chart-svg" viewBox="0 0 {_f(WIDTH)} {_f(HEIGHT)}" role="img" aria-label="{escape(label)}">',
        f"<title>{escape(label)}</title>",
    ]
    parts += _axis_marks(chart.left, left, x0, x1, "start")
    if chart.right is not None:
        parts += _axis_marks(chart.right, right, x0, x1, "end")
    parts += _week_marks(chart, x, y1)
    for line, name in ((chart.target, "target"), (chart.threshold, "threshold")):
        if line is not None:
            y = scale(line).y(line.y[0])
            parts.append(f'<line class="{name}" x1="{_f(x0)}" y1="{_f(y)}" x2="{_f(x1)}" y2="{_f(y)}"/>')
    if chart.daily is not None:
        s = scale(chart.daily)
        parts += [
            f'<circle class="daily" cx="{_f(x(d))}" cy="{_f(s.y(v))}" r="1.4"/>'
            for d, v in zip(chart.daily.x, chart.daily.y, strict=False)
        ]
    for segment in chart.weekly:
        s = scale(segment)
        points = [(x(d), s.y(v)) for d, v in zip(segment.x, segment.y, strict=False)]
        parts.append(_polyline("weekly", points))
        parts += [f'<circle class="weekly-point" cx="{_f(px)}" cy="{_f(py)}" r="2"/>' for px, py in points]
    if chart.partial is not None:
        s = scale(chart.partial)
        points = [(x(d), s.y(v)) for d, v in zip(chart.partial.x, chart.partial.y, strict=False)]
        parts.append(_polyline("partial", points))
        px, py = points[-1]
        parts.append(f'<circle class="partial-point" cx="{_f(px)}" cy="{_f(py)}" r="2.2"/>')
    parts.append("</svg>")
    return "".join(parts)


def _polyline(name: str, points: Sequence[tuple[float, float]]) -> str:
    if len(points) == 1:  # one week alone: a line of one point would not show
        return ""
    joined = " ".join(f"{_f(px)},{_f(py)}" for px, py in points)
    return f'<polyline class="{name}" points="{joined}"/>'


def _axis_marks(axis: Axis | None, scale: _Scale, x0: float, x1: float, side: str) -> list[str]:
    """Grid lines (left axis only) and tick labels beside the plot; ``side`` is the text's anchor."""
    if axis is None:
        return []
    parts = []
    for tick, text in zip(axis.ticks, axis.labels, strict=False):
        y = scale.y(tick)
        if side == "start":
            parts.append(f'<line class="grid" x1="{_f(x0)}" y1="{_f(y)}" x2="{_f(x1)}" y2="{_f(y)}"/>')
            tx, anchor = x0 - 3, "end"
        else:
            tx, anchor = x1 + 3, "start"
        parts.append(f'<text class="tick" x="{_f(tx)}" y="{_f(y + 3)}" text-anchor="{anchor}">{escape(text)}</text>')
    return parts


def _week_marks(chart: ChartData, place: Callable[[float], float], bottom: float) -> list[str]:
    """The week numbers under the plot, every other one (the last always), and the base line."""
    parts = [
        f'<line class="base" x1="{_f(place(0))}" y1="{_f(bottom)}" x2="{_f(place(chart.x_max))}" y2="{_f(bottom)}"/>'
    ]
    last = len(chart.x_ticks) - 1
    for i, (tick, text) in enumerate(zip(chart.x_ticks, chart.x_labels, strict=False)):
        if (last - i) % 2:
            continue
        mid = place(tick + 3)  # the middle of the week, where its point is drawn
        parts.append(
            f'<text class="tick" x="{_f(mid)}" y="{_f(bottom + 11)}" text-anchor="middle">{escape(text)}</text>'
        )
    return parts
