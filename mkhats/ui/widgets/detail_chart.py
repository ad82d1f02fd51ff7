"""The KPI detail's chart on a PlotextPlot: the lines of ``present.kpi_chart.ChartData`` in their
colours, and the legend the box's subtitle carries. textual-plotext is imported only when the
chart is built, so the main screen does not pay for it."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from mkhats.present.kpi_chart import ChartData

_COLORS = {"weekly": "cyan", "partial": "gray", "daily": "orange", "target": "green", "threshold": "red"}
_RICH = {"weekly": "cyan", "partial": "grey50", "daily": "dark_orange", "target": "green", "threshold": "red"}


def chart_widget() -> Widget:
    from textual_plotext import PlotextPlot

    return PlotextPlot(id="detail-chart")


def legend(chart: ChartData) -> Text:
    """``━ week ━ day ━ target 120 ━ stop 160`` in the lines' colours."""
    text = Text()
    first = chart.weekly[0] if chart.weekly else None
    parts = (
        (first, "weekly"),
        (chart.partial, "partial"),
        (chart.daily, "daily"),
        (chart.target, "target"),
        (chart.threshold, "threshold"),
    )
    for line, color in parts:
        if line is not None:
            text.append(" ━ ", style=f"bold {_RICH[color]}")
            text.append(line.label)
    text.append(" ")
    return text


def draw(plot: Widget, chart: ChartData) -> None:
    """Draw the chart data on a PlotextPlot (``plot.plt`` is the plotext API)."""
    plt = plot.plt  # type: ignore[attr-defined]
    plt.clear_figure()
    lines = [(line, "weekly") for line in chart.weekly]
    if chart.partial is not None:
        lines.append((chart.partial, "partial"))
    if chart.daily is not None:
        lines.append((chart.daily, "daily"))
    for line, color in [*lines, (chart.target, "target"), (chart.threshold, "threshold")]:
        if line is None:
            continue
        side = "right" if line.right else "left"
        # No plotext legend: it covers the plot's corner; the box's subtitle carries it (``legend``).
        if len(line.x) == 1:
            plt.scatter(line.x, line.y, marker="●", color=_COLORS[color], yside=side)
        else:
            plt.plot(line.x, line.y, marker="braille", color=_COLORS[color], yside=side)
    plt.xlim(0, chart.x_max)
    plt.xticks(chart.x_ticks, chart.x_labels)
    plt.xlabel(chart.x_title)
    for axis, side in ((chart.left, "left"), (chart.right, "right")):
        if axis is not None:
            plt.yticks(axis.ticks, axis.labels, yside=side)
            plt.ylim(axis.ticks[0], axis.ticks[-1], yside=side)
            plt.ylabel(axis.title, yside=side)
    plot.refresh()
