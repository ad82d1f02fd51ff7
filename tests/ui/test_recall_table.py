"""The KPI and checklist tables' own rendering path paints exactly what DataTable paints.

``RecallTable`` lays out one-line Text cells itself (Rich's steps without the generic renderable
machinery) and keeps painted lines by content: both must be invisible, cell for cell.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from mkhats.ui.widgets.recall_table import RecallTable

STYLES = ["", "bold", "red", "italic cyan", "dim", "bold green on blue"]
CHARS = "ab Z09 .,—–−%₽$ ✓✗☐☑▁▃▅█ Выручка 漢字"


@st.composite
def cells(draw: st.DrawFn) -> Text | str:
    plain = draw(st.text(alphabet=CHARS, max_size=24))
    if draw(st.booleans()) and not plain:
        return ""
    text = Text(
        plain,
        style=draw(st.sampled_from(STYLES)),
        justify=draw(st.sampled_from([None, "left", "right", "center", "full"])),
        overflow=draw(st.sampled_from([None, "fold", "crop", "ellipsis"])),
    )
    if plain and draw(st.booleans()):
        start = draw(st.integers(0, len(plain) - 1))
        end = draw(st.integers(start + 1, len(plain)))
        text.spans.append(Span(start, end, draw(st.sampled_from(STYLES[1:]))))
    return text


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield RecallTable(cursor_type="row", zebra_stripes=True)


def _plain(lines: list[list[Segment]]) -> list[list[tuple[str, str, dict]]]:
    """Each painted character with its style and meta (how segments are split does not show)."""
    return [
        [(char, str(seg.style or ""), (seg.style.meta if seg.style else {})) for seg in line for char in seg.text]
        for line in lines
    ]


async def test_one_line_cells_render_as_datatable_renders_them() -> None:
    app = TableApp()
    async with app.run_test(size=(100, 20)):
        table = app.query_one(RecallTable)

        @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(
            row=st.lists(cells(), min_size=1, max_size=4),
            width=st.integers(1, 30),
            cursor=st.booleans(),
            hover=st.booleans(),
            base=st.sampled_from([Style(), Style(color="white", bgcolor="black"), Style(bold=True)]),
        )
        def same(row: list[Text | str], width: int, cursor: bool, hover: bool, base: Style) -> None:
            table.clear(columns=True)
            for index in range(len(row)):
                table.add_column(f"c{index}", width=width)
            table.add_row(*row)
            table.add_row(*row)
            render_width = width + 2 * table.cell_padding
            for row_index in (0, 1):
                for column_index in range(len(row)):
                    ours = table._one_line_cell(row_index, column_index, base, render_width, cursor, hover)
                    if ours is None:  # not a simple cell: DataTable renders it itself
                        assert isinstance(row[column_index], Text) and not row[column_index].plain
                        continue
                    theirs = DataTable._render_cell(table, row_index, column_index, base, render_width, cursor, hover)
                    assert _plain(ours) == _plain(theirs), (row[column_index], width)

        same()


async def test_lines_follow_the_content_not_the_update_count() -> None:
    app = TableApp()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(RecallTable)

        def fill(values: list[str]) -> list[str]:
            table.clear(columns=True)
            table.add_column("KPI", key="kpi", width=8)
            table.add_column("Week", key="week", width=6)
            for index, value in enumerate(values):
                table.add_row(Text(f"kpi {index}"), Text(value, justify="right"), key=str(index))
            return ["".join(s.text for s in table.render_line(y)) for y in range(len(values) + 1)]

        first = fill(["1", "2", "3"])
        await pilot.pause()
        second = fill(["1", "20", "3"])
        assert first[2] != second[2] and "20" in second[2]
        assert first[1] == second[1] and first[3] == second[3]
        assert fill(["1", "2", "3"]) == first
