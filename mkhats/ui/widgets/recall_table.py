"""A DataTable that remembers rendered lines and cells by what they show.

Textual's DataTable keys its render caches on an update counter, so refilling the table (a week
switch) renders every cell again through Rich, even cells that read the same as before (KPI names,
targets, checklist items) and whole lines that were on screen a moment ago (going back a week).
Here the caches are keyed on the content instead: a week switch renders only the cells that
changed, and a week seen before is a lookup per line (SPEC §6). A changed cell holding one line of
Text is laid out with Rich's own steps (wrap, render, pad, style) minus the generic renderable
machinery around them, at half the cost; a test holds it equal to DataTable's rendering.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import DataTable

_LINES = 2048
_CELLS = 8192
_NULL = Style()
_NEWLINE = Text("\n")


def _signature(value: Any) -> Any:
    """What a cell shows, hashable: a Text's plain text, styles, spans and layout; a string or a
    number as it is. Anything else gets a key of its own (never recalled): its text says nothing
    sure about what it draws."""
    if isinstance(value, Text):
        return (value.plain, value.style, value.justify, value.overflow, value.no_wrap, tuple(value.spans))
    if value is None or isinstance(value, (str, int, float)):
        return (type(value).__name__, value)
    return object()


class RecallTable(DataTable[Any]):
    """DataTable whose lines and cells are cached by content rather than by update count.

    Keys hold what varies in the KPI and checklist tables: content, column widths, cursor and hover,
    zebra stripes, the base style and the pseudo-classes (a CSS or theme change empties both
    caches). They do not hold what those tables never change after mounting: ``cursor_type``,
    fixed rows and columns, ``cell_padding``, header height, row labels, the cursor colour
    priorities. A table that changes those must not use this class.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._recalled_lines: LRUCache[tuple[Any, ...], Strip] = LRUCache(_LINES)
        self._recalled_cells: LRUCache[tuple[Any, ...], Any] = LRUCache(_CELLS)
        self._signatures: dict[Any, tuple[Any, ...]] = {}
        self._signed_at = -1
        self._layout_signature: tuple[Any, ...] = ()
        self._paint_style: Style | None = None

    @property
    def rich_style(self) -> Style:
        # DataTable asks for it once per line, and each time it walks every ancestor's styles.
        style = self._paint_style
        return style if style is not None else super().rich_style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_style = super().rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

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
                (column.key, column.get_render_width(self), _signature(column.label)) for column in self.ordered_columns
            )

    def _row_signature(self, row_key: Any) -> tuple[Any, ...]:
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
            found = self._cell_at(row_index, column_index)
            if found is None:
                return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            shown = (found[0].height, _signature(found[1]))
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
            lines = self._one_line_cell(row_index, column_index, base_style, width, cursor, hover)
            if lines is None:
                lines = super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
            self._recalled_cells[key] = lines
        return lines

    def _cell_at(self, row_index: int, column_index: int) -> tuple[Any, Any] | None:
        """The row and the stored value of a body cell; None outside the table's rows."""
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        row = self.rows.get(row_key) if row_key is not None else None
        if row is None or row_key is None or column_key is None:
            return None
        return row, self._data[row_key].get(column_key)

    def _one_line_cell(
        self, row_index: int, column_index: int, base_style: Style, width: int, cursor: bool, hover: bool
    ) -> list[list[Segment]] | None:
        """The cell as ``DataTable._render_cell`` renders it, for a one-line Text in a one-line row.

        DataTable renders ``Styled(Padding(cell), pre, post)`` through the console; this takes the
        same steps directly. None when the cell is not that simple: DataTable renders it then.
        """
        found = self._cell_at(row_index, column_index) if row_index >= 0 and column_index >= 0 else None
        if found is None or self.fixed_rows or self.fixed_columns:
            return None
        row, cell = found
        if isinstance(cell, str) and not cell:
            cell = Text()  # DataTable's own empty cell
        elif isinstance(cell, Text) and not cell.plain:
            return None  # Rich justifies an empty Text its own way: rare, and DataTable knows it
        pad = self.cell_padding
        inner = width - 2 * pad
        if (
            row.height != 1
            or not isinstance(cell, Text)
            or cell.no_wrap is False
            or "\n" in cell.plain
            or "\t" in cell.plain
            or inner <= 0
        ):
            return None
        console = self.app.console
        options = self.app.console_options
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        pre_style = base_style + Style.from_meta({"row": row_index, "column": column_index}) + component_style
        lines = cell.wrap(
            console,
            inner,
            justify=cell.justify or options.justify or "default",
            overflow=cell.overflow or options.overflow or "fold",
            no_wrap=True,
        )
        segments = Segment.adjust_line_length(list(_NEWLINE.join(lines).render(console, end="")), inner, style=_NULL)
        side = Segment(" " * pad, _NULL)
        line = [side, *segments, side] if pad else segments
        return [list(Segment.apply_style(line, pre_style, post_style))]
