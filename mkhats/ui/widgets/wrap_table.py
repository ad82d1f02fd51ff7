"""A DataTable with one column of prose that takes the width left and wraps (SPEC §3 "Layout").

The other columns are as wide as their widest cell; the prose column gets the rest and each row is
as tall as its prose wraps to, so a reason or a note is never cut while the table has room. The
layout is redone once after the rows change and on each resize, never on a repaint.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import DataTable
from textual.widgets._data_table import ColumnKey, RowKey  # Textual pinned to 8.2 (pyproject)

MIN_PROSE = 20
"""The prose column's narrowest: with less room it leaves the table (the screen shows the
highlighted row's prose in full beside it) rather than be cut."""


def _plain(cell: Any) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


class WrapTable(DataTable[Any]):
    """``wrap`` names the column of prose; add columns and rows as to any DataTable."""

    def __init__(self, *, wrap: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.wrap = wrap
        self._labels: list[tuple[str, Any]] = []
        self._cells: dict[Any, tuple[Any, ...]] = {}
        self._fitted: tuple[int, int] | None = None
        """The width and the rows' count the layout was made for."""
        self._refitting = False

    def add_column(self, label: Any, *, width: int | None = None, key: str | None = None, **kwargs: Any) -> ColumnKey:
        if not self._refitting:
            self._labels.append((key or str(label), label))
        return super().add_column(label, width=width, key=key, **kwargs)

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None, **kwargs: Any) -> RowKey:
        if not self._refitting:
            self._cells[key] = cells
            self._fitted = None
            self.call_after_refresh(self._refit)
        return super().add_row(*cells, height=height, key=key, **kwargs)

    def clear(self, columns: bool = False) -> WrapTable:
        if not self._refitting:
            self._cells.clear()
            if columns:
                self._labels.clear()
        super().clear(columns)
        return self

    def on_resize(self) -> None:
        self._refit()

    def _refit(self) -> None:
        """Columns as wide as their cells, the prose the rest; rows as tall as their prose wraps.

        The table's own rows are rebuilt from the cells it was given (kept in ``_cells``)."""
        room = self.scrollable_content_region.width
        if not room or not self._labels or self._fitted == (room, len(self._cells)):
            return
        self._fitted = (room, len(self._cells))
        rows = list(self._cells.values())
        widths = {
            key: max([cell_len(_plain(label)), *(cell_len(_plain(r[i])) for r in rows if i < len(r))])
            for i, (key, label) in enumerate(self._labels)
        }
        others = sum(w + 2 * self.cell_padding for k, w in widths.items() if k != self.wrap)
        prose = room - others - 2 * self.cell_padding
        widths[self.wrap] = min(widths[self.wrap], prose)
        at = [key for key, _ in self._labels].index(self.wrap)
        shown = [i for i, (key, _) in enumerate(self._labels) if key != self.wrap or prose >= MIN_PROSE]
        cursor = self.cursor_row
        self._refitting = True
        try:
            super().clear(columns=True)
            for i in shown:
                key, label = self._labels[i]
                super().add_column(label, key=key, width=widths[key])
            console = self.app.console
            for key, cells in self._cells.items():
                text = cells[at] if isinstance(cells[at], Text) else Text(str(cells[at]))
                wraps = at in shown and cell_len(text.plain) > widths[self.wrap]
                height = len(text.wrap(console, widths[self.wrap])) if wraps else 1
                super().add_row(*(cells[i] for i in shown if i < len(cells)), key=key, height=max(height, 1))
        finally:
            self._refitting = False
        if self.row_count:
            self.move_cursor(row=min(cursor, self.row_count - 1))
