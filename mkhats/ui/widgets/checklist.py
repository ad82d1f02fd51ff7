"""A hat's checklist for the selected week: weekly items, then the month's and the quarter's."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.message import Message
from textual.widgets import DataTable

from mkhats.domain.safe_text import terminal_line
from mkhats.i18n import t
from mkhats.present.views import ChecklistLine
from mkhats.ui.keys import KeyLabels, bindings
from mkhats.ui.widgets.recall_table import RecallTable


class Checklist(KeyLabels, RecallTable):
    """Items with a tick box; ``space``, ``enter`` or a click toggles the highlighted one."""

    BINDINGS = bindings("checklist")

    class ItemToggled(Message):
        """The user ticked or unticked an item."""

        def __init__(self, line: ChecklistLine) -> None:
            super().__init__()
            self.line = line

    class EditRequested(Message):
        """The user asked to edit this hat's checklist."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", show_header=False, zebra_stripes=False, **kwargs)
        self._lines: dict[str, ChecklistLine] = {}

    def show(self, lines: list[ChecklistLine], done: int, total: int) -> None:
        """Replace the rows, keeping the cursor where it was."""
        row = self.cursor_row
        # A fixed width (auto-width columns are measured only when the table goes idle) that only
        # grows, so a week switch does not change the layout.
        texts = [terminal_line(line.label) for line in lines]  # typed by the user: shown literally
        labels = texts + [t(f"cadence.{c}") for c in ("monthly", "quarterly")]
        width = max(cell_len(x) for x in labels)
        text = next((c for k, c in self.columns.items() if k.value == "text"), None)
        if text is not None and width <= text.width:
            self.clear()
        else:
            self.clear(columns=True)
            self.add_column("", key="box", width=1)
            self.add_column("", key="text", width=max(width, text.width if text else 0))
        self._lines = {}
        cadence = "weekly"
        for line, shown in zip(lines, texts, strict=False):
            if line.row.item.cadence != cadence:
                cadence = line.row.item.cadence
                self.add_row("", Text(t(f"cadence.{cadence}"), style="bold"), key=f"heading-{cadence}")
            box = Text("☑", style="green") if line.row.done else Text("☐")
            label = Text(shown, style="dim" if line.row.done else "")
            self.add_row(box, label, key=line.row.item.id)
            self._lines[line.row.item.id] = line
        self.border_title = t("ui.checklist", done=done, total=total)
        # Its height from its rows, now: "auto" is measured only when the table goes idle, and on a
        # busy machine the row beside the KPIs was laid out before, clipping the list's last lines.
        # max-height (the stylesheet) still caps it.
        self.styles.height = self.row_count + self.styles.gutter.height
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    def _current(self) -> ChecklistLine | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self._lines.get(key or "")

    def action_tick(self) -> None:
        """Tick or untick the highlighted item."""
        line = self._current()
        if line is not None:
            self.post_message(self.ItemToggled(line))

    def action_edit_items(self) -> None:
        """Open the checklist editor."""
        self.post_message(self.EditRequested())

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_tick()

    async def _on_click(self, event: events.Click) -> None:
        """One click on an item ticks it, as a tick box does.

        A table selects a row on a click only when the row is already highlighted (a first click
        just moves the cursor there): a click that moves the cursor ticks here; one on the
        highlighted row ticks through ``RowSelected``. The keys are unchanged.
        """
        before = self.cursor_row
        await super()._on_click(event)
        row = event.style.meta.get("row")
        if isinstance(row, int) and row >= 0 and self.cursor_row == row != before:
            self.action_tick()
