"""A hat's KPI table: target, this week, last week, 13 weeks, status coloured by direction."""

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
from mkhats.present.views import KpiRow
from mkhats.ui.widgets.recall_table import RecallTable


class KpiTable(RecallTable):
    """One row per KPI; ``enter`` or a click opens the KPI's detail."""

    class KpiChosen(Message):
        """The user chose a KPI to look at."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def on_mount(self) -> None:
        self.border_title = t("ui.kpis")

    def show(self, rows: list[KpiRow], week_label: str = "") -> None:
        """Replace the rows, keeping the cursor where it was; ``week_label`` titles the week column."""
        row = self.cursor_row
        # Titles and the currency sign are typed by the user: shown literally, on one line.
        rows = [_clean(r) for r in rows]
        # Widths come from the content (auto-width columns are measured only when the table goes
        # idle, and a repaint before that would cut cells) and only ever grow: a table that keeps
        # its size lets a week switch repaint the table alone, not the whole screen.
        columns = {
            "kpi": (t("col.kpi"), [r.title for r in rows]),
            "target": (t("col.target"), [r.target for r in rows]),
            "week": (week_label or t("col.week"), [r.week for r in rows]),
            "prev": (t("col.prev"), [r.prev for r in rows]),
            "spark": (t("ui.col.weeks13"), [r.spark for r in rows]),
            "status": (t("col.status"), [r.status_text for r in rows]),
        }
        widths = {key: max(cell_len(c) for c in [label, *cells]) for key, (label, cells) in columns.items()}
        current = {str(key.value): column.width for key, column in self.columns.items()}
        labels = {str(key.value): column.label.plain for key, column in self.columns.items()}
        if (
            current.keys() == widths.keys()
            and all(widths[k] <= current[k] for k in widths)
            and all(labels[k] == label for k, (label, _) in columns.items())
        ):
            self.clear()
        else:
            self.clear(columns=True)
            for key, (label, _) in columns.items():
                self.add_column(label, key=key, width=max(widths[key], current.get(key, 0)))
        for r in rows:
            style = {"on": "green", "off": "red"}.get(r.status or "", "")
            status = Text(r.status_text, style=("bold " + style).strip() if r.alert else style)
            title = Text(r.title, style="italic" if r.formula else "")
            self.add_row(
                title,
                Text(r.target, justify="right"),
                Text(r.week, justify="right", style="bold italic" if r.partial else "bold"),
                Text(r.prev, justify="right"),
                _spark(r),
                status,
                key=r.key,
            )
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

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


def _clean(row: KpiRow) -> KpiRow:
    texts = (row.title, row.target, row.week, row.prev, row.status_text)
    cleaned = tuple(map(terminal_line, texts))
    if cleaned == texts:
        return row  # the common case: the same row, nothing rebuilt
    title, target, week, prev, status = cleaned
    return replace(row, title=title, target=target, week=week, prev=prev, status_text=status)


def _spark(row: KpiRow) -> Text:
    """The 13-week sparkline; a running week's cell (its projection, or its value so far) is dimmed."""
    text = Text(row.spark, style="cyan")
    if row.partial and row.spark:
        text.stylize("dim", len(row.spark) - 1)
    return text
