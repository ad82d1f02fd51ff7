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

VERDICT_STYLE = {"scale": "green", "test": "yellow", "cut": "red"}


class ChannelMap(DataTable[Any]):
    """One row per channel hat; ``enter`` or a click goes to that channel's tab."""

    DEFAULT_CSS = """
    ChannelMap {
        height: auto;
        max-height: 10;
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
        row = self.cursor_row
        # Hat and person names, the currency sign: typed by the user, shown literally on one line.
        lines = [[terminal_line(c) for c in line.cells] for line in view.lines]
        widths = [
            max(cell_len(c) for c in [label, *(cells[i] for cells in lines)]) for i, label in enumerate(view.header)
        ]
        shown = self._columns(view, widths)
        self._width = self.size.width
        self.clear(columns=True)
        for i in shown:
            self.add_column(view.header[i], key=f"c{i}", width=widths[i])
        last = len(view.header) - 1
        for line, texts in zip(view.lines, lines, strict=False):
            # Numbers right (every column but the channel, the wearer and the verdict), however many
            # the map has: a media plan adds its budget, pace and planned CPL.
            cells = [Text(texts[i], justify="right" if 2 <= i < last else "left") for i in shown]
            cells[-1].stylize(VERDICT_STYLE.get(line.verdict or "", "dim"))
            self.add_row(*cells, key=line.key)
        self.border_title = view.title
        self.border_subtitle = self._hint
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def _columns(self, view: ChannelView, widths: list[int]) -> list[int]:
        """The columns that fit: the view's optional ones (the shares, beside a plan) leave, last
        first, only when the map would otherwise be cut (at 120 columns; at 160 all fit)."""
        shown = list(range(len(view.header)))
        room = (self.size.width or self.app.size.width) - 2  # the border
        for i in reversed(view.optional):
            if sum(widths[j] + 2 for j in shown) <= room:  # each cell is padded by one either side
                break
            shown.remove(i)
        return shown

    def on_resize(self) -> None:
        """A wider or narrower map may show more or fewer of the optional columns."""
        if self.view is not None and self.view.optional and self.size.width != self._width:
            self._fill()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:  # a source's line goes to its channel's tab too
            self.post_message(self.ChannelChosen(event.row_key.value.split("/")[0]))
