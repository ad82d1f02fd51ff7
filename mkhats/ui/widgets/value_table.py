"""The daily values of one KPI in the detail screen: date, value, note, sources; edit and delete by key."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.kpi_detail import ValueRow
from mkhats.ui.keys import KeyLabels, key_binding


class ValueTable(KeyLabels, DataTable[Any]):
    """The daily values, newest first; ``enter``/``e`` edits the highlighted day, ``d`` deletes it."""

    BINDINGS = [
        key_binding("e", "edit", "detail.key.edit", id="detail.value.edit"),
        key_binding("d,delete", "delete", "detail.key.delete", id="detail.value.delete"),
    ]

    class EditRequested(Message):
        """The user asked to change the value of ``day``."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    class DeleteRequested(Message):
        """The user asked to delete the value of ``day``."""

        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    editable: bool = True
    """False for a formula KPI: its values are computed, edit and delete are hidden."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def show(self, rows: list[ValueRow], editable: bool) -> None:
        """Replace the rows, keeping the cursor on the same day when it is still listed."""
        day = self.current_day()
        self.editable = editable
        self.clear(columns=True)
        # Widths are set from the content: auto-width columns measure on idle, and a repaint
        # before that (a dialog closing) caches rows cut at the old width.
        cells = {
            "date": (t("detail.col.date"), [r.date_text for r in rows]),
            "value": (t("detail.col.value"), [r.value_text for r in rows]),
            "note": (t("detail.col.note"), [terminal_line(r.note) for r in rows]),  # typed: literal
        }
        if any(r.sources for r in rows):  # only once an import fed this KPI: a column more to read
            cells["sources"] = (t("detail.col.sources"), [terminal_line(r.sources) for r in rows])
        for key, (label, texts) in cells.items():
            self.add_column(label, key=key, width=max(cell_len(x) for x in [label, *texts]))
        for row in rows:
            self.add_row(
                Text(row.date_text, style="red" if row.in_alert else ""),
                Text(terminal_line(row.value_text), justify="right", style="bold red" if row.in_alert else ""),
                Text(terminal_line(row.note), style="dim"),
                *([Text(terminal_line(row.sources), style="dim")] if "sources" in cells else []),
                key=row.day.isoformat(),
            )
        days = [r.day for r in rows]
        if days:
            self.move_cursor(row=days.index(day) if day in days else 0)
        self.refresh_bindings()

    def current_day(self) -> date | None:
        """The day under the cursor."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return date.fromisoformat(key) if key else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and delete exist only for measured KPIs, and need a row."""
        if action in ("edit", "delete"):
            return self.editable and bool(self.row_count)
        return True

    def action_edit(self) -> None:
        """Change the highlighted day's value."""
        day = self.current_day()
        if day is not None:
            self.post_message(self.EditRequested(day))

    def action_delete(self) -> None:
        """Delete the highlighted day's value."""
        day = self.current_day()
        if day is not None and self.editable:
            self.post_message(self.DeleteRequested(day))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.editable:
            self.action_edit()
