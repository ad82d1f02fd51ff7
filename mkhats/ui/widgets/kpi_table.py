"""A hat's KPI table: target, this week, last week, 13 weeks, status coloured by direction.

The table takes the width its columns need (the checklist beside it gets the rest, SPEC §3
"Layout"). On a wide terminal each week of the sparkline gets two cells; when the room is short the
sparkline shows fewer weeks, then the KPI names wrap: numbers, names and statuses are never cut.
The layout is computed when the rows or the room change, never on a repaint.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.views import SPARK_WEEKS, KpiRow
from mkhats.ui.widgets.recall_table import RecallTable

MIN_WEEKS = 4
"""The fewest weeks a shortened sparkline shows before the names start to wrap."""
_GUTTER = 2
"""The border, left and right."""


class KpiTable(RecallTable):
    """One row per KPI; ``enter`` or a click opens the KPI's detail."""

    class KpiChosen(Message):
        """The user chose a KPI to look at."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._rows: list[KpiRow] | None = None
        self._week_label = ""
        self._room: int | None = None
        """Cells the table may take, its border included; None until the row holding it is laid out."""
        self._cells_per_week = 1
        self._stacked = False
        self.needed = 0
        """The cells the table takes beside the checklist, its border included."""

    def on_mount(self) -> None:
        self.border_title = t("ui.kpis")

    def show(self, rows: list[KpiRow], week_label: str = "") -> None:
        """Replace the rows, keeping the cursor where it was; ``week_label`` titles the week column."""
        # Titles and the currency sign are typed by the user: shown literally, on one line.
        self._rows = [_clean(r) for r in rows]
        self._week_label = week_label
        self._fill()

    def fit(self, room: int, cells_per_week: int, stacked: bool) -> None:
        """Lay the table out in ``room`` cells: beside the checklist (its own width) or under it (all)."""
        if (room, cells_per_week, stacked) == (self._room, self._cells_per_week, self._stacked):
            return
        self._room, self._cells_per_week, self._stacked = room, cells_per_week, stacked
        if self._rows is not None:
            self._fill()

    def _fill(self) -> None:
        rows = self._rows or []
        row = self.cursor_row
        weeks, title_width = self._plan(rows)
        spark_label = t("ui.col.weeks13") if weeks == SPARK_WEEKS else t("layout.col.weeks", n=weeks, count=weeks)
        sparks = [_spark(r, weeks, self._cells_per_week) for r in rows]
        columns = {
            "kpi": (t("col.kpi"), [r.title for r in rows]),
            "target": (t("col.target"), [r.target for r in rows]),
            "week": (self._week_label or t("col.week"), [r.week for r in rows]),
            "prev": (t("col.prev"), [r.prev for r in rows]),
            "spark": (spark_label, [s.plain for s in sparks]),
            "status": (t("col.status"), [r.status_text for r in rows]),
        }
        widths = {key: max(cell_len(c) for c in [label, *cells]) for key, (label, cells) in columns.items()}
        widths["kpi"] = min(widths["kpi"], title_width)
        # Widths only ever grow while the room stays: a table that keeps its size lets a week switch
        # repaint the table alone, not the whole screen.
        current = {str(key.value): column.width for key, column in self.columns.items()}
        labels = {str(key.value): column.label.plain for key, column in self.columns.items()}
        kept = current.keys() == widths.keys() and all(labels[k] == label for k, (label, _) in columns.items())
        if kept and _total({k: max(w, current[k]) for k, w in widths.items()}) <= self._room_or(_total(widths)):
            widths = {k: max(w, current[k]) for k, w in widths.items()}
        if kept and all(widths[k] == current[k] for k in widths):
            self.clear()
        else:
            self.clear(columns=True)
            for key, (label, _) in columns.items():
                self.add_column(label, key=key, width=widths[key])
        console = self.app.console
        for r, spark in zip(rows, sparks, strict=True):
            style = {"on": "green", "off": "red"}.get(r.status or "", "")
            status = Text(r.status_text, style=("bold " + style).strip() if r.alert else style)
            title = Text(r.title, style="italic" if r.formula else "")
            lines = 1 if cell_len(r.title) <= widths["kpi"] else len(title.wrap(console, widths["kpi"]))
            self.add_row(
                title,
                Text(r.target, justify="right"),
                Text(r.week, justify="right", style="bold italic" if r.partial else "bold"),
                Text(r.prev, justify="right"),
                spark,
                status,
                key=r.key,
                height=lines,
            )
        self.needed = _total(widths) + _GUTTER
        self.styles.width = None if self._stacked or self._room is None else self.needed
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def _room_or(self, default: int) -> int:
        return default if self._room is None else self._room - _GUTTER

    def _plan(self, rows: list[KpiRow]) -> tuple[int, int]:
        """The weeks the sparkline shows and the widest the names may be, to fit the room."""
        natural = max((cell_len(x) for x in [t("col.kpi"), *(r.title for r in rows)]), default=0)
        if self._room is None:
            return SPARK_WEEKS, natural
        others = {
            t("col.target"): [r.target for r in rows],
            self._week_label or t("col.week"): [r.week for r in rows],
            t("col.prev"): [r.prev for r in rows],
            t("col.status"): [r.status_text for r in rows],
        }
        fixed = sum(max(cell_len(c) for c in [label, *cells]) + 2 for label, cells in others.items())
        room = self._room - _GUTTER - fixed - 2 - 2  # the name's and the sparkline's padding
        # The sparkline keeps 13 weeks while they fit beside the whole names; else the weeks that
        # fit (as many as its heading's width holds anyway), never fewer than MIN_WEEKS.
        cells = self._cells_per_week
        if natural + SPARK_WEEKS * cells <= room:
            weeks = SPARK_WEEKS
        else:
            heading = cell_len(t("layout.col.weeks", n=SPARK_WEEKS - 1, count=SPARK_WEEKS - 1))
            weeks = min(SPARK_WEEKS, max(MIN_WEEKS, max(room - natural, heading) // cells))
        label = t("ui.col.weeks13") if weeks == SPARK_WEEKS else t("layout.col.weeks", n=weeks, count=weeks)
        spark = max(weeks * cells, cell_len(label))
        # The longest word of a name is the narrowest a name wraps to without folding a word.
        words = max((cell_len(w) for r in rows for w in r.title.split()), default=1)
        return weeks, max(min(natural, room - spark), words, 1)

    def current_key(self) -> str | None:
        """The KPI under the cursor."""
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.post_message(self.KpiChosen(event.row_key.value))


def _total(widths: dict[str, int]) -> int:
    """The cells the columns take, each padded by one on either side."""
    return sum(w + 2 for w in widths.values())


def _clean(row: KpiRow) -> KpiRow:
    texts = (row.title, row.target, row.week, row.prev, row.status_text)
    cleaned = tuple(map(terminal_line, texts))
    if cleaned == texts:
        return row  # the common case: the same row, nothing rebuilt
    title, target, week, prev, status = cleaned
    return replace(row, title=title, target=target, week=week, prev=prev, status_text=status)


def _spark(row: KpiRow, weeks: int, cells: int) -> Text:
    """The sparkline's last ``weeks`` weeks, ``cells`` cells each; a running week (its projection,
    or its value so far) is dimmed."""
    shown = "".join(c * cells for c in row.spark[-weeks:]) if row.spark else ""
    text = Text(shown, style="cyan")
    if row.partial and shown:
        text.stylize("dim", len(shown) - cells)
    return text
