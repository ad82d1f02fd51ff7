"""A DataTable that remembers rendered lines and cells by what they show.

Textual's DataTable keys its render caches on an update counter, so refilling the table (a week
switch) renders every cell again through Rich, even cells that read the same as before (KPI names,
targets, checklist items) and whole lines that were on screen a moment ago (going back a week).
Here the caches are keyed on the content instead: a week switch renders only the cells that
changed, and a week seen before is a lookup per line (SPEC §6).
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip
from textual.widgets import DataTable

_LINES = 2048
_CELLS = 8192


def _signature(value: Any) -> Any:
    """What a cell shows, hashable: a Text's plain text, styles, spans and layout."""
    if isinstance(value, Text):
        return (value.plain, value.style, value.justify, value.overflow, value.no_wrap, tuple(value.spans))
    return ("", value) if isinstance(value, str) else ("repr", repr(value))


class RecallTable(DataTable):
    """DataTable whose lines and cells are cached by content rather than by update count."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._recalled_lines: LRUCache[tuple, Strip] = LRUCache(_LINES)
        self._recalled_cells: LRUCache[tuple, Any] = LRUCache(_CELLS)
        self._signatures: dict[Any, tuple] = {}
        self._signed_at = -1
        self._layout_signature: tuple = ()

    def notify_style_update(self) -> None:
        # A theme or CSS change restyles every cell: nothing remembered still holds.
        self._recalled_lines.clear()
        self._recalled_cells.clear()
        super().notify_style_update()

    def _sign(self) -> None:
        """Forget row signatures once the table changed since they were taken."""
        if self._signed_at != self._update_count:
            self._signed_at = self._update_count
            self._signatures.clear()
            self._layout_signature = tuple(
                (column.key, column.get_render_width(self), _signature(column.label))
                for column in self.ordered_columns
            )

    def _row_signature(self, row_key: Any) -> tuple:
        signature = self._signatures.get(row_key)
        if signature is None:
            if row_key is self._header_row_key:
                signature = ("header", self.show_header, self.header_height)
            else:
                cells = self._data.get(row_key, {})
                row = self.rows.get(row_key)
                signature = (row.height if row else 0, *(_signature(cells.get(c.key)) for c in self.ordered_columns))
            self._signatures[row_key] = signature
        return signature

    def _render_line(self, y: int, x1: int, x2: int, base_style: Style) -> Strip:
        self._sign()
        try:
            row_key, _ = self._get_offsets(y)
        except LookupError:
            return super()._render_line(y, x1, x2, base_style)
        key = (
            y,
            x1,
            x2,
            self.size.width,
            self.cursor_coordinate,
            self.hover_coordinate,
            base_style,
            self.cursor_type,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
            self.zebra_stripes,
            self._layout_signature,
            self._row_signature(row_key),
        )
        strip = self._recalled_lines.get(key)
        if strip is None:
            strip = super()._render_line(y, x1, x2, base_style)
            self._recalled_lines[key] = strip
        return strip

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> Any:
        column_key = self._column_locations.get_key(column_index)
        if row_index == -1:
            shown: Any = _signature(self.columns[column_key].label) if column_key in self.columns else None
        else:
            row_key = self._row_locations.get_key(row_index)
            row = self.rows.get(row_key) if row_key is not None else None
            if row is None or column_key is None:
                return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            shown = (row.height, _signature(self._data[row_key].get(column_key)))
        key = (
            row_index,
            column_index,
            base_style,
            width,
            cursor,
            hover,
            self.show_cursor,
            self._show_hover_cursor,
            self._pseudo_class_state,
            shown,
        )
        lines = self._recalled_cells.get(key)
        if lines is None:
            lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            self._recalled_cells[key] = lines
        return lines
