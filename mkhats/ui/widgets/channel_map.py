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

    def show(self, view: ChannelView, hint: str = "") -> None:
        """Replace the rows with ``view``; ``hint`` names the key that switches week/month."""
        if view == self.view:
            return
        self.view = view
        row = self.cursor_row
        # Hat and person names, the currency sign: typed by the user, shown literally on one line.
        lines = [[terminal_line(c) for c in line.cells] for line in view.lines]
        widths = [
            max(cell_len(c) for c in [label, *(cells[i] for cells in lines)]) for i, label in enumerate(view.header)
        ]
        self.clear(columns=True)
        for i, label in enumerate(view.header):
            self.add_column(label, key=f"c{i}", width=widths[i])
        for line, texts in zip(view.lines, lines, strict=False):
            # Numbers right (every column but the channel, the wearer and the verdict), however many
            # the map has: a media plan adds its budget, pace and planned CPL.
            cells = [Text(c, justify="right" if 2 <= i < len(texts) - 1 else "left") for i, c in enumerate(texts)]
            cells[-1].stylize(VERDICT_STYLE.get(line.verdict or "", "dim"))
            self.add_row(*cells, key=line.key)
        self.border_title = view.title
        self.border_subtitle = hint
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:  # a source's line goes to its channel's tab too
            self.post_message(self.ChannelChosen(event.row_key.value.split("/")[0]))
