"""Pilot tests of the running week on a hat tab (SPEC §1): signed deviations coloured by direction,
the week column saying how far the week has run, and the sparkline's running-week cell drawn as
partial (dimmed, a projection), never as a drop to zero."""

from __future__ import annotations

from rich.text import Text

from mkhats.domain.review import week_judgements
from mkhats.ui.widgets.kpi_table import KpiTable
from tests.ui.conftest import SIZE


def _cell(table: KpiTable, kpi: str, column: str) -> Text:
    value = table.get_cell(kpi, column)
    assert isinstance(value, Text)
    return value


async def test_roas_below_target_shows_a_negative_deviation_in_red(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.query_one("#kpis-performance", KpiTable)
        status = _cell(table, "performance.roas", "status")
        # Higher is better and below the target: the deviation is negative, and it is bad.
        assert status.plain.startswith("✗ −"), status.plain
        assert "→" not in status.plain  # a ratio in a running week stands as it is (no projection)
        assert "red" in str(status.style)
        verdict = week_judgements(ws.snapshot("2026-W48"), "performance")["performance.roas"]
        assert verdict.deviation is not None and verdict.deviation < 0


async def test_the_running_weeks_sparkline_cell_is_partial(ws, make_app):
    app = make_app(ws)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one("#kpis-content", KpiTable)
        assert table.columns[next(k for k in table.columns if k.value == "week")].label.plain == "Week 2/7 d"
        spark = _cell(table, "content.traffic", "spark")
        last = len(spark.plain) - 1
        assert spark.plain[last] != " "
        assert any(span.start <= last < span.end and "dim" in str(span.style) for span in spark.spans)
        # Tuesday: 2 of 7 days of traffic would draw the lowest bar; the projection keeps it level.
        assert spark.plain[last] != "▁"
        week = _cell(table, "content.traffic", "week")
        assert "italic" in str(week.style)
        # A finished week has no partial cell.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        spark = _cell(table, "content.traffic", "spark")
        assert not any("dim" in str(span.style) for span in spark.spans)
        assert table.columns[next(k for k in table.columns if k.value == "week")].label.plain == "Week"
