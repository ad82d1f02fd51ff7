"""The weekly log as the hat tab shows it: four columns of text, opened for editing with ``l``.

It repaints without asking for a new layout (fixed height, own ``render``), so a week switch redraws
the log alone, not the whole screen (SPEC §6).
"""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.message import Message
from textual.widget import Widget

from mkhats.domain.models import WeeklyLog
from mkhats.domain.safe_text import terminal_text
from mkhats.i18n import t
from mkhats.services.plans import LOG_FIELDS
from mkhats.ui.keys import KeyLabels, key_binding


class LogView(KeyLabels, Widget, can_focus=True):
    """Plan, fact, conclusion and action of one hat for the selected week, read-only."""

    BINDINGS = [key_binding("enter,l", "edit", "ui.key.edit_log", id="log.edit")]

    class EditRequested(Message):
        """The user wants to edit this log (``field`` to start in, if any)."""

        def __init__(self, hat: str, field: str | None = None) -> None:
            super().__init__()
            self.hat = hat
            self.field = field

    def __init__(self, hat: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.hat = hat
        self._log: WeeklyLog | None = None

    def show(self, log: WeeklyLog | None, week: str) -> None:
        """Show ``log`` (None: nothing written yet) for ``week``."""
        self._log = log
        self.border_title = t("ui.log", week=week)
        self.border_subtitle = t("ui.log_hint")
        self.refresh()

    def render(self) -> Table:
        narrow = self.size.width < 90
        table = Table.grid(expand=True, padding=(0, 1))
        per_row = 2 if narrow else 4
        for _ in range(per_row):
            table.add_column(ratio=1)
        cells = []
        for field in LOG_FIELDS:
            text = terminal_text(getattr(self._log, field)) if self._log else ""  # typed: several lines
            cell = Text()
            cell.append(t(f"ui.log.{field}"), style="bold")
            cell.append("\n")
            cell.append(text or "—", style="" if text else "dim")
            cells.append(cell)
        for start in range(0, len(cells), per_row):
            table.add_row(*cells[start : start + per_row])
        return table

    def action_edit(self) -> None:
        """Open the log editor."""
        self.post_message(self.EditRequested(self.hat))

    def on_click(self) -> None:
        self.action_edit()
