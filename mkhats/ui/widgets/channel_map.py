"""The CMO tab's channel map: each channel's leads, spend, revenue, CPL, ROMI, shares and verdict
(and, with a media plan, its budget, pace and planned CPL)."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import DataTable

from mkhats.domain.safe_text import terminal_line
from mkhats.present.cmo import ChannelView

_Shown = tuple[list[int], int]
"""The columns a row per channel shows, and its heading's height."""

VERDICT_STYLE = {"scale": "green", "test": "yellow", "cut": "red"}


class ChannelMap(DataTable[Any]):
    """One row per channel hat; ``enter`` or a click goes to that channel's tab."""

    DEFAULT_CSS = """
    ChannelMap {
        height: auto;
        border: round $primary 50%;
        border-title-color: $text;
        border-subtitle-color: $text-muted;
    }
    ChannelMap:focus {
        border: round $accent;
    }
    """

    class ChannelChosen(Message):
        """The user chose a channel to go to."""

        def __init__(self, hat: str) -> None:
            super().__init__()
            self.hat = hat

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.view: ChannelView | None = None
        """What is shown (for tests)."""
        self._hint = ""
        self._width = 0

    def show(self, view: ChannelView, hint: str = "") -> None:
        """Replace the rows with ``view``; ``hint`` names the key that switches week/month."""
        if view == self.view:
            return
        self.view = view
        self._hint = hint
        self._fill()

    def _fill(self) -> None:
        view = self.view
        if view is None:
            return
        # Hat and person names, the currency sign: typed by the user, shown literally on one line.
        lines = [[terminal_line(c) for c in line.cells] for line in view.lines]
        widths = [
            max(cell_len(c) for c in [label, *(cells[i] for cells in lines)]) for i, label in enumerate(view.header)
        ]
        self._width = self.size.width
        shown = self._columns(view, widths, lines)
        if shown is not None:
            self._by_channel(view, lines, widths, shown)
        else:
            self._by_measure(view, lines)
        self.border_title = view.title
        self.border_subtitle = self._hint

    def _by_channel(self, view: ChannelView, lines: list[list[str]], widths: list[int], shown: _Shown) -> None:
        """A row per channel, a column per measure (headings on two lines when that makes it fit)."""
        columns, heading = shown
        row = self.cursor_row if self.cursor_type == "row" else 0
        self.cursor_type = "row"
        self.header_height = heading
        self.clear(columns=True)
        for i in columns:
            width = widths[i] if heading == 1 else _two_line_width(view.header[i], lines, i)
            self.add_column(view.header[i], key=f"c{i}", width=width)
        last = len(view.header) - 1
        for line, texts in zip(view.lines, lines, strict=False):
            # Numbers right (every column but the channel, the wearer and the verdict), however many
            # the map has: a media plan adds its budget, pace and planned CPL.
            cells = [Text(texts[i], justify="right" if 2 <= i < last else "left") for i in columns]
            cells[-1].stylize(VERDICT_STYLE.get(line.verdict or "", "dim"))
            self.add_row(*cells, key=line.key)
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def _by_measure(self, view: ChannelView, lines: list[list[str]]) -> None:
        """Turned: a column per channel, a row per measure, when no row per channel fits the width
        (at 80 columns, or 100 in Russian): every number, name and verdict stays whole."""
        column = self.cursor_column if self.cursor_type == "column" else 1
        self.cursor_type = "column"
        self.header_height = 1
        self.clear(columns=True)
        # Widths from the content: auto-width columns are measured only when the table goes idle.
        self.add_column("", key="measure", width=max(cell_len(label) for label in view.header[1:]))
        for line, texts in zip(view.lines, lines, strict=False):
            heading = Text(texts[0], style="bold", justify="right")
            self.add_column(heading, key=line.key, width=max(cell_len(c) for c in texts))
        last = len(view.header) - 1
        for i, measure in enumerate(view.header[1:], start=1):
            cells = [Text(measure, style="bold")]
            for line, texts in zip(view.lines, lines, strict=False):
                cell = Text(texts[i], justify="right")
                if i == last:
                    cell.stylize(VERDICT_STYLE.get(line.verdict or "", "dim"))
                cells.append(cell)
            self.add_row(*cells, key=f"m{i}")
        if len(self.columns) > 1:
            self.move_cursor(column=max(1, min(column, len(self.columns) - 1)))

    def _columns(self, view: ChannelView, widths: list[int], lines: list[list[str]]) -> _Shown | None:
        """The columns that fit and the heading's height; None when no row per channel fits.

        The view's optional columns (the shares, beside a plan) leave, last first, only when the map
        would otherwise be cut (at 120 columns; at 160 all fit); then the headings take two lines;
        then the map turns (see ``_by_measure``)."""
        shown = list(range(len(view.header)))
        room = (self.size.width or self.app.size.width) - 2  # the border
        for i in [*reversed(view.optional), None]:
            if sum(widths[j] + 2 for j in shown) <= room:  # each cell is padded by one either side
                return shown, 1
            if i is not None:
                shown.remove(i)
        if sum(_two_line_width(view.header[j], lines, j) + 2 for j in shown) <= room:
            return shown, 2
        return None

    def on_resize(self) -> None:
        """A wider or narrower map may show more or fewer of the optional columns, or turn."""
        if self.view is not None and self.size.width != self._width:
            self._fill()

    @on(DataTable.ColumnSelected)
    def _column_selected(self, event: DataTable.ColumnSelected) -> None:
        event.stop()
        if event.column_key.value and event.column_key.value != "measure":
            self.post_message(self.ChannelChosen(event.column_key.value.split("/")[0]))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:  # a source's line goes to its channel's tab too
            self.post_message(self.ChannelChosen(event.row_key.value.split("/")[0]))


def _two_line_width(label: str, lines: list[list[str]], i: int) -> int:
    """Column ``i``'s width with its heading on two lines (split at the space that suits best)."""
    data = max((cell_len(cells[i]) for cells in lines), default=0)
    words = label.split(" ")
    halves = [max(cell_len(" ".join(words[:k])), cell_len(" ".join(words[k:]))) for k in range(1, len(words))] or [
        cell_len(label)
    ]
    return max(data, min(halves))
