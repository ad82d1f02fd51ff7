"""A grid of editable number cells typed like a spreadsheet: rows × columns, a validator per cell.

Reusable (the week entry; the media plan's editor): the owner fills it with rows, columns and each
cell's text, and gives a validator ``(row, column, text) → reason or None``. The grid keeps what
was typed, marks an invalid cell inline, and says which cells changed (``changes``); what a text
means and whether it may be stored is the owner's business (a service), never the grid's.

Keys, as in a spreadsheet: the arrows move; a character that can start a number (a digit, a sign,
a decimal mark) starts editing the cell, replacing its text (``f2`` edits it as it is); while
editing, ``enter`` keeps the text and moves down, ``tab`` right, ``shift+tab`` left, an arrow
keeps it and moves, ``escape`` puts the cell back; ``backspace`` or ``delete`` empty a cell.
Other keys are left to the screen and the app (``?`` help, ``ctrl+s`` save). A paste of
tab- or newline-separated texts (a row or a column copied from a spreadsheet, or a block) fills
the cells from the cursor on; ``ctrl+v`` pastes what the app copied.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

from mkhats.domain.safe_text import terminal_line
from mkhats.ui.keys import KeyLabels, key_binding

Key = tuple[str, str]
"""A cell: (row key, column key)."""

Validator = Callable[[str, str, str], "str | None"]
"""``(row, column, text) → reason`` the text cannot stay in the cell, or None; never given ""."""

_STARTS = frozenset("0123456789+-−.,")
"""Characters that start editing a cell: what a number can begin with. Others stay keys."""

_MIN_WIDTH = 7


@dataclass
class GridCell:
    """One cell: what it holds, what it held when filled, and whether it takes typing."""

    text: str = ""
    original: str = ""
    editable: bool = True
    placeholder: str = ""
    """Shown dimmed while the cell is empty (what another source holds, say)."""
    error: str | None = None

    @property
    def changed(self) -> bool:
        """Whether the text differs from the one the cell was filled with."""
        return self.text.strip() != self.original.strip()


@dataclass(frozen=True)
class GridLine:
    """A row or a column: its key and its label (a ``Text`` label is shown as it is)."""

    key: str
    label: str | Text


class CellMessage(Message):
    """Something happened to the cell ``key`` of ``grid``."""

    def __init__(self, grid: CellGrid, key: Key) -> None:
        super().__init__()
        self.grid = grid
        self.key = key

    @property
    def control(self) -> CellGrid:
        """The grid (what ``@on(..., selector)`` matches)."""
        return self.grid


class CellGrid(KeyLabels, DataTable[Any]):
    """Rows × columns of number cells with inline errors; see the module docstring for the keys."""

    BINDINGS: ClassVar = [
        key_binding("tab", "next_cell", "grid.key.next", id="grid.next", show=False),
        key_binding("shift+tab", "previous_cell", "grid.key.previous", id="grid.previous", show=False),
        key_binding("delete,backspace", "clear_cell", "grid.key.clear", id="grid.clear", key_display="del"),
        key_binding("f2", "edit_cell", "grid.key.edit", id="grid.edit", show=False),
        key_binding("ctrl+v", "paste_copied", "grid.key.paste", id="grid.paste", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "cell-grid--invalid",
        "cell-grid--changed",
        "cell-grid--locked",
        "cell-grid--placeholder",
        "cell-grid--editing",
    }
    DEFAULT_CSS = """
    CellGrid > .cell-grid--invalid { color: $text-error; background: $error-muted; text-style: bold; }
    CellGrid > .cell-grid--changed { color: $text-warning; text-style: bold; }
    CellGrid > .cell-grid--locked { color: $text-disabled; }
    CellGrid > .cell-grid--placeholder { color: $text-muted; text-style: italic; }
    CellGrid > .cell-grid--editing { text-style: bold underline; }
    """

    class Changed(CellMessage):
        """A cell's text changed (typed, emptied, pasted); ``grid.cell(key).error`` says if it is to fix."""

    class Refused(CellMessage):
        """Typing or emptying reached a cell that takes none (``editable`` False)."""

    class Pasted(Message):
        """A paste filled ``filled`` cells; ``skipped`` texts fell outside the cells that take one."""

        def __init__(self, grid: CellGrid, filled: int, skipped: int) -> None:
            super().__init__()
            self.grid = grid
            self.filled = filled
            self.skipped = skipped

    def __init__(self, validate: Validator, **kwargs: Any) -> None:
        super().__init__(cursor_type="cell", show_row_labels=True, zebra_stripes=True, **kwargs)
        self.validate = validate
        self._rows: list[str] = []
        self._columns: list[str] = []
        self._cells: dict[Key, GridCell] = {}
        self._editing: Key | None = None
        self._buffer = ""

    # -- filling and reading -----------------------------------------------------------------------

    def fill(self, rows: list[GridLine], columns: list[GridLine], cells: Mapping[Key, GridCell]) -> None:
        """Show ``rows`` × ``columns``; a cell missing from ``cells`` is empty and editable."""
        self._editing = None
        self._rows = [r.key for r in rows]
        self._columns = [c.key for c in columns]
        self._cells = {(r, c): cells.get((r, c)) or GridCell() for r in self._rows for c in self._columns}
        for key, cell in self._cells.items():
            cell.error = self._check(key, cell.text)
        self.clear(columns=True)
        for column in columns:
            label = column.label if isinstance(column.label, Text) else Text(terminal_line(column.label))
            label = label.copy()
            label.pad_left(max(0, _MIN_WIDTH - label.cell_len))  # room to type into an empty column
            # Auto width: a column grows with the longest text typed into it.
            self.add_column(label, key=column.key)
        for row in rows:
            label = row.label if isinstance(row.label, Text) else Text(terminal_line(row.label))
            self.add_row(*(self._renderable((row.key, c)) for c in self._columns), key=row.key, label=label)

    def cell(self, key: Key) -> GridCell:
        """The cell ``(row, column)``."""
        return self._cells[key]

    @property
    def cursor_key(self) -> Key | None:
        """The cell under the cursor (None in an empty grid)."""
        if not self._rows or not self._columns:
            return None
        row, column = self.cursor_coordinate
        return self._rows[min(row, len(self._rows) - 1)], self._columns[min(column, len(self._columns) - 1)]

    @property
    def editing(self) -> bool:
        """Whether a cell is being typed into."""
        return self._editing is not None

    def changes(self) -> dict[Key, str]:
        """The cells whose text changed since filled, with their text ("" for an emptied cell)."""
        return {key: cell.text.strip() for key, cell in self._cells.items() if cell.changed}

    def errors(self) -> dict[Key, str]:
        """The cells holding a text they cannot keep, with the reason."""
        return {key: cell.error for key, cell in self._cells.items() if cell.error is not None}

    def go_to(self, key: Key) -> None:
        """Put the cursor on the cell ``key``."""
        self.move_cursor(row=self._rows.index(key[0]), column=self._columns.index(key[1]))

    def set_error(self, key: Key, reason: str | None) -> None:
        """Mark a cell with a reason from elsewhere (the save refused it), or clear its mark."""
        self._cells[key].error = reason
        self._show(key)

    def reset(self, key: Key, text: str) -> None:
        """The cell holds ``text`` as stored now: its text and its original both (nothing changed)."""
        cell = self._cells[key]
        cell.text = cell.original = text
        cell.error = self._check(key, text)
        self._show(key)
        self.post_message(self.Changed(self, key))

    # -- editing -----------------------------------------------------------------------------------

    def commit_edit(self) -> None:
        """Keep what is being typed in its cell (nothing to do when no cell is being edited)."""
        if self._editing is None:
            return
        key, self._editing = self._editing, None
        self._set_text(key, self._buffer.strip())

    def cancel_edit(self) -> None:
        """Put the cell being edited back as it was."""
        if self._editing is not None:
            key, self._editing = self._editing, None
            self._show(key)

    def _begin(self, text: str) -> None:
        key = self.cursor_key
        if key is None:
            return
        if not self._cells[key].editable:
            self.post_message(self.Refused(self, key))
            return
        self._editing, self._buffer = key, text
        self._show(key)

    def _set_text(self, key: Key, text: str) -> None:
        cell = self._cells[key]
        before = (cell.text, cell.error)
        cell.text = text
        cell.error = self._check(key, text)
        self._show(key)
        if (cell.text, cell.error) != before:
            self.post_message(self.Changed(self, key))

    def _check(self, key: Key, text: str) -> str | None:
        """The validator's reason for ``text`` in ``key``; an empty cell is always valid."""
        return self.validate(key[0], key[1], text) if text.strip() else None

    def on_key(self, event: events.Key) -> None:
        """Characters go into the cell being edited; one that can start a number starts editing."""
        if self._editing is not None:
            if event.key == "escape":
                self.cancel_edit()
            elif event.key == "backspace":
                self._buffer = self._buffer[:-1]
                self._show(self._editing)
            elif event.is_printable and event.character:
                self._buffer += event.character
                self._show(self._editing)
            else:
                return  # enter, tab, the arrows: the bindings keep the text, then move
        elif event.is_printable and event.character in _STARTS:
            self._begin(event.character or "")
        else:
            return
        event.stop()
        event.prevent_default()

    # -- moving (each keeps what is being typed first) ---------------------------------------------

    def action_select_cursor(self) -> None:
        """``enter``: keep the cell's text and move down."""
        self.commit_edit()
        super().action_cursor_down()

    def action_next_cell(self) -> None:
        """``tab``: keep the cell's text and move right."""
        self.commit_edit()
        super().action_cursor_right()

    def action_previous_cell(self) -> None:
        """``shift+tab``: keep the cell's text and move left."""
        self.commit_edit()
        super().action_cursor_left()

    def action_cursor_up(self) -> None:
        self.commit_edit()
        super().action_cursor_up()

    def action_cursor_down(self) -> None:
        self.commit_edit()
        super().action_cursor_down()

    def action_cursor_left(self) -> None:
        self.commit_edit()
        super().action_cursor_left()

    def action_cursor_right(self) -> None:
        self.commit_edit()
        super().action_cursor_right()

    def action_page_up(self) -> None:
        self.commit_edit()
        super().action_page_up()

    def action_page_down(self) -> None:
        self.commit_edit()
        super().action_page_down()

    @on(DataTable.CellHighlighted)
    def _moved(self) -> None:
        # A click elsewhere while typing: the typed text stays in its cell, as with the keys.
        if self._editing is not None and self._editing != self.cursor_key:
            self.commit_edit()

    def action_clear_cell(self) -> None:
        """``delete``: empty the cell (while typing: empty what is typed)."""
        if self._editing is not None:
            self._buffer = ""
            self._show(self._editing)
            return
        key = self.cursor_key
        if key is None:
            return
        if not self._cells[key].editable:
            self.post_message(self.Refused(self, key))
            return
        self._set_text(key, "")

    def action_edit_cell(self) -> None:
        """``f2``: edit the cell's text as it is."""
        key = self.cursor_key
        if self._editing is None and key is not None:
            self._begin(self._cells[key].text)

    # -- pasting -----------------------------------------------------------------------------------

    def action_paste_copied(self) -> None:
        """``ctrl+v``: paste what the app copied."""
        self.paste(self.app.clipboard)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        self.paste(event.text)

    def paste(self, text: str) -> None:
        """Fill the cells from the cursor with tab- or newline-separated texts: a row, a column or
        a block copied from a spreadsheet; one text while editing goes into the cell being typed."""
        block = paste_block(text)
        if not block:
            return
        if self._editing is not None and len(block) == 1 and len(block[0]) == 1:
            self._buffer += block[0][0]
            self._show(self._editing)
            return
        self.commit_edit()
        row, column = self.cursor_coordinate
        filled = skipped = 0
        for i, texts in enumerate(block):
            for j, value in enumerate(texts):
                r, c = row + i, column + j
                key = (self._rows[r], self._columns[c]) if r < len(self._rows) and c < len(self._columns) else None
                if key is None or not self._cells[key].editable:
                    skipped += 1
                    continue
                self._set_text(key, value)
                filled += 1
        self.post_message(self.Pasted(self, filled, skipped))

    # -- drawing -----------------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"cell-grid--{name}", partial=True)

    def _renderable(self, key: Key) -> Text:
        cell = self._cells[key]
        if key == self._editing:
            return Text(terminal_line(self._buffer) + "▏", style=self._style("editing"), justify="right")
        if not cell.text and cell.placeholder:
            return Text(terminal_line(cell.placeholder), style=self._style("placeholder"), justify="right")
        if cell.error is not None:
            style = self._style("invalid")
        elif cell.changed:
            style = self._style("changed")
        elif not cell.editable:
            style = self._style("locked")
        else:
            style = Style()
        return Text(terminal_line(cell.text), style=style, justify="right")

    def _show(self, key: Key) -> None:
        try:
            self.update_cell(key[0], key[1], self._renderable(key), update_width=True)
        except CellDoesNotExist:  # being refilled
            return
        if key == self.cursor_key:
            # Its column may have grown with what was typed: keep the whole cell in view.
            self.move_cursor(scroll=True, animate=False)


def paste_block(text: str) -> list[list[str]]:
    """Pasted text as rows of cell texts: lines split at tabs, one trailing line end dropped (as
    spreadsheets copy), each text stripped of spaces and of quotes around it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.endswith("\n"):
        text = text[:-1]
    if not text.strip():
        return []
    return [[_unquote(value.strip()) for value in line.split("\t")] for line in text.split("\n")]


def _unquote(value: str) -> str:
    return value[1:-1].strip() if len(value) >= 2 and value[0] == value[-1] == '"' else value
