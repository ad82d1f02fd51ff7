"""What the grid screens share (the week entry, the media plan): the two lines under a
``CellGrid`` kept in step with it, and leaving with typed cells asked first.

A subclass names its grid and lines by id prefix (``PREFIX = "we"`` → ``#we-grid``, ``#we-hint``,
``#we-status``) and says what the cursor's cell means (``_show_cursor``); the rest is here.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.screen import Screen
from textual.widgets import Static

from mkhats.i18n import t
from mkhats.present.week_entry import status_text
from mkhats.ui.keys import KeyLabels
from mkhats.ui.plain import plain
from mkhats.ui.widgets.cell_grid import CellGrid


class GridScreen(KeyLabels, Screen[bool]):
    """A screen around one ``CellGrid``, with a hint line and a status line under it."""

    PREFIX = ""
    """The id prefix of the grid and its lines."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._notice = ""
        """What the last paste or save said; kept until a cell changes."""

    @property
    def grid(self) -> CellGrid:
        """The grid."""
        return self.query_one(f"#{self.PREFIX}-grid", CellGrid)

    def _show_cursor(self) -> None:
        """The hint of the cell under the cursor, then the status (subclasses)."""
        self._status()

    def _hint(self, text: str, error: bool = False) -> None:
        hint = self.query_one(f"#{self.PREFIX}-hint", Static)
        hint.update(plain(text, lines=True))  # errors quote what was typed
        hint.set_class(error, "-error")

    def _status(self, notice: str | None = None) -> None:
        """The count of pending changes and cells to fix, then ``notice`` (kept until a cell changes:
        what a paste did, why nothing was saved)."""
        if notice is not None:
            self._notice = notice
        counts = status_text(len(self.grid.changes()), len(self.grid.errors()))
        line = " · ".join(p for p in (counts, self._notice) if p)
        self.query_one(f"#{self.PREFIX}-status", Static).update(plain(line))

    @on(CellGrid.CellHighlighted)
    def _moved(self) -> None:
        self._show_cursor()

    @on(CellGrid.Changed)
    def _changed(self) -> None:
        self._notice = ""
        self._show_cursor()

    def _leave_asking(self, question_key: str, go: Callable[[bool | None], None]) -> None:
        """``go(True)`` at once, or once the user agrees to lose the cells typed and not saved."""
        grid = self.grid
        grid.commit_edit()
        pending = len(grid.changes())
        if not pending:
            go(True)
            return
        from mkhats.ui.screens.form import ConfirmDialog

        question = t(question_key, n=pending, count=pending)
        self.app.push_screen(ConfirmDialog(question, t("week_entry.discard_yes"), t("week_entry.keep")), go)
